/* review.c - recording the four-to-six-week review, and the other forms
 * about one assignment: change of PAL, the end, agreed hours, and
 * starting support with a worker directly. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ui.h"
#include "assign_forms.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"

/* Read the assignment a form is about. */
static enum pd_status
rv_read(void *app, const void *arg, struct assignment *a, struct pd_err *err)
{
	struct assignment_item it;
	enum pd_status s;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which assignment?");
	if ((s = app_assignment_get(app, *(const int64_t *)arg, &it, err))
	    != PD_OK)
		return s;
	*a = it.a;
	return PD_OK;
}

/* ---- the review ---------------------------------------------------------- */

struct rv_review {
	struct assign_said said;
	struct assignment a;
	char held_on[11];
	char *participants;
	int outcome;
	char *notes;
};

static const struct field_choice rv_outcomes[] = {
	{ OUTCOME_CONTINUE, "Continue" },
	{ OUTCOME_CHANGE_REQUESTED, "The client asks for a change of PAL" },
	{ OUTCOME_PAL_WITHDRAWS, "The PAL withdraws" },
	{ OUTCOME_END, "Support ends" },
	{ 0, NULL }
};

static const struct field_def rv_review_fields[] = {
	{ .id = "held_on", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct rv_review, held_on), .required = true,
	  .width = 12 },
	{ .id = "participants", .label = "Who took part", .kind = FIELD_TEXT,
	  .offset = offsetof(struct rv_review, participants), .max_len = 200 },
	{ .id = "outcome", .label = "Decided", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct rv_review, outcome), .required = true,
	  .choices = rv_outcomes, .width = 36, .help = "A change of PAL, or "
	  "the PAL withdrawing, ends this support and the client chooses "
	  "again." },
	{ .id = "notes", .label = "Notes", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct rv_review, notes), .height = 4 },
	{ .id = NULL }
};

static void
rv_review_fini(void *rec)
{
	struct rv_review *r = rec;

	assignment_fini(&r->a);
	FREE(&r->participants);
	FREE(&r->notes);
}

static enum pd_status
rv_review_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct rv_review *r = rec;
	enum pd_status s;

	if ((s = rv_read(app, arg, &r->a, err)) != PD_OK)
		return s;
	app_today(r->held_on);
	r->outcome = OUTCOME_CONTINUE;
	r->participants = xasprintf("%s, %s",
	    r->a.client_name ? r->a.client_name : "the client",
	    r->a.worker_name ? r->a.worker_name : "the PAL");
	assign_said_set_title(&r->said, "Review: %s with %s", r->a.client_name ?
	    r->a.client_name : "?", r->a.worker_name ? r->a.worker_name : "?");
	return PD_OK;
}

/* After the review: when the client's plan has open goals, the support
 * screen opens their scores next, dated with the review. */
static void
rv_review_scores_next(void *app, int64_t client, int64_t review_id,
    const char *held_on, struct plan_review_arg *score)
{
	struct plan_doc doc;
	size_t i, open = 0;

	memset(score, 0, sizeof *score);
	if (app_plan_load(app, client, &doc, NULL) != PD_OK)
		return;
	for (i = 0; i < doc.n_goals; i++)
		open += doc.goals[i].goal.closed_on[0] == '\0';
	plan_doc_fini(&doc);
	if (open == 0)
		return;
	score->client_id = client;
	score->review_id = review_id;
	snprintf(score->on, sizeof score->on, "%s", held_on);
}

/* When the client has no support left, the support screen asks next
 * what becomes of them, from `on` (today if that is still to come). */
static void
rv_ask_status_if_last(void *app, int64_t client, const char *on,
    struct assign_next *next)
{
	struct assignment_list left;
	struct pd_err ignored;
	char today[11];

	if (app_assignment_list(app, client, 1, &left, &ignored) != PD_OK)
		return;
	if (left.n == 0) {
		app_today(today);
		next->ask_status = true;
		snprintf(next->ask_status_day, sizeof next->ask_status_day,
		    "%s", on[0] != '\0' && strcmp(on, today) < 0 ? on : today);
	}
	assignment_list_fini(&left);
}

static enum pd_status
rv_review_save(void *app, void *rec, struct pd_err *err)
{
	struct rv_review *r = rec;
	struct review v;
	int64_t client = r->a.client_id;
	enum pd_status s;

	memset(&v, 0, sizeof v);
	memcpy(v.held_on, r->held_on, 11);
	v.participants = r->participants;
	v.outcome = (enum review_outcome)r->outcome;
	v.notes = r->notes;
	s = app_review_record(app, &r->a, &v, err);
	if (s != PD_OK)
		return s;
	rv_review_scores_next(app, client, v.id, v.held_on,
	    &r->said.next.score);
	if (v.outcome == OUTCOME_CHANGE_REQUESTED ||
	    v.outcome == OUTCOME_PAL_WITHDRAWS) {
		r->said.next.choose_again = true;
		assign_said_set_note(&r->said, "Review recorded: %s. The "
		    "client can choose another PAL now.",
		    review_outcome_label(v.outcome));
	} else
		assign_said_set_note(&r->said, "Review recorded: %s.",
		    review_outcome_label(v.outcome));
	if (v.outcome == OUTCOME_END)
		rv_ask_status_if_last(app, client, v.held_on, &r->said.next);
	return PD_OK;
}

static const struct form_def rv_review_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = rv_review_fields,
	.rec_size = sizeof(struct rv_review),
	.rec_fini = rv_review_fini,
	.load = rv_review_load,
	.save = rv_review_save,
	.saved_message = "Saved the review.",
};

const struct screen_ops review_screen = {
	.name = "review",
	.title = "Review",
	.help = "The four-to-six-week review after the first meeting: who "
	    "took part and what was decided. Recording it clears the "
	    "reminder. The client may ask for a change of PAL, and the PAL "
	    "may withdraw; either way the client chooses again. When the "
	    "client's plan has goals, their scores at this review come next.",
	.def = &rv_review_form,
	ASSIGN_FORM_CALLBACKS
};

/* ---- change of PAL, and the end ------------------------------------------ */

struct rv_end {
	struct assign_said said;
	struct assignment a;
	char on[11];
	int kind;
	char *reason;
};

static const struct field_choice rv_end_kinds[] = {
	{ END_COMPLETED, "Support came to an end" },
	{ END_CLIENT_LEFT, "The client left" },
	{ END_PAL_LEFT, "The PAL left" },
	{ END_OTHER, "Something else" },
	{ 0, NULL }
};

static const struct field_def rv_change_fields[] = {
	{ .id = "date", .label = "Last day", .kind = FIELD_DATE,
	  .offset = offsetof(struct rv_end, on), .required = true,
	  .width = 12 },
	{ .id = "reason", .label = "Why", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct rv_end, reason), .required = true,
	  .height = 3, .help = "In a few words, and who asked: the client, "
	  "the PAL, or both." },
	{ .id = NULL }
};

static const struct field_def rv_end_fields[] = {
	{ .id = "date", .label = "Last day", .kind = FIELD_DATE,
	  .offset = offsetof(struct rv_end, on), .required = true,
	  .width = 12 },
	{ .id = "kind", .label = "How it ended", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct rv_end, kind), .required = true,
	  .choices = rv_end_kinds, .width = 26 },
	{ .id = "reason", .label = "Note", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct rv_end, reason), .height = 3 },
	{ .id = NULL }
};

static void
rv_end_fini(void *rec)
{
	struct rv_end *e = rec;

	assignment_fini(&e->a);
	FREE(&e->reason);
}

static enum pd_status
rv_end_read(void *app, const void *arg, struct rv_end *e, const char *what,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = rv_read(app, arg, &e->a, err)) != PD_OK)
		return s;
	app_today(e->on);
	e->kind = END_COMPLETED;
	assign_said_set_title(&e->said, "%s: %s with %s", what,
	    e->a.worker_name ?
	    e->a.worker_name : "?", e->a.client_name ? e->a.client_name : "?");
	return PD_OK;
}

static enum pd_status
rv_change_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	return rv_end_read(app, arg, rec, "Change of PAL", err);
}

static enum pd_status
rv_end_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	return rv_end_read(app, arg, rec, "End support", err);
}

static enum pd_status
rv_change_save(void *app, void *rec, struct pd_err *err)
{
	struct rv_end *e = rec;
	enum pd_status s;

	s = app_assignment_change(app, &e->a, e->on, e->reason, err);
	if (s == PD_OK) {
		e->said.next.choose_again = true;
		assign_said_set_note(&e->said, "Change of PAL recorded. The "
		    "client can choose another PAL now.");
	}
	return s;
}

static enum pd_status
rv_end_save(void *app, void *rec, struct pd_err *err)
{
	struct rv_end *e = rec;
	int64_t client = e->a.client_id;
	enum pd_status s;

	s = app_assignment_end(app, &e->a, e->on, (enum end_kind)e->kind,
	    e->reason, err);
	if (s == PD_OK)
		rv_ask_status_if_last(app, client, e->on, &e->said.next);
	return s;
}

static const struct form_def rv_change_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = rv_change_fields,
	.rec_size = sizeof(struct rv_end),
	.rec_fini = rv_end_fini,
	.load = rv_change_load,
	.save = rv_change_save,
	.saved_message = "Saved the change of PAL.",
};

static const struct form_def rv_end_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = rv_end_fields,
	.rec_size = sizeof(struct rv_end),
	.rec_fini = rv_end_fini,
	.load = rv_end_load,
	.save = rv_end_save,
	.saved_message = "Saved: this support has ended.",
};

const struct screen_ops assign_change_screen = {
	.name = "assign-change",
	.title = "Change of PAL",
	.help = "A change of PAL can be asked for at any time, by the client "
	    "or the PAL, with a reason. The history is kept.",
	.def = &rv_change_form,
	ASSIGN_FORM_CALLBACKS
};

const struct screen_ops assign_end_screen = {
	.name = "assign-end",
	.title = "End support",
	.help = "Support with this worker ends on the last day given.",
	.def = &rv_end_form,
	ASSIGN_FORM_CALLBACKS
};

/* ---- agreed hours ---------------------------------------------------------- */

struct rv_hours {
	struct assign_said said;
	struct assignment a;
	int minutes;
};

static const struct field_def rv_hours_fields[] = {
	{ .id = "contracted", .label = "Hours a week", .kind = FIELD_DURATION,
	  .offset = offsetof(struct rv_hours, minutes), .min = 1,
	  .max = 24 * 60, .width = 10, .help = "The support time agreed with "
	  "this worker each week; empty when not agreed." },
	{ .id = NULL }
};

static void
rv_hours_fini(void *rec)
{
	struct rv_hours *h = rec;

	assignment_fini(&h->a);
}

static enum pd_status
rv_hours_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct rv_hours *h = rec;
	enum pd_status s;

	if ((s = rv_read(app, arg, &h->a, err)) != PD_OK)
		return s;
	h->minutes = h->a.contracted_minutes_per_week;
	assign_said_set_title(&h->said, "Hours a week: %s with %s",
	    h->a.worker_name ?
	    h->a.worker_name : "?", h->a.client_name ? h->a.client_name : "?");
	return PD_OK;
}

static enum pd_status
rv_hours_save(void *app, void *rec, struct pd_err *err)
{
	struct rv_hours *h = rec;

	return app_assignment_set_minutes(app, &h->a, h->minutes, err);
}

static const struct form_def rv_hours_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = rv_hours_fields,
	.rec_size = sizeof(struct rv_hours),
	.rec_fini = rv_hours_fini,
	.load = rv_hours_load,
	.save = rv_hours_save,
	.saved_message = "Saved the hours.",
};

const struct screen_ops assign_hours_screen = {
	.name = "assign-hours",
	.title = "Hours a week",
	.def = &rv_hours_form,
	ASSIGN_FORM_CALLBACKS
};

/* ---- starting support with a worker directly ----------------------------- */


struct rv_start {
	int64_t client_id;
	int worker;		/* index into workers */
	char on[11];
	int minutes;
	char *override;
	struct assign_people workers;	/* not a field: who may work */
};

static const struct field_choice *
rv_worker_choices(const void *rec)
{
	return ((const struct rv_start *)rec)->workers.choices;
}

static const struct field_def rv_start_fields[] = {
	{ .id = "worker", .label = "Worker", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct rv_start, worker), .required = true,
	  .choices_of = rv_worker_choices, .width = 36, .help = "A PAL, or a "
	  "member of staff such as the Operations Manager." },
	{ .id = "date", .label = "From", .kind = FIELD_DATE,
	  .offset = offsetof(struct rv_start, on), .required = true,
	  .width = 12 },
	{ .id = "contracted", .label = "Hours a week", .kind = FIELD_DURATION,
	  .offset = offsetof(struct rv_start, minutes), .min = 1,
	  .max = 24 * 60, .width = 10 },
	{ .id = "override_reason", .label = "Plan not ready", .kind =
	  FIELD_TEXT, .offset = offsetof(struct rv_start, override),
	  .help = "Only when the wellness plan is not established yet: why "
	  "support should start anyway." },
	{ .id = NULL }
};

static int
rv_worker_cb(void *arg, int64_t id, const char *name, enum role role)
{
	char *label = xasprintf("%s (%s)", name, role_label(role));

	assign_people_add(arg, id, label);
	free(label);
	return 0;
}

static void
rv_start_fini(void *rec)
{
	struct rv_start *v = rec;

	FREE(&v->override);
	assign_people_fini(&v->workers);
}

static enum pd_status
rv_start_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct rv_start *v = rec;

	v->client_id = *(const int64_t *)arg;
	app_today(v->on);
	v->worker = -1;
	v->minutes = -1;
	return app_assignment_workers(app, rv_worker_cb, &v->workers, err);
}

static enum pd_status
rv_start_save(void *app, void *rec, struct pd_err *err)
{
	struct rv_start *v = rec;
	struct assignment_start in;

	if (assign_people_id(&v->workers, v->worker) == 0)
		return pd_fail(err, PD_INVALID, "worker", "please choose who");
	memset(&in, 0, sizeof in);
	in.client_id = v->client_id;
	in.worker_id = assign_people_id(&v->workers, v->worker);
	memcpy(in.started_on, v->on, 11);
	in.contracted_minutes = v->minutes;
	in.override_reason = v->override;
	return app_assignment_start(app, &in, NULL, err);
}

static const struct form_def rv_start_form = {
	.fields = rv_start_fields,
	.rec_size = sizeof(struct rv_start),
	.rec_fini = rv_start_fini,
	.load = rv_start_load,
	.save = rv_start_save,
	.saved_message = "Saved: support has started.",
};

const struct screen_ops assign_start_screen = {
	.name = "assign-start",
	.title = "Add a worker",
	.help = "Start support with a worker without a shortlist: for "
	    "example half an hour a week with the Operations Manager "
	    "alongside a PAL. A client may have several workers at once.",
	.def = &rv_start_form,
	ASSIGN_FORM_CALLBACKS
};
