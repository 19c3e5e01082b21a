/* work.c - fini functions and names for the records in work.h. */
#include "peerdesk/model/work.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

static const char *
work_name(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : NULL;
}

static int
work_find(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static const char *
work_label(const char *const *labels, int n, int v)
{
	return v >= 0 && v < n ? labels[v] : "?";
}

/* ---- names ------------------------------------------------------------ */

static const char *const plan_status_names[] = { "draft", "established" };

static const char *const goal_area_names[] = {
	"ambition", "connect", "be_active", "take_notice", "learn", "give"
};
static const char *const goal_area_labels[] = {
	"My ambitions", "Connect", "Be active", "Take notice", "Learn", "Give"
};

static const char *const shortlist_names[] = {
	"shortlisted", "interviewed", "met", "declined", "chosen", "withdrawn"
};
static const char *const shortlist_labels[] = {
	"shortlisted", "interviewed", "met", "declined", "chosen",
	"withdrawn"
};

/* DECISION_NONE is stored as NULL, so the table starts at YES. */
static const char *const decision_names[] = { "yes", "no" };

static const char *const end_kind_names[] = {
	"change_of_pal", "client_left", "pal_left", "completed", "other"
};
static const char *const end_kind_labels[] = {
	"change of PAL", "the client left", "the PAL left", "completed",
	"other"
};

static const char *const outcome_names[] = {
	"continue", "change_requested", "pal_withdraws", "end"
};
static const char *const outcome_labels[] = {
	"carry on", "change of PAL asked for", "the PAL withdraws",
	"support ends"
};

static const char *const reminder_names[] = {
	"review_upcoming", "review_due", "review_overdue", "dbs_recheck",
	"supervision", "funding_review"
};
static const char *const reminder_labels[] = {
	"review coming up", "review due", "review overdue",
	"DBS re-check due", "supervision due", "funder's review due"
};

const char *
plan_status_str(enum plan_status s)
{
	return work_name(plan_status_names, NELEM(plan_status_names), (int)s);
}

int
plan_status_from_str(const char *s, enum plan_status *out)
{
	int i = work_find(plan_status_names, NELEM(plan_status_names), s);

	if (i < 0)
		return -1;
	*out = (enum plan_status)i;
	return 0;
}

const char *
goal_area_str(enum goal_area a)
{
	return work_name(goal_area_names, NELEM(goal_area_names), (int)a);
}

int
goal_area_from_str(const char *s, enum goal_area *out)
{
	int i = work_find(goal_area_names, NELEM(goal_area_names), s);

	if (i < 0)
		return -1;
	*out = (enum goal_area)i;
	return 0;
}

const char *
goal_area_label(enum goal_area a)
{
	return work_label(goal_area_labels, NELEM(goal_area_labels), (int)a);
}

const char *
shortlist_status_str(enum shortlist_status s)
{
	return work_name(shortlist_names, NELEM(shortlist_names), (int)s);
}

int
shortlist_status_from_str(const char *s, enum shortlist_status *out)
{
	int i = work_find(shortlist_names, NELEM(shortlist_names), s);

	if (i < 0)
		return -1;
	*out = (enum shortlist_status)i;
	return 0;
}

const char *
shortlist_status_label(enum shortlist_status s)
{
	return work_label(shortlist_labels, NELEM(shortlist_labels), (int)s);
}

const char *
decision_str(enum decision d)
{
	return work_name(decision_names, NELEM(decision_names), (int)d - 1);
}

int
decision_from_str(const char *s, enum decision *out)
{
	int i = work_find(decision_names, NELEM(decision_names), s);

	if (i < 0)
		return -1;
	*out = (enum decision)(i + 1);
	return 0;
}

const char *
end_kind_str(enum end_kind k)
{
	return work_name(end_kind_names, NELEM(end_kind_names), (int)k);
}

int
end_kind_from_str(const char *s, enum end_kind *out)
{
	int i = work_find(end_kind_names, NELEM(end_kind_names), s);

	if (i < 0)
		return -1;
	*out = (enum end_kind)i;
	return 0;
}

const char *
end_kind_label(enum end_kind k)
{
	return work_label(end_kind_labels, NELEM(end_kind_labels), (int)k);
}

const char *
review_outcome_str(enum review_outcome o)
{
	return work_name(outcome_names, NELEM(outcome_names), (int)o);
}

int
review_outcome_from_str(const char *s, enum review_outcome *out)
{
	int i = work_find(outcome_names, NELEM(outcome_names), s);

	if (i < 0)
		return -1;
	*out = (enum review_outcome)i;
	return 0;
}

const char *
review_outcome_label(enum review_outcome o)
{
	return work_label(outcome_labels, NELEM(outcome_labels), (int)o);
}

const char *
reminder_kind_str(enum reminder_kind k)
{
	return work_name(reminder_names, NELEM(reminder_names), (int)k);
}

int
reminder_kind_from_str(const char *s, enum reminder_kind *out)
{
	int i = work_find(reminder_names, NELEM(reminder_names), s);

	if (i < 0)
		return -1;
	*out = (enum reminder_kind)i;
	return 0;
}

const char *
reminder_kind_label(enum reminder_kind k)
{
	return work_label(reminder_labels, NELEM(reminder_labels), (int)k);
}

/* ---- week totals -------------------------------------------------------- */

int
week_totals_add(struct week_totals *t, enum line_kind kind,
    int64_t rate_pence, int minutes)
{
	int i, j;

	if ((int)kind < 0 || (int)kind >= LINE_KINDS)
		return -1;
	if (rate_pence < 0)
		rate_pence = -1;
	for (i = 0; i < t->nbands && t->bands[i].rate_pence < rate_pence; i++)
		;
	if (i == t->nbands || t->bands[i].rate_pence != rate_pence) {
		if (t->nbands == WEEK_BANDS_MAX)
			return -1;
		for (j = t->nbands; j > i; j--)
			t->bands[j] = t->bands[j - 1];
		t->bands[i].rate_pence = rate_pence;
		t->bands[i].minutes = 0;
		t->nbands++;
	}
	t->bands[i].minutes += minutes;
	t->minutes_by_kind[kind] += minutes;
	t->minutes += minutes;
	return 0;
}

/* ---- fini ----------------------------------------------------------- */

#define FREES(...) do { \
	char **fs_[] = { __VA_ARGS__ }; \
	size_t fs_i; \
	for (fs_i = 0; fs_i < sizeof fs_ / sizeof fs_[0]; fs_i++) { \
		free(*fs_[fs_i]); \
		*fs_[fs_i] = NULL; \
	} \
} while (0)

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

void
shortlist_entry_fini(struct shortlist_entry *e)
{
	FREES(&e->pal_name, &e->why, &e->interview_note, &e->decline_reason);
}

void
assignment_fini(struct assignment *a)
{
	FREES(&a->client_name, &a->worker_name, &a->end_reason,
	    &a->override_reason);
}

void
review_fini(struct review *r)
{
	FREES(&r->participants, &r->notes);
}

void
reminder_fini(struct reminder *r)
{
	FREES(&r->client_name, &r->pal_name);
}

void
report_row_fini(struct report_row *r)
{
	FREES(&r->login, &r->name);
}

void
delivery_row_fini(struct delivery_row *r)
{
	FREES(&r->client_name, &r->worker_name);
}
