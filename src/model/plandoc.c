/* plandoc.c - the whole plan, its section table, the PAL's plan. */
#include "peerdesk/model/plandoc.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

#define FIELD(k, sec, head, lab, hint) \
	{ #k, (sec), (head), (lab), (hint), \
	  offsetof(struct plan_sections, k) }

const struct plan_field plan_fields[PLAN_NFIELDS] = {
	FIELD(ambitions, 1, "My ambitions and goals",
	    "My ambitions and goals",
	    "In the client's own words: what they want from life."),
	FIELD(support_wanted, 2, "The support I want",
	    "The support I want",
	    "What kind of support, how often, from whom."),
	FIELD(support_hopes, 2, NULL,
	    "What I want to get out of it",
	    "How the client will know the support is working."),
	FIELD(keeps_me_well, 3, "What keeps me well",
	    "What keeps me well",
	    "The wellness toolbox: daily things, people, places."),
	FIELD(triggers, 4, "Things that can make me unwell",
	    "What makes me unwell, stressed or miserable",
	    "The triggers, as the client sees them."),
	FIELD(triggers_plan, 4, NULL,
	    "My plan to avoid them or make them smaller",
	    "What the client will do about the triggers."),
	FIELD(warning_signs, 5, "Early warning signs",
	    "Signs that I am becoming unwell",
	    "What the client, and people close to them, notice first."),
	FIELD(warning_plan, 5, NULL,
	    "What I, and others, will do",
	    "Who does what when the signs show."),
	FIELD(crisis_plan, 6, "When things break down",
	    "My crisis plan",
	    "What should happen if things break down."),
	FIELD(crisis_contacts, 6, NULL,
	    "Who to contact",
	    "Names and numbers, in the order to try them."),
	FIELD(crisis_helps, 6, NULL,
	    "What helps",
	    "What others can do that helps."),
	FIELD(crisis_avoid, 6, NULL,
	    "What does not help",
	    "What others should not do."),
	FIELD(advance_statement, 6, NULL,
	    "My advance statement",
	    "What the client wants known if they cannot say it then."),
	FIELD(unsafe_places, 7, "Where I feel unsafe",
	    "Places and situations where I feel unsafe",
	    "So that sessions and plans can avoid them."),
};

static const char *const section_headings[] = {
	"My ambitions and goals", "The support I want", "What keeps me well",
	"Things that can make me unwell", "Early warning signs",
	"When things break down", "Where I feel unsafe",
	"My Five Ways to Wellbeing goals", "My notes"
};

const char *
plan_section_heading(int section)
{
	if (section < 1 || section > 9)
		return "?";
	return section_headings[section - 1];
}

static char **
plan_field_slot(struct plan_sections *s, size_t i)
{
	return (char **)(void *)((char *)s + plan_fields[i].offset);
}

const char *
plan_field_get(const struct plan_sections *s, size_t i)
{
	const char *v;

	if (i >= PLAN_NFIELDS)
		return NULL;
	v = *(char *const *)(const void *)((const char *)s +
	    plan_fields[i].offset);
	return v != NULL && v[0] != '\0' ? v : NULL;
}

void
plan_field_set(struct plan_sections *s, size_t i, const char *text)
{
	char **slot;

	if (i >= PLAN_NFIELDS)
		return;
	slot = plan_field_slot(s, i);
	free(*slot);
	*slot = text != NULL && text[0] != '\0' ? xstrdup(text) : NULL;
}

int
plan_field_find(const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < PLAN_NFIELDS; i++)
		if (strcmp(plan_fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

void
plan_sections_copy(struct plan_sections *dst, const struct plan_sections *src)
{
	size_t i;

	memcpy(dst, src, sizeof *dst);
	for (i = 0; i < PLAN_NFIELDS; i++)
		*plan_field_slot(dst, i) = xstrdup(*plan_field_slot(
		    (struct plan_sections *)(uintptr_t)src, i));
	dst->note = xstrdup(src->note);
}

/* ---- the whole plan --------------------------------------------------- */

void
plan_doc_init(struct plan_doc *d)
{
	memset(d, 0, sizeof *d);
}

void
plan_doc_goal_fini(struct plan_doc_goal *g)
{
	size_t i;

	plan_goal_fini(&g->goal);
	for (i = 0; i < g->n_steps; i++)
		goal_step_fini(&g->steps[i]);
	for (i = 0; i < g->n_scores; i++)
		goal_score_fini(&g->scores[i]);
	free(g->steps);
	free(g->scores);
	free(g->step_line);
	free(g->score_line);
	free(g->group_name);
	memset(g, 0, sizeof *g);
}

void
plan_doc_fini(struct plan_doc *d)
{
	size_t i;

	FREE(&d->client_name);
	plan_sections_fini(&d->sections);
	FREE(&d->saved_by_name);
	FREE(&d->established_by_name);
	for (i = 0; i < d->n_goals; i++)
		plan_doc_goal_fini(&d->goals[i]);
	free(d->goals);
	for (i = 0; i < d->n_notes; i++)
		plan_note_fini(&d->notes[i]);
	free(d->notes);
	free(d->note_line);
	memset(d, 0, sizeof *d);
}

struct plan_doc_goal *
plan_doc_add_goal(struct plan_doc *d)
{
	struct plan_doc_goal *g;

	d->goals = xreallocarray(d->goals, d->n_goals + 1, sizeof *d->goals);
	g = &d->goals[d->n_goals++];
	memset(g, 0, sizeof *g);
	return g;
}

void
plan_goal_copy(struct plan_goal *dst, const struct plan_goal *src)
{
	memcpy(dst, src, sizeof *dst);
	dst->title = xstrdup(src->title);
	dst->detail = xstrdup(src->detail);
	dst->set_by = xstrdup(src->set_by);
}

void
goal_step_copy(struct goal_step *dst, const struct goal_step *src)
{
	memcpy(dst, src, sizeof *dst);
	dst->text = xstrdup(src->text);
}

void
plan_doc_goal_add_step(struct plan_doc_goal *g, const struct goal_step *s,
    int line)
{
	g->steps = xreallocarray(g->steps, g->n_steps + 1, sizeof *g->steps);
	g->step_line = xreallocarray(g->step_line, g->n_steps + 1,
	    sizeof *g->step_line);
	goal_step_copy(&g->steps[g->n_steps], s);
	g->step_line[g->n_steps++] = line;
}

void
plan_doc_goal_add_score(struct plan_doc_goal *g, const struct goal_score *s,
    int line)
{
	struct goal_score *c;

	g->scores = xreallocarray(g->scores, g->n_scores + 1,
	    sizeof *g->scores);
	g->score_line = xreallocarray(g->score_line, g->n_scores + 1,
	    sizeof *g->score_line);
	c = &g->scores[g->n_scores];
	memcpy(c, s, sizeof *c);
	c->note = xstrdup(s->note);
	g->score_line[g->n_scores++] = line;
}

void
plan_doc_add_note(struct plan_doc *d, const struct plan_note *n, int line)
{
	struct plan_note *c;

	d->notes = xreallocarray(d->notes, d->n_notes + 1, sizeof *d->notes);
	d->note_line = xreallocarray(d->note_line, d->n_notes + 1,
	    sizeof *d->note_line);
	c = &d->notes[d->n_notes];
	memcpy(c, n, sizeof *c);
	c->author_name = xstrdup(n->author_name);
	c->text = xstrdup(n->text);
	d->note_line[d->n_notes++] = line;
}

struct plan_doc_goal *
plan_doc_goal_by_id(const struct plan_doc *d, int64_t id)
{
	size_t i;

	for (i = 0; id > 0 && i < d->n_goals; i++)
		if (d->goals[i].goal.id == id)
			return &d->goals[i];
	return NULL;
}

/* ---- the PAL's plan ---------------------------------------------------- */

#define PFIELD(k, lab) { #k, (lab), offsetof(struct pal_plan, k) }

const struct pal_plan_field pal_plan_fields[PAL_PLAN_NFIELDS] = {
	PFIELD(aspirations, "My aspirations"),
	PFIELD(other_commitments, "My other commitments"),
	PFIELD(struggling_signs, "How I will know I am struggling at work"),
	PFIELD(my_actions, "What I will do if that happens"),
	PFIELD(manager_actions, "What the Operations Manager can do to help"),
	PFIELD(adjustments, "Reasonable adjustments we have agreed"),
	PFIELD(career_development, "My career development"),
};

static char **
pal_plan_slot(struct pal_plan *p, size_t i)
{
	return (char **)(void *)((char *)p + pal_plan_fields[i].offset);
}

void
pal_plan_fini(struct pal_plan *p)
{
	size_t i;

	for (i = 0; i < PAL_PLAN_NFIELDS; i++)
		FREE(pal_plan_slot(p, i));
	FREE(&p->saved_by_name);
}

const char *
pal_plan_field_get(const struct pal_plan *p, size_t i)
{
	const char *v;

	if (i >= PAL_PLAN_NFIELDS)
		return NULL;
	v = *(char *const *)(const void *)((const char *)p +
	    pal_plan_fields[i].offset);
	return v != NULL && v[0] != '\0' ? v : NULL;
}

unsigned
pal_plan_changed(const struct pal_plan *a, const struct pal_plan *b)
{
	unsigned mask = 0;
	size_t i;

	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		const char *x = pal_plan_field_get(a, i);
		const char *y = pal_plan_field_get(b, i);

		if ((x == NULL) != (y == NULL) ||
		    (x != NULL && strcmp(x, y) != 0))
			mask |= 1u << i;
	}
	return mask;
}
