/* intake.c - a new referral in one form, in the order of a phone call:
 * only the name is needed.
 * Saved as status "referred"; the screen closes with the new client's
 * id as its result text so the screen below can open the record. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/form.h"
#include "client_form.h"

const struct field_choice client_form_routes[] = {
	{ ROUTE_SELF, "Self-referral" },
	{ ROUTE_SOCIAL_WORKER, "Social worker" },
	{ ROUTE_GP, "GP" },
	{ ROUTE_MENTAL_HEALTH_TEAM, "Mental health team" },
	{ ROUTE_FAMILY, "Family or friend" },
	{ ROUTE_OTHER, "Other" },
	{ 0, NULL }
};

const struct field_choice client_form_funding[] = {
	{ FUNDING_PERSONAL_BUDGET, "Personal budget" },
	{ FUNDING_PERSONAL_HEALTH_BUDGET, "Personal health budget" },
	{ FUNDING_DIRECT_PAYMENT, "Direct payment" },
	{ FUNDING_SELF_FUNDED, "Self-funded" },
	{ FUNDING_NONE, "None yet" },
	{ 0, NULL }
};

#define INTAKE_TAG_DUP 901

/* The form's record: a struct intake's members, and what a save found. */
struct intake_rec {
	struct client client;
	struct referral referral;
	struct funding funding;
	char *allies;
	struct client_dup dup;		/* not a field */
};

static const struct field_def intake_fields[] = {
	CLIENT_FORM_FIELDS(struct intake_rec)
};

/* The referral the record holds (the same strings). */
static struct intake
intake_of(const struct intake_rec *r)
{
	struct intake in = { r->client, r->referral, r->funding, r->allies };

	return in;
}

static void
intake_back(struct intake_rec *r, const struct intake *in)
{
	r->client = in->client;
	r->referral = in->referral;
	r->funding = in->funding;
	r->allies = in->allies;
}

static void
intake_rec_init(void *rec)
{
	struct intake_rec *r = rec;
	struct intake in;

	memset(r, 0, sizeof *r);
	intake_init(&in);
	in.funding.kind = (enum funding_kind)-1;	/* not chosen */
	app_today(in.referral.referred_on);
	intake_back(r, &in);
}

static void
intake_rec_fini(void *rec)
{
	struct intake_rec *r = rec;
	struct intake in = intake_of(r);

	intake_fini(&in);
	client_matches_fini(&r->dup.m);
	memset(r, 0, sizeof *r);
}

static enum pd_status
intake_save(void *app, void *rec, struct pd_err *err)
{
	struct intake_rec *r = rec;
	struct intake in = intake_of(r);
	enum pd_status s;
	int kind = (int)in.funding.kind;
	int64_t id = 0;

	client_matches_fini(&r->dup.m);
	if (!r->dup.anyway && app_client_matches(app, &in.client, 0,
	    &r->dup.m, NULL) == PD_OK && r->dup.m.n > 0) {
		r->dup.pending = 1;
		return pd_fail(err, PD_DUPLICATE, "name", "%s may already "
		    "have a record", in.client.name);
	}
	r->dup.anyway = 0;
	if (kind < 0)
		in.funding.kind = FUNDING_NONE;
	s = app_client_create(app, &in, &id, err);
	if (s != PD_OK) {
		in.funding.kind = (enum funding_kind)kind;
		in.client.id = 0;
	}
	intake_back(r, &in);
	return s;
}

static char *
intake_ask(void *app, const void *rec)
{
	const struct intake_rec *r = rec;

	return app_client_ask(app, &r->client, &r->referral);
}

static const struct form_def intake_form = {
	.fields = intake_fields,
	.rec_size = sizeof(struct intake_rec),
	.rec_init = intake_rec_init,
	.rec_fini = intake_rec_fini,
	.save = intake_save,
	.ask = intake_ask,
	.save_label = "Save the referral",
};

static enum pd_status
intake_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	if ((app_tui_role_mask(s->app) & APP_STAFF) == 0)
		return pd_fail(err, PD_DENIED, NULL, "referrals are taken by "
		    "the office");
	return form_enter(s, arg, err);
}

/* Saved (at once, or after "Save anyway"): hand the new id down; or
 * stopped at likely matches: show them. */
static void
intake_saved(struct screen *s)
{
	struct intake_rec *in = form_record(s);
	char id[32];

	if (s->closing && s->result.code == SCREEN_OK) {
		snprintf(id, sizeof id, "%lld", (long long)in->client.id);
		screen_close(s, SCREEN_OK, -1, id);
		tui_message(s->ui, "Saved: %s is now on the list as referred",
		    in->client.name);
	} else if (!s->closing && in->dup.pending) {
		in->dup.pending = 0;
		client_dup_ask(s, &in->dup, INTAKE_TAG_DUP, "Already here?",
		    "Save as a new client anyway");
	}
}

static enum tui_result
intake_action(struct screen *s, enum action a)
{
	enum tui_result r = form_on_action(s, a);

	if (a == ACT_SAVE)
		intake_saved(s);
	return r;
}

/* "This may be someone already here": each match, then save anyway or
 * go back. */
void
client_dup_ask(struct screen *s, const struct client_dup *d, int tag,
    const char *title, const char *anyway)
{
	const struct client_matches *m = &d->m;
	const char **items = xcalloc(m->n + 2, sizeof *items);
	char **lines = xcalloc(m->n, sizeof *lines);
	char why[80], buf[300];
	size_t i;

	for (i = 0; i < m->n; i++) {
		client_match_words(m->v[i].why, why, sizeof why);
		snprintf(buf, sizeof buf, "Open client %lld instead: %s "
		    "(%s), %s", (long long)m->v[i].id, m->v[i].name,
		    m->v[i].status, why);
		lines[i] = xstrdup(buf);
		items[i] = lines[i];
	}
	items[m->n] = anyway;
	items[m->n + 1] = "Back to the form";
	dialog_pick(s->ui, tag, title, items, m->n + 2, 0);
	for (i = 0; i < m->n; i++)
		free(lines[i]);
	free(lines);
	free(items);
}

static void
intake_result(struct screen *s, const struct screen_result *r)
{
	struct client_dup *dup = &((struct intake_rec *)form_record(s))->dup;
	char id[32];

	if (r->tag != INTAKE_TAG_DUP) {
		form_on_result(s, r);
		intake_saved(s);
		return;
	}
	if (s->closing || r->code != SCREEN_OK || r->index < 0)
		return;
	if ((size_t)r->index < dup->m.n) {
		/* open that record instead: the screen below opens it */
		snprintf(id, sizeof id, "%lld",
		    (long long)dup->m.v[r->index].id);
		client_matches_fini(&dup->m);
		screen_close(s, SCREEN_OK, -1, id);
		tui_message(s->ui, "Nothing new was saved: this is the record "
		    "already here");
	} else if ((size_t)r->index == dup->m.n) {
		dup->anyway = 1;
		intake_action(s, ACT_SAVE);
	}
}

const struct screen_ops intake_screen = {
	.name = "intake",
	.title = "New referral",
	.help = "A new referral, in the order of a phone call: the name, how "
	    "to reach them, who referred them and why, then the rest. Only "
	    "the name is needed; a name and one way to reach them is a quick "
	    "referral. Tab moves to the next field.",
	.def = &intake_form,
	.min_cols = 40,
	.min_rows = 15,
	.sections = form_sections,
	.state_size = sizeof(struct form),
	.hints = form_hints,
	.enter = intake_enter,
	.leave = form_leave,
	.layout = form_layout,
	.draw = form_draw,
	.on_action = intake_action,
	.on_text = form_on_text,
	.on_result = intake_result,
	.is_dirty = form_is_dirty,
	.context = form_context,
	.text_focus = form_text_focus,
	.help_more = form_help_more,
	.on_mouse = form_on_mouse,
};
