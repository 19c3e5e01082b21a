/* plan.c - fini functions and names for the records in plan.h. */
#include "peerdesk/model/plan.h"

#include "record_priv.h"

RECORD_NAMES(plan_status, enum plan_status, PLAN_STATUS_LIST,
    RECORD_NAME_ONLY)
RECORD_NAMES(goal_area, enum goal_area, GOAL_AREA_LIST, RECORD_NAME_OF)
RECORD_LABELS(goal_area, enum goal_area, GOAL_AREA_LIST)

void
plan_sections_fini(struct plan_sections *s)
{
	FREES(&s->ambitions, &s->support_wanted, &s->support_hopes,
	    &s->keeps_me_well, &s->triggers, &s->triggers_plan,
	    &s->warning_signs, &s->warning_plan, &s->crisis_plan,
	    &s->crisis_contacts, &s->crisis_helps, &s->crisis_avoid,
	    &s->advance_statement, &s->unsafe_places, &s->note);
}

void
plan_goal_fini(struct plan_goal *g)
{
	FREES(&g->title, &g->detail, &g->set_by);
}

void
goal_step_fini(struct goal_step *s)
{
	FREES(&s->text);
}

void
goal_score_fini(struct goal_score *s)
{
	FREES(&s->note);
}

void
plan_note_fini(struct plan_note *n)
{
	FREES(&n->author_name, &n->text);
}
