/* palweeks.h - one PAL's weeks against the limit, week by week: the
 * verdict of each week as a word, the hours averaged over the weeks
 * ending with it (ESA reg 45(8): over a recognisable work cycle, or
 * over five weeks when there is none), and the chart rows a screen,
 * the command line and the PDF all show.  Pure: no I/O.  The verdict
 * of each week is the weekly summary's (permitted.h), never worked out
 * again here.  docs/model-rules.md, "A PAL's weeks against the limit".
 */
#ifndef PEERDESK_MODEL_PALWEEKS_H
#define PEERDESK_MODEL_PALWEEKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/week.h"

/* Weeks averaged over when no work cycle is recorded (reg 45(8)(b)). */
#define PALWEEKS_AVG_WEEKS 5
#define PALWEEKS_ROW_LEN 256	/* one chart row, with room for UTF-8 */
#define PALWEEKS_HM_LEN 16	/* "15h30" and the NUL, with room */

/* A week's verdict as one word (never colour alone). */
enum palweeks_word {
	PALWEEKS_OK,		/* "ok": within the limit */
	PALWEEKS_NEAR,		/* "near": within, close to a limit */
	PALWEEKS_OVER,		/* "over": over a limit */
	PALWEEKS_NO_RATE,	/* "no rate": pay could not be checked */
	PALWEEKS_NO_WORK,	/* "no work": no paid minutes that week */
	PALWEEKS_NO_LIMIT,	/* "no limit": the rule has none (UC, none) */
	PALWEEKS_NO_RULE	/* "no rule": no benefit rule recorded */
};

/* What the chart's bar measures. */
enum palweeks_measure { PALWEEKS_PAY, PALWEEKS_HOURS };

/* The average of the hours of the `span` weeks ending with one week,
 * counting only weeks the PAL was with us (a week of no work counts as
 * 0 hours; a week before they started does not count). */
struct palweeks_avg {
	int weeks;		/* weeks counted: 0 .. span */
	long total_minutes;	/* their minutes added up */
	int avg_minutes;	/* total / weeks, rounded down to the
				 * minute (so 15h59.5 shows as 15h59, never
				 * 16h); 0 when weeks is 0 */
	int at_or_over_16h;	/* total >= 16h x weeks: the average is not
				 * "less than 16 hours" (exact, no rounding) */
};

/* One week of the PAL's history. */
struct palweeks_week {
	pd_date first, last;
	char label[WEEK_LABEL_LEN];
	bool counted;		/* the PAL was with us that week */
	int minutes;		/* every paid minute */
	int64_t gross_pence;	/* pay and holiday pay: what the rule sees */
	int unrated_minutes;
	struct permitted_result check;	/* the weekly summary's judgement */
	/* filled by palweeks_finish */
	enum palweeks_word word;
	struct palweeks_avg avg;	/* PALWEEKS_AVG_WEEKS ending here */
};

/* One PAL's weeks, oldest first.  The first `lead` weeks are there only
 * so that the averages of the first shown week have weeks to count;
 * the chart shows v[lead .. n-1].  Strings are owned. */
struct palweeks {
	int64_t pal_id;
	char *org_name;
	char *pal_name;
	char *pal_login;
	char *generated_at;	/* "2026-11-27 16:05 UTC", or a date */
	int weeks;		/* 13 or 52: how many are shown */
	size_t lead;		/* weeks before the shown ones */
	struct palweeks_week *v;
	size_t n, cap;
	bool has_cycle;		/* a work cycle is recorded (never, yet:
				 * the data model does not say) */
	pd_date counted_from;	/* the PAL's first week with us */
	bool has_counted_from;
	enum palweeks_measure measure;	/* the chart's default */
	/* filled by palweeks_finish, over the shown weeks */
	int n_ok, n_near, n_over, n_no_rate, n_no_work, n_other;
	long shown_minutes;
	int64_t shown_pence;
};

/* The word for a week judged r with `minutes` paid minutes: over and
 * near first (whatever else is missing), then no work, no rule, no rate
 * (a pay limit that could not be checked), no limit, ok. */
enum palweeks_word palweeks_word_of(const struct permitted_result *r,
    int minutes);

/* "ok", "near", "over", "no rate", "no work", "no limit", "no rule";
 * "?" out of range. */
const char *palweeks_word_str(enum palweeks_word w);

/* The average over the `span` weeks ending with week i of minutes[]
 * (oldest first, n of them), counting week k only when counted[k] is
 * not 0 (counted NULL: every week counts).  Weeks before the start of
 * the array are not there and are not counted.  span < 1 is taken as 1. */
void palweeks_average(const int *minutes, const int *counted, size_t n,
    size_t i, int span, struct palweeks_avg *out);

/* Start an empty history (strings copied; NULL taken as ""). */
void palweeks_init(struct palweeks *p, const char *org, const char *name,
    const char *login, const char *generated_at, int weeks);

/* Add the next week (copied). */
void palweeks_add(struct palweeks *p, const struct palweeks_week *w);

/* Work out each week's word and five-week average, the counts over the
 * shown weeks, lead (n - weeks, at least 0) and the chart's measure:
 * pay when any shown week has a pay limit, else hours. */
void palweeks_finish(struct palweeks *p);

/* Free what p owns; it is then all zeros.  NULL allowed. */
void palweeks_fini(struct palweeks *p);

/* Minutes in the chart's short form: "0h", "9h05", "15h30", "120h";
 * a negative number is read as 0. */
char *palweeks_hm(int minutes, char buf[PALWEEKS_HM_LEN]);

/* One chart row of week w, exactly `width` columns (at least 30;
 * characters counted as one column each; "£" is one), into buf:
 *   below 60 columns: "23 Nov ####....|.. £171.60 14h05 over"
 *     date, bar, the measure's figure, the five-week average, the word;
 *   60 columns and more: "2026-11-23 ####...|.. 15h30 £171.60 14h05 over"
 *     both hours and pay.
 * The bar is '#' for the week's figure, '|' at the limit (the mark is
 * always there when the week has that limit), '.' up to the limit and
 * ' ' beyond, '>' at the end when the figure is off the scale (the
 * bar holds a third more than the limit); a week over the limit
 * always reaches past the mark, a
 * week within it never does.  The average ends with '*' when it is 16
 * hours or more.  Only ASCII besides "£". */
void palweeks_row(const struct palweeks_week *w, enum palweeks_measure m,
    int width, char *buf, size_t len);

/* The heading line for palweeks_row at the same width and measure. */
void palweeks_heading(enum palweeks_measure m, int width, char *buf,
    size_t len);

/* A plain sentence saying what the average is: the five weeks ending
 * with each week, and (no cycle recorded) that no cycle is known. */
const char *palweeks_avg_words(const struct palweeks *p);

/* The pay limits applied over the shown weeks: "Pay limit DWP applied:
 * £195.50 a week from the week of 2025-12-01; then £203.50 a week from
 * the week of 2026-04-06." appended to out; false (nothing added) when
 * no week had a pay limit. */
bool palweeks_limits_words(const struct palweeks *p, struct strbuf *out);

#endif
