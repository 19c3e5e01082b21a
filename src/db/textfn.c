#define _GNU_SOURCE	/* memmem */
/* textfn.c - SQL functions that find and replace text in time linear in
 * its length.
 *
 * SQLite's instr() and replace() compare the text they look for at
 * every position of the text they look in, so a long name looked for in
 * long notes costs the product of the two lengths: minutes for one
 * subject access copy or erasure.  memmem() (the C library's two-way
 * search) costs their sum.
 */
#include <string.h>

#include "db_priv.h"

/* pd_contains(text, part): 1 when part is in text, else 0; NULL when
 * either is NULL (as instr() > 0 would be). */
static void
textfn_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *hay, *needle;
	int nh, nn;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;		/* NULL */
	hay = sqlite3_value_text(argv[0]);
	nh = sqlite3_value_bytes(argv[0]);
	needle = sqlite3_value_text(argv[1]);
	nn = sqlite3_value_bytes(argv[1]);
	if (hay == NULL || needle == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_int(ctx, nn == 0 ||
	    memmem(hay, (size_t)nh, needle, (size_t)nn) != NULL);
}

/* out made cap bytes long, or NULL (out freed, the result set to an
 * out-of-memory error). */
static char *
textfn_grow(sqlite3_context *ctx, char *out, size_t cap)
{
	char *bigger = sqlite3_realloc64(out, cap);

	if (bigger == NULL) {
		sqlite3_free(out);
		sqlite3_result_error_nomem(ctx);
	}
	return bigger;
}

/* pd_replace(text, part, with): text with every part replaced, as
 * replace() does; NULL when any is NULL; text as it is for an empty
 * part. */
static void
textfn_replace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *hay, *needle, *with, *at, *p;
	size_t nh, nn, nw, len = 0, cap;
	char *out;
	int i;

	(void)argc;
	for (i = 0; i < 3; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return;		/* NULL */
	hay = (const char *)sqlite3_value_text(argv[0]);
	nh = (size_t)sqlite3_value_bytes(argv[0]);
	needle = (const char *)sqlite3_value_text(argv[1]);
	nn = (size_t)sqlite3_value_bytes(argv[1]);
	with = (const char *)sqlite3_value_text(argv[2]);
	nw = (size_t)sqlite3_value_bytes(argv[2]);
	if (hay == NULL || needle == NULL || with == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (nn == 0) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	cap = nh + 1;
	out = sqlite3_malloc64(cap);
	if (out == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	p = hay;
	while ((at = memmem(p, nh - (size_t)(p - hay), needle, nn)) != NULL) {
		size_t keep = (size_t)(at - p);

		if (len + keep + nw + (nh - (size_t)(at - hay)) + 1 > cap) {
			cap = 2 * cap + nw + keep;
			if ((out = textfn_grow(ctx, out, cap)) == NULL)
				return;
		}
		memcpy(out + len, p, keep);
		len += keep;
		memcpy(out + len, with, nw);
		len += nw;
		p = at + nn;
	}
	if (len + (nh - (size_t)(p - hay)) + 1 > cap) {
		cap = len + (nh - (size_t)(p - hay)) + 1;
		if ((out = textfn_grow(ctx, out, cap)) == NULL)
			return;
	}
	memcpy(out + len, p, nh - (size_t)(p - hay));
	len += nh - (size_t)(p - hay);
	out[len] = '\0';
	sqlite3_result_text64(ctx, out, len, sqlite3_free, SQLITE_UTF8);
}

int
db_textfn_register(sqlite3 *h)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc;

	rc = sqlite3_create_function_v2(h, "pd_contains", 2, flags, NULL,
	    textfn_contains, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(h, "pd_replace", 3, flags,
		    NULL, textfn_replace, NULL, NULL, NULL);
	return rc;
}
