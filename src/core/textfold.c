/* textfold.c - fold text for matching (see textfold.h). */
#include "peerdesk/core/textfold.h"

#include <stdint.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* U+00C0..U+017F, each as its plain lower-case spelling ("" = keep the
 * character as it is). */
static const char *const latin[0x180 - 0xC0] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* D0 */ "d", "n", "o", "o", "o", "o", "o", "",
	/* D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* F0 */ "d", "n", "o", "o", "o", "o", "o", "",
	/* F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
	/* 100 */ "a", "a", "a", "a", "a", "a", "c", "c",
	/* 108 */ "c", "c", "c", "c", "c", "c", "d", "d",
	/* 110 */ "d", "d", "e", "e", "e", "e", "e", "e",
	/* 118 */ "e", "e", "e", "e", "g", "g", "g", "g",
	/* 120 */ "g", "g", "g", "g", "h", "h", "h", "h",
	/* 128 */ "i", "i", "i", "i", "i", "i", "i", "i",
	/* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
	/* 138 */ "k", "l", "l", "l", "l", "l", "l", "l",
	/* 140 */ "l", "l", "l", "n", "n", "n", "n", "n",
	/* 148 */ "n", "n", "n", "n", "o", "o", "o", "o",
	/* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
	/* 158 */ "r", "r", "s", "s", "s", "s", "s", "s",
	/* 160 */ "s", "s", "t", "t", "t", "t", "t", "t",
	/* 168 */ "u", "u", "u", "u", "u", "u", "u", "u",
	/* 170 */ "u", "u", "u", "u", "w", "w", "y", "y",
	/* 178 */ "y", "z", "z", "z", "z", "z", "z", "s",
};

static int
fold_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\v' || cp == '\f' || cp == 0xA0;
}

void
text_fold_to(const char *s, struct strbuf *out)
{
	size_t n = s != NULL ? strlen(s) : 0, i = 0, start = out->len;
	int space = 0;

	while (i < n) {
		int32_t cp;
		size_t used = utf8_decode(s + i, n - i, &cp);
		const char *plain = NULL;

		if (cp == UTF8_INVALID) {
			i += used;
			continue;
		}
		if (fold_space(cp)) {
			space = 1;
			i += used;
			continue;
		}
		if (space && out->len > start)
			strbuf_addc(out, ' ');
		space = 0;
		if (cp >= 'A' && cp <= 'Z')
			strbuf_addc(out, (char)(cp - 'A' + 'a'));
		else if (cp >= 0xC0 && cp < 0x180 &&
		    (plain = latin[cp - 0xC0])[0] != '\0')
			strbuf_adds(out, plain);
		else if (cp == 0x1E9E)		/* capital sharp s */
			strbuf_adds(out, "ss");
		else
			strbuf_add(out, s + i, used);
		i += used;
	}
}

char *
text_fold(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	text_fold_to(s, &sb);
	return strbuf_detach(&sb);
}

char *
text_phone_digits(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	char *d;

	for (; s != NULL && *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			strbuf_addc(&sb, *s);
	d = strbuf_detach(&sb);
	if (strncmp(d, "0044", 4) == 0 && strlen(d) == 14) {
		memmove(d + 1, d + 4, strlen(d + 4) + 1);
		d[0] = '0';
	} else if (strncmp(d, "44", 2) == 0 && strlen(d) == 12) {
		memmove(d + 1, d + 2, strlen(d + 2) + 1);
		d[0] = '0';
	}
	return d;
}
