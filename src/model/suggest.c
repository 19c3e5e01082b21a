/* suggest.c - rank PALs for a client and say why. */
#include "peerdesk/model/suggest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

/* Points; docs/model-rules.md explains them. */
#define PTS_INTEREST 10		/* each shared interest (up to 4) */
#define PTS_SKILL 10		/* each skill the client wants (up to 4) */
#define PTS_GENDER 25		/* the gender asked for */
#define PTS_GENDER_NOT (-40)	/* another gender */
#define PTS_GENDER_UNSAID (-15)	/* the PAL has not said */
#define PTS_LANGUAGE 20
#define PTS_LANGUAGE_NOT (-20)
#define PTS_WORD 8		/* each other word of the preferences */
#define PTS_CHANGED (-50)	/* the client changed from this PAL */
#define PTS_SLOT 2		/* each free place (up to 3) */
#define PTS_LITTLE_ROOM (-10)
#define MAX_COUNTED 4

#define SUGGEST_ITEMS 32
#define SUGGEST_WORDS 16
#define SUGGEST_WLEN 24
#define SUGGEST_TEXT 64

struct suggest_item {
	char text[SUGGEST_TEXT];		/* trimmed, as written */
	char w[SUGGEST_WORDS][SUGGEST_WLEN];	/* significant words, stemmed */
	int nw;
};

struct suggest_list {
	struct suggest_item it[SUGGEST_ITEMS];
	int n;
};

/* Words that carry no meaning for matching. */
static const char *const suggest_stop[] = {
	"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "with",
	"for", "from", "by", "who", "whom", "that", "which", "is", "are", "be",
	"been", "was", "were", "it", "its", "i", "me", "my", "we", "our",
	"you", "your", "they", "them", "their", "he", "him", "his", "she",
	"her", "hers", "also", "very", "really", "some", "any", "not", "no",
	"but", "so", "as", "if", "about", "into", "up", "out", "etc", "eg",
	"can", "could", "would", "will", "should", "might", "please",
	"someone", "somebody", "person", "people", "pal", "pals", "worker",
	"like", "likes", "liked", "liking", "love", "loves", "enjoy",
	"enjoys", "prefer", "prefers", "preferred", "preferably",
	"preference", "want", "wants", "wanted", "help", "helps", "helping",
	"good", "nice", "lot", "lots", "things", "thing", "being", "has",
	"have", "had", "do", "does", "doing", "used", "now", "all", "other",
	"more", "most", "much", "one", "two", "too", "just", "what", "when",
};

static const char *const suggest_male[] = {
	"male", "man", "men", "gentleman", "gentlemen", "guy", "bloke", "m",
	"boy",
};
static const char *const suggest_female[] = {
	"female", "woman", "women", "lady", "ladies", "girl", "f", "gal",
};
static const char *const suggest_speak[] = {
	"speak", "speaks", "speaking", "speaker", "speakers", "spoken",
	"language", "languages", "fluent", "fluently",
};

static bool
suggest_in(const char *w, const char *const *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(w, set[i]) == 0)
			return true;
	return false;
}

/* The length of the first k bytes of s without a character cut short
 * at their end. */
static size_t
suggest_whole(const char *s, size_t k)
{
	size_t j = k;
	unsigned char lead;

	while (j > 0 && utf8_is_cont((unsigned char)s[j - 1]))
		j--;
	if (j > 0 && ((lead = (unsigned char)s[j - 1]) & 0xC0) == 0xC0 &&
	    k - (j - 1) < utf8_lead_len(lead))
		return j - 1;
	return k;
}

/* Drop a character cut short at the end of s (after snprintf). */
static void
suggest_fix_end(char *s)
{
	s[suggest_whole(s, strlen(s))] = '\0';
}

static bool
suggest_is_stop(const char *w)
{
	return suggest_in(w, suggest_stop, NELEM(suggest_stop));
}

static bool
suggest_wordch(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* Cut simple endings so "walks", "walking" and "walk" meet. */
static void
suggest_stem(char *w)
{
	size_t n = strlen(w);

	if (n > 5 && strcmp(w + n - 3, "ing") == 0) {
		n -= 3;
		w[n] = '\0';
		if (n > 2 && w[n - 1] == w[n - 2] && strchr("aeiou",
		    w[n - 1]) == NULL && w[n - 1] != 'l' && w[n - 1] != 's')
			w[--n] = '\0';
	} else if (n > 4 && strcmp(w + n - 3, "ies") == 0) {
		strcpy(w + n - 3, "y");
		n -= 2;
	} else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' &&
	    w[n - 2] != 'u' && w[n - 2] != 'i') {
		w[--n] = '\0';
	}
	if (n > 3 && w[n - 1] == 'e')
		w[--n] = '\0';
}

/* Next word of s from *pos: lower-case ASCII copy into w (cut to fit,
 * at a character boundary); returns 0 at the end. */
static bool
suggest_next_word(const char *s, size_t len, size_t *pos, char w[SUGGEST_WLEN])
{
	size_t i = *pos, k = 0;
	bool cut = false;

	while (i < len && !suggest_wordch((unsigned char)s[i]))
		i++;
	if (i >= len) {
		*pos = i;
		return false;
	}
	while (i < len && suggest_wordch((unsigned char)s[i])) {
		char c = s[i++];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (k + 1 < SUGGEST_WLEN)
			w[k++] = c;
		else
			cut = true;
	}
	if (cut)
		k = suggest_whole(w, k);
	w[k] = '\0';
	*pos = i;
	return true;
}

/* Copy s[0, n) trimmed into out (at most SUGGEST_TEXT - 1 bytes, whole
 * characters). */
static void
suggest_copy_trim(const char *s, size_t n, char out[SUGGEST_TEXT])
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	if (n >= SUGGEST_TEXT) {
		n = SUGGEST_TEXT - 1;
		while (n > 0 && utf8_is_cont((unsigned char)s[n]))
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

static void
suggest_add_item(struct suggest_list *l, const char *s, size_t n)
{
	struct suggest_item *it;
	size_t pos = 0;
	char w[SUGGEST_WLEN];

	if (l->n >= SUGGEST_ITEMS)
		return;
	it = &l->it[l->n];
	memset(it, 0, sizeof *it);
	suggest_copy_trim(s, n, it->text);
	while (suggest_next_word(s, n, &pos, w)) {
		if (suggest_is_stop(w) || w[0] == '\0')
			continue;
		suggest_stem(w);
		if (it->nw < SUGGEST_WORDS)
			memcpy(it->w[it->nw++], w, SUGGEST_WLEN);
	}
	if (it->nw > 0)
		l->n++;
}

/* Is the word at s (length n, any case) "and"? */
static bool
suggest_is_and(const char *s, size_t i, size_t len)
{
	return i + 3 <= len && (i == 0 ||
	    !suggest_wordch((unsigned char)s[i - 1])) && (s[i] == 'a' ||
	    s[i] == 'A') && (s[i + 1] == 'n' || s[i + 1] == 'N') &&
	    (s[i + 2] == 'd' || s[i + 2] == 'D') && (i + 3 == len ||
	    !suggest_wordch((unsigned char)s[i + 3]));
}

/* Split s into items at , ; / . & new lines and the word "and". */
static void
suggest_parse(struct suggest_list *l, const char *s)
{
	size_t len, i, start = 0;

	if (s == NULL)
		return;
	len = strlen(s);
	for (i = 0; i <= len; i++) {
		bool cut = i == len || strchr(",;/.&\n|", s[i]) != NULL;
		size_t skip = 1;

		if (!cut && suggest_is_and(s, i, len)) {
			cut = true;
			skip = 3;
		}
		if (cut) {
			suggest_add_item(l, s + start, i - start);
			start = i + skip;
			if (skip > 1)
				i += skip - 1;
		}
	}
}

static bool
suggest_has_word(const struct suggest_item *it, const char *w)
{
	int k;

	for (k = 0; k < it->nw; k++)
		if (strcmp(it->w[k], w) == 0)
			return true;
	return false;
}

/* Every word of the item with fewer words is in the other. */
static bool
suggest_item_match(const struct suggest_item *a, const struct suggest_item *b)
{
	const struct suggest_item *s = a->nw <= b->nw ? a : b;
	const struct suggest_item *l = s == a ? b : a;
	int k;

	for (k = 0; k < s->nw; k++)
		if (!suggest_has_word(l, s->w[k]))
			return false;
	return true;
}

static bool
suggest_list_has_word(const struct suggest_list *l, const char *w)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (suggest_has_word(&l->it[i], w))
			return true;
	return false;
}

static bool
suggest_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return *a == *b;
}

/* Append item text to a ", " list in buf unless already there; cut at
 * a character boundary. */
static void
suggest_join(char *buf, size_t n, const char *text, char seen[][SUGGEST_TEXT],
    int *nseen)
{
	size_t have = strlen(buf), add;
	int i;

	for (i = 0; i < *nseen; i++)
		if (suggest_ieq(seen[i], text))
			return;
	if (*nseen < SUGGEST_ITEMS)
		memcpy(seen[(*nseen)++], text, SUGGEST_TEXT);
	if (have > 0 && have + 2 < n) {
		memcpy(buf + have, ", ", 3);
		have += 2;
	}
	add = strlen(text);
	if (have + add + 1 > n) {
		add = n > have + 1 ? n - have - 1 : 0;
		while (add > 0 && utf8_is_cont((unsigned char)text[add]))
			add--;
	}
	memcpy(buf + have, text, add);
	buf[have + add] = '\0';
}

/* Items of a that some item of b matches, shown in the shorter words;
 * returns how many. */
static int
suggest_shared_lists(const struct suggest_list *a, const struct suggest_list *b,
    char *buf, size_t n)
{
	static char seen[SUGGEST_ITEMS][SUGGEST_TEXT];
	int i, j, count = 0, nseen = 0;

	if (n > 0)
		buf[0] = '\0';
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			const struct suggest_item *x = &a->it[i],
			    *y = &b->it[j];

			if (!suggest_item_match(x, y))
				continue;
			if (n > 0)
				suggest_join(buf, n, y->nw < x->nw ? y->text :
				    x->text, seen, &nseen);
			count++;
			break;
		}
	return count;
}

bool
suggest_shared(const char *a, const char *b, char *buf, size_t n)
{
	static struct suggest_list la, lb;

	la.n = lb.n = 0;
	suggest_parse(&la, a);
	suggest_parse(&lb, b);
	return suggest_shared_lists(&la, &lb, buf, n) > 0;
}

/* 1 male, 2 female, 0 neither or both, from any words of s. */
static int
suggest_gender_of(const char *s)
{
	size_t pos = 0, len;
	char w[SUGGEST_WLEN];
	bool male = false, female = false, nonbinary = false;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (suggest_next_word(s, len, &pos, w)) {
		if (suggest_in(w, suggest_male, NELEM(suggest_male)))
			male = true;
		else if (suggest_in(w, suggest_female, NELEM(suggest_female)))
			female = true;
		else if (strcmp(w, "binary") == 0 || strcmp(w, "nb") == 0 ||
		    strcmp(w, "enby") == 0)
			nonbinary = true;
	}
	if (nonbinary || male == female)
		return 0;
	return male ? 1 : 2;
}

const char *
suggest_wanted_gender(const char *preferences)
{
	switch (suggest_gender_of(preferences)) {
	case 1: return "male";
	case 2: return "female";
	default: return NULL;
	}
}

/* Could w name a language in a preference? */
static bool
suggest_lang_word(const char *w)
{
	return !suggest_is_stop(w) && !suggest_in(w, suggest_speak,
	    NELEM(suggest_speak)) && !suggest_in(w, suggest_male,
	    NELEM(suggest_male)) && !suggest_in(w, suggest_female,
	    NELEM(suggest_female)) && strcmp(w, "english") != 0 &&
	    strlen(w) > 2;
}

/* The language a preference text asks for ("speaks Polish", "a Polish
 * speaker", "BSL"), lower case, into out; 0 if none. */
static bool
suggest_wanted_language(const char *s, char out[SUGGEST_WLEN])
{
	char w[64][SUGGEST_WLEN];
	size_t pos = 0, len;
	int n = 0, i, j;

	out[0] = '\0';
	if (s == NULL)
		return false;
	len = strlen(s);
	while (n < 64 && suggest_next_word(s, len, &pos, w[n]))
		n++;
	for (i = 0; i < n; i++) {
		if (strcmp(w[i], "bsl") == 0 || (strcmp(w[i], "sign") == 0 &&
		    i + 1 < n && strncmp(w[i + 1], "language", 8) == 0)) {
			memcpy(out, "sign", 5);
			return true;
		}
	}
	for (i = 0; i < n; i++) {
		if (!suggest_in(w[i], suggest_speak, NELEM(suggest_speak)))
			continue;
		/* "speaks Polish", else "a Polish speaker" */
		for (j = i + 1; j < n && suggest_is_stop(w[j]); j++)
			;
		if (j < n && suggest_lang_word(w[j])) {
			memcpy(out, w[j], SUGGEST_WLEN);
			return true;
		}
		for (j = i - 1; j >= 0 && suggest_is_stop(w[j]); j--)
			;
		if (j >= 0 && suggest_lang_word(w[j])) {
			memcpy(out, w[j], SUGGEST_WLEN);
			return true;
		}
	}
	return false;
}

static void
suggest_add_reason(struct suggestion *sg, bool good, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
suggest_add_reason(struct suggestion *sg, bool good, const char *fmt, ...)
{
	va_list ap;
	struct suggest_reason *r;

	if (sg->nreasons >= SUGGEST_REASONS_MAX)
		return;
	r = &sg->reasons[sg->nreasons++];
	r->good = good;
	va_start(ap, fmt);
	vsnprintf(r->text, sizeof r->text, fmt, ap);
	va_end(ap);
	suggest_fix_end(r->text);
}

static int
suggest_min(int a, int b)
{
	return a < b ? a : b;
}

/* Capacity: clients against the limit, and this week's room. */
static void
suggest_capacity(const struct suggest_pal *p, struct suggestion *sg)
{
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN], room[80];
	int minutes = -1;

	sg->has_room = true;
	if (p->max_clients >= 0 && p->caseload >= p->max_clients) {
		sg->has_room = false;
		suggest_add_reason(sg, false, "full: has %d of %d clients",
		    p->caseload, p->max_clients);
	} else if (p->max_clients >= 0) {
		sg->score += PTS_SLOT *
		    suggest_min(p->max_clients - p->caseload, 3);
		suggest_add_reason(sg, true, "has %d of %d clients",
		    p->caseload, p->max_clients);
	} else {
		suggest_add_reason(sg, true, "has %d client%s", p->caseload,
		    p->caseload == 1 ? "" : "s");
	}

	if (!p->has_limit) {
		sg->room_minutes = -1;
		duration_format(p->week_minutes > 0 ? p->week_minutes : 0, d);
		suggest_add_reason(sg, true, "this week so far: %s", d);
		return;
	}
	if (p->minutes_left >= 0)
		minutes = p->minutes_left;
	if (p->pence_left >= 0 && p->rate_pence > 0) {
		int64_t by_pay = p->pence_left * 60 / p->rate_pence;

		if (by_pay > 7 * 24 * 60)
			by_pay = 7 * 24 * 60;
		minutes = minutes < 0 ? (int)by_pay : suggest_min(minutes,
		    (int)by_pay);
	}
	sg->room_minutes = minutes;
	room[0] = '\0';
	if (p->minutes_left >= 0)
		snprintf(room, sizeof room, "%s",
		    duration_format(p->minutes_left, d));
	if (p->pence_left >= 0)
		snprintf(room + strlen(room), sizeof room - strlen(room),
		    "%s%s", room[0] ? ", " : "",
		    money_format(p->pence_left, m));
	if (room[0] == '\0') {
		/* a limit with no figures known: say what was worked */
		sg->room_minutes = -1;
		suggest_add_reason(sg, true, "this week so far: %s",
		    duration_format(p->week_minutes > 0 ? p->week_minutes : 0,
		    d));
	} else if (minutes == 0 || p->pence_left == 0) {
		sg->has_room = false;
		suggest_add_reason(sg, false, "no room left this week");
	} else if (minutes >= 0 && minutes < SUGGEST_LITTLE_ROOM_MINUTES) {
		sg->score += PTS_LITTLE_ROOM;
		suggest_add_reason(sg, false, "little room this week: %s",
		    room);
	} else {
		suggest_add_reason(sg, true, "room this week: %s", room);
	}
}

/* Words of the preferences that mean something beyond gender and
 * language, matched against the PAL's whole profile. */
static void
suggest_pref_words(const struct suggest_client *c,
    const struct suggest_list *cint, const struct suggest_list *profile,
    const char *lang, struct suggestion *sg)
{
	char buf[SUGGEST_REASON_LEN - 32], w[SUGGEST_WLEN], stem[SUGGEST_WLEN];
	static char seen[SUGGEST_ITEMS][SUGGEST_TEXT];
	size_t pos = 0, len;
	int nseen = 0, count = 0;

	if (c->preferences == NULL)
		return;
	buf[0] = '\0';
	len = strlen(c->preferences);
	while (suggest_next_word(c->preferences, len, &pos, w)) {
		if (suggest_is_stop(w) || suggest_in(w, suggest_male,
		    NELEM(suggest_male)) || suggest_in(w, suggest_female,
		    NELEM(suggest_female)) || suggest_in(w, suggest_speak,
		    NELEM(suggest_speak)) || strcmp(w, lang) == 0 || strcmp(w,
		    "bsl") == 0 || strcmp(w, "sign") == 0 || strlen(w) < 3)
			continue;
		memcpy(stem, w, SUGGEST_WLEN);
		suggest_stem(stem);
		if (suggest_list_has_word(cint, stem) ||
		    !suggest_list_has_word(profile, stem))
			continue;
		{
			char t[SUGGEST_TEXT];

			snprintf(t, sizeof t, "%s", w);
			suggest_join(buf, sizeof buf, t, seen, &nseen);
		}
		count++;
	}
	if (count > 0) {
		sg->score += PTS_WORD * suggest_min(count, MAX_COUNTED);
		suggest_add_reason(sg, true, "as you asked: %s", buf);
	}
}

static void
suggest_score(const struct suggest_client *c, const struct suggest_pal *p,
    struct suggestion *sg)
{
	static struct suggest_list cint, cskill, pint, pskill, profile, plang;
	char buf[SUGGEST_REASON_LEN - 24], lang[SUGGEST_WLEN];
	int n, want;

	cint.n = cskill.n = pint.n = pskill.n = profile.n = plang.n = 0;
	suggest_parse(&cint, c->interests);
	suggest_parse(&cskill, c->skills_wanted);
	suggest_parse(&pint, p->interests);
	suggest_parse(&pint, p->activities);
	suggest_parse(&pint, p->likes);
	suggest_parse(&pskill, p->skills);
	suggest_parse(&pskill, p->work_experience);
	suggest_parse(&pskill, p->interests);
	suggest_parse(&pskill, p->activities);
	suggest_parse(&profile, p->interests);
	suggest_parse(&profile, p->activities);
	suggest_parse(&profile, p->likes);
	suggest_parse(&profile, p->skills);
	suggest_parse(&profile, p->work_experience);
	suggest_parse(&profile, p->my_story);
	suggest_parse(&plang, p->languages);

	if ((n = suggest_shared_lists(&cint, &pint, buf, sizeof buf)) > 0) {
		sg->score += PTS_INTEREST * suggest_min(n, MAX_COUNTED);
		suggest_add_reason(sg, true, "shares: %s", buf);
	}
	if ((n = suggest_shared_lists(&cskill, &pskill, buf, sizeof buf)) > 0) {
		sg->score += PTS_SKILL * suggest_min(n, MAX_COUNTED);
		suggest_add_reason(sg, true, "can help you learn: %s", buf);
	}
	if ((want = suggest_gender_of(c->preferences)) != 0) {
		const char *g = want == 1 ? "male" : "female";
		int have = suggest_gender_of(p->gender);

		if (have == want) {
			sg->score += PTS_GENDER;
			suggest_add_reason(sg, true, "you asked for a %s PAL",
			    g);
		} else if (p->gender == NULL || p->gender[0] == '\0') {
			sg->score += PTS_GENDER_UNSAID;
			suggest_add_reason(sg, false, "has not said their "
			    "gender; you asked for a %s PAL", g);
		} else {
			sg->score += PTS_GENDER_NOT;
			suggest_add_reason(sg, false,
			    "not a %s PAL, which you asked for", g);
		}
	}
	if (suggest_wanted_language(c->preferences, lang)) {
		char show[SUGGEST_WLEN];
		bool has = suggest_list_has_word(&plang, lang) ||
		    (strcmp(lang, "sign") == 0 &&
		    suggest_list_has_word(&plang, "bsl"));

		if (strcmp(lang, "sign") == 0)
			memcpy(show, "sign language", 14);
		else {
			memcpy(show, lang, SUGGEST_WLEN);
			if (show[0] >= 'a' && show[0] <= 'z')
				show[0] = (char)(show[0] - 'a' + 'A');
		}
		if (has) {
			sg->score += PTS_LANGUAGE;
			suggest_add_reason(sg, true, "speaks %s, as you asked",
			    show);
		} else {
			sg->score += PTS_LANGUAGE_NOT;
			suggest_add_reason(sg, false,
			    "no %s listed, which you asked for", show);
		}
	}
	suggest_pref_words(c, &cint, &profile, lang, sg);
	if (p->changed_from_on[0] != '\0') {
		sg->score += PTS_CHANGED;
		suggest_add_reason(sg, false, "you changed from this PAL on %s",
		    p->changed_from_on);
	}
	suggest_capacity(p, sg);
}

static const struct suggest_pal *suggest_sort_pals;

static int
suggest_cmp(const void *x, const void *y)
{
	const struct suggestion *a = x, *b = y;
	const struct suggest_pal *pa = &suggest_sort_pals[a->index];
	const struct suggest_pal *pb = &suggest_sort_pals[b->index];
	int c;

	if (a->has_room != b->has_room)
		return b->has_room - a->has_room;
	if (a->score != b->score)
		return b->score - a->score;
	if (pa->caseload != pb->caseload)
		return pa->caseload - pb->caseload;
	c = strcmp(pa->name ? pa->name : "", pb->name ? pb->name : "");
	if (c != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

void
suggest_rank(const struct suggest_client *c, const struct suggest_pal *pals,
    size_t n, struct suggestion *out)
{
	static const struct suggest_client none;
	size_t i;

	if (c == NULL)
		c = &none;
	for (i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].index = i;
		out[i].pal_id = pals[i].pal_id;
		suggest_score(c, &pals[i], &out[i]);
	}
	suggest_sort_pals = pals;
	qsort(out, n, sizeof *out, suggest_cmp);
	suggest_sort_pals = NULL;
}

char *
suggest_reasons_text(const struct suggestion *s, char *buf, size_t n)
{
	size_t have = 0;
	int i;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < s->nreasons; i++) {
		int k = snprintf(buf + have, n - have, "%s%s%s",
		    i > 0 ? "; " : "", s->reasons[i].good ? "" : "but ",
		    s->reasons[i].text);

		if (k < 0 || (size_t)k >= n - have) {
			suggest_fix_end(buf);
			break;
		}
		have += (size_t)k;
	}
	return buf;
}
