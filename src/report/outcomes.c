/* outcomes.c - the outcomes report as text and CSV, both from one list
 * of items so that they say the same. */
#include "peerdesk/report/outcomes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/csvout.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

struct item {
	const char *section;	/* static */
	char *item, *value, *out_of, *detail;
};

struct items {
	struct item *v;
	size_t n;
};

static void
outcomes_add(struct items *it, const char *section, const char *item,
    const char *value, const char *out_of, const char *detail)
{
	struct item *x;

	it->v = xreallocarray(it->v, it->n + 1, sizeof *it->v);
	x = &it->v[it->n++];
	x->section = section;
	x->item = xstrdup(item);
	x->value = xstrdup(value != NULL ? value : "");
	x->out_of = xstrdup(out_of != NULL ? out_of : "");
	x->detail = xstrdup(detail != NULL ? detail : "");
}

static void
outcomes_addi(struct items *it, const char *section, const char *item,
    long long v, const char *detail)
{
	char b[32];

	snprintf(b, sizeof b, "%lld", v);
	outcomes_add(it, section, item, b, NULL, detail);
}

static char *
outcomes_hours(int64_t minutes, char b[32])
{
	snprintf(b, 32, "%.1f", (double)minutes / 60.0);
	return b;
}

static char *
outcomes_tval(double t, char b[32])
{
	snprintf(b, 32, "%.1f", t);
	return b;
}

static char *
outcomes_change(double d, char b[32])
{
	snprintf(b, 32, "%+.1f", d);
	return b;
}

static const char *const closed_words[][2] = {
	{ "support_ended", "support came to an end" },
	{ "moved_away", "moved away" },
	{ "declined", "decided not to go on" },
	{ "not_reached", "could not be reached" },
	{ "died", "died" },
	{ "other", "other reasons" },
};

static const char *
outcomes_closed_word(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof closed_words / sizeof closed_words[0]; i++)
		if (strcmp(code, closed_words[i][0]) == 0)
			return closed_words[i][1];
	return code;
}

#define S_PEOPLE "people"
#define S_HOURS "hours"
#define S_REVIEWS "reviews"
#define S_GOALS "goals"
#define S_AREAS "goals by area"
#define S_PERSON "goals by person"
#define S_GROUPS "groups"
#define S_MONTHS "groups by month"
#define S_WORDS "own words"

/* Referrals, people supported and ended, and the wait for a first
 * meeting. */
static void
outcomes_build_people(const struct outcomes *o, struct items *it)
{
	char a[32], b[32], d[200];
	size_t i;

	outcomes_addi(it, S_PEOPLE, "referrals received", o->referrals, NULL);
	outcomes_addi(it, S_PEOPLE, "people supported", o->supported,
	    "a session or a group in the period");
	outcomes_addi(it, S_PEOPLE, "support ended", o->closed, NULL);
	for (i = 0; i < o->n_closed_why; i++) {
		snprintf(d, sizeof d, "  %s",
		    outcomes_closed_word(o->closed_why[i].label));
		snprintf(a, sizeof a, "%d", o->closed_why[i].n);
		snprintf(b, sizeof b, "%d", o->closed);
		outcomes_add(it, S_PEOPLE, d, a, b, NULL);
	}
	snprintf(a, sizeof a, "%d", o->waits);
	outcomes_add(it, S_PEOPLE, "first meetings", a, NULL, NULL);
	if (o->waits > 0) {
		snprintf(a, sizeof a, "%.1f", o->wait_median);
		snprintf(d, sizeof d, "from %d to %d days", o->wait_min,
		    o->wait_max);
		outcomes_add(it, S_PEOPLE,
		    "days from referral to first meeting (median)", a, NULL, d);
	}
}

/* Hours delivered against contracted, by funder and route, and how
 * many first reviews fell in their window. */
static void
outcomes_build_hours(const struct outcomes *o, struct items *it)
{
	char a[32], b[32], c[32], d[200];
	size_t i;

	for (i = 0; i < o->n_hours; i++) {
		const struct outcome_hours *h = &o->hours[i];

		snprintf(d, sizeof d, "%s, %s",
		    h->funder[0] ? h->funder : "no funder recorded", h->route);
		snprintf(c, sizeof c, "%d client%s", h->clients,
		    h->clients == 1 ? "" : "s");
		outcomes_add(it, S_HOURS, d,
		    outcomes_hours(h->delivered_minutes, a),
		    outcomes_hours(h->contracted_minutes, b), c);
	}
	if (o->n_hours == 0)
		outcomes_add(it, S_HOURS, "no funding recorded", NULL, NULL,
		    NULL);

	snprintf(a, sizeof a, "%d", o->reviews_in_window);
	snprintf(b, sizeof b, "%d", o->reviews);
	if (o->reviews > 0)
		snprintf(d, sizeof d, "%d%%", (o->reviews_in_window * 100 +
		    o->reviews / 2) / o->reviews);
	else
		d[0] = '\0';
	outcomes_add(it, S_REVIEWS, "first reviews 28 to 42 days after meeting",
	    a, b, d);
}

/* Goal scores: overall, by area and by person. */
static void
outcomes_build_goals(const struct outcomes *o, struct items *it)
{
	char a[32], b[32], c[32], d[200];
	size_t i;
	int k;

	snprintf(a, sizeof a, "%zu", o->n_people);
	outcomes_add(it, S_GOALS, "people whose goals were scored", a, NULL,
	    NULL);
	if (o->n_people > 0) {
		outcomes_add(it, S_GOALS, "mean T-score at first scoring",
		    outcomes_tval(o->t_first, a), NULL, "50 is as expected");
		outcomes_add(it, S_GOALS, "mean T-score at latest scoring",
		    outcomes_tval(o->t_latest, a), NULL, NULL);
		outcomes_add(it, S_GOALS, "change",
		    outcomes_change(o->t_latest - o->t_first, a), NULL, NULL);
		snprintf(b, sizeof b, "%zu", o->n_people);
		snprintf(a, sizeof a, "%d", o->improved);
		outcomes_add(it, S_GOALS, "people whose score went up", a, b,
		    NULL);
		snprintf(a, sizeof a, "%d", o->same);
		outcomes_add(it, S_GOALS, "people whose score stayed the same",
		    a, b, NULL);
		snprintf(a, sizeof a, "%d", o->worse);
		outcomes_add(it, S_GOALS, "people whose score went down", a, b,
		    NULL);
	}
	for (k = 0; k < OUTCOME_AREAS; k++) {
		const struct outcome_area *r = &o->areas[k];

		if (r->clients == 0)
			continue;
		snprintf(d, sizeof d, "%d %s, %d goal%s; first %s, latest %s",
		    r->clients, r->clients == 1 ? "person" : "people", r->goals,
		    r->goals == 1 ? "" : "s", outcomes_tval(r->t_first, b),
		    outcomes_tval(r->t_latest, c));
		outcomes_add(it, S_AREAS, outcomes_area_label(k),
		    outcomes_change(r->t_latest - r->t_first, a), NULL, d);
	}
	for (i = 0; i < o->n_people; i++) {
		const struct outcome_person *p = &o->people[i];

		snprintf(d, sizeof d, "%d goal%s; first %s, latest %s",
		    p->goals, p->goals == 1 ? "" : "s",
		    outcomes_tval(p->t_first, b),
		    outcomes_tval(p->t_latest, c));
		outcomes_add(it, S_PERSON, p->label,
		    outcomes_change(p->t_latest - p->t_first, a), NULL, d);
	}
}

/* Groups: each group's meetings and people, and attendances by month. */
static void
outcomes_build_groups(const struct outcomes *o, struct items *it)
{
	char a[32], c[32], d[200];
	size_t i;

	for (i = 0; i < o->n_groups; i++) {
		const struct outcome_group *g = &o->groups[i];

		snprintf(d, sizeof d, "%s: meetings", g->name);
		outcomes_addi(it, S_GROUPS, d, g->meetings, NULL);
		snprintf(d, sizeof d, "%s: people", g->name);
		outcomes_addi(it, S_GROUPS, d, g->people, NULL);
		snprintf(d, sizeof d, "%s: new people", g->name);
		outcomes_addi(it, S_GROUPS, d, g->new_people, NULL);
		snprintf(d, sizeof d, "%s: attendances", g->name);
		outcomes_addi(it, S_GROUPS, d, g->attendances, NULL);
		snprintf(d, sizeof d, "%s: average a meeting", g->name);
		snprintf(a, sizeof a, "%.1f", g->meetings > 0 ?
		    (double)g->attendances / g->meetings : 0.0);
		outcomes_add(it, S_GROUPS, d, a, NULL, NULL);
	}
	if (o->n_groups == 0)
		outcomes_add(it, S_GROUPS, "no group met", NULL, NULL, NULL);
	for (i = 0; i < o->n_months; i++) {
		snprintf(d, sizeof d, "%s: attendances", o->months[i].month);
		snprintf(c, sizeof c, "%d meeting%s", o->months[i].meetings,
		    o->months[i].meetings == 1 ? "" : "s");
		snprintf(a, sizeof a, "%d", o->months[i].attendances);
		outcomes_add(it, S_MONTHS, d, a, NULL, c);
	}
}

static void
outcomes_build(const struct outcomes *o, struct items *it)
{
	char d[200];
	size_t i;

	outcomes_build_people(o, it);
	outcomes_build_hours(o, it);
	outcomes_build_goals(o, it);
	outcomes_build_groups(o, it);
	for (i = 0; i < o->n_quotes; i++) {
		snprintf(d, sizeof d, "%s, %s", o->quotes[i].source,
		    o->quotes[i].date);
		outcomes_add(it, S_WORDS, o->quotes[i].text, NULL, NULL, d);
	}
}

static void
outcomes_items_fini(struct items *it)
{
	size_t i;

	for (i = 0; i < it->n; i++) {
		free(it->v[i].item);
		free(it->v[i].value);
		free(it->v[i].out_of);
		free(it->v[i].detail);
	}
	free(it->v);
	it->v = NULL;
	it->n = 0;
}

static const char *
outcomes_heading(const char *section)
{
	static const char *const h[][2] = {
		{ S_PEOPLE, "People" },
		{ S_HOURS, "Hours delivered against contracted (hours)" },
		{ S_REVIEWS, "Reviews" },
		{ S_GOALS, "Goal attainment (GAS T-score: 50 is as expected)" },
		{ S_AREAS, "Change by area" },
		{ S_PERSON, "Change by person" },
		{ S_GROUPS, "Groups" },
		{ S_MONTHS, "Groups, month by month (all groups)" },
		{ S_WORDS, "In their own words (quoted with their leave)" },
	};
	size_t i;

	for (i = 0; i < sizeof h / sizeof h[0]; i++)
		if (strcmp(h[i][0], section) == 0)
			return h[i][1];
	return section;
}

void
outcomes_text(const struct outcomes *o, struct strbuf *out)
{
	struct items it = { NULL, 0 };
	const char *last = "";
	size_t i, w;

	outcomes_build(o, &it);
	strbuf_addf(out, "Outcomes from %s to %s\n", o->from, o->to);
	if (o->funder != NULL)
		strbuf_addf(out, "For %s: their clients only%s.\n", o->funder,
		    o->named ? "; people whose own budget they pay are named" :
		    "; nobody is named");
	else
		strbuf_adds(out, "For everyone; nobody is named.\n");
	if (o->funder != NULL)
		strbuf_adds(out, "Groups are open to all: their figures are "
		    "the whole service's.\n");
	for (i = 0; i < it.n; i++) {
		const struct item *x = &it.v[i];

		if (strcmp(x->section, last) != 0) {
			strbuf_addf(out, "\n%s\n",
			    outcomes_heading(x->section));
			last = x->section;
		}
		if (strcmp(x->section, S_WORDS) == 0) {
			strbuf_addf(out, "  \"%s\" (%s)\n", x->item, x->detail);
			continue;
		}
		strbuf_addf(out, "  %s", x->item);
		w = 2 + utf8_width(x->item);
		if (x->value[0] != '\0') {
			if (w < 52) {
				strbuf_addf(out, "%*s", (int)(52 - w), "");
				w = 52;
			} else {
				strbuf_adds(out, " ");
				w++;
			}
			strbuf_addf(out, "%8s", x->value);
			w += utf8_width(x->value) > 8 ?
			    utf8_width(x->value) : 8;
			if (x->out_of[0] != '\0') {
				strbuf_addf(out, " of %s", x->out_of);
				w += 4 + utf8_width(x->out_of);
			}
		}
		if (x->detail[0] != '\0') {
			if (w + 3 + utf8_width(x->detail) > 80)
				strbuf_adds(out, "\n     ");
			strbuf_addf(out, " (%s)", x->detail);
		}
		strbuf_adds(out, "\n");
	}
	outcomes_items_fini(&it);
}

void
outcomes_csv(const struct outcomes *o, unsigned flags, struct strbuf *out)
{
	struct items it = { NULL, 0 };
	size_t i;

	outcomes_build(o, &it);
	csvout_begin(out, flags);
	strbuf_adds(out, OUTCOMES_CSV_HEADER "\r\n");
	for (i = 0; i < it.n; i++) {
		const struct item *x = &it.v[i];
		const char *s = x->item;

		while (*s == ' ')
			s++;
		csvout_field(out, x->section, flags, false);
		csvout_field(out, s, flags, false);
		csvout_field(out, x->value, flags, false);
		csvout_field(out, x->out_of, flags, false);
		csvout_field(out, x->detail, flags, true);
	}
	outcomes_items_fini(&it);
}
