/* plan.c - fini functions and names for the records in plan.h. */
#include "peerdesk/model/plan.h"

#include "record_priv.h"

static const char *const plan_status_names[] = { "draft", "established" };
RECORD_STR(plan_status_str, enum plan_status, plan_status_names)
RECORD_FROM_STR(plan_status_from_str, enum plan_status, plan_status_names)

static const char *const goal_area_names[] = {
	"ambition", "connect", "be_active", "take_notice", "learn", "give"
};
static const char *const goal_area_labels[] = {
	"My ambitions", "Connect", "Be active", "Take notice", "Learn", "Give"
};
RECORD_STR(goal_area_str, enum goal_area, goal_area_names)
RECORD_FROM_STR(goal_area_from_str, enum goal_area, goal_area_names)
RECORD_LABEL(goal_area_label, enum goal_area, goal_area_labels)

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
