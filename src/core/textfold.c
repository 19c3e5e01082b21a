/* textfold.c - text folded for matching (see textfold.h). */
#include "peerdesk/core/textfold.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"

/* U+00C0 ... U+017F: what each letter folds to; NULL keeps it. */
static const char *const fold_latin[] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* D0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
	/* D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* F0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
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

/* A few letters of Latin Extended-B and beyond that names use. */
static const char *
textfold_other(int32_t cp)
{
	switch (cp) {
	case 0x0192: return "f";			/* ƒ */
	case 0x018F: case 0x0259: return "e";		/* Ə ə */
	case 0x01A0: case 0x01A1: return "o";		/* Ơ ơ */
	case 0x01AF: case 0x01B0: return "u";		/* Ư ư */
	case 0x0218: case 0x0219: return "s";		/* Ș ș */
	case 0x021A: case 0x021B: return "t";		/* Ț ț */
	case 0x01CD: case 0x01CE: return "a";		/* Ǎ ǎ */
	case 0x01CF: case 0x01D0: return "i";		/* Ǐ ǐ */
	case 0x01D1: case 0x01D2: return "o";		/* Ǒ ǒ */
	case 0x1E9E: return "ss";			/* ẞ */
	default: break;
	}
	if (cp >= 0x01D3 && cp <= 0x01DC)		/* Ǔ ... ǜ */
		return "u";
	return NULL;
}

/* Small letter for a Greek or Cyrillic capital, else cp. */
static int32_t
textfold_case(int32_t cp)
{
	if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2)
		return cp + 0x20;
	if (cp >= 0x0410 && cp <= 0x042F)
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	return cp;
}

char *
textfold(const char *utf8)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s = utf8 != NULL ? utf8 : "";
	size_t n = strlen(s), i = 0, k;
	int space = 0;
	int32_t cp;
	char enc[4];
	const char *to;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = sb.len > 0;
			i++;
			continue;
		}
		if (space) {
			strbuf_addc(&sb, ' ');
			space = 0;
		}
		if (c < 0x80) {
			strbuf_addc(&sb, (char)(c >= 'A' && c <= 'Z' ?
			    c - 'A' + 'a' : c));
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0 || cp < 0) {
			/* not UTF-8: the byte as it is */
			strbuf_addc(&sb, (char)c);
			i++;
			continue;
		}
		i += k;
		if (cp >= 0x0300 && cp <= 0x036F)	/* combining accent */
			continue;
		if (cp == 0x00A0) {			/* no-break space */
			space = sb.len > 0;
			continue;
		}
		to = NULL;
		if (cp >= 0x00C0 && cp <= 0x017F)
			to = fold_latin[cp - 0x00C0];
		else
			to = textfold_other(cp);
		if (to != NULL) {
			strbuf_adds(&sb, to);
			continue;
		}
		cp = textfold_case(cp);
		strbuf_add(&sb, enc, utf8_encode(cp, enc));
	}
	return strbuf_detach(&sb);
}

void
textfold_to(const char *s, struct strbuf *out)
{
	char *f = textfold(s);

	strbuf_adds(out, f);
	free(f);
}

char *
textfold_phone_digits(const char *s)
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
