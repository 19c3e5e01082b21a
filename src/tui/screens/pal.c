/* pal.c - one PAL's record: profile, clients and week, DBS checks,
 * supervision, training, and (for managers) pay and the benefit rule.
 * Enter offers what can be done from here. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ui.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/page.h"

enum pal_kind { K_PROFILE, K_DBS, K_SUP, K_TRAIN, K_PAY };
enum pal_do {
	DO_PROFILE, DO_DBS, DO_SUP, DO_TRAIN, DO_RATE, DO_RULE, DO_COUNT
};
enum { TAG_MENU = 1, TAG_FORM = 2, TAG_NOTE = 3 };

struct pal_state {
	int64_t pal_id;
	struct pal_record rec;
	struct page page;
	enum pal_do menu[DO_COUNT];	/* what each menu row does */
	size_t nmenu;
	int width;
	bool profile_only;	/* what the PAL shares, for a client to read */
};

static enum pd_status
pal_load(struct screen *s, struct pd_err *err)
{
	struct pal_state *st = s->state;
	struct pal_record r;
	enum pd_status rc;

	if ((rc = app_pal_open(assign_app(s), st->pal_id, &r, err)) != PD_OK)
		return rc;
	pal_record_fini(&st->rec);
	st->rec = r;
	return PD_OK;
}

/* What the PAL shares with clients. */
static void
pal_build_profile(struct page *pg, const struct pal_profile *p, int w)
{
	size_t before = pg->n;

#define F(label, v) page_add_labelled(pg, ST_NORMAL, w, 4, "  " label, v)
	F("Gender", p->gender);
	F("Interests", p->interests);
	F("Outside work", p->activities);
	F("Likes", p->likes);
	F("Dislikes", p->dislikes);
	F("Skills", p->skills);
	F("Languages", p->languages);
	F("Work before", p->work_experience);
	F("In their words", p->my_story);
#undef F
	if (pg->n == before)
		page_add(pg, ST_DIM, "  Nothing shared yet.");
}

/* Who they are, their caseload and their week against the limit. */
static void
pal_build_now(struct page *pg, const struct pal_record *r, int w)
{
	enum style wk = r->week.check.verdict == PERMITTED_OVER ? ST_ERROR :
	    r->week.check.verdict == PERMITTED_NEAR ? ST_WARN : ST_NORMAL;
	char buf[200];

	if (!r->staff.active)
		page_add(pg, ST_WARN, "Has left.");
	if (r->profile.max_clients >= 0)
		snprintf(buf, sizeof buf, "%d of %d", r->caseload,
		    r->profile.max_clients);
	else
		snprintf(buf, sizeof buf, "%d", r->caseload);
	if (r->clients[0] != '\0') {
		char *t = xasprintf("%s: %s", buf, r->clients);

		page_add_labelled(pg, ST_NORMAL, w, 2, "Clients now", t);
		free(t);
	} else
		page_add_labelled(pg, ST_NORMAL, w, 2, "Clients now", buf);
	page_add_labelled(pg, wk, w, 2, NULL, r->week.check.sentence);
	if (r->rate_warning != NULL)
		page_add_labelled(pg, ST_WARN, w, 2, "Pay", r->rate_warning);
}

/* DBS checks, supervision and training. */
static void
pal_build_checks(struct page *pg, const struct pal_record *r)
{
	char d[DURATION_STR_LEN];
	size_t i;

	page_item(pg, K_DBS, 0);
	page_add(pg, ST_HEADER, "DBS checks");
	for (i = 0; i < r->n_dbs; i++)
		page_addf(pg, ST_NORMAL,
		    "  %s, issued %s, re-check due %s%s", r->dbs[i].level,
		    r->dbs[i].issued_on[0] ? r->dbs[i].issued_on : "?",
		    r->dbs[i].recheck_due[0] ? r->dbs[i].recheck_due : "?",
		    r->dbs[i].update_service ? ", Update Service" : "");
	if (r->n_dbs == 0)
		page_add(pg, ST_DIM, "  none recorded");

	page_item(pg, K_SUP, 0);
	page_add(pg, ST_HEADER, "Supervision");
	for (i = 0; i < r->n_supervision; i++)
		page_addf(pg, ST_NORMAL,
		    "  %s  %s%s%s%s", r->supervision[i].date,
		    duration_format(r->supervision[i].minutes, d),
		    r->supervision[i].paid ? "" : " (unpaid)",
		    r->supervision[i].supervisor ? " with " : "",
		    r->supervision[i].supervisor ?
		    r->supervision[i].supervisor : "");
	if (r->n_supervision == 0)
		page_add(pg, ST_DIM, "  none recorded");

	page_item(pg, K_TRAIN, 0);
	page_add(pg, ST_HEADER, "Training");
	for (i = 0; i < r->n_training; i++)
		page_addf(pg, ST_NORMAL,
		    "  %s  %s (%s%s)", r->training[i].date,
		    r->training[i].title,
		    duration_format(r->training[i].minutes, d),
		    r->training[i].paid ? "" : ", unpaid");
	if (r->n_training == 0)
		page_add(pg, ST_DIM, "  none recorded");
}

/* Pay and the benefit rule (managers and the PAL themselves). */
static void
pal_build_pay(struct page *pg, const struct pal_record *r, int w)
{
	char m[MONEY_STR_LEN];
	size_t i;

	page_item(pg, K_PAY, 0);
	page_add(pg, ST_HEADER, "Pay and benefit rule");
	page_addf(pg, ST_NORMAL,
	    "  Benefit rule now: %s", r->n_benefits == 0 ?
	    "none recorded: the limit cannot be checked" :
	    benefit_rule_label(r->rule));
	for (i = 0; i < r->n_benefits && i < 3; i++)
		page_addf(pg, ST_DIM,
		    "    %s from %s%s%s", benefit_rule_label(
		    r->benefits[i].rule), r->benefits[i].from,
		    r->benefits[i].note ? ": " : "",
		    r->benefits[i].note ? r->benefits[i].note : "");
	for (i = 0; i < r->n_rates; i++) {
		page_addf(pg, ST_NORMAL,
		    "  %s an hour from %s",
		    money_format(r->rates[i].rate_pence, m),
		    r->rates[i].from);
		if (r->rates[i].warning != NULL)
			page_add_labelled(pg, ST_WARN, w, 6, "    !",
			    r->rates[i].warning);
	}
	if (r->n_rates == 0)
		page_add(pg, ST_DIM,
		    "  no pay rate recorded: the limit cannot be "
		    "checked");
}

static void
pal_build(struct screen *s)
{
	struct pal_state *st = s->state;
	const struct pal_record *r = &st->rec;
	const struct pal_profile *p = &r->profile;
	struct page *pg = &st->page;
	char buf[200];
	int w = st->width > 20 ? st->width : 40;

	page_clear(pg);
	snprintf(buf, sizeof buf, "%s%s%s%s%s", r->staff.name,
	    !st->profile_only && r->staff.login && r->staff.login[0] ?
	    " · " : "", !st->profile_only && r->staff.login ?
	    r->staff.login : "",
	    p->pronouns ? " · " : "", p->pronouns ? p->pronouns : "");
	page_add(pg, ST_TITLE, buf);
	if (st->profile_only) {
		pal_build_profile(pg, p, w);
		page_layout(pg, s->area);
		return;
	}
	pal_build_now(pg, r, w);

	page_add(pg, ST_NORMAL, "");
	page_item(pg, K_PROFILE, 0);
	page_add(pg, ST_HEADER, "Profile");
	pal_build_profile(pg, p, w);
	page_add_labelled(pg, ST_NORMAL, w, 4, "  Started", p->started_on);
	page_add_labelled(pg, ST_NORMAL, w, 4, "  Left", p->left_on);
	pal_build_checks(pg, r);
	if (r->private_visible)
		pal_build_pay(pg, r, w);
	page_layout(pg, s->area);
}

static enum pd_status
pal_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct pal_state *st = s->state;
	enum pd_status rc;
	char title[160];

	/* no PAL named: 0 opens the actor's own record */
	st->pal_id = arg != NULL ? *(const int64_t *)arg : 0;
	if ((rc = pal_load(s, err)) != PD_OK)
		return rc;
	st->pal_id = st->rec.staff.id;
	snprintf(title, sizeof title, "PAL: %s", st->rec.staff.name);
	screen_set_title(s, title);
	return PD_OK;
}

static void
pal_leave(struct screen *s)
{
	struct pal_state *st = s->state;

	page_fini(&st->page);
	pal_record_fini(&st->rec);
}

static void
pal_layout(struct screen *s)
{
	struct pal_state *st = s->state;

	st->width = s->area.w;
	pal_build(s);
}

static void
pal_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct pal_state *st = s->state;

	page_draw(&st->page, cur);
}

static const char *const pal_do_labels[DO_COUNT] = {
	"Edit the profile", "Add a DBS check", "Record supervision",
	"Record training", "Add a pay rate", "Set the benefit rule"
};

static void
pal_menu(struct screen *s)
{
	struct pal_state *st = s->state;
	const struct page_item *l = page_current(&st->page);
	const char *items[DO_COUNT];
	size_t sel = 0, i;
	enum pal_do want = DO_PROFILE;

	st->nmenu = 0;
	if (st->rec.may_edit_profile)
		st->menu[st->nmenu++] = DO_PROFILE;
	if (st->rec.may_add_records) {
		st->menu[st->nmenu++] = DO_DBS;
		st->menu[st->nmenu++] = DO_SUP;
		st->menu[st->nmenu++] = DO_TRAIN;
	}
	if (st->rec.may_edit_pay) {
		st->menu[st->nmenu++] = DO_RATE;
		st->menu[st->nmenu++] = DO_RULE;
	}
	if (st->nmenu == 0) {
		tui_message(s->ui, "Nothing to change here.");
		return;
	}
	if (l != NULL)
		want = l->kind == K_DBS ? DO_DBS : l->kind == K_SUP ? DO_SUP :
		    l->kind == K_TRAIN ? DO_TRAIN : l->kind == K_PAY ? DO_RATE :
		    DO_PROFILE;
	for (i = 0; i < st->nmenu; i++) {
		items[i] = pal_do_labels[st->menu[i]];
		if (st->menu[i] == want)
			sel = i;
	}
	dialog_pick(s->ui, TAG_MENU, "What next?", items,
	    st->nmenu, sel);
}

static void
pal_do(struct screen *s, enum pal_do what)
{
	struct pal_state *st = s->state;
	const struct screen_ops *ops = NULL;
	struct pd_err err;

	switch (what) {
	case DO_PROFILE:
		ops = st->rec.may_edit_all ? &pal_profile_screen :
		    &pal_share_screen;
		break;
	case DO_DBS: ops = &pal_dbs_screen; break;
	case DO_SUP: ops = &pal_supervision_screen; break;
	case DO_TRAIN: ops = &pal_training_screen; break;
	case DO_RATE: ops = &pal_rate_screen; break;
	case DO_RULE: ops = &pal_benefit_screen; break;
	default: return;
	}
	if (tui_push(s->ui, ops, &st->pal_id, TAG_FORM, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
pal_action(struct screen *s, enum action a)
{
	struct pal_state *st = s->state;

	if (a == ACT_OPEN && st->profile_only)
		return TUI_HANDLED;
	if (a == ACT_OPEN) {
		pal_menu(s);
		return TUI_HANDLED;
	}
	if (a == ACT_WEEKS && !st->profile_only && st->rec.private_visible) {
		struct pd_err err;

		if (tui_push(s->ui, &pal_weeks_screen, &st->pal_id, 0, &err)
		    != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	return page_action(&st->page, a);
}

/* The weeks key is bound only for those who may see pay and the rule
 * (a manager, the PAL themselves): the section "pal_pay". */
static const char *
pal_context(const struct screen *s)
{
	const struct pal_state *st = s->state;

	return !st->profile_only && st->rec.private_visible ? "pal_pay" :
	    NULL;
}

static void
pal_result(struct screen *s, const struct screen_result *r)
{
	struct pal_state *st = s->state;
	struct pd_err err;
	const char *note;

	if (r->tag == TAG_MENU && r->code == SCREEN_OK && r->index >= 0 &&
	    (size_t)r->index < st->nmenu) {
		pal_do(s, st->menu[r->index]);
		return;
	}
	if (r->tag != TAG_FORM || r->code != SCREEN_OK)
		return;
	if (pal_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	pal_build(s);
	note = r->text != NULL ? r->text : "";
	if (strstr(note, "please check") != NULL)
		dialog_message(s->ui, TAG_NOTE, "Please check", note);
	else if (note[0] != '\0')
		tui_message(s->ui, "%s", note);
}

static const char *const pal_sections[] = { "list", NULL };
static const enum action pal_hints[] = {
	ACT_OPEN, ACT_WEEKS, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops pal_screen = {
	.name = "pal",
	.title = "PAL",
	.sections = pal_sections,
	.state_size = sizeof(struct pal_state),
	.hints = pal_hints,
	.help = "A PAL's record. The profile is what clients read when they "
	    "choose; the PAL decides what goes in it. Up and Down move "
	    "between the parts; Enter offers what you can do: edit the "
	    "profile, add a DBS check, supervision or training, and (for "
	    "managers) pay rates and the benefit rule. For a manager, or the "
	    "PAL themselves, w shows the PAL's weeks against the limit.",
	.enter = pal_enter,
	.leave = pal_leave,
	.layout = pal_layout,
	.draw = pal_draw,
	.on_action = pal_action,
	.on_result = pal_result,
	.context = pal_context,
};

static enum pd_status
pal_view_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct pal_state *st = s->state;
	enum pd_status rc;
	char title[160];

	st->profile_only = true;
	if ((rc = pal_enter(s, arg, err)) != PD_OK)
		return rc;
	snprintf(title, sizeof title, "About %s", st->rec.staff.name);
	screen_set_title(s, title);
	return PD_OK;
}

static const enum action pal_view_hints[] = {
	ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops pal_view_screen = {
	.name = "pal-view",
	.title = "About a PAL",
	.sections = pal_sections,
	.state_size = sizeof(struct pal_state),
	.hints = pal_view_hints,
	.help = "What this PAL shares about themselves, for the client to "
	    "read when choosing. Nothing else from their record shows here.",
	.enter = pal_view_enter,
	.leave = pal_leave,
	.layout = pal_layout,
	.draw = pal_draw,
	.on_action = pal_action,
};
