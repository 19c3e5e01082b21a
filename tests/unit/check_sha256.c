/* Tier 1: core/sha256 against the FIPS 180-2 test vectors (appendix B)
 * and the NIST long-message example, whole and fed in pieces. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/sha256.h"

static const struct {
	const char *msg;
	const char *hex;
} vectors[] = {
	/* FIPS 180-2 B.1: one block */
	{ "abc",
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	/* FIPS 180-2 B.2: two blocks */
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	/* the empty message */
	{ "",
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	/* 896 bits (FIPS 180-4 examples, two-block padding edge) */
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

START_TEST(test_vectors)
{
	char out[SHA256_HEX_LEN + 1];
	const char *m = vectors[_i].msg;
	struct sha256 c;
	size_t k;

	sha256_hex(m, strlen(m), out);
	ck_assert_str_eq(out, vectors[_i].hex);
	/* the same, one byte at a time */
	sha256_init(&c);
	for (k = 0; m[k] != '\0'; k++)
		sha256_add(&c, m + k, 1);
	sha256_finish_hex(&c, out);
	ck_assert_str_eq(out, vectors[_i].hex);
}
END_TEST

/* FIPS 180-2 B.3: one million times 'a', in uneven pieces. */
START_TEST(test_million_a)
{
	char out[SHA256_HEX_LEN + 1];
	struct sha256 c;
	char *a = malloc(1000000);
	size_t done = 0, step = 1;

	memset(a, 'a', 1000000);
	sha256_hex(a, 1000000, out);
	ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	sha256_init(&c);
	while (done < 1000000) {
		size_t n = step < 1000000 - done ? step : 1000000 - done;

		sha256_add(&c, a + done, n);
		done += n;
		step = step * 7 % 997 + 1;
	}
	sha256_finish_hex(&c, out);
	ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	free(a);
}
END_TEST

/* Lengths 55, 56, 63, 64, 65: the padding boundaries, against a
 * digest computed for each by sha256sum. */
START_TEST(test_padding_lengths)
{
	static const struct { size_t n; const char *hex; } cases[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
		{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
	};
	char a[80], out[SHA256_HEX_LEN + 1];
	size_t i;

	memset(a, 'a', sizeof a);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sha256_hex(a, cases[i].n, out);
		ck_assert_msg(strcmp(out, cases[i].hex) == 0, "%zu a's: %s",
		    cases[i].n, out);
	}
}
END_TEST

static Suite *
sha256_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_vectors, 0,
	    (int)(sizeof vectors / sizeof vectors[0]));
	tcase_add_test(tc, test_million_a);
	tcase_add_test(tc, test_padding_lengths);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(sha256_suite)
