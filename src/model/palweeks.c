/* palweeks.c - one PAL's weeks against the limit (see palweeks.h). */
#include "peerdesk/model/palweeks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/money.h"

enum palweeks_word
palweeks_word_of(const struct permitted_result *r, int minutes)
{
	if (r->verdict == PERMITTED_OVER)
		return PALWEEKS_OVER;
	if (r->verdict == PERMITTED_NEAR)
		return PALWEEKS_NEAR;
	if (minutes <= 0 && r->pence <= 0)
		return PALWEEKS_NO_WORK;
	if (r->missing & PERMITTED_NO_RULE)
		return PALWEEKS_NO_RULE;
	if (r->pay_unchecked)
		return PALWEEKS_NO_RATE;
	if (r->verdict == PERMITTED_NA)
		return PALWEEKS_NO_LIMIT;
	return PALWEEKS_OK;
}

const char *
palweeks_word_str(enum palweeks_word w)
{
	switch (w) {
	case PALWEEKS_OK: return "ok";
	case PALWEEKS_NEAR: return "near";
	case PALWEEKS_OVER: return "over";
	case PALWEEKS_NO_RATE: return "no rate";
	case PALWEEKS_NO_WORK: return "no work";
	case PALWEEKS_NO_LIMIT: return "no limit";
	case PALWEEKS_NO_RULE: return "no rule";
	}
	return "?";
}

void
palweeks_average(const int *minutes, const int *counted, size_t n,
    size_t i, int span, struct palweeks_avg *out)
{
	size_t k, from;

	memset(out, 0, sizeof *out);
	if (i >= n)
		return;
	if (span < 1)
		span = 1;
	from = i + 1 >= (size_t)span ? i + 1 - (size_t)span : 0;
	for (k = from; k <= i; k++) {
		if (counted != NULL && !counted[k])
			continue;
		out->weeks++;
		out->total_minutes += minutes[k] > 0 ? minutes[k] : 0;
	}
	if (out->weeks == 0)
		return;
	/* rounded down: an average shown as 16h is never below 16 hours */
	out->avg_minutes = (int)(out->total_minutes / out->weeks);
	out->at_or_over_16h = out->total_minutes >=
	    (long)PERMITTED_HOURS_LIMIT_MINUTES * out->weeks;
}

void
palweeks_init(struct palweeks *p, const char *org, const char *name,
    const char *login, const char *generated_at, int weeks)
{
	memset(p, 0, sizeof *p);
	p->org_name = xstrdup(org != NULL ? org : "");
	p->pal_name = xstrdup(name != NULL ? name : "");
	p->pal_login = xstrdup(login != NULL ? login : "");
	p->generated_at = xstrdup(generated_at != NULL ? generated_at : "");
	p->weeks = weeks;
}

void
palweeks_add(struct palweeks *p, const struct palweeks_week *w)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n++] = *w;
}

void
palweeks_finish(struct palweeks *p)
{
	int *mins = NULL, *counted = NULL;
	size_t i;
	int any_pay = 0;

	if (p->n > 0) {
		mins = xreallocarray(NULL, p->n, sizeof *mins);
		counted = xreallocarray(NULL, p->n, sizeof *counted);
	}
	for (i = 0; i < p->n; i++) {
		mins[i] = p->v[i].minutes;
		counted[i] = p->v[i].counted;
	}
	p->lead = p->weeks > 0 && p->n > (size_t)p->weeks ?
	    p->n - (size_t)p->weeks : 0;
	p->n_ok = p->n_near = p->n_over = p->n_no_rate = p->n_no_work =
	    p->n_other = 0;
	p->shown_minutes = 0;
	p->shown_pence = 0;
	for (i = 0; i < p->n; i++) {
		struct palweeks_week *w = &p->v[i];

		w->word = palweeks_word_of(&w->check, w->minutes);
		palweeks_average(mins, counted, p->n, i, PALWEEKS_AVG_WEEKS,
		    &w->avg);
		if (i < p->lead)
			continue;
		any_pay |= w->check.has_pay_limit;
		p->shown_minutes += w->minutes;
		p->shown_pence += w->gross_pence;
		switch (w->word) {
		case PALWEEKS_OK: p->n_ok++; break;
		case PALWEEKS_NEAR: p->n_near++; break;
		case PALWEEKS_OVER: p->n_over++; break;
		case PALWEEKS_NO_RATE: p->n_no_rate++; break;
		case PALWEEKS_NO_WORK: p->n_no_work++; break;
		default: p->n_other++; break;
		}
	}
	p->measure = any_pay ? PALWEEKS_PAY : PALWEEKS_HOURS;
	free(mins);
	free(counted);
}

void
palweeks_fini(struct palweeks *p)
{
	if (p == NULL)
		return;
	free(p->org_name);
	free(p->pal_name);
	free(p->pal_login);
	free(p->generated_at);
	free(p->v);
	memset(p, 0, sizeof *p);
}

char *
palweeks_hm(int minutes, char buf[PALWEEKS_HM_LEN])
{
	if (minutes < 0)
		minutes = 0;
	if (minutes % 60 == 0)
		snprintf(buf, PALWEEKS_HM_LEN, "%dh", minutes / 60);
	else
		snprintf(buf, PALWEEKS_HM_LEN, "%dh%02d", minutes / 60,
		    minutes % 60);
	return buf;
}

/* Columns of s: one per character (UTF-8 lead byte). */
static int
palweeks_cols(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		if (!utf8_is_cont((unsigned char)*s))
			n++;
	return n;
}

/* Append s to buf (at *at, len bytes) right-aligned in w columns
 * (left-aligned when left). */
static void
palweeks_put(char *buf, size_t len, size_t *at, const char *s, int w, int left)
{
	int pad = w - palweeks_cols(s);
	int k;

	if (!left)
		for (k = 0; k < pad && *at + 1 < len; k++)
			buf[(*at)++] = ' ';
	for (; *s != '\0' && *at + 1 < len; s++)
		buf[(*at)++] = *s;
	if (left)
		for (k = 0; k < pad && *at + 1 < len; k++)
			buf[(*at)++] = ' ';
	buf[*at] = '\0';
}

/* Start a line in buf: false when there is no room at all; the width
 * is at least 30 columns. */
static bool
palweeks_start(char *buf, size_t len, int *width)
{
	if (len == 0)
		return false;
	buf[0] = '\0';
	if (*width < 30)
		*width = 30;
	return true;
}

/* The hours and pay columns, as the width and measure show them. */
static void
palweeks_put_figures(char *buf, size_t len, size_t *at, int wide,
    enum palweeks_measure m, const char *hours, const char *pay)
{
	if (wide || m == PALWEEKS_HOURS) {
		palweeks_put(buf, len, at, hours, 5, 0);
		palweeks_put(buf, len, at, " ", 1, 1);
	}
	if (wide || m == PALWEEKS_PAY) {
		palweeks_put(buf, len, at, pay, 7, 0);
		palweeks_put(buf, len, at, " ", 1, 1);
	}
}

/* The bar: b cells, the limit at cell lim_at (value == limit fills
 * cells 0 .. lim_at-1). */
static void
palweeks_bar(const struct palweeks_week *w, enum palweeks_measure m, int b,
    char *buf, size_t len, size_t *at)
{
	const struct permitted_result *c = &w->check;
	int64_t value, limit;
	int has_mark, over, lim_at, filled, i, beyond = 0;

	if (m == PALWEEKS_PAY) {
		value = w->gross_pence;
		limit = c->has_pay_limit ? c->limit_pence : 0;
		has_mark = c->has_pay_limit && limit > 0;
		over = c->pay_over;
	} else {
		value = w->minutes;
		limit = c->has_hours_limit ? c->hours_limit_minutes :
		    PERMITTED_HOURS_LIMIT_MINUTES;
		has_mark = c->has_hours_limit;
		over = c->has_hours_limit && c->hours_over;
	}
	if (value < 0)
		value = 0;
	lim_at = (b * 3 + 2) / 4;	/* three quarters along, rounded */
	if (lim_at >= b)
		lim_at = b - 1;
	filled = 0;
	if (limit > 0) {
		filled = (int)(value * lim_at / limit);
		/* the mark takes a cell of its own: b - 1 cells of value */
		if (value * lim_at / limit > b - 1) {
			filled = b - 1;
			beyond = 1;	/* off the scale: '>' at the end */
		}
		if (over && filled <= lim_at)
			filled = lim_at + 1;
		if (!over && filled > lim_at)
			filled = lim_at;	/* pay at the limit is within */
		if (value > 0 && filled == 0)
			filled = 1;
		if (filled > b - 1)
			filled = b - 1;
	}
	for (i = 0; i < b && *at + 1 < len; i++) {
		char ch;
		int cell = has_mark && i > lim_at ? i - 1 : i;

		if (limit <= 0)
			ch = ' ';
		else if (beyond && i == b - 1)
			ch = '>';
		else if (i == lim_at)
			ch = has_mark ? '|' : cell < filled ? '#' : '.';
		else if (cell < filled)
			ch = '#';
		else if (i < lim_at || !has_mark)
			ch = '.';
		else
			ch = ' ';
		buf[(*at)++] = ch;
	}
	buf[*at] = '\0';
}

void
palweeks_row(const struct palweeks_week *w, enum palweeks_measure m,
    int width, char *buf, size_t len)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char date[DATE_STR_LEN], hours[PALWEEKS_HM_LEN], pay[MONEY_STR_LEN];
	char avg[PALWEEKS_HM_LEN + 2];
	const char *word = palweeks_word_str(w->word);
	int wide = width >= 60, y, mo, d, fixed, b;
	size_t at = 0;

	if (!palweeks_start(buf, len, &width))
		return;
	if (wide)
		date_format(w->first, date);
	else {
		date_to_ymd(w->first, &y, &mo, &d);
		snprintf(date, sizeof date, "%2d %s", d,
		    mo >= 1 && mo <= 12 ? mon[mo - 1] : "???");
	}
	palweeks_hm(w->minutes, hours);
	money_format(w->gross_pence, pay);
	if (w->avg.weeks == 0)
		snprintf(avg, sizeof avg, "-");
	else {
		palweeks_hm(w->avg.avg_minutes, avg);
		if (w->avg.at_or_over_16h)
			strcat(avg, "*");
	}
#define COLS(s, min) (palweeks_cols(s) > (min) ? palweeks_cols(s) : (min))
	fixed = COLS(date, wide ? 10 : 6) + 1 + 1 + COLS(avg, 6) + 1 + 8;
	if (wide)
		fixed += COLS(hours, 5) + 1 + COLS(pay, 7) + 1;
	else
		fixed += m == PALWEEKS_PAY ? COLS(pay, 7) + 1 :
		    COLS(hours, 5) + 1;
#undef COLS
	b = width - fixed;
	if (b < 4)
		b = 4;
	palweeks_put(buf, len, &at, date, wide ? 10 : 6, 1);
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_bar(w, m, b, buf, len, &at);
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_put_figures(buf, len, &at, wide, m, hours, pay);
	/* the average: figures aligned, the star after them */
	if (w->avg.weeks > 0 && w->avg.at_or_over_16h)
		palweeks_put(buf, len, &at, avg, 6, 0);
	else {
		palweeks_put(buf, len, &at, avg, 5, 0);
		palweeks_put(buf, len, &at, " ", 1, 1);
	}
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_put(buf, len, &at, word, 8, 1);
}

void
palweeks_heading(enum palweeks_measure m, int width, char *buf, size_t len)
{
	int wide = width >= 60, b, fixed;
	size_t at = 0;

	if (!palweeks_start(buf, len, &width))
		return;
	fixed = (wide ? 10 : 6) + 1 + 1 + 6 + 1 + 8 +
	    (wide ? 5 + 1 + 7 + 1 : m == PALWEEKS_PAY ? 7 + 1 : 5 + 1);
	b = width - fixed;
	if (b < 4)
		b = 4;
	palweeks_put(buf, len, &at, wide ? "Week of" : "Week", wide ? 10 : 6,
	    1);
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_put(buf, len, &at, m == PALWEEKS_PAY ? "Pay|limit" :
	    "Hours|16h", b, 1);
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_put_figures(buf, len, &at, wide, m, "Hours", "Pay");
	palweeks_put(buf, len, &at, "5-wk", 5, 0);
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_put(buf, len, &at, " ", 1, 1);
	palweeks_put(buf, len, &at, "Verdict", 8, 1);
}

const char *
palweeks_avg_words(const struct palweeks *p)
{
	if (p->has_cycle)
		return "Average: the hours of one whole work cycle ending "
		    "with each week.";
	return "No work cycle is recorded, so the average shown is of the "
	    "five weeks ending with each week (weeks of no work count as "
	    "0; weeks before the PAL started do not count). * marks an "
	    "average of 16 hours or more.";
}

bool
palweeks_limits_words(const struct palweeks *p, struct strbuf *out)
{
	char m[MONEY_STR_LEN], d[DATE_STR_LEN];
	int64_t cur = -1;
	size_t i, n = 0;

	for (i = p->lead; i < p->n; i++) {
		const struct permitted_result *c = &p->v[i].check;

		if (!c->has_pay_limit || c->limit_pence == cur)
			continue;
		cur = c->limit_pence;
		strbuf_addf(out, "%s%s a week from the week of %s",
		    n++ ? "; then " : "Pay limit DWP applied: ",
		    money_format(cur, m), date_format(p->v[i].first, d));
	}
	if (n > 0)
		strbuf_adds(out, ".");
	return n > 0;
}
