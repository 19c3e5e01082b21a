#include "peerdesk/tui/field.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/core/textfold.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/today.h"

#define POUND "\xc2\xa3"

static const char *
field_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A copy of text without leading and trailing blanks (caller frees). */
static char *
field_trim(const char *text)
{
	const char *s = field_skip_space(text ? text : "");
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n'))
		n--;
	return xstrndup(s, n);
}

/* ---- dates -------------------------------------------------------------- */

bool
field_date_valid(const char *date)
{
	pd_date d;

	return date != NULL && date_parse(date, &d, NULL) == PD_OK;
}

static const char field_date_hint[] =
    "Type 31/12/2025, 31/12/25, 2025-12-31, today or +3";

enum pd_status
field_parse_date(const char *text, const char *today, char out[11],
    struct pd_err *err)
{
	char *t = field_trim(text);
	long offset = 0;
	bool relative = true;
	pd_date now;
	char *end;

	if (strcasecmp(t, "today") == 0) {
		offset = 0;
	} else if (strcasecmp(t, "yesterday") == 0) {
		offset = -1;
	} else if (strcasecmp(t, "tomorrow") == 0) {
		offset = 1;
	} else if ((t[0] == '+' || t[0] == '-') &&
	    isdigit((unsigned char)t[1])) {
		offset = strtol(t, &end, 10);
		if (*end != '\0' || offset > 3660 || offset < -3660) {
			free(t);
			return pd_fail(err, PD_INVALID, NULL, "%s",
			    field_date_hint);
		}
	} else {
		relative = false;
	}
	if (!relative) {
		/* the one date reader (model/date.c): 2025-12-31,
		 * 31/12/2025, 31/12/25 */
		pd_date got;
		struct pd_err e;

		if (today == NULL || date_parse(today, &now, NULL) != PD_OK)
			now = today_get();
		if (date_parse_typed(t, now, &got, &e) != PD_OK) {
			free(t);
			/* a shape it does not know: the shapes it does; a day
			 * that does not exist: which, and why */
			return pd_fail(err, PD_INVALID, NULL, "%s",
			    strstr(e.msg, DATE_SHAPES) != NULL ?
			    field_date_hint : e.msg);
		}
		date_format(got, out);
		free(t);
		return PD_OK;
	}
	free(t);
	if (today == NULL || date_parse(today, &now, NULL) != PD_OK)
		return pd_fail(err, PD_INVALID, NULL,
		    "Today's date is not known here; type the full date");
	date_format(now + (pd_date)offset, out);
	return PD_OK;
}

/* ---- money ------------------------------------------------------------ */

/* Forms also take "£ 12.71", "- £3" and "£-3": the sign first, with no
 * blanks after it or the pound sign (caller frees). */
static char *
field_money_tidy(const char *text)
{
	const char *s = field_skip_space(text != NULL ? text : "");
	struct strbuf sb = STRBUF_INIT;
	bool neg = false, pound;

	if (*s == '-') {
		neg = true;
		s = field_skip_space(s + 1);
	}
	if ((pound = strncmp(s, POUND, 2) == 0))
		s = field_skip_space(s + 2);
	if (*s == '-' && !neg) {
		neg = true;
		s++;
	}
	strbuf_adds(&sb, neg ? "-" : "");
	strbuf_adds(&sb, pound ? POUND : "");
	strbuf_adds(&sb, s);
	return strbuf_detach(&sb);
}

/* The model's reader (model/money.c), with the form's words. */
enum pd_status
field_parse_money(const char *text, int64_t *pence, struct pd_err *err)
{
	char *t = field_money_tidy(text);
	enum pd_status st = money_parse(t, MONEY_NEGATIVE_OK, pence, NULL);

	free(t);
	if (st == PD_OK)
		return PD_OK;
	return pd_fail(err, PD_INVALID, NULL,
	    "Use an amount like 12.50 or " POUND "12.50");
}

const char *
field_format_money(int64_t pence, char buf[32])
{
	return money_format(pence, buf);
}

/* ---- durations -------------------------------------------------------- */

/* In a form: no bare numbers ("6" could be hours or minutes), zero is
 * allowed (a field's own minimum says otherwise), up to a week. */
enum pd_status
field_parse_duration(const char *text, int *minutes, struct pd_err *err)
{
	return duration_parse_as(text, DURATION_ZERO_OK, FIELD_DURATION_MAX,
	    minutes, err);
}

const char *
field_format_duration(int minutes, char buf[32])
{
	return duration_format(minutes, buf);
}

/* ---- numbers ---------------------------------------------------------- */

enum pd_status
field_parse_number(const char *text, long long *out, struct pd_err *err)
{
	char *t = field_trim(text), *end;
	long long v;

	if (t[0] == '\0' || (!isdigit((unsigned char)t[0]) &&
	    !((t[0] == '-' || t[0] == '+') && isdigit((unsigned char)t[1])))) {
		free(t);
		return pd_fail(err, PD_INVALID, NULL, "Use a whole number");
	}
	v = strtoll(t, &end, 10);
	if (*end != '\0' || v == LLONG_MAX || v == LLONG_MIN) {
		free(t);
		return pd_fail(err, PD_INVALID, NULL, "Use a whole number");
	}
	free(t);
	*out = v;
	return PD_OK;
}

/* ---- choices ---------------------------------------------------------- */

const struct field_choice *
field_choices(const struct field_def *f, const void *rec)
{
	return f->choices_of != NULL ? f->choices_of(rec) : f->choices;
}

size_t
field_choice_count(const struct field_choice *choices)
{
	size_t n = 0;

	while (choices != NULL && choices[n].label != NULL)
		n++;
	return n;
}

int
field_choice_index(const struct field_choice *choices, int value)
{
	size_t i, n = field_choice_count(choices);

	for (i = 0; i < n; i++)
		if (choices[i].value == value)
			return (int)i;
	return -1;
}

int
field_choice_find(const struct field_choice *choices, const char *text)
{
	/* folded (core/textfold.h): "sean" picks the client Seán */
	char *trimmed = field_trim(text);
	char *t = textfold(trimmed);
	size_t i, n = field_choice_count(choices), len = strlen(t);
	int found = -1, exact = -1;

	free(trimmed);
	for (i = 0; len > 0 && i < n && exact < 0; i++) {
		char *l = textfold(choices[i].label);

		if (strcmp(l, t) == 0)
			exact = (int)i;
		else if (strncmp(l, t, len) == 0)
			found = found == -1 ? (int)i : -2;
		free(l);
	}
	free(t);
	if (exact >= 0)
		return exact;
	return found < 0 ? -1 : found;
}

/* ---- whole fields ----------------------------------------------------- */

static void
field_limits(const struct field_def *f, long long *min, long long *max)
{
	*min = f->min;
	*max = f->max;
	if (f->min != 0 || f->max != 0)
		return;
	switch (f->kind) {
	case FIELD_MONEY:
		*max = 100000000000LL;	/* a billion pounds */
		break;
	case FIELD_DURATION:
		*max = 7 * 24 * 60;
		break;
	default:
		*max = INT_MAX;
		break;
	}
}

static size_t
field_max_len(const struct field_def *f)
{
	if (f->max_len > 0)
		return f->max_len;
	return f->kind == FIELD_MULTILINE ? 5000 : 500;
}

/* Count code points. */
static size_t
field_chars(const char *s)
{
	size_t n = 0, i = 0, len = strlen(s);
	int32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

static enum pd_status
field_range(const struct field_def *f, long long v, struct pd_err *err)
{
	long long min, max;
	char a[32], b[32];

	field_limits(f, &min, &max);
	if (v >= min && v <= max)
		return PD_OK;
	switch (f->kind) {
	case FIELD_MONEY:
		field_format_money(min, a);
		field_format_money(max, b);
		break;
	case FIELD_DURATION:
		field_format_duration((int)min, a);
		field_format_duration((int)max, b);
		break;
	default:
		snprintf(a, sizeof a, "%lld", min);
		snprintf(b, sizeof b, "%lld", max);
		break;
	}
	if (v < min && max == INT_MAX)
		return pd_fail(err, PD_INVALID, f->id, "The least is %s", a);
	if (v < min)
		return pd_fail(err, PD_INVALID, f->id,
		    "Use something from %s to %s", a, b);
	return pd_fail(err, PD_INVALID, f->id, "The most is %s", b);
}

enum pd_status
field_check(const struct field_def *f, const char *text, const char *today,
    struct strbuf *canon, struct pd_err *err)
{
	char *t = field_trim(text);
	char buf[32];
	long long n;
	int64_t pence;
	int minutes, idx;
	size_t chars;
	enum pd_status st = PD_OK;

	if (t[0] == '\0') {
		free(t);
		if (f->required)
			return pd_fail(err, PD_INVALID, f->id,
			    "This one is needed");
		return PD_OK;
	}
	switch (f->kind) {
	case FIELD_TEXT:
	case FIELD_MULTILINE:
		chars = field_chars(f->kind == FIELD_TEXT ? t : text);
		if (chars > field_max_len(f)) {
			st = pd_fail(err, PD_INVALID, f->id,
			    "That is %zu characters; the most is %zu", chars,
			    field_max_len(f));
			break;
		}
		if (canon != NULL)
			strbuf_adds(canon, f->kind == FIELD_TEXT ? t : text);
		break;
	case FIELD_DATE:
		st = field_parse_date(t, today, buf, err);
		if (st == PD_OK && canon != NULL)
			strbuf_adds(canon, buf);
		break;
	case FIELD_CHOICE:
		idx = field_choice_find(f->choices, t);
		if (idx < 0) {
			st = pd_fail(err, PD_INVALID, f->id,
			    "Pick one of the choices");
			break;
		}
		if (canon != NULL)
			strbuf_adds(canon, f->choices[idx].label);
		break;
	case FIELD_NUMBER:
		st = field_parse_number(t, &n, err);
		if (st == PD_OK)
			st = field_range(f, n, err);
		if (st == PD_OK && canon != NULL)
			strbuf_addf(canon, "%lld", n);
		break;
	case FIELD_MONEY:
		st = field_parse_money(t, &pence, err);
		if (st == PD_OK)
			st = field_range(f, pence, err);
		if (st == PD_OK && canon != NULL)
			strbuf_adds(canon, field_format_money(pence, buf));
		break;
	case FIELD_DURATION:
		st = field_parse_duration(t, &minutes, err);
		if (st == PD_OK)
			st = field_range(f, minutes, err);
		if (st == PD_OK && canon != NULL)
			strbuf_adds(canon, field_format_duration(minutes, buf));
		break;
	}
	free(t);
	if (st != PD_OK && err != NULL)
		snprintf(err->field, sizeof err->field, "%s", f->id);
	return st;
}

void
field_load(const struct field_def *f, const void *rec, struct strbuf *out)
{
	const struct field_choice *choices;
	const char *base = rec;
	char buf[32];
	int idx, v;
	int64_t pence;

	if (f->get != NULL) {
		f->get(rec, f, out);
		return;
	}
	switch (f->kind) {
	case FIELD_TEXT:
	case FIELD_MULTILINE: {
		const char *s;

		memcpy(&s, base + f->offset, sizeof s);
		if (s != NULL)
			strbuf_adds(out, s);
		break;
	}
	case FIELD_DATE:
		strbuf_add(out, base + f->offset,
		    strnlen(base + f->offset, 10));
		break;
	case FIELD_CHOICE:
		memcpy(&v, base + f->offset, sizeof v);
		choices = field_choices(f, rec);
		idx = field_choice_index(choices, v);
		if (idx >= 0)
			strbuf_adds(out, choices[idx].label);
		break;
	case FIELD_NUMBER:
		memcpy(&v, base + f->offset, sizeof v);
		if (v != -1)
			strbuf_addf(out, "%d", v);
		break;
	case FIELD_MONEY:
		memcpy(&pence, base + f->offset, sizeof pence);
		if (pence != -1)
			strbuf_adds(out, field_format_money(pence, buf));
		break;
	case FIELD_DURATION:
		memcpy(&v, base + f->offset, sizeof v);
		if (v != -1)
			strbuf_adds(out, field_format_duration(v, buf));
		break;
	}
}

enum pd_status
field_store(const struct field_def *f, void *rec, const char *text,
    const char *today, struct pd_err *err)
{
	struct strbuf canon = STRBUF_INIT;
	const struct field_choice *choices;
	char *base = rec;
	enum pd_status st;
	long long n;
	int64_t pence;
	int v, idx;

	st = field_check(f, text, today, &canon, err);
	if (st != PD_OK) {
		strbuf_fini(&canon);
		return st;
	}
	if (f->set != NULL) {
		st = f->set(rec, f, strbuf_str(&canon), err);
		if (st != PD_OK && err != NULL && err->field[0] == '\0')
			snprintf(err->field, sizeof err->field, "%s", f->id);
		strbuf_fini(&canon);
		return st;
	}
	switch (f->kind) {
	case FIELD_TEXT:
	case FIELD_MULTILINE: {
		char *old, *s = canon.len ? xstrdup(canon.buf) : NULL;

		memcpy(&old, base + f->offset, sizeof old);
		free(old);
		memcpy(base + f->offset, &s, sizeof s);
		break;
	}
	case FIELD_DATE:
		memset(base + f->offset, 0, 11);
		memcpy(base + f->offset, strbuf_str(&canon),
		    canon.len < 10 ? canon.len : 10);
		break;
	case FIELD_CHOICE:
		choices = field_choices(f, rec);
		idx = field_choice_find(choices, strbuf_str(&canon));
		v = idx >= 0 ? choices[idx].value : -1;
		memcpy(base + f->offset, &v, sizeof v);
		break;
	case FIELD_NUMBER:
		v = -1;
		if (canon.len && field_parse_number(canon.buf, &n, NULL) ==
		    PD_OK)
			v = (int)n;
		memcpy(base + f->offset, &v, sizeof v);
		break;
	case FIELD_MONEY:
		pence = -1;
		if (canon.len)
			field_parse_money(canon.buf, &pence, NULL);
		memcpy(base + f->offset, &pence, sizeof pence);
		break;
	case FIELD_DURATION:
		v = -1;
		if (canon.len)
			field_parse_duration(canon.buf, &v, NULL);
		memcpy(base + f->offset, &v, sizeof v);
		break;
	}
	strbuf_fini(&canon);
	return PD_OK;
}

void
field_free_strings(const struct field_def *fields, void *rec)
{
	const struct field_def *f;
	char *base = rec, *s;

	for (f = fields; f->id != NULL; f++) {
		if (f->get != NULL ||
		    (f->kind != FIELD_TEXT && f->kind != FIELD_MULTILINE))
			continue;
		memcpy(&s, base + f->offset, sizeof s);
		free(s);
		s = NULL;
		memcpy(base + f->offset, &s, sizeof s);
	}
}
