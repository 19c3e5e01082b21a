/* plan_text.c - the client's copy of the plan as plain text. */
#include "peerdesk/report/plan_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/model/plandiff.h"

static void
plan_text_centre(struct strbuf *out, const char *s, int width)
{
	int pad = (width - (int)utf8_width(s)) / 2;

	strbuf_addf(out, "%*s%s\n", pad > 0 ? pad : 0, "", s);
}

static void
plan_text_heading(struct strbuf *out, int n, const char *title)
{
	strbuf_addf(out, "\n%d. %s\n", n, title);
}

/* A field: its label, then its words (or a gentle note when empty). */
static void
plan_text_field(struct strbuf *out, const char *label, const char *text,
    int width, int show_label)
{
	if (show_label)
		plan_wrap(out, label, width, 3);
	if (text == NULL)
		plan_wrap(out, "(Nothing written here yet.)", width, 5);
	else
		plan_wrap(out, text, width, show_label ? 5 : 3);
}

static void
plan_text_goal(struct strbuf *out, const struct plan_doc_goal *g, int width)
{
	struct strbuf line = STRBUF_INIT;
	char d8[8];
	size_t i;

	strbuf_adds(&line, "* ");
	goal_heading(&g->goal, &line);
	plan_wrap(out, line.buf, width, 3);
	strbuf_reset(&line);
	goal_facts(&g->goal, g->group_name, GOAL_FACTS_ALL, " ", &line);
	if (line.len > 0)
		plan_wrap(out, line.buf, width, 5);
	if (g->goal.detail != NULL)
		plan_wrap(out, g->goal.detail, width, 5);
	for (i = 0; i < g->n_steps; i++) {
		strbuf_reset(&line);
		strbuf_addf(&line, "[%s] %s",
		    g->steps[i].done_on[0] ? "x" : " ",
		    g->steps[i].text ? g->steps[i].text : "");
		if (g->steps[i].done_on[0] != '\0')
			strbuf_addf(&line, " (done %s)",
			    plan_short_date(g->steps[i].done_on, d8));
		plan_wrap(out, line.buf, width, 5);
	}
	if (g->goal.area != GOAL_AMBITION || g->n_scores > 0) {
		strbuf_reset(&line);
		strbuf_adds(&line, "How it is going: ");
		goal_progress_line(g->scores, g->n_scores, 6, &line);
		plan_wrap(out, line.buf, width, 5);
	}
	if (g->n_scores > 1) {
		struct strbuf chart = STRBUF_INIT;
		const char *p;

		goal_chart(g->scores, g->n_scores, width - 7, &chart);
		for (p = chart.buf; *p != '\0';) {
			size_t n = strcspn(p, "\n");

			strbuf_addf(out, "       %.*s\n", (int)n, p);
			p += n + (p[n] == '\n');
		}
		strbuf_fini(&chart);
	}
	strbuf_fini(&line);
}

void
plan_text_about(const struct plan_copy *c, const char *sep,
    struct strbuf *out)
{
	const struct plan_doc *d = c->doc;
	char day[20], saved[11];

	if (c->org_name != NULL && c->org_name[0] != '\0' &&
	    strcmp(c->org_name, "peerdesk") != 0)	/* the default */
		strbuf_addf(out, "Written with %s.%s", c->org_name, sep);
	snprintf(saved, sizeof saved, "%.10s", d->sections.saved_on[0] ?
	    d->sections.saved_on : d->sections.saved_at);
	if (d->info.current_version > 0)
		strbuf_addf(out, "Version %d, last changed on %s.%s",
		    d->info.current_version, plan_long_date(saved, day), sep);
	if (c->printed_on != NULL && c->printed_on[0] != '\0')
		strbuf_addf(out, "Printed on %s.",
		    plan_long_date(c->printed_on, day));
}

void
plan_text_render(const struct plan_copy *c, int width, struct strbuf *out)
{
	const struct plan_doc *d = c->doc;
	struct strbuf line = STRBUF_INIT;
	char day[20];
	size_t i;
	int section = 0, ways = 0, ambitions = 0, s;

	if (width < 40)
		width = 40;
	plan_text_centre(out, "My Wellness and Safety Plan", width);
	plan_text_centre(out, d->client_name ? d->client_name : "", width);
	strbuf_addc(out, '\n');
	plan_wrap(out, PLAN_COPY_WELCOME, width, 0);
	plan_text_about(c, " ", &line);
	strbuf_addc(out, '\n');
	plan_wrap(out, line.buf, width, 0);

	for (i = 0; i < PLAN_NFIELDS; i++) {
		const struct plan_field *f = &plan_fields[i];
		bool many = i + 1 < PLAN_NFIELDS &&
		    plan_fields[i + 1].section == f->section;

		if (f->section != section) {
			section = f->section;
			plan_text_heading(out, section, f->heading);
			/* a section of one field needs no second title */
			plan_text_field(out, f->label,
			    plan_field_get(&d->sections, i), width, many);
		} else {
			plan_text_field(out, f->label,
			    plan_field_get(&d->sections, i), width, 1);
		}
		for (s = 0; section == 1 && s < (int)d->n_goals; s++) {
			if (d->goals[s].goal.area != GOAL_AMBITION)
				continue;
			if (ambitions++ == 0)
				plan_wrap(out, "Goals I have set myself:",
				    width, 3);
			plan_text_goal(out, &d->goals[s], width);
		}
	}
	plan_text_heading(out, 8, plan_section_heading(8));
	plan_wrap(out, "Connect, Be active, Take notice, Learn, Give: small "
	    "steps that add up. Scores go from -2 (much less than we hoped) "
	    "through 0 (what we hoped for) to +2 (much more than we hoped).",
	    width, 3);
	for (i = 0; i < d->n_goals; i++) {
		if (d->goals[i].goal.area == GOAL_AMBITION)
			continue;
		strbuf_addc(out, '\n');
		plan_text_goal(out, &d->goals[i], width);
		ways++;
	}
	if (ways == 0)
		plan_wrap(out, "(No goals written here yet.)", width, 3);
	plan_text_heading(out, 9, plan_section_heading(9));
	for (i = 0; i < d->n_notes; i++) {
		strbuf_reset(&line);
		strbuf_adds(&line, plan_long_date(d->notes[i].written_on, day));
		if (d->notes[i].author_name != NULL)
			strbuf_addf(&line, " (%s)", d->notes[i].author_name);
		plan_wrap(out, line.buf, width, 3);
		plan_wrap(out, d->notes[i].text, width, 5);
	}
	if (d->n_notes == 0)
		plan_wrap(out, "(No notes yet. Add your own whenever you "
		    "like.)", width, 3);
	strbuf_fini(&line);
}
