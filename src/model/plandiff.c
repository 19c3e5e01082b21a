/* plandiff.c - differences, merges, goal progress and the text chart. */
#include "peerdesk/model/plandiff.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"

/* ---- sections ---------------------------------------------------------- */

static bool
plan_empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

enum plan_change
plan_text_change(const char *before, const char *after)
{
	if (plan_empty(before))
		return plan_empty(after) ? PLAN_SAME : PLAN_ADDED;
	if (plan_empty(after))
		return PLAN_CLEARED;
	return strcmp(before, after) == 0 ? PLAN_SAME : PLAN_CHANGED;
}

unsigned
plan_sections_changed(const struct plan_sections *a,
    const struct plan_sections *b)
{
	unsigned mask = 0;
	size_t i;

	for (i = 0; i < PLAN_NFIELDS; i++)
		if (plan_text_change(a ? plan_field_get(a, i) : NULL,
		    b ? plan_field_get(b, i) : NULL) != PLAN_SAME)
			mask |= 1u << i;
	return mask;
}

void
plan_changed_labels(unsigned mask, struct strbuf *out)
{
	size_t i;
	int n = 0;

	for (i = 0; i < PLAN_NFIELDS; i++) {
		if ((mask & (1u << i)) == 0)
			continue;
		if (n++ > 0)
			strbuf_adds(out, ", ");
		strbuf_adds(out, plan_fields[i].label);
	}
	if (n == 0)
		strbuf_adds(out, "nothing");
}

unsigned
plan_sections_merge(const struct plan_sections *base,
    const struct plan_sections *mine, const struct plan_sections *theirs,
    struct plan_sections *out)
{
	unsigned both = 0;
	size_t i;

	plan_sections_copy(out, mine);
	for (i = 0; i < PLAN_NFIELDS; i++) {
		const char *b = plan_field_get(base, i);
		const char *m = plan_field_get(mine, i);
		const char *t = plan_field_get(theirs, i);
		int i_changed = plan_text_change(b, m) != PLAN_SAME;
		int they_changed = plan_text_change(b, t) != PLAN_SAME;

		if (they_changed && !i_changed)
			plan_field_set(out, i, t);
		else if (they_changed && i_changed &&
		    plan_text_change(m, t) != PLAN_SAME)
			both |= 1u << i;
	}
	return both;
}

/* ---- scores and progress ----------------------------------------------- */

char *
goal_score_str(int score, char buf[4])
{
	if (score < GOAL_SCORE_MIN || score > GOAL_SCORE_MAX)
		snprintf(buf, 4, "-");
	else if (score > 0)
		snprintf(buf, 4, "+%d", score);
	else
		snprintf(buf, 4, "%d", score);
	return buf;
}

int
goal_score_parse(const char *s, int *out)
{
	int neg = 0, v;

	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	if (*s == '+') {
		s++;
	} else if (*s == '-') {
		neg = 1;
		s++;
	} else if (strncmp(s, "\xe2\x88\x92", 3) == 0) {	/* U+2212 */
		neg = 1;
		s += 3;
	}
	if (*s < '0' || *s > '9')
		return -1;
	v = *s++ - '0';
	while (*s == ' ')
		s++;
	if (*s != '\0' || v > GOAL_SCORE_MAX)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

const char *
goal_score_words(int score)
{
	static const char *const words[] = {
		"much less than we hoped", "less than we hoped",
		"what we hoped for", "more than we hoped",
		"much more than we hoped"
	};

	if (score < GOAL_SCORE_MIN || score > GOAL_SCORE_MAX)
		return "?";
	return words[score - GOAL_SCORE_MIN];
}

const char *
goal_trend_words(enum goal_trend t)
{
	switch (t) {
	case GOAL_TREND_NONE: return "not scored yet";
	case GOAL_TREND_FIRST: return "scored once";
	case GOAL_TREND_UP: return "moved up";
	case GOAL_TREND_SAME: return "stayed the same";
	case GOAL_TREND_DOWN: return "moved down";
	}
	return "?";
}

void
goal_progress_of(const struct goal_score *s, size_t n,
    struct goal_progress *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	out->latest = out->previous = GOAL_SCORE_NONE;
	if (n == 0) {
		out->trend = GOAL_TREND_NONE;
		return;
	}
	out->latest = s[n - 1].score;
	memcpy(out->latest_on, s[n - 1].scored_on, sizeof out->latest_on);
	if (n == 1) {
		out->trend = GOAL_TREND_FIRST;
		return;
	}
	out->previous = s[n - 2].score;
	memcpy(out->previous_on, s[n - 2].scored_on, sizeof out->previous_on);
	out->trend = out->latest > out->previous ? GOAL_TREND_UP :
	    out->latest < out->previous ? GOAL_TREND_DOWN : GOAL_TREND_SAME;
}

void
goal_heading(const struct plan_goal *g, struct strbuf *out)
{
	const char *title = g->title != NULL ? g->title : "";

	if (g->area == GOAL_AMBITION)
		strbuf_adds(out, title);
	else
		strbuf_addf(out, "%s: %s", goal_area_label(g->area), title);
}

/* Add one fact, after sep when it is not the first. */
static void
goal_fact(struct strbuf *out, size_t start, const char *sep,
    const char *what, const char *value)
{
	if (out->len > start)
		strbuf_adds(out, sep);
	strbuf_addf(out, "%s%s.", what, value);
}

void
goal_facts(const struct plan_goal *g, const char *group_name,
    unsigned what, const char *sep, struct strbuf *out)
{
	size_t start = out->len;
	char day[20];

	if ((what & GOAL_FACT_SET_BY) && g->set_by != NULL)
		goal_fact(out, start, sep, "Set by ", g->set_by);
	if ((what & GOAL_FACT_TARGET) && g->target_date[0] != '\0')
		goal_fact(out, start, sep, "Aiming for ",
		    plan_long_date(g->target_date, day));
	if ((what & GOAL_FACT_GROUP) && group_name != NULL)
		goal_fact(out, start, sep, "With the group: ", group_name);
	if ((what & GOAL_FACT_CLOSED) && g->closed_on[0] != '\0')
		goal_fact(out, start, sep, "Closed on ",
		    plan_long_date(g->closed_on, day));
}

void
goal_progress_line(const struct goal_score *s, size_t n, size_t keep,
    struct strbuf *out)
{
	struct goal_progress p;
	char d[8], v[4];
	size_t i, from = keep > 0 && n > keep ? n - keep : 0;

	if (n == 0) {
		strbuf_adds(out, goal_trend_words(GOAL_TREND_NONE));
		return;
	}
	if (from > 0)
		strbuf_adds(out, "... ");
	for (i = from; i < n; i++)
		strbuf_addf(out, "%s%s %s", i > from ? ", " : "",
		    plan_short_date(s[i].scored_on, d),
		    goal_score_str(s[i].score, v));
	goal_progress_of(s, n, &p);
	if (p.trend != GOAL_TREND_FIRST)
		strbuf_addf(out, " - %s", goal_trend_words(p.trend));
}

void
plan_progress_add(struct plan_progress *p, const struct goal_progress *g)
{
	p->goals++;
	switch (g->trend) {
	case GOAL_TREND_NONE: p->unscored++; break;
	case GOAL_TREND_FIRST: p->first++; break;
	case GOAL_TREND_UP: p->up++; break;
	case GOAL_TREND_SAME: p->same++; break;
	case GOAL_TREND_DOWN: p->down++; break;
	}
	if (g->latest_on[0] != '\0' &&
	    strcmp(g->latest_on, p->last_scored) > 0)
		memcpy(p->last_scored, g->latest_on, sizeof p->last_scored);
}

void
plan_progress_sum(struct plan_progress *sum, const struct plan_progress *p)
{
	sum->goals += p->goals;
	sum->up += p->up;
	sum->same += p->same;
	sum->down += p->down;
	sum->first += p->first;
	sum->unscored += p->unscored;
}

void
plan_progress_line(const struct plan_progress *p, struct strbuf *out)
{
	const struct {
		int n;
		const char *words;
	} parts[] = {
		{ p->up, "moved up" }, { p->same, "stayed the same" },
		{ p->down, "moved down" }, { p->first, "scored once" },
		{ p->unscored, "not scored yet" },
	};
	size_t i;
	int said = 0;

	strbuf_addf(out, "%d goal%s", p->goals, p->goals == 1 ? "" : "s");
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i].n == 0)
			continue;
		strbuf_addf(out, "%s%d %s", said++ ? ", " : ": ", parts[i].n,
		    parts[i].words);
	}
}

static const char *const month_short[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

char *
plan_short_date(const char *ymd, char buf[8])
{
	pd_date d;
	int m, day;

	buf[0] = '\0';
	if (ymd == NULL || date_parse(ymd, &d, NULL) != PD_OK)
		return buf;
	date_to_ymd(d, NULL, &m, &day);
	snprintf(buf, 8, "%d %s", day, month_short[m - 1]);
	return buf;
}

char *
plan_long_date(const char *ymd, char buf[20])
{
	pd_date d;

	if (ymd == NULL || date_parse(ymd, &d, NULL) != PD_OK)
		snprintf(buf, 20, "%s", ymd ? ymd : "");
	else
		date_format_long(d, buf);
	return buf;
}

/* ---- the chart --------------------------------------------------------- */

#define CHART_LEFT 4		/* "+2 ┤" */
#define CHART_CELL 7		/* columns per score */

static void
chart_trim(struct strbuf *row)
{
	while (row->len > 0 && row->buf[row->len - 1] == ' ')
		strbuf_truncate(row, row->len - 1);
}

void
goal_chart(const struct goal_score *s, size_t n, int width,
    struct strbuf *out)
{
	struct strbuf row = STRBUF_INIT;
	size_t k, from, j;
	int level;

	if (n == 0) {
		strbuf_adds(out, "No scores yet.\n");
		return;
	}
	if (width < 20)
		width = 20;
	k = (size_t)((width - CHART_LEFT) / CHART_CELL);
	if (k > n)
		k = n;
	from = n - k;
	for (level = GOAL_SCORE_MAX; level >= GOAL_SCORE_MIN; level--) {
		char v[4];

		strbuf_reset(&row);
		strbuf_addf(&row, "%2s \xe2\x94\xa4",
		    level == 0 ? "0" : goal_score_str(level, v));
		for (j = from; j < n; j++) {
			int hit = s[j].score == level;

			strbuf_adds(&row, "   ");
			strbuf_adds(&row, hit ? "\xe2\x97\x8f" : " ");
			strbuf_adds(&row, "   ");
		}
		chart_trim(&row);
		strbuf_adds(out, row.buf);
		strbuf_addc(out, '\n');
	}
	strbuf_adds(out, "   \xe2\x94\x94");
	for (j = 0; j < k * CHART_CELL; j++)
		strbuf_adds(out, "\xe2\x94\x80");
	strbuf_addc(out, '\n');
	strbuf_reset(&row);
	strbuf_adds(&row, from > 0 ? "  \xe2\x80\xa6 " : "    ");
	for (j = from; j < n; j++) {
		char d[8];

		strbuf_addf(&row, "%6s ", plan_short_date(s[j].scored_on, d));
	}
	chart_trim(&row);
	strbuf_adds(out, row.buf);
	strbuf_addc(out, '\n');
	strbuf_fini(&row);
}

/* ---- wrapping ---------------------------------------------------------- */

static void
wrap_line(struct strbuf *out, const char *p, size_t len, int width,
    int indent)
{
	size_t i = 0;
	int col = 0, room = width - indent;

	if (room < 10)
		room = 10;
	if (len == 0) {
		strbuf_addc(out, '\n');
		return;
	}
	while (i < len) {
		size_t start, wlen;
		int ww;

		while (i < len && p[i] == ' ')
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && p[i] != ' ')
			i++;
		wlen = i - start;
		ww = (int)utf8_width_n(p + start, wlen);
		if (col > 0 && col + 1 + ww > room) {
			strbuf_addc(out, '\n');
			col = 0;
		}
		if (col == 0)
			strbuf_addf(out, "%*s", indent, "");
		else
			strbuf_addc(out, ' ');
		strbuf_add(out, p + start, wlen);
		col += (col > 0 ? 1 : 0) + ww;
	}
	strbuf_addc(out, '\n');
}

void
plan_wrap(struct strbuf *out, const char *text, int width, int indent)
{
	const char *p = text ? text : "";

	for (;;) {
		size_t n = strcspn(p, "\n");

		if (width <= 0) {
			if (n > 0)
				strbuf_addf(out, "%*s", indent, "");
			strbuf_add(out, p, n);
			strbuf_addc(out, '\n');
		} else {
			wrap_line(out, p, n, width, indent);
		}
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

void
plan_wrap_labelled(struct strbuf *out, const char *label, const char *text,
    int width, int indent)
{
	struct strbuf tmp = STRBUF_INIT;
	size_t n = text ? strlen(text) : 0;
	int k = indent + (int)strlen(label);
	char *copy;

	while (n > 0 && text[n - 1] == '\n')
		n--;
	copy = xstrndup(text ? text : "", n);
	plan_wrap(&tmp, copy, width, k);
	strbuf_addf(out, "%*s%s", indent, "", label);
	if (tmp.buf[0] == '\n' || (int)tmp.len < k)
		strbuf_adds(out, tmp.buf);
	else
		strbuf_adds(out, tmp.buf + k);
	strbuf_fini(&tmp);
	free(copy);
}

/* ---- what changed since ------------------------------------------------ */

static int
version_cmp(const void *a, const void *b)
{
	const struct plan_sections *x = *(const struct plan_sections *const *)a;
	const struct plan_sections *y = *(const struct plan_sections *const *)b;

	return (x->version_no > y->version_no) -
	    (x->version_no < y->version_no);
}

/* The day a version was saved on. */
static const char *
version_day(const struct plan_sections *v, char buf[11])
{
	if (v->saved_on[0] != '\0')
		return v->saved_on;
	snprintf(buf, 11, "%.10s", v->saved_at);
	return buf;
}

/* Is the UTC moment at (or its date) later than day since? */
static bool
after_day(const char *at, const char *since)
{
	if (since[0] == '\0')
		return true;
	return at[0] != '\0' && strncmp(at, since, 10) > 0;
}

static void
delta_fields(const struct plan_doc *doc, const struct plan_sections **v,
    size_t nv, struct plan_delta *out)
{
	const struct plan_sections *base = NULL;
	size_t i, k;
	char day[11];

	for (k = 0; k < nv && out->since[0] != '\0'; k++)
		if (!after_day(version_day(v[k], day), out->since))
			base = v[k];
	out->since_version = base ? base->version_no : 0;
	for (i = 0; i < PLAN_NFIELDS; i++) {
		struct plan_field_delta *f = &out->fields[i];

		f->before = base ? plan_field_get(base, i) : NULL;
		f->after = plan_field_get(&doc->sections, i);
		f->change = plan_text_change(f->before, f->after);
		if (f->change == PLAN_SAME)
			continue;
		out->fields_changed++;
		for (k = 0; k < nv; k++) {
			const struct plan_sections *prev = k > 0 ? v[k - 1] :
			    NULL;

			if (v[k]->version_no <= out->since_version)
				continue;
			if (plan_text_change(prev ? plan_field_get(prev, i) :
			    NULL, plan_field_get(v[k], i)) == PLAN_SAME)
				continue;
			f->version_no = v[k]->version_no;
			f->changed_by = v[k]->saved_by;
			snprintf(f->changed_on, sizeof f->changed_on, "%s",
			    version_day(v[k], day));
		}
	}
}

static void
delta_goal(const struct plan_doc_goal *g, size_t gi, const char *since,
    struct plan_delta *out)
{
	struct plan_goal_delta d;
	size_t i;

	memset(&d, 0, sizeof d);
	d.goal = gi;
	d.before = d.after = GOAL_SCORE_NONE;
	if (g->goal.closed_on[0] != '\0' && after_day(g->goal.closed_on, since))
		d.what |= GOAL_DELTA_CLOSED;
	for (i = 0; i < g->n_scores; i++) {
		if (after_day(g->scores[i].scored_on, since))
			d.what |= GOAL_DELTA_SCORED;
		else
			d.before = g->scores[i].score;
		d.after = g->scores[i].score;
	}
	/* new since then, unless it was scored by then */
	if (after_day(g->goal.created_on, since) && d.before == GOAL_SCORE_NONE)
		d.what |= GOAL_DELTA_NEW;
	for (i = 0; i < g->n_steps; i++)
		if (g->steps[i].done_on[0] != '\0' &&
		    after_day(g->steps[i].done_on, since))
			d.steps_done++;
	if (d.steps_done > 0)
		d.what |= GOAL_DELTA_STEPS;
	if (d.what == 0)
		return;
	out->goals = xreallocarray(out->goals, out->n_goals + 1,
	    sizeof *out->goals);
	out->goals[out->n_goals++] = d;
}

void
plan_delta_compute(const struct plan_doc *doc,
    const struct plan_sections *versions, size_t nv, const char *since,
    struct plan_delta *out)
{
	const struct plan_sections **v = xcalloc(nv ? nv : 1, sizeof *v);
	size_t i;

	memset(out, 0, sizeof *out);
	snprintf(out->since, sizeof out->since, "%s", since ? since : "");
	out->now_version = doc->info.current_version;
	for (i = 0; i < nv; i++)
		v[i] = &versions[i];
	qsort(v, nv, sizeof *v, version_cmp);
	delta_fields(doc, v, nv, out);
	free(v);
	for (i = 0; i < doc->n_goals; i++)
		delta_goal(&doc->goals[i], i, out->since, out);
	for (i = 0; i < doc->n_notes; i++)
		if (after_day(doc->notes[i].written_on, out->since))
			out->notes_added++;
}

void
plan_delta_fini(struct plan_delta *d)
{
	FREE(&d->goals);
	d->n_goals = 0;
}

static const char *
change_words(enum plan_change c)
{
	switch (c) {
	case PLAN_ADDED: return "written";
	case PLAN_CHANGED: return "changed";
	case PLAN_CLEARED: return "emptied";
	default: return "as it was";
	}
}

static void
format_field(const struct plan_field_delta *f, const struct plan_field *pf,
    plan_name_fn name_of, void *ctx, int width, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	const char *who = f->changed_by && name_of ? name_of(ctx,
	    f->changed_by) : NULL;
	char day[20];

	strbuf_addf(&line, "%s: %s", pf->label, change_words(f->change));
	if (f->changed_on[0] != '\0')
		strbuf_addf(&line, " on %s",
		    plan_long_date(f->changed_on, day));
	if (who != NULL)
		strbuf_addf(&line, " by %s", who);
	if (f->version_no > 0)
		strbuf_addf(&line, " (version %d)", f->version_no);
	plan_wrap(out, line.buf, width, 2);
	if (f->before != NULL)
		plan_wrap_labelled(out, "Before: ", f->before, width, 4);
	if (f->after != NULL)
		plan_wrap_labelled(out, "Now: ", f->after, width, 4);
	strbuf_fini(&line);
}

static void
format_goal(const struct plan_doc *doc, const struct plan_goal_delta *d,
    int width, struct strbuf *out)
{
	const struct plan_doc_goal *g = &doc->goals[d->goal];
	struct strbuf line = STRBUF_INIT;
	char a[4], b[4], day[20];
	int parts = 0;

	strbuf_addf(&line, "%s: %s", goal_area_label(g->goal.area),
	    g->goal.title ? g->goal.title : "");
	plan_wrap(out, line.buf, width, 2);
	strbuf_reset(&line);
#define PART() strbuf_adds(&line, parts++ ? "; " : "")
	if (d->what & GOAL_DELTA_NEW) {
		PART();
		strbuf_adds(&line, "a new goal");
	}
	if (d->what & GOAL_DELTA_SCORED) {
		PART();
		if (d->before == GOAL_SCORE_NONE)
			strbuf_addf(&line, "first score %s (%s)",
			    goal_score_str(d->after, a),
			    goal_score_words(d->after));
		else
			strbuf_addf(&line, "score %s, now %s (%s)",
			    goal_score_str(d->before, b),
			    goal_score_str(d->after, a),
			    d->after > d->before ? "moved up" :
			    d->after < d->before ? "moved down" :
			    "stayed the same");
	}
	if (d->what & GOAL_DELTA_STEPS) {
		PART();
		strbuf_addf(&line, "%d step%s done", d->steps_done,
		    d->steps_done == 1 ? "" : "s");
	}
	if (d->what & GOAL_DELTA_EDITED) {
		PART();
		strbuf_addf(&line, "its words changed on %s",
		    plan_long_date(d->edited_on, day));
	}
	if (d->what & GOAL_DELTA_CLOSED) {
		PART();
		strbuf_addf(&line, "closed on %s",
		    plan_long_date(g->goal.closed_on, day));
	}
#undef PART
	plan_wrap(out, line.buf, width, 4);
	if ((d->what & GOAL_DELTA_EDITED) && d->words_before != NULL) {
		plan_wrap_labelled(out, "Before: ", d->words_before, width, 4);
		if (d->words_now != NULL)
			plan_wrap_labelled(out, "Now: ", d->words_now, width,
			    4);
	}
	strbuf_fini(&line);
}

void
plan_delta_format(const struct plan_doc *doc, const struct plan_delta *d,
    plan_name_fn name_of, void *ctx, int width, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	char day[20];
	size_t i;

	if (d->since[0] != '\0')
		strbuf_addf(&line, "What changed since %s.",
		    plan_long_date(d->since, day));
	else
		strbuf_adds(&line, "Everything in the plan since it began.");
	if (d->since[0] != '\0' && d->since_version > 0)
		strbuf_addf(&line, " The plan was at version %d then and is "
		    "at version %d now.", d->since_version, d->now_version);
	else if (d->since[0] != '\0')
		strbuf_addf(&line, " Nothing was saved before then; the plan "
		    "is at version %d now.", d->now_version);
	plan_wrap(out, line.buf, width, 0);
	strbuf_adds(out, "\nSections\n");
	for (i = 0; i < PLAN_NFIELDS; i++)
		if (d->fields[i].change != PLAN_SAME)
			format_field(&d->fields[i], &plan_fields[i], name_of,
			    ctx, width, out);
	if (d->fields_changed == 0)
		plan_wrap(out, "No section has changed.", width, 2);
	else if (d->fields_changed < PLAN_NFIELDS)
		plan_wrap(out, "Everything else is as it was.", width, 2);
	strbuf_adds(out, "\nGoals\n");
	for (i = 0; i < d->n_goals; i++)
		format_goal(doc, &d->goals[i], width, out);
	if (d->n_goals == 0)
		plan_wrap(out, "No news about the goals.", width, 2);
	strbuf_adds(out, "\nNotes\n");
	strbuf_reset(&line);
	if (d->notes_added == 0)
		strbuf_adds(&line, "No new notes.");
	else
		strbuf_addf(&line, "%zu new note%s.", d->notes_added,
		    d->notes_added == 1 ? "" : "s");
	plan_wrap(out, line.buf, width, 2);
	strbuf_fini(&line);
}

void
plan_version_format(const struct plan_sections *prev,
    const struct plan_sections *cur, const char *who, int width,
    struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	struct plan_field_delta f;
	char day[20], date[11], day11[11];
	size_t i;
	int n = 0;

	snprintf(date, sizeof date, "%s", version_day(cur, day11));
	strbuf_addf(&line, "Version %d, saved on %s", cur->version_no,
	    plan_long_date(date, day));
	if (who != NULL && who[0] != '\0')
		strbuf_addf(&line, " by %s", who);
	strbuf_addc(&line, '.');
	plan_wrap(out, line.buf, width, 0);
	if (cur->note != NULL && cur->note[0] != '\0') {
		strbuf_reset(&line);
		strbuf_addf(&line, "What changed, in their words: %s",
		    cur->note);
		plan_wrap(out, line.buf, width, 0);
	}
	strbuf_addc(out, '\n');
	for (i = 0; i < PLAN_NFIELDS; i++) {
		memset(&f, 0, sizeof f);
		f.before = prev ? plan_field_get(prev, i) : NULL;
		f.after = plan_field_get(cur, i);
		f.change = plan_text_change(f.before, f.after);
		if (f.change == PLAN_SAME)
			continue;
		format_field(&f, &plan_fields[i], NULL, NULL, width, out);
		n++;
	}
	if (n == 0)
		plan_wrap(out, "No section changed in this version.", width, 2);
	strbuf_fini(&line);
}
