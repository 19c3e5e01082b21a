/* mention.c - where free text names a client (see mention.h). */
#include "peerdesk/model/mention.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* A word of a text: its bytes and its folded spelling. */
struct mtok {
	size_t start, end;
	char *fold;
	size_t letters;
};

struct mtoks {
	struct mtok *v;
	size_t n, cap;
};

/* A sequence of folded words that names the client for certain. */
struct mseq {
	char **w;
	size_t n;
};

struct mention_rule {
	struct mseq seq[3];	/* whole name, first + last, preferred + last */
	size_t nseq;
	char *one;		/* a one-word name, folded (any length) */
	char **part;		/* single words of 4+ letters */
	size_t npart;
	char digits[64];	/* the phone's digits, "" when fewer than 6 */
	char intl[64];		/* "44..." for a number starting with 0 */
};

static bool
mention_is_mark(int32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f);
}

/* Letters, digits and combining marks make words; anything else
 * (spaces, punctuation, symbols, emoji) is between words. */
static bool
mention_is_word(int32_t cp)
{
	if (cp < 0)
		return false;
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	if (cp < 0xc0)
		return cp == 0xaa || cp == 0xb5 || cp == 0xba;
	if (cp == 0xd7 || cp == 0xf7 || cp == 0x37e || cp == 0x387)
		return false;
	if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xfe10 && cp <= 0xfe1f) ||
	    (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff0f) ||
	    (cp >= 0xff1a && cp <= 0xff20) || (cp >= 0xff3b && cp <= 0xff40) ||
	    (cp >= 0xff5b && cp <= 0xff65) || (cp >= 0x1f000 && cp <= 0x1ffff))
		return false;
	return true;
}

/* U+00C0..U+00FF: the letter without its accent ('*' = not a letter,
 * '?' = kept as it is). */
static const char latin1[] =
	"aaaaaaaceeeeiiiidnooooo*ouuuuy?s"
	"aaaaaaaceeeeiiiidnooooo*ouuuuy?y";
/* U+0100..U+017F the same way. */
static const char latin_a[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk"
	"llllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuu"
	"wwyyyzzzzzzs";

/* cp in lower case without accents; 0 for a combining mark (dropped). */
static int32_t
mention_fold(int32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xc0 && cp <= 0xff) {
		char c = latin1[cp - 0xc0];

		return c == '?' || c == '*' ? (cp < 0xe0 && c == '?' ?
		    cp + 32 : cp) : c;
	}
	if (cp >= 0x100 && cp <= 0x17f)
		return latin_a[cp - 0x100];
	if (mention_is_mark(cp))
		return 0;
	if (cp >= 0x391 && cp <= 0x3a9)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 80;
	return cp;
}

static void
mention_toks_fini(struct mtoks *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].fold);
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* Split text into words. */
static void
mention_tokenise(const char *text, struct mtoks *out)
{
	size_t len = strlen(text), i = 0, n;
	struct strbuf f = STRBUF_INIT;
	int32_t cp, lc;
	int in = 0;
	char enc[4];

	memset(out, 0, sizeof *out);
	while (i <= len) {
		if (i < len)
			n = utf8_decode(text + i, len - i, &cp);
		else {
			n = 1;
			cp = -1;
		}
		if (mention_is_word(cp)) {
			if (!in) {
				if (out->n == out->cap) {
					out->cap = out->cap ? out->cap * 2 : 16;
					out->v = xreallocarray(out->v, out->cap,
					    sizeof *out->v);
				}
				memset(&out->v[out->n], 0, sizeof out->v[0]);
				out->v[out->n].start = i;
				strbuf_reset(&f);
				in = 1;
			}
			if ((lc = mention_fold(cp)) != 0) {
				strbuf_add(&f, enc, utf8_encode(lc, enc));
				out->v[out->n].letters++;
			}
		} else if (in) {
			out->v[out->n].end = i;
			out->v[out->n].fold = xstrdup(strbuf_str(&f));
			out->n++;
			in = 0;
		}
		i += n;
	}
	strbuf_fini(&f);
}

static void
mention_seq_set(struct mseq *s, char *const *words, size_t n)
{
	size_t i;

	s->w = xcalloc(n, sizeof *s->w);
	s->n = n;
	for (i = 0; i < n; i++)
		s->w[i] = xstrdup(words[i]);
}

static bool
mention_seq_same(const struct mseq *a, char *const *w, size_t n)
{
	size_t i;

	if (a->n != n)
		return false;
	for (i = 0; i < n; i++)
		if (strcmp(a->w[i], w[i]) != 0)
			return false;
	return true;
}

static void
mention_add_seq(struct mention_rule *r, char *const *w, size_t n)
{
	size_t i;

	if (n < 2)
		return;
	for (i = 0; i < r->nseq; i++)
		if (mention_seq_same(&r->seq[i], w, n))
			return;
	mention_seq_set(&r->seq[r->nseq++], w, n);
}

static void
mention_add_parts(struct mention_rule *r, const struct mtoks *t)
{
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		if (t->v[i].letters < 4)
			continue;
		for (j = 0; j < r->npart; j++)
			if (strcmp(r->part[j], t->v[i].fold) == 0)
				break;
		if (j < r->npart)
			continue;
		r->part = xreallocarray(r->part, r->npart + 1, sizeof *r->part);
		r->part[r->npart++] = xstrdup(t->v[i].fold);
	}
}

struct mention_rule *
mention_rule_new(const char *name, const char *preferred, const char *phone)
{
	struct mention_rule *r = xcalloc(1, sizeof *r);
	struct mtoks nt, pt;
	char **w;
	size_t i, k = 0;

	mention_tokenise(name != NULL ? name : "", &nt);
	mention_tokenise(preferred != NULL ? preferred : "", &pt);
	w = xcalloc(nt.n + pt.n + 2, sizeof *w);
	for (i = 0; i < nt.n; i++)
		w[i] = nt.v[i].fold;
	mention_add_seq(r, w, nt.n);
	if (nt.n == 1)
		r->one = xstrdup(nt.v[0].fold);
	if (nt.n >= 3) {
		w[0] = nt.v[0].fold;
		w[1] = nt.v[nt.n - 1].fold;
		mention_add_seq(r, w, 2);
	}
	if (pt.n > 0 && nt.n >= 2) {
		for (i = 0; i < pt.n; i++)
			w[i] = pt.v[i].fold;
		w[pt.n] = nt.v[nt.n - 1].fold;
		mention_add_seq(r, w, pt.n + 1);
	}
	free(w);
	mention_add_parts(r, &nt);
	mention_add_parts(r, &pt);
	mention_toks_fini(&nt);
	mention_toks_fini(&pt);
	for (; phone != NULL && *phone && k + 1 < sizeof r->digits; phone++)
		if (*phone >= '0' && *phone <= '9')
			r->digits[k++] = *phone;
	r->digits[k] = '\0';
	if (k < 6)
		r->digits[0] = '\0';
	else if (r->digits[0] == '0' && k + 2 < sizeof r->intl) {
		r->intl[0] = '4';
		r->intl[1] = '4';
		memcpy(r->intl + 2, r->digits + 1, k);	/* with its NUL */
	}
	return r;
}

void
mention_rule_free(struct mention_rule **rp)
{
	struct mention_rule *r = *rp;
	size_t i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->nseq; i++) {
		for (j = 0; j < r->seq[i].n; j++)
			free(r->seq[i].w[j]);
		free(r->seq[i].w);
	}
	free(r->one);
	for (i = 0; i < r->npart; i++)
		free(r->part[i]);
	free(r->part);
	free(r);
	*rp = NULL;
}

bool
mention_rule_any(const struct mention_rule *r)
{
	return r->nseq > 0 || r->npart > 0 || r->digits[0] != '\0';
}

/* Only spaces and hyphens between two words of a name. */
static bool
mention_gap_ok(const char *text, size_t from, size_t to)
{
	size_t i = from, n;
	int32_t cp;

	if (to <= from)
		return false;
	while (i < to) {
		n = utf8_decode(text + i, to - i, &cp);
		if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == '-' || cp == 0xa0 || (cp >= 0x2010 && cp <= 0x2015)))
			return false;
		i += n;
	}
	return true;
}

struct mhits {
	struct mention_hit *v;
	size_t n, cap;
};

static void
mention_push(struct mhits *h, size_t start, size_t end, enum mention_kind k)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 8;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->v[h->n].start = start;
	h->v[h->n].end = end;
	h->v[h->n].kind = k;
	h->n++;
}

static bool
mention_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The phone number's digits d from text + i (a digit with no digit just
 * before it); the end of the match, or 0. */
static size_t
mention_phone_at(const char *text, size_t i, const char *d)
{
	size_t k = 0, last = 0;

	while (text[i] != '\0' && d[k] != '\0') {
		if (mention_is_digit(text[i])) {
			if (text[i] != d[k])
				return 0;
			k++;
			last = i + 1;
		} else if (!(text[i] == ' ' || text[i] == '.' ||
		    text[i] == '-' || text[i] == '(' || text[i] == ')' ||
		    text[i] == '/'))
			return 0;
		i++;
	}
	if (d[k] != '\0' || mention_is_digit(text[last]))
		return 0;
	return last;
}

static int
mention_cmp(const void *a, const void *b)
{
	const struct mention_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

size_t
mention_find(const struct mention_rule *r, const char *text, int flags,
    struct mention_hit **hits)
{
	struct mtoks t;
	struct mhits h;
	size_t i, j, k, out, end;

	*hits = NULL;
	if (text == NULL || text[0] == '\0')
		return 0;
	memset(&h, 0, sizeof h);
	mention_tokenise(text, &t);
	for (i = 0; i < t.n; i++) {
		int found = 0;

		for (k = 0; k < r->nseq && !found; k++) {
			const struct mseq *s = &r->seq[k];

			if (i + s->n > t.n)
				continue;
			for (j = 0; j < s->n; j++)
				if (strcmp(t.v[i + j].fold, s->w[j]) != 0 ||
				    (j > 0 && !mention_gap_ok(text,
				    t.v[i + j - 1].end, t.v[i + j].start)))
					break;
			if (j == s->n) {
				mention_push(&h, t.v[i].start,
				    t.v[i + s->n - 1].end, MENTION_NAME);
				found = 1;
			}
		}
		if (!found && (flags & MENTION_FIND_ONE_WORD_NAME) &&
		    r->one != NULL && strcmp(t.v[i].fold, r->one) == 0) {
			mention_push(&h, t.v[i].start, t.v[i].end,
			    MENTION_NAME);
			found = 1;
		}
		for (k = 0; (flags & MENTION_FIND_PARTS) && !found &&
		    k < r->npart; k++)
			if (strcmp(t.v[i].fold, r->part[k]) == 0) {
				mention_push(&h, t.v[i].start, t.v[i].end,
				    MENTION_PART);
				found = 1;
			}
	}
	mention_toks_fini(&t);
	for (i = 0; r->digits[0] != '\0' && text[i] != '\0'; i++) {
		if (!mention_is_digit(text[i]) ||
		    (i > 0 && mention_is_digit(text[i - 1])))
			continue;
		end = mention_phone_at(text, i, r->digits);
		if (end == 0 && r->intl[0] != '\0')
			end = mention_phone_at(text, i, r->intl);
		if (end > 0)
			mention_push(&h, i, end, MENTION_PHONE);
	}
	if (h.n == 0) {
		free(h.v);
		return 0;
	}
	qsort(h.v, h.n, sizeof *h.v, mention_cmp);
	for (i = 1, out = 1; i < h.n; i++)
		if (h.v[i].start >= h.v[out - 1].end)
			h.v[out++] = h.v[i];
	*hits = h.v;
	return out;
}

void
mention_replace(const char *text, const struct mention_hit *hits, size_t n,
    const int *keep, const char *with, struct strbuf *out)
{
	size_t i, at = 0;

	for (i = 0; i < n; i++) {
		if (keep != NULL && !keep[i])
			continue;
		strbuf_add(out, text + at, hits[i].start - at);
		strbuf_adds(out, with);
		at = hits[i].end;
	}
	strbuf_adds(out, text + at);
}

/* Append text[from, to) with line breaks as " / ". */
static void
mention_flat(const char *text, size_t from, size_t to, struct strbuf *out)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (text[i] == '\r')
			continue;
		if (text[i] == '\n')
			strbuf_adds(out, " / ");
		else if (text[i] == '\t')
			strbuf_addc(out, ' ');
		else
			strbuf_addc(out, text[i]);
	}
}

void
mention_context(const char *text, const struct mention_hit *h,
    size_t around, struct strbuf *out)
{
	size_t from = h->start, to = h->end, len = strlen(text), c;

	for (c = 0; from > 0 && c < around; c++) {
		from--;
		while (from > 0 && utf8_is_cont((unsigned char)text[from]))
			from--;
	}
	for (c = 0; to < len && c < around; c++) {
		to++;
		while (to < len && utf8_is_cont((unsigned char)text[to]))
			to++;
	}
	if (from > 0)
		strbuf_adds(out, UTF8_ELLIPSIS);
	mention_flat(text, from, h->start, out);
	strbuf_addc(out, '[');
	mention_flat(text, h->start, h->end, out);
	strbuf_addc(out, ']');
	mention_flat(text, h->end, to, out);
	if (to < len)
		strbuf_adds(out, UTF8_ELLIPSIS);
}

const char *
mention_kind_label(enum mention_kind k)
{
	switch (k) {
	case MENTION_NAME: return "the name";
	case MENTION_PHONE: return "the phone number";
	case MENTION_PART: return "one word of the name";
	}
	return "?";
}
