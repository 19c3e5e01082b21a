/* pal_forms.c - the forms of a PAL's record: profile (all of it, or what
 * the PAL shares), a DBS check, supervision, training, a pay rate and
 * the benefit rule.  Each is pushed with const int64_t *pal_id. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ui.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"

/* The form's title: what it records, and whose. */
static enum pd_status
pf_name(void *app, int64_t pal_id, const char *what,
    struct assign_said *said, struct pd_err *err)
{
	struct pal_record r;
	enum pd_status s;

	if ((s = app_pal_open(app, pal_id, &r, err)) != PD_OK)
		return s;
	assign_said_set_title(said, "%s: %s", what, r.staff.name);
	pal_record_fini(&r);
	return PD_OK;
}

#define PF_CALLBACKS ASSIGN_FORM_CALLBACKS

static const struct field_choice pf_yes_no[] = {
	{ 1, "Yes" }, { 0, "No" }, { 0, NULL }
};

/* ---- the profile ----------------------------------------------------- */

struct pf_profile {
	struct assign_said said;
	struct pal_profile p;
};

#define PF_SHARED_FIELDS \
	{ .id = "gender", .label = "Gender", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.gender), .max_len = 60, \
	  .help = "As the PAL describes themselves; clients may ask for " \
	  "a male or female PAL." }, \
	{ .id = "pronouns", .label = "Pronouns", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.pronouns), .max_len = 40 }, \
	{ .id = "interests", .label = "Interests", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.interests), \
	  .help = "Separate them with commas: walking, music, cooking." }, \
	{ .id = "activities", .label = "Outside work", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.activities) }, \
	{ .id = "likes", .label = "Likes", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.likes) }, \
	{ .id = "dislikes", .label = "Dislikes", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.dislikes) }, \
	{ .id = "skills", .label = "Skills to share", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.skills) }, \
	{ .id = "languages", .label = "Languages", .kind = FIELD_TEXT, \
	  .offset = offsetof(struct pf_profile, p.languages) }, \
	{ .id = "work_experience", .label = "Work before", \
	  .kind = FIELD_MULTILINE, \
	  .offset = offsetof(struct pf_profile, p.work_experience), \
	  .height = 2 }, \
	{ .id = "my_story", .label = "In my words", .kind = FIELD_MULTILINE, \
	  .offset = offsetof(struct pf_profile, p.my_story), .height = 3, \
	  .help = "Only what the PAL chooses to share of their own " \
	  "experience." }

static const struct field_def pf_profile_fields[] = {
	PF_SHARED_FIELDS,
	{ .id = "max_clients", .label = "Most clients", .kind = FIELD_NUMBER,
	  .offset = offsetof(struct pf_profile, p.max_clients), .min = 0,
	  .max = 100, .width = 5, .help = "How many clients the PAL is happy "
	  "to support at once; empty for no limit." },
	{ .id = "date_of_birth", .label = "Date of birth", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_profile, p.date_of_birth), .width = 12,
	  .help = "Used only to check pay against the minimum wage for the "
	  "PAL's age." },
	{ .id = "started_on", .label = "Started", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_profile, p.started_on), .width = 12 },
	{ .id = "left_on", .label = "Left", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_profile, p.left_on), .width = 12 },
	{ .id = NULL }
};

static const struct field_def pf_share_fields[] = {
	PF_SHARED_FIELDS,
	{ .id = NULL }
};

static void
pf_profile_fini(void *rec)
{
	struct pf_profile *f = rec;

	pal_profile_fini(&f->p);
}

static enum pd_status
pf_profile_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct pal_record r;
	struct pf_profile *f = rec;
	enum pd_status s;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which PAL?");
	if ((s = app_pal_open(app, *(const int64_t *)arg, &r, err)) != PD_OK)
		return s;
	assign_said_set_title(&f->said, "Profile: %s", r.staff.name);
	f->p = r.profile;
	memset(&r.profile, 0, sizeof r.profile);
	pal_record_fini(&r);
	return PD_OK;
}

static enum pd_status
pf_profile_save(void *app, void *rec, struct pd_err *err)
{
	struct pf_profile *f = rec;

	return app_pal_profile_save(app, &f->p, err);
}

/* The profile as saved now, for a merge when someone saved it first. */
static enum pd_status
pf_profile_fetch(void *app, const void *mine, void *theirs,
    struct pd_err *err)
{
	const struct pal_profile *m = &((const struct pf_profile *)mine)->p;
	struct pal_profile *p = &((struct pf_profile *)theirs)->p;
	struct pal_record r;
	enum pd_status s;

	if ((s = app_pal_open(app, m->staff_id, &r, err)) != PD_OK)
		return s;
	pal_profile_fini(p);
	*p = r.profile;
	memset(&r.profile, 0, sizeof r.profile);
	pal_record_fini(&r);
	return PD_OK;
}

static const struct form_def pf_profile_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_profile_fields,
	.rec_size = sizeof(struct pf_profile),
	.rec_fini = pf_profile_fini,
	.load = pf_profile_load,
	.save = pf_profile_save,
	.fetch = pf_profile_fetch,
	.saved_message = "Saved the profile.",
};

static const struct form_def pf_share_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_share_fields,
	.rec_size = sizeof(struct pf_profile),
	.rec_fini = pf_profile_fini,
	.load = pf_profile_load,
	.save = pf_profile_save,
	.fetch = pf_profile_fetch,
	.saved_message = "Saved your profile.",
};

const struct screen_ops pal_profile_screen = {
	.name = "pal-profile",
	.title = "Profile",
	.help = "What clients read when they choose a PAL. Only what the "
	    "PAL is happy to share.",
	.def = &pf_profile_form,
	PF_CALLBACKS
};

const struct screen_ops pal_share_screen = {
	.name = "pal-share",
	.title = "My profile",
	.help = "What clients read when they choose a PAL. Share only what "
	    "you are happy for clients to know; leave the rest empty.",
	.def = &pf_share_form,
	PF_CALLBACKS
};

/* ---- a DBS check ------------------------------------------------------- */

struct pf_dbs {
	struct assign_said said;
	int64_t pal_id;
	int level;
	char *certificate_no;
	char issued_on[11];
	int update_service;
	char recheck_due[11];
};

static const char *const pf_levels[] = {
	"basic", "standard", "enhanced", "enhanced_barred"
};

static const struct field_choice pf_level_choices[] = {
	{ 0, "Basic" }, { 1, "Standard" }, { 2, "Enhanced" },
	{ 3, "Enhanced with barred lists" }, { 0, NULL }
};

static const struct field_def pf_dbs_fields[] = {
	{ .id = "level", .label = "Level", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct pf_dbs, level), .required = true,
	  .choices = pf_level_choices, .width = 28 },
	{ .id = "certificate_no", .label = "Certificate no.",
	  .kind = FIELD_TEXT, .offset = offsetof(struct pf_dbs,
	  certificate_no), .max_len = 20, .width = 16 },
	{ .id = "issued_on", .label = "Issued", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_dbs, issued_on), .required = true,
	  .width = 12 },
	{ .id = "update_service", .label = "Update Service", .kind =
	  FIELD_CHOICE, .offset = offsetof(struct pf_dbs, update_service),
	  .choices = pf_yes_no, .width = 6, .help = "Does the PAL subscribe "
	  "to the DBS Update Service?" },
	{ .id = "recheck_due", .label = "Re-check due", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_dbs, recheck_due), .width = 12,
	  .help = "Leave empty: peerdesk works it out from the issue date by "
	  "the organisation's policy." },
	{ .id = NULL }
};

static void
pf_dbs_fini(void *rec)
{
	struct pf_dbs *d = rec;

	FREE(&d->certificate_no);
}

static enum pd_status
pf_dbs_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct pf_dbs *d = rec;

	d->pal_id = *(const int64_t *)arg;
	d->level = 2;
	d->update_service = 0;
	return pf_name(app, d->pal_id, "DBS check", &d->said, err);
}

static enum pd_status
pf_dbs_save(void *app, void *rec, struct pd_err *err)
{
	struct pf_dbs *d = rec;
	struct pal_dbs in;
	enum pd_status s;

	memset(&in, 0, sizeof in);
	if (d->level < 0 || d->level > 3)
		return pd_fail(err, PD_INVALID, "level", "please choose a level");
	snprintf(in.level, sizeof in.level, "%s", pf_levels[d->level]);
	in.certificate_no = d->certificate_no;
	memcpy(in.issued_on, d->issued_on, 11);
	in.update_service = d->update_service == 1;
	memcpy(in.recheck_due, d->recheck_due, 11);
	s = app_pal_dbs_add(app, d->pal_id, &in, err);
	if (s == PD_OK && d->recheck_due[0] == '\0')
		assign_said_set_note(&d->said, "Saved. The re-check is due "
		    "on %s.", in.recheck_due);
	return s;
}

static const struct form_def pf_dbs_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_dbs_fields,
	.rec_size = sizeof(struct pf_dbs),
	.rec_fini = pf_dbs_fini,
	.load = pf_dbs_load,
	.save = pf_dbs_save,
	.saved_message = "Saved the DBS check.",
};

const struct screen_ops pal_dbs_screen = {
	.name = "pal-dbs",
	.title = "DBS check",
	.help = "A DBS certificate: its level, number and issue date. The "
	    "re-check date follows the organisation's policy unless you "
	    "give one.",
	.def = &pf_dbs_form,
	PF_CALLBACKS
};

/* ---- supervision --------------------------------------------------------- */

struct pf_sup {
	struct assign_said said;
	int64_t pal_id;
	char date[11];
	int supervisor;		/* index into people */
	int minutes;
	int paid;
	char *notes;
	char *reason;
	/* not fields: who may supervise, the supervisor field's choices */
	struct assign_people people;
};

static const struct field_choice *
pf_sup_choices(const void *rec)
{
	return ((const struct pf_sup *)rec)->people.choices;
}

static const struct field_def pf_sup_fields[] = {
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_sup, date), .required = true,
	  .width = 12 },
	{ .id = "supervisor", .label = "Supervisor", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct pf_sup, supervisor),
	  .choices_of = pf_sup_choices, .width = 30 },
	{ .id = "minutes", .label = "How long", .kind = FIELD_DURATION,
	  .offset = offsetof(struct pf_sup, minutes), .required = true,
	  .min = 1, .max = 24 * 60, .width = 10 },
	{ .id = "paid", .label = "Paid", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct pf_sup, paid), .choices = pf_yes_no,
	  .width = 6, .help = "Paid supervision goes on the PAL's timesheet "
	  "and counts towards their weekly limit." },
	{ .id = "notes", .label = "Notes", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct pf_sup, notes), .height = 2 },
	{ .id = "reason", .label = "Manager's reason", .kind = FIELD_TEXT,
	  .offset = offsetof(struct pf_sup, reason), .help = "Only when the "
	  "week is already approved, or this would take the PAL over their "
	  "weekly limit: the manager's reason for agreeing." },
	{ .id = NULL }
};

static int
pf_sup_cb(void *arg, int64_t id, const char *name)
{
	assign_people_add(arg, id, name);
	return 0;
}

static void
pf_sup_fini(void *rec)
{
	struct pf_sup *v = rec;

	FREE(&v->notes);
	FREE(&v->reason);
	assign_people_fini(&v->people);
}

static enum pd_status
pf_sup_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct pf_sup *v = rec;
	struct app *a = app;
	enum pd_status s;
	size_t i;

	v->pal_id = *(const int64_t *)arg;
	app_today(v->date);
	v->minutes = 60;
	v->paid = 1;
	if ((s = app_pal_supervisors(app, pf_sup_cb, &v->people, err)) !=
	    PD_OK)
		return s;
	v->supervisor = -1;
	for (i = 0; i < v->people.n; i++)
		if (app_actor_is(a, v->people.ids[i]))
			v->supervisor = (int)i;
	return pf_name(app, v->pal_id, "Supervision", &v->said, err);
}

static enum pd_status
pf_sup_save(void *app, void *rec, struct pd_err *err)
{
	struct pf_sup *v = rec;
	int64_t who = assign_people_id(&v->people, v->supervisor);

	return app_pal_supervision_add(app, v->pal_id, v->date, who,
	    v->minutes, v->paid == 1, v->notes, v->reason, err);
}

static const struct form_def pf_sup_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_sup_fields,
	.rec_size = sizeof(struct pf_sup),
	.rec_fini = pf_sup_fini,
	.load = pf_sup_load,
	.save = pf_sup_save,
	.saved_message = "Saved the supervision.",
};

const struct screen_ops pal_supervision_screen = {
	.name = "pal-supervision",
	.title = "Supervision",
	.help = "A supervision session. Paid supervision becomes a line on "
	    "the PAL's timesheet for that week.",
	.def = &pf_sup_form,
	PF_CALLBACKS
};

/* ---- training ------------------------------------------------------------ */

struct pf_train {
	struct assign_said said;
	int64_t pal_id;
	char date[11];
	char *title;
	int minutes;
	int paid;
	char *reason;
};

static const struct field_def pf_train_fields[] = {
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_train, date), .required = true,
	  .width = 12 },
	{ .id = "title", .label = "Training", .kind = FIELD_TEXT,
	  .offset = offsetof(struct pf_train, title), .required = true,
	  .max_len = 120 },
	{ .id = "minutes", .label = "How long", .kind = FIELD_DURATION,
	  .offset = offsetof(struct pf_train, minutes), .required = true,
	  .min = 1, .max = 24 * 60, .width = 10 },
	{ .id = "paid", .label = "Paid", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct pf_train, paid), .choices = pf_yes_no,
	  .width = 6 },
	{ .id = "reason", .label = "Manager's reason", .kind = FIELD_TEXT,
	  .offset = offsetof(struct pf_train, reason), .help = "Only when the "
	  "week is already approved, or this would take the PAL over their "
	  "weekly limit: the manager's reason for agreeing." },
	{ .id = NULL }
};

static void
pf_train_fini(void *rec)
{
	struct pf_train *t = rec;

	FREE(&t->title);
	FREE(&t->reason);
}

static enum pd_status
pf_train_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct pf_train *t = rec;

	t->pal_id = *(const int64_t *)arg;
	app_today(t->date);
	t->paid = 1;
	return pf_name(app, t->pal_id, "Training", &t->said, err);
}

static enum pd_status
pf_train_save(void *app, void *rec, struct pd_err *err)
{
	struct pf_train *t = rec;

	return app_pal_training_add(app, t->pal_id, t->date, t->title,
	    t->minutes, t->paid == 1, t->reason, err);
}

static const struct form_def pf_train_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_train_fields,
	.rec_size = sizeof(struct pf_train),
	.rec_fini = pf_train_fini,
	.load = pf_train_load,
	.save = pf_train_save,
	.saved_message = "Saved the training.",
};

const struct screen_ops pal_training_screen = {
	.name = "pal-training",
	.title = "Training",
	.help = "Training the PAL went to. Paid training becomes a line on "
	    "their timesheet.",
	.def = &pf_train_form,
	PF_CALLBACKS
};

/* ---- a pay rate ------------------------------------------------------------ */

struct pf_rate {
	struct assign_said said;
	int64_t pal_id;
	int64_t rate;
	char from[11];
};

static const struct field_def pf_rate_fields[] = {
	{ .id = "rate", .label = "Hourly rate", .kind = FIELD_MONEY,
	  .offset = offsetof(struct pf_rate, rate), .required = true,
	  .width = 10 },
	{ .id = "effective_from", .label = "From", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_rate, from), .required = true,
	  .width = 12 },
	{ .id = NULL }
};

static enum pd_status
pf_rate_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct pf_rate *r = rec;

	r->pal_id = *(const int64_t *)arg;
	app_today(r->from);
	return pf_name(app, r->pal_id, "Pay rate", &r->said, err);
}

static enum pd_status
pf_rate_save(void *app, void *rec, struct pd_err *err)
{
	struct pf_rate *r = rec;
	char warn[400];
	enum pd_status s;

	s = app_pal_rate_add(app, r->pal_id, r->rate, r->from, warn,
	    sizeof warn, err);
	if (s == PD_OK && warn[0] != '\0')
		assign_said_set_note(&r->said, "Saved, but please check: %s.",
		    warn);
	return s;
}

static const struct form_def pf_rate_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_rate_fields,
	.rec_size = sizeof(struct pf_rate),
	.load = pf_rate_load,
	.save = pf_rate_save,
	.saved_message = "Saved the pay rate.",
};

const struct screen_ops pal_rate_screen = {
	.name = "pal-rate",
	.title = "Pay rate",
	.help = "A new hourly rate from a date. Earlier rates stay, so past "
	    "weeks keep their pay. peerdesk warns when a rate is below the "
	    "minimum wage for the PAL's age on that date.",
	.def = &pf_rate_form,
	PF_CALLBACKS
};

/* ---- the benefit rule -------------------------------------------------- */

struct pf_rule {
	struct assign_said said;
	int64_t pal_id;
	int rule;
	char from[11];
	char *note;
};

static const struct field_choice pf_rule_choices[] = {
	{ RULE_NONE, "No benefit limit" },
	{ RULE_LOWER, "Lower limit (£20 a week)" },
	{ RULE_PERMITTED, "Permitted work" },
	{ RULE_SUPPORTED, "Supported permitted work" },
	{ RULE_UC, "Universal Credit" },
	{ 0, NULL }
};

static const struct field_def pf_rule_fields[] = {
	{ .id = "rule", .label = "Rule", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct pf_rule, rule), .required = true,
	  .choices = pf_rule_choices, .width = 28 },
	{ .id = "effective_from", .label = "From", .kind = FIELD_DATE,
	  .offset = offsetof(struct pf_rule, from), .required = true,
	  .width = 12 },
	{ .id = "note", .label = "Note", .kind = FIELD_TEXT,
	  .offset = offsetof(struct pf_rule, note), .help = "Anything worth "
	  "knowing, such as the job coach's name." },
	{ .id = NULL }
};

static void
pf_rule_fini(void *rec)
{
	struct pf_rule *r = rec;

	FREE(&r->note);
}

static enum pd_status
pf_rule_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct pf_rule *r = rec;
	struct pal_record pr;
	enum pd_status s;

	r->pal_id = *(const int64_t *)arg;
	app_today(r->from);
	if ((s = app_pal_open(app, r->pal_id, &pr, err)) != PD_OK)
		return s;
	r->rule = (int)pr.rule;
	assign_said_set_title(&r->said, "Benefit rule: %s", pr.staff.name);
	pal_record_fini(&pr);
	return PD_OK;
}

static enum pd_status
pf_rule_save(void *app, void *rec, struct pd_err *err)
{
	struct pf_rule *r = rec;

	return app_pal_benefit_set(app, r->pal_id, (enum benefit_rule)r->rule,
	    r->from, r->note, err);
}

static const struct form_def pf_rule_form = {
	ASSIGN_SAID_CALLBACKS,
	.fields = pf_rule_fields,
	.rec_size = sizeof(struct pf_rule),
	.rec_fini = pf_rule_fini,
	.load = pf_rule_load,
	.save = pf_rule_save,
	.saved_message = "Saved the benefit rule.",
};

const struct screen_ops pal_benefit_screen = {
	.name = "pal-benefit",
	.title = "Benefit rule",
	.help = "Which benefit rule limits the PAL's hours or pay, from a "
	    "date. Special-category information: only managers see it.",
	.def = &pf_rule_form,
	PF_CALLBACKS
};
