/* plandiff.h - what changed in a Wellness and Safety Plan, and how its
 * goals are moving: section-by-section differences between versions, a
 * three-way merge for two people saving at once, "what changed since
 * the last review", goal-attainment progress and a small text chart.
 *
 * Pure: no I/O, no clock.  Dates are "YYYY-MM-DD"; a version's date is
 * the first ten characters of its saved_at moment.
 */
#ifndef PEERDESK_MODEL_PLANDIFF_H
#define PEERDESK_MODEL_PLANDIFF_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plan.h"
#include "peerdesk/model/plandoc.h"

/* ---- sections ---------------------------------------------------------- */

enum plan_change { PLAN_SAME, PLAN_ADDED, PLAN_CHANGED, PLAN_CLEARED };

/* How text went from before to after; NULL and "" are both empty. */
enum plan_change plan_text_change(const char *before, const char *after);

/* A bit (1u << i) for each of the PLAN_NFIELDS fields that differ
 * between a and b (the version note is not compared). */
unsigned plan_sections_changed(const struct plan_sections *a,
    const struct plan_sections *b);

/* The labels of the fields in mask, joined by ", ", appended to out
 * ("What keeps me well, Who to contact"); "nothing" for 0. */
void plan_changed_labels(unsigned mask, struct strbuf *out);

/* Merge two edits of base: fields only one side changed take that
 * side's text; fields both changed take mine.  *out is overwritten (a
 * deep copy; the caller finis it).  Returns the bits of the fields both
 * sides changed to different texts (the ones a person must look at). */
unsigned plan_sections_merge(const struct plan_sections *base,
    const struct plan_sections *mine, const struct plan_sections *theirs,
    struct plan_sections *out);

/* ---- scores and progress ------------------------------------------- */

#define GOAL_SCORE_MIN (-2)
#define GOAL_SCORE_MAX 2
#define GOAL_SCORE_NONE (-99)	/* "no score" in struct fields */

/* "+2", "+1", "0", "-1", "-2" into buf (4 bytes); "-" for anything
 * else.  Returns buf. */
char *goal_score_str(int score, char buf[4]);

/* Read "+1", "1", "0", "-2" (and U+2212 minus) into *out: 0, or -1
 * for anything else or out of range. */
int goal_score_parse(const char *s, int *out);

/* The goal-attainment scale in plain words: -2 "much less than we
 * hoped" ... +2 "much more than we hoped"; "?" out of range. */
const char *goal_score_words(int score);

enum goal_trend {
	GOAL_TREND_NONE,	/* no scores yet */
	GOAL_TREND_FIRST,	/* one score: nothing to compare */
	GOAL_TREND_UP,
	GOAL_TREND_SAME,
	GOAL_TREND_DOWN
};

/* "not scored yet", "scored once", "moved up", "stayed the same",
 * "moved down". */
const char *goal_trend_words(enum goal_trend t);

/* The last two scores of a goal and which way it moved between them. */
struct goal_progress {
	enum goal_trend trend;
	size_t n;		/* scores in all */
	int latest, previous;	/* GOAL_SCORE_NONE when missing */
	char latest_on[11], previous_on[11];
};

/* Progress from scores s (oldest first, as lists give them). */
void goal_progress_of(const struct goal_score *s, size_t n,
    struct goal_progress *out);

/* One line: "1 Oct -1, 28 Oct 0, 25 Nov +1 - moved up" (the last
 * `keep` scores at most, 0 = all), or "not scored yet". */
void goal_progress_line(const struct goal_score *s, size_t n, size_t keep,
    struct strbuf *out);

/* The goal's heading: its title ("" when none), after its area's label
 * and ": " unless it is an ambition ("Be active: walk to work"). */
void goal_heading(const struct plan_goal *g, struct strbuf *out);

/* Which facts goal_facts gives. */
#define GOAL_FACT_SET_BY	0x1u	/* "Set by me and Jo." */
#define GOAL_FACT_TARGET	0x2u	/* "Aiming for Wed 25 Nov 2026." */
#define GOAL_FACT_GROUP		0x4u	/* "With the group: Walkers." */
#define GOAL_FACT_CLOSED	0x8u	/* "Closed on Wed 25 Nov 2026." */
#define GOAL_FACTS_ALL		0xfu

/* The facts in `what` that are known about the goal, a sentence each,
 * with sep between them (none after the last); group_name NULL: no
 * group.  Nothing when none is known. */
void goal_facts(const struct plan_goal *g, const char *group_name,
    unsigned what, const char *sep, struct strbuf *out);

/* A whole plan's goals at a glance. */
struct plan_progress {
	int goals;		/* open goals counted */
	int up, same, down;	/* at the last review, against the one before */
	int first;		/* scored once */
	int unscored;
	char last_scored[11];	/* newest score date, "" if none */
};

/* Count one goal's progress into p (zero p first). */
void plan_progress_add(struct plan_progress *p, const struct goal_progress *g);

/* Add one plan's counts into a sum of plans (zero sum first). */
void plan_progress_sum(struct plan_progress *sum,
    const struct plan_progress *p);

/* "3 goals: 1 moved up, 1 stayed the same, 1 not scored yet". */
void plan_progress_line(const struct plan_progress *p, struct strbuf *out);

/* "25 Nov" (day and short month) into buf; "" for a bad date. */
char *plan_short_date(const char *ymd, char buf[8]);

/* "Wed 25 Nov 2026"; the text as given when it is not a date. */
char *plan_long_date(const char *ymd, char buf[20]);

#define GOAL_CHART_ROWS 7	/* lines a chart takes */

/* The goal's scores as a small chart, GOAL_CHART_ROWS lines each ending
 * in '\n', at most width columns (at least 20; the newest scores that
 * fit are shown).  Monochrome: a dot per score on rows +2 .. -2, dates
 * under them.  No scores: one line, "No scores yet.". */
void goal_chart(const struct goal_score *s, size_t n, int width,
    struct strbuf *out);

/* ---- what changed since a date ----------------------------------------- */

struct plan_field_delta {
	enum plan_change change;
	const char *before;		/* borrowed from the versions given */
	const char *after;
	int version_no;			/* the version that last changed it */
	int64_t changed_by;		/* who saved that version (0 = ?) */
	char changed_on[11];
};

#define GOAL_DELTA_NEW     1u	/* written after the date (and not
				 * scored by then) */
#define GOAL_DELTA_CLOSED  2u	/* closed after the date */
#define GOAL_DELTA_SCORED  4u	/* scored after the date */
#define GOAL_DELTA_STEPS   8u	/* steps done after the date */
#define GOAL_DELTA_EDITED 16u	/* its words or steps changed (set by the
				 * caller) */

struct plan_goal_delta {
	size_t goal;			/* index into doc->goals */
	unsigned what;			/* GOAL_DELTA_* bits */
	int before, after;		/* scores then and now, or
					 * GOAL_SCORE_NONE */
	int steps_done;
	char edited_on[11];		/* with GOAL_DELTA_EDITED */
	const char *words_before;	/* with GOAL_DELTA_EDITED, set by the
					 * caller (borrowed): the goal and
					 * steps then, and now; NULL = not */
	const char *words_now;		/*   known */
};

struct plan_delta {
	char since[11];			/* "" = since the plan began */
	int since_version;		/* current at the end of that day, 0 */
	int now_version;
	struct plan_field_delta fields[PLAN_NFIELDS];
	int fields_changed;
	struct plan_goal_delta *goals;	/* only goals with news */
	size_t n_goals;
	size_t notes_added;		/* notes written after the date */
};

/* Compare the plan as it stood at the end of day `since` ("" = the
 * beginning) with doc now.  versions: every saved version of the plan,
 * in any order (they are borrowed: keep them while *out is used).
 * plan_delta_fini frees what *out holds. */
void plan_delta_compute(const struct plan_doc *doc,
    const struct plan_sections *versions, size_t nv, const char *since,
    struct plan_delta *out);
void plan_delta_fini(struct plan_delta *d);

/* Looks up a person's name for a staff id (NULL = unknown). */
typedef const char *(*plan_name_fn)(void *ctx, int64_t staff_id);

/* The delta as plain text for people, wrapped at width columns (0 = no
 * wrapping), section by section, then the goals and the notes. */
void plan_delta_format(const struct plan_doc *doc, const struct plan_delta *d,
    plan_name_fn name_of, void *ctx, int width, struct strbuf *out);

/* What version cur changed against prev (NULL = nothing before): a line
 * "Version 3, saved on Mon 2 Nov 2026 by Sam Reid." (who may be NULL),
 * its note, then each changed field with its text before and now. */
void plan_version_format(const struct plan_sections *prev,
    const struct plan_sections *cur, const char *who, int width,
    struct strbuf *out);

/* Append text to out wrapped at width columns (0 = as it is), every
 * line starting with indent spaces; existing line breaks are kept.
 * Each line ends in '\n'. */
void plan_wrap(struct strbuf *out, const char *text, int width, int indent);

/* Append label and text wrapped at width: the first line starts with
 * indent spaces and label, the rest line up under the text; line breaks
 * at the end of text are dropped. */
void plan_wrap_labelled(struct strbuf *out, const char *label,
    const char *text, int width, int indent);

#endif
