#include "peerdesk/model/permitted.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

#define PERMITTED_DASH "\xe2\x80\x93"	/* en dash, U+2013 */

/* Append to a fixed sentence buffer; output past the end is dropped. */
static void
permitted_add(char *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
permitted_add(char *buf, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 1 >= PERMITTED_SENTENCE_LEN)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, PERMITTED_SENTENCE_LEN - len, fmt, ap);
	va_end(ap);
}

/* The most `room` may be while the amount still counts as close to
 * `limit`: floor(limit x pct / 100), worked out without overflow. */
static int64_t
permitted_near_room(int64_t limit, int pct)
{
	return (limit / 100) * pct + (limit % 100) * pct / 100;
}

static int64_t
permitted_clamp64(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* "13h 30m of less than 16h; £171.59 of £203.50" and the like. */
static void
permitted_describe(const struct permitted_result *r, char *buf)
{
	char d[DURATION_STR_LEN], lim[DURATION_STR_LEN];
	char m[MONEY_STR_LEN], ml[MONEY_STR_LEN];

	duration_format(r->minutes, d);
	money_format(r->pence, m);
	if (r->has_hours_limit)
		permitted_add(buf, "%s of less than %s", d,
		    duration_format(r->hours_limit_minutes, lim));
	else
		permitted_add(buf, "%s", d);
	if ((r->missing & PERMITTED_NO_RATE) && r->pence > 0)
		permitted_add(buf, "; at least %s", m);
	else if (r->missing & PERMITTED_NO_RATE)
		permitted_add(buf, "; pay not known");
	else if (r->has_pay_limit)
		permitted_add(buf, "; %s of %s", m,
		    money_format(r->limit_pence, ml));
	else
		permitted_add(buf, "; %s", m);
}

const char *
permitted_missing_words(unsigned missing)
{
	if (missing & PERMITTED_NO_RULE)
		return "no benefit rule recorded: the limit cannot be "
		    "checked";
	if (missing & PERMITTED_NO_RATE)
		return "no pay rate recorded: the limit cannot be checked";
	return "";
}

/* " – room left: 2h 29m, £31.91" and the other endings. */
static void
permitted_conclude(const struct permitted_result *r, char *buf)
{
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN], ml[MONEY_STR_LEN];

	switch (r->verdict) {
	case PERMITTED_NA:
		if ((r->missing & PERMITTED_NO_RULE) || r->pay_unchecked)
			permitted_add(buf, " " PERMITTED_DASH " %s",
			    permitted_missing_words(r->missing));
		else if (r->rule == RULE_UC)
			permitted_add(buf, " " PERMITTED_DASH " Universal "
			    "Credit: no weekly limit, for information only");
		else if (r->rule == RULE_NONE)
			permitted_add(buf, " " PERMITTED_DASH " no "
			    "permitted-work limit applies");
		else if (r->no_figures)
			permitted_add(buf, " " PERMITTED_DASH " no limit is "
			    "set for this week: check the rules table");
		return;
	case PERMITTED_OK:
	case PERMITTED_NEAR:
		permitted_add(buf, " " PERMITTED_DASH " %s",
		    r->verdict == PERMITTED_NEAR ?
		    "close to the limit, room left: " : "room left: ");
		if (r->has_hours_limit)
			permitted_add(buf, "%s%s",
			    duration_format(r->minutes_left, d),
			    r->has_pay_limit ? ", " : "");
		if (r->has_pay_limit)
			permitted_add(buf, "%s", money_format(r->pence_left,
			    m));
		if (r->pay_unchecked)
			permitted_add(buf, " (no pay rate recorded: the pay "
			    "limit cannot be checked)");
		return;
	case PERMITTED_OVER:
		permitted_add(buf, " " PERMITTED_DASH " over the limit: ");
		if (r->hours_over)
			permitted_add(buf, "hours must be less than %s",
			    duration_format(r->hours_limit_minutes, d));
		if (r->hours_over && r->pay_over)
			permitted_add(buf, ", and ");
		if (r->pay_over)
			permitted_add(buf, "pay is %s more than %s",
			    money_format(r->pence_excess, m),
			    money_format(r->limit_pence, ml));
		if (r->pay_unchecked)
			permitted_add(buf, " (no pay rate recorded: the pay "
			    "limit cannot be checked)");
		return;
	}
}

void
permitted_check(enum benefit_rule rule, int minutes, int64_t pence,
    const struct permitted_limits *lim, int near_percent,
    struct permitted_result *out)
{
	permitted_check_missing(rule, 0, minutes, pence, lim, near_percent,
	    out);
}

/* The limits rule sets, taken from lim (NULL: none set). */
static void
permitted_set_limits(struct permitted_result *out, enum benefit_rule rule,
    const struct permitted_limits *lim)
{
	switch (rule) {
	case RULE_PERMITTED:
		out->has_hours_limit = true;
		out->has_pay_limit = true;
		if (lim != NULL) {
			out->hours_limit_minutes = lim->hours_limit_minutes;
			out->limit_pence = lim->higher_pence;
		}
		break;
	case RULE_SUPPORTED:
		out->has_pay_limit = true;
		if (lim != NULL)
			out->limit_pence = lim->higher_pence;
		break;
	case RULE_LOWER:
		out->has_pay_limit = true;
		if (lim != NULL)
			out->limit_pence = lim->lower_pence;
		break;
	case RULE_UC:
	case RULE_NONE:
	default:
		break;
	}
}

/* Drop the limits there is nothing to judge by: no usable figure, no
 * rule recorded, or (for pay) no rate recorded. */
static void
permitted_drop_limits(struct permitted_result *out)
{
	/* A rule with a limit but no usable figure: say so, judge nothing. */
	if ((out->has_pay_limit && out->limit_pence <= 0) ||
	    (out->has_hours_limit && out->hours_limit_minutes <= 0)) {
		out->no_figures = true;
		out->has_hours_limit = out->has_pay_limit = false;
		out->hours_limit_minutes = 0;
		out->limit_pence = 0;
	}
	/* Nothing recorded to judge by: say so, judge nothing. */
	if (out->missing & PERMITTED_NO_RULE) {
		out->has_hours_limit = out->has_pay_limit = false;
		out->hours_limit_minutes = 0;
		out->limit_pence = 0;
		out->no_figures = false;
	}
	if ((out->missing & PERMITTED_NO_RATE) && out->has_pay_limit) {
		out->has_pay_limit = false;
		out->limit_pence = 0;
		out->pay_unchecked = true;
	}
}

/* Over, near and the room left on each limit kept, and the verdict. */
static void
permitted_judge(struct permitted_result *out, int pct)
{
	if (out->has_hours_limit) {
		int hl = out->hours_limit_minutes;

		/* "Less than 16h": 960 minutes is over, 959 is the most. */
		if (out->minutes >= hl) {
			out->hours_over = true;
			out->minutes_excess = out->minutes - (hl - 1);
		} else {
			out->minutes_left = hl - 1 - out->minutes;
			out->hours_near = hl - out->minutes <=
			    permitted_near_room(hl, pct);
		}
	}
	if (out->has_pay_limit) {
		int64_t pl = out->limit_pence;

		/* "No more than the limit": the limit itself is within. */
		if (out->pence > pl) {
			out->pay_over = true;
			out->pence_excess = out->pence - pl;
		} else {
			out->pence_left = pl - out->pence;
			out->pay_near = out->pence_left <=
			    permitted_near_room(pl, pct);
		}
	}

	if (!out->has_hours_limit && !out->has_pay_limit)
		out->verdict = PERMITTED_NA;
	else if (out->hours_over || out->pay_over)
		out->verdict = PERMITTED_OVER;
	else if (out->hours_near || out->pay_near)
		out->verdict = PERMITTED_NEAR;
	else
		out->verdict = PERMITTED_OK;
}

void
permitted_check_missing(enum benefit_rule rule, unsigned missing,
    int minutes, int64_t pence, const struct permitted_limits *lim,
    int near_percent, struct permitted_result *out)
{
	memset(out, 0, sizeof *out);
	out->judged = 1;
	out->rule = rule;
	out->missing = missing & (PERMITTED_NO_RULE | PERMITTED_NO_RATE);
	out->minutes = minutes < 0 ? 0 : minutes;
	out->pence = pence < 0 ? 0 : pence;
	permitted_set_limits(out, rule, lim);
	permitted_drop_limits(out);
	permitted_judge(out, (int)permitted_clamp64(near_percent, 0, 100));

	out->sentence[0] = '\0';
	permitted_add(out->sentence, "This week: ");
	permitted_describe(out, out->sentence);
	permitted_conclude(out, out->sentence);
}

static void permitted_adding_finish(struct permitted_change *out,
    int add_minutes, int64_t add_pence);

void
permitted_check_adding(enum benefit_rule rule, int minutes,
    int64_t pence, int add_minutes, int64_t add_pence,
    const struct permitted_limits *lim, int near_percent,
    struct permitted_change *out)
{
	permitted_check_adding_missing(rule, 0, minutes, pence, add_minutes,
	    add_pence, lim, near_percent, out);
}

void
permitted_check_adding_missing(enum benefit_rule rule,
    unsigned missing, int minutes, int64_t pence, int add_minutes,
    int64_t add_pence, const struct permitted_limits *lim,
    int near_percent, struct permitted_change *out)
{
	struct permitted_basis b;

	memset(&b, 0, sizeof b);
	b.n = 1;
	b.span[0].rule = rule;
	b.span[0].has_limits = lim != NULL;
	if (lim != NULL)
		b.span[0].lim = *lim;
	permitted_check_adding_basis(&b, missing, minutes, pence, add_minutes,
	    add_pence, near_percent, out);
}

/* Fill in over, crosses and the sentence from out->before and after. */
static void
permitted_adding_finish(struct permitted_change *out, int add_minutes,
    int64_t add_pence)
{
	char *s = out->sentence;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];
	unsigned missing = out->after.missing;

	out->over = out->after.verdict == PERMITTED_OVER;
	out->crosses = (out->after.hours_over && !out->before.hours_over) ||
	    (out->after.pay_over && !out->before.pay_over);

	if (add_minutes == 0 && add_pence == 0) {
		memcpy(s, out->after.sentence, PERMITTED_SENTENCE_LEN);
		return;
	}
	/* "Adding 3h and £38.13: this week would be ..." */
	permitted_add(s, "%s ", add_minutes < 0 || (add_minutes == 0 &&
	    add_pence < 0) ? "Taking off" : "Adding");
	if (add_minutes != 0)
		permitted_add(s, "%s", duration_format(add_minutes < 0 ?
		    -add_minutes : add_minutes, d));
	if (add_minutes != 0 && add_pence != 0 &&
	    !(missing & PERMITTED_NO_RATE))
		permitted_add(s, " and ");
	if (add_pence != 0 && !(missing & PERMITTED_NO_RATE))
		permitted_add(s, "%s", money_format(add_pence < 0 &&
		    add_minutes <= 0 ? -add_pence : add_pence, m));
	permitted_add(s, ": this week would be ");
	permitted_describe(&out->after, s);
	permitted_conclude(&out->after, s);
	if (out->after.note[0] != '\0')
		permitted_add(s, " (%s)", out->after.note);
}

const char *
permitted_verdict_str(enum permitted_verdict v)
{
	static const char *const names[] = { "n/a", "ok", "near", "over" };

	if ((int)v < 0 || (int)v > PERMITTED_OVER)
		return NULL;
	return names[v];
}

const char *
permitted_verdict_label(enum permitted_verdict v)
{
	static const char *const labels[] = {
		"no limit", "within the limit", "close to the limit",
		"over the limit"
	};

	if ((int)v < 0 || (int)v > PERMITTED_OVER)
		return "?";
	return labels[v];
}

/* ---- a week judged against more than one rule ------------------------ */

void
permitted_basis_init(struct permitted_basis *b)
{
	memset(b, 0, sizeof *b);
}

static bool
permitted_same_limits(const struct permitted_span *a, int has,
    const struct permitted_limits *lim)
{
	if (a->has_limits != has)
		return false;
	if (!has)
		return true;
	return a->lim.lower_pence == lim->lower_pence &&
	    a->lim.higher_pence == lim->higher_pence &&
	    a->lim.hours_limit_minutes == lim->hours_limit_minutes;
}

void
permitted_basis_day(struct permitted_basis *b, pd_date d,
    enum benefit_rule rule, const struct permitted_limits *lim)
{
	struct permitted_span *sp;

	if (b->n > 0 && b->span[b->n - 1].rule == rule &&
	    permitted_same_limits(&b->span[b->n - 1], lim != NULL, lim))
		return;
	if (b->n == PERMITTED_SPANS_MAX)
		return;
	sp = &b->span[b->n++];
	memset(sp, 0, sizeof *sp);
	sp->from = d;
	sp->rule = rule;
	sp->has_limits = lim != NULL;
	if (lim != NULL)
		sp->lim = *lim;
}

/* How strict a result is: over, close, within, a limit with no figures,
 * no limit. */
static int
permitted_rank(const struct permitted_result *r)
{
	switch (r->verdict) {
	case PERMITTED_OVER: return 4;
	case PERMITTED_NEAR: return 3;
	case PERMITTED_OK: return 2;
	default: return r->no_figures || r->pay_unchecked ? 1 : 0;
	}
}

/* True when a is stricter than b. */
static bool
permitted_stricter(const struct permitted_result *a,
    const struct permitted_result *b)
{
	int ra = permitted_rank(a), rb = permitted_rank(b);

	if (ra != rb)
		return ra > rb;
	/* the same verdict: the one with more pay over, or less room */
	if (a->has_pay_limit && b->has_pay_limit) {
		if (a->verdict == PERMITTED_OVER &&
		    a->pence_excess != b->pence_excess)
			return a->pence_excess > b->pence_excess;
		if (a->verdict != PERMITTED_OVER &&
		    a->pence_left != b->pence_left)
			return a->pence_left < b->pence_left;
	}
	if (a->has_hours_limit != b->has_hours_limit)
		return a->has_hours_limit;
	return false;
}

/* "Thu 3 Dec" */
static void
permitted_day(pd_date d, char *buf, size_t n)
{
	char l[DATE_LONG_LEN], *sp;

	date_format_long(d, l);
	if ((sp = strrchr(l, ' ')) != NULL)
		*sp = '\0';
	snprintf(buf, n, "%s", l);
}

/* "the benefit rule changed on Thu 3 Dec: judged against both" */
static void
permitted_note(const struct permitted_basis *b, char *note)
{
	char day[DATE_LONG_LEN];
	size_t len;
	int i;

	note[0] = '\0';
	for (i = 1; i < b->n; i++) {
		const struct permitted_span *p = &b->span[i - 1];
		const struct permitted_span *c = &b->span[i];
		int rule = p->rule != c->rule;
		int lim = !permitted_same_limits(p, c->has_limits, &c->lim);

		permitted_day(c->from, day, sizeof day);
		len = strlen(note);
		snprintf(note + len, PERMITTED_NOTE_LEN - len, "%s%s changed "
		    "on %s", i > 1 ? ", and " : "", rule && lim ? "the benefit "
		    "rule and the limit DWP applies" : rule ? "the benefit "
		    "rule" : "the limit DWP applies", day);
	}
	len = strlen(note);
	snprintf(note + len, PERMITTED_NOTE_LEN - len, ": judged against %s",
	    b->n == 2 ? "both" : "each");
}

void
permitted_check_basis(const struct permitted_basis *b, unsigned missing,
    int minutes, int64_t pence, int near_percent,
    struct permitted_result *out)
{
	struct permitted_result r;
	int i;

	if (b == NULL || b->n == 0) {
		permitted_check_missing(RULE_NONE, missing, minutes, pence,
		    NULL, near_percent, out);
		return;
	}
	permitted_check_missing(b->span[0].rule, missing, minutes, pence,
	    b->span[0].has_limits ? &b->span[0].lim : NULL, near_percent,
	    out);
	for (i = 1; i < b->n; i++) {
		permitted_check_missing(b->span[i].rule, missing, minutes,
		    pence, b->span[i].has_limits ? &b->span[i].lim : NULL,
		    near_percent, &r);
		if (permitted_stricter(&r, out))
			*out = r;
	}
	if (b->n > 1) {
		out->judged = b->n;
		permitted_note(b, out->note);
		permitted_add(out->sentence, " (%s)", out->note);
	}
}

void
permitted_check_adding_basis(const struct permitted_basis *b,
    unsigned missing, int minutes, int64_t pence, int add_minutes,
    int64_t add_pence, int near_percent, struct permitted_change *out)
{
	const int64_t big = INT64_MAX / 4;
	int64_t after_min, after_pence;

	memset(out, 0, sizeof *out);
	if (minutes < 0)
		minutes = 0;
	if (pence < 0)
		pence = 0;
	permitted_check_basis(b, missing, minutes, pence, near_percent,
	    &out->before);
	after_min = permitted_clamp64((int64_t)minutes + add_minutes, 0,
	    INT_MAX / 2);
	after_pence = permitted_clamp64(permitted_clamp64(pence, 0, big) +
	    permitted_clamp64(add_pence, -big, big), 0, big);
	permitted_check_basis(b, missing, (int)after_min, after_pence,
	    near_percent, &out->after);
	permitted_adding_finish(out, add_minutes, add_pence);
}

const char *
permitted_rule_label(const struct permitted_result *r)
{
	if (r->missing & PERMITTED_NO_RULE)
		return "no benefit rule recorded";
	return benefit_rule_label(r->rule);
}

const char *
permitted_result_label(const struct permitted_result *r)
{
	if (r->verdict == PERMITTED_NA && (r->missing & PERMITTED_NO_RULE))
		return "no rule recorded";
	if (r->verdict == PERMITTED_NA && r->pay_unchecked)
		return "no pay rate recorded";
	return permitted_verdict_label(r->verdict);
}

void
permitted_room_words(const struct permitted_result *c, char *buf, size_t n)
{
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	if (c->verdict == PERMITTED_OVER)
		snprintf(buf, n, "over the limit");
	else if ((c->missing & PERMITTED_NO_RULE) ||
	    (c->verdict == PERMITTED_NA && c->pay_unchecked))
		snprintf(buf, n, "%s", permitted_result_label(c));
	else if (c->has_hours_limit && c->has_pay_limit)
		snprintf(buf, n, "%s, %s", duration_format(c->minutes_left, d),
		    money_format(c->pence_left, m));
	else if (c->has_pay_limit)
		snprintf(buf, n, "%s", money_format(c->pence_left, m));
	else if (c->has_hours_limit)
		snprintf(buf, n, "%s%s", duration_format(c->minutes_left, d),
		    c->pay_unchecked ? ", pay not checked" : "");
	else
		snprintf(buf, n, "no limit");
}
