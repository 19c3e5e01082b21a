/* client.c - a client's record in three sections (details; referral and
 * funding; people who matter), the places to go from it, and editing it
 * (two people's saves merged field by field). */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/field.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/menu.h"
#include "peerdesk/tui/page.h"
#include "client_form.h"
#include "status_ui.h"

#define CLIENT_TAG_MENU 1
#define CLIENT_TAG_EDIT 2
#define CLIENT_MENU_MAX 16
#define CLIENT_TABS 3

/* ---- the record --------------------------------------------------------- */

struct client_view {
	int64_t id;
	struct client_record rec;
	struct status_history hist;	/* staff only; empty for a PAL */
	int64_t merged_from;		/* opened as this record, merged here */
	struct status_ui su;		/* the status and merge dialogs */
	bool have;
	int tab;
	struct page page;	/* the section shown */
	const struct menu_entry *menu[CLIENT_MENU_MAX];
	size_t nmenu;
	int body_y, body_h, menu_y, menu_rows, menu_w, menu_cols;
	char *groups;		/* the groups they come to, in words */
};

/* The client's story, kept on this screen (status_ui.c asks): shown
 * with the places to go; ops is only a marker. */
static const struct menu_entry client_story_menu[] = {
	{ "Change status", "t", APP_STAFF, &client_screen, 1, NULL },
	{ "Merge a record in", "m", APP_MANAGER, &client_screen, 1, NULL },
	{ NULL, NULL, 0, NULL, 0, NULL }
};

static const char *const client_tab_names[CLIENT_TABS][2] = {
	{ "Details", "Details" },
	{ "Referral and funding", "Referral" },
	{ "People who matter", "People" },
};

static void
client_line_add(struct client_view *v, int x, const char *text,
    enum style st)
{
	page_addf(&v->page, st, "%*s%s", x, "", text);
}

/* One "label: value" item; wide screens put the label beside the value,
 * narrow ones above it.  Empty values are left out. */
static void
client_item(struct client_view *v, int w, const char *label,
    const char *value)
{
	if (value == NULL || value[strspn(value, " \n")] == '\0')
		return;
	if (w >= 60) {
		page_add_field(&v->page, ST_NORMAL, w, 22, label, value);
		return;
	}
	client_line_add(v, 0, label, ST_LABEL);
	page_add_wrapped(&v->page, ST_NORMAL, w, 2, value);
}

static void
client_heading(struct client_view *v, const char *text)
{
	if (v->page.n > 0)
		client_line_add(v, 0, "", ST_NORMAL);
	client_line_add(v, 0, text, ST_HEADER);
}

static const char *
client_route_words(enum referral_route r)
{
	size_t i;

	for (i = 0; client_form_routes[i].label != NULL; i++)
		if (client_form_routes[i].value == (int)r)
			return client_form_routes[i].label;
	return NULL;
}

/* The dated status lines, newest last (staff only). */
static void
client_story(struct client_view *v)
{
	const struct status_history *h = &v->hist;
	char line[300];
	size_t i;

	if (h->n == 0)
		return;
	client_heading(v, "Status history");
	for (i = 0; i < h->n; i++) {
		const struct status_change *c = &h->v[i];

		if (i > 0 && c->episode != h->v[i - 1].episode)
			client_line_add(v, 0, "Reopened: a new episode",
			    ST_DIM);
		snprintf(line, sizeof line, "%s  %s%s%s%s%s%s", c->on_date,
		    client_status_label(c->status),
		    c->reason != CLOSED_NONE ? " (" : "",
		    closed_reason_label(c->reason),
		    c->reason != CLOSED_NONE ? ")" : "",
		    c->note != NULL ? ": " : "", c->note != NULL ? c->note : "");
		client_line_add(v, 0, line, ST_NORMAL);
	}
}

/* The first tab: who they are, their status and story. */
static void
client_build_person(struct client_view *v, int w)
{
	const struct client *c = &v->rec.client;
	enum closed_reason why = CLOSED_NONE;
	char buf[128];
	pd_date dob;

	if (v->merged_from > 0) {
		snprintf(buf, sizeof buf, "Client %lld was merged into "
		    "this record.", (long long)v->merged_from);
		client_line_add(v, 0, buf, ST_DIM);
	}
	client_item(v, w, "Name", c->name);
	client_item(v, w, "Preferred name", c->preferred_name);
	client_item(v, w, "Pronouns", c->pronouns);
	if (c->date_of_birth[0] != '\0' &&
	    date_parse(c->date_of_birth, &dob, NULL) == PD_OK) {
		snprintf(buf, sizeof buf, "%s (%d)", c->date_of_birth,
		    date_age_on(dob, today_get()));
		client_item(v, w, "Date of birth", buf);
	}
	if (c->closed_reason[0] != '\0')
		closed_reason_from_str(c->closed_reason, &why);
	snprintf(buf, sizeof buf, "%s%s%s%s%s%s",
	    client_status_label(c->status),
	    c->status_changed_on[0] ? " since " : "",
	    c->status_changed_on, why != CLOSED_NONE ? " (" :
	    "", closed_reason_label(why), why != CLOSED_NONE ?
	    ")" : "");
	client_item(v, w, "Status", buf);
	client_item(v, w, "Phone", c->phone);
	client_item(v, w, "Email", c->email);
	client_item(v, w, "Address", c->address);
	client_item(v, w, "PAL preferences", c->pal_preferences);
	client_item(v, w, "Interests", c->interests);
	client_item(v, w, "Groups", v->groups);
	client_story(v);
}

/* The second tab, first half: the referral. */
static void
client_build_referral(struct client_view *v, int w)
{
	const struct referral *r = &v->rec.referral;

	client_heading(v, "Referral");
	if (r->id == 0 && r->referred_on[0] == '\0') {
		client_line_add(v, 2, "No referral recorded.", ST_DIM);
		return;
	}
	client_item(v, w, "Referred on", r->referred_on);
	client_item(v, w, "Referred by", r->referrer_name);
	client_item(v, w, "Organisation", r->referrer_org);
	client_item(v, w, "Team", r->referrer_team);
	client_item(v, w, "Referrer's contact", r->referrer_contact);
	client_item(v, w, "Route", client_route_words(r->route));
	client_item(v, w, "Why referred", r->notes);
	client_item(v, w, "Heard of us", r->heard_about);
	client_item(v, w, "First contact", r->first_contact_on);
	client_item(v, w, "Plan submitted", r->plan_submitted_on);
	client_item(v, w, "Plan approved", r->plan_approved_on);
	client_item(v, w, "Funding received", r->funding_received_on);
}

/* The second tab, second half: the funding. */
static void
client_build_funding(struct client_view *v, int w)
{
	const struct funding *f = &v->rec.funding;
	char buf[128], money[32];

	client_heading(v, "Funding");
	if (f->id == 0) {
		client_line_add(v, 2, "No funding recorded.", ST_DIM);
		return;
	}
	client_item(v, w, "Funding route", funding_kind_label(f->kind));
	client_item(v, w, "Funder", f->funder);
	client_item(v, w, "Negotiated by", f->negotiator);
	client_item(v, w, "Negotiator's contact", f->negotiator_contact);
	if (f->contracted_minutes_per_week >= 0) {
		field_format_duration(f->contracted_minutes_per_week, money);
		snprintf(buf, sizeof buf, "%s a week", money);
		client_item(v, w, "Hours agreed", buf);
	}
	if (f->hourly_charge_pence >= 0)
		client_item(v, w, "Hourly charge", field_format_money(
		    f->hourly_charge_pence, money));
	client_item(v, w, "Funder review", f->review_due);
}

static void
client_build(struct client_view *v, int w)
{
	page_clear(&v->page);
	if (!v->have)
		return;
	switch (v->tab) {
	case 0:
		client_build_person(v, w);
		break;
	case 1:
		client_build_referral(v, w);
		client_build_funding(v, w);
		break;
	default:
		if (v->rec.allies == NULL || v->rec.allies[0] == '\0')
			client_line_add(v, 0, "Nobody recorded yet.", ST_DIM);
		else
			page_add_wrapped(&v->page, ST_NORMAL, w, 0,
			    v->rec.allies);
		break;
	}
	if (v->page.n == 0)
		client_line_add(v, 0, "Nothing recorded yet.", ST_DIM);
}

static void
client_retitle(struct screen *s)
{
	struct client_view *v = s->state;
	const struct client *c = &v->rec.client;
	char title[256];

	if (c->preferred_name != NULL && c->preferred_name[0] != '\0' &&
	    strcmp(c->preferred_name, c->name) != 0)
		snprintf(title, sizeof title, "%s (%s) - %s", c->name,
		    c->preferred_name, client_status_str(c->status));
	else
		snprintf(title, sizeof title, "%s - %s", c->name,
		    client_status_str(c->status));
	screen_set_title(s, title);
}

/* "Thursday walking group: 12 times, last 2026-12-03" for each group
 * the client comes to (or a goal of theirs names). */
static void
client_groups_words(struct screen *s)
{
	struct client_view *v = s->state;
	struct strbuf sb = STRBUF_INIT;
	struct group_row *g;
	size_t n, i;

	FREE(&v->groups);
	if (app_client_groups(s->app, v->id, &g, &n, NULL) != PD_OK)
		return;
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s: %d time%s%s%s", i ? "; " : "",
		    g[i].g.name, g[i].meetings, g[i].meetings == 1 ? "" : "s",
		    g[i].last[0] ? ", last " : "", g[i].last);
	group_rows_free(g, n);
	v->groups = n > 0 ? strbuf_detach(&sb) : NULL;
	strbuf_fini(&sb);
}

static enum pd_status
client_load(struct screen *s, struct pd_err *err)
{
	struct client_view *v = s->state;
	struct client_record fresh;
	enum pd_status st;

	st = app_client_open(s->app, v->id, &fresh, err);
	if (st != PD_OK)
		return st;
	if (v->have)
		client_record_fini(&v->rec);
	v->rec = fresh;
	v->have = true;
	status_history_fini(&v->hist);
	if (app_tui_role_mask(s->app) & APP_STAFF)
		(void)app_client_history(s->app, v->id, &v->hist, NULL);
	client_retitle(s);
	client_groups_words(s);
	return PD_OK;
}

static void client_layout(struct screen *s);

static enum pd_status
client_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct client_view *v = s->state;
	const struct menu_entry *e;
	unsigned mask = app_tui_role_mask(s->app);
	enum pd_status st;

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which client?");
	v->id = *(const int64_t *)arg;
	for (e = client_menu; e->label != NULL; e++)
		if (menu_allowed(e, mask) && v->nmenu < CLIENT_MENU_MAX)
			v->menu[v->nmenu++] = e;
	for (e = client_story_menu; e->label != NULL; e++)
		if (menu_allowed(e, mask) && v->nmenu < CLIENT_MENU_MAX)
			v->menu[v->nmenu++] = e;
	if ((st = client_load(s, err)) != PD_OK)
		return st;
	if (v->rec.client.merged_into > 0) {
		/* a merged record opens the one it was merged into */
		int64_t was = v->id;

		v->id = v->rec.client.merged_into;
		if ((st = client_load(s, err)) != PD_OK)
			return st;
		v->merged_from = was;
	}
	return PD_OK;
}

static void
client_leave(struct screen *s)
{
	struct client_view *v = s->state;

	page_fini(&v->page);
	FREE(&v->groups);
	status_history_fini(&v->hist);
	if (v->have)
		client_record_fini(&v->rec);
}

static void
client_layout(struct screen *s)
{
	struct client_view *v = s->state;
	int w = s->area.w, longest = 0;
	struct rect body = s->area;
	size_t i;

	for (i = 0; i < v->nmenu; i++) {
		int lw = (int)utf8_width(v->menu[i]->label) + 5;

		if (lw > longest)
			longest = lw;
	}
	v->menu_w = longest + 1;
	v->menu_cols = v->menu_w > 0 ? w / v->menu_w : 1;
	if (v->menu_cols < 1)
		v->menu_cols = 1;
	v->menu_rows = v->nmenu == 0 ? 0 :
	    ((int)v->nmenu + v->menu_cols - 1) / v->menu_cols;
	v->menu_y = s->area.h - v->menu_rows;
	v->body_y = 2;
	v->body_h = v->menu_y - v->body_y - (v->menu_rows > 0 ? 1 : 0);
	if (v->body_h < 1)
		v->body_h = 1;
	client_build(v, w);
	body.y += v->body_y;
	body.h = v->body_h;
	page_layout(&v->page, body);
}

static void
client_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct client_view *v = s->state;
	int x = s->area.x, y0 = s->area.y, w = s->area.w, tx = x, i, tw;
	bool wide = w >= 60;
	size_t k;
	char buf[64];

	/* The sections, the current one marked. */
	for (i = 0; i < CLIENT_TABS; i++) {
		const char *name = client_tab_names[i][wide ? 0 : 1];

		snprintf(buf, sizeof buf, " %s ", name);
		tw = (int)utf8_width(buf);
		if (tx + tw > x + w)
			break;
		draw_text(y0, tx, tw, buf, i == v->tab ? ST_SELECTED :
		    ST_NORMAL);
		if (i == v->tab) {
			cur->y = y0;
			cur->x = tx + 1;
		}
		tx += tw + 1;
	}
	page_draw(&v->page, NULL);
	for (k = 0; k < v->nmenu; k++) {
		int row = (int)k / v->menu_cols, col = (int)k % v->menu_cols;
		int yy = y0 + v->menu_y + row, xx = x + col * v->menu_w;

		snprintf(buf, sizeof buf, " %s ", v->menu[k]->key);
		draw_text(yy, xx, 3, buf, ST_KEY);
		draw_text(yy, xx + 4, v->menu_w - 5, v->menu[k]->label,
		    ST_NORMAL);
	}
}

static enum tui_result
client_action(struct screen *s, enum action a)
{
	struct client_view *v = s->state;

	switch (a) {
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		v->tab = (v->tab + (a == ACT_NEXT_FIELD ? 1 : CLIENT_TABS - 1)) %
		    CLIENT_TABS;
		client_layout(s);
		page_action(&v->page, ACT_FIRST);
		return TUI_HANDLED;
	default:
		return page_action(&v->page, a);
	}
}

static enum tui_result
client_text(struct screen *s, struct tui_key k)
{
	struct client_view *v = s->state;
	const struct menu_entry *e = menu_find(client_menu, k.code,
	    app_tui_role_mask(s->app));
	struct pd_err err;

	if (e == NULL) {
		e = menu_find(client_story_menu, k.code,
		    app_tui_role_mask(s->app));
		if (e == NULL)
			return TUI_UNHANDLED;
		if (e == &client_story_menu[0])
			status_ui_change(s, &v->su, v->id);
		else
			status_ui_merge(s, &v->su, v->id);
		return TUI_HANDLED;
	}
	if (tui_push_id(s->ui, e->ops, e->needs_client ? v->id : 0,
	    e->ops == &client_edit_screen ? CLIENT_TAG_EDIT : CLIENT_TAG_MENU,
	    &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	return TUI_HANDLED;
}

static void
client_result(struct screen *s, const struct screen_result *r)
{
	struct client_view *v = s->state;
	struct pd_err err;
	bool reloaded;

	if (s->closing)
		return;
	switch (status_ui_result(s, &v->su, r)) {
	case 1:
		return;
	case 2:
		if (client_load(s, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		client_layout(s);
		return;
	default:
		break;
	}
	if (r->tag == CLIENT_TAG_EDIT && r->text != NULL &&
	    strncmp(r->text, "open:", 5) == 0) {
		/* open the record already there instead */
		if (tui_push_id(s->ui, &client_screen, strtoll(r->text + 5,
		    NULL, 10), CLIENT_TAG_MENU, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return;
	}
	reloaded = r->code == SCREEN_OK || r->tag == CLIENT_TAG_MENU;
	if (reloaded && client_load(s, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	client_layout(s);
}

static void
client_help(const struct screen *s, struct strbuf *out)
{
	const struct client_view *v = s->state;
	size_t k;

	if (v->nmenu == 0)
		return;
	strbuf_adds(out, "From here:");
	for (k = 0; k < v->nmenu; k++)
		strbuf_addf(out, "%s %s %s", k ? "," : "", v->menu[k]->key,
		    v->menu[k]->label);
	strbuf_adds(out, ".");
}

static const char *const client_sections[] = { NULL };
static const enum action client_hints[] = {
	ACT_NEXT_FIELD, ACT_BACK, ACT_HELP, ACT_NONE
};

const struct screen_ops client_screen = {
	.name = "client",
	.title = "Client",
	.sections = client_sections,
	.state_size = sizeof(struct client_view),
	.hints = client_hints,
	.help = "A client's record. Tab, Left and Right change the section; "
	    "Up and Down scroll. The keys at the bottom open the other "
	    "places for this client.",
	.enter = client_enter,
	.leave = client_leave,
	.layout = client_layout,
	.draw = client_draw,
	.on_action = client_action,
	.on_text = client_text,
	.on_result = client_result,
	.help_more = client_help,
};

/* ---- editing -------------------------------------------------------------
 *
 * The same fields as a new referral.  The record carries the versions
 * read; a save that finds a newer version is merged field by field by
 * the form engine (form_def.fetch): what only they changed comes in,
 * what only I changed stays, and the fields we both changed are shown
 * side by side to choose. */

struct edit_rec {
	struct client client;		/* the same members as client_record */
	struct referral referral;
	struct funding funding;
	char *allies;
	char *orig_key;			/* name, birth date, phone as read */
	struct client_dup dup;		/* what a save found (as intake.c) */
};

#define EDIT_TAG_DUP 102

static char *
edit_key(const struct client *c)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s\x1f%s\x1f%s", c->name ? c->name : "",
	    c->date_of_birth, c->phone ? c->phone : "");
	return strbuf_detach(&sb);
}

static const struct field_def edit_fields[] = {
	CLIENT_FORM_FIELDS(struct edit_rec)
};

static void
edit_rec_init(void *rec)
{
	struct edit_rec *e = rec;

	memset(e, 0, sizeof *e);
	e->referral.route = ROUTE_UNSET;
	e->funding.kind = (enum funding_kind)-1;
	e->funding.contracted_minutes_per_week = -1;
	e->funding.hourly_charge_pence = -1;
}

static void
edit_rec_fini(void *rec)
{
	struct edit_rec *e = rec;
	struct client_record r = { e->client, e->referral, e->funding,
	    e->allies };

	client_record_fini(&r);
	free(e->orig_key);
	client_matches_fini(&e->dup.m);
	memset(e, 0, sizeof *e);
}

static enum pd_status
edit_read(void *app, int64_t id, struct edit_rec *e, struct pd_err *err)
{
	struct client_record r;
	enum pd_status s;

	s = app_client_open(app, id, &r, err);
	if (s != PD_OK)
		return s;
	e->client = r.client;
	e->referral = r.referral;
	e->funding = r.funding;
	e->allies = r.allies;
	if (e->funding.id == 0)
		e->funding.kind = (enum funding_kind)-1;
	free(e->orig_key);
	e->orig_key = edit_key(&e->client);
	return PD_OK;
}

static enum pd_status
edit_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which client?");
	return edit_read(app, *(const int64_t *)arg, rec, err);
}

/* The record as saved now, for a merge. */
static enum pd_status
edit_fetch(void *app, const void *mine, void *theirs, struct pd_err *err)
{
	const struct edit_rec *m = mine;

	return edit_read(app, m->client.id, theirs, err);
}

static enum pd_status
edit_save(void *app, void *rec, struct pd_err *err)
{
	struct edit_rec *e = rec;
	struct client_record r = { e->client, e->referral, e->funding,
	    e->allies };
	enum pd_status s;

	client_matches_fini(&e->dup.m);
	if (!e->dup.anyway) {
		char *key = edit_key(&e->client);
		int changed = e->orig_key == NULL ||
		    strcmp(key, e->orig_key) != 0;

		free(key);
		if (changed && app_client_matches(app, &e->client, e->client.id,
		    &e->dup.m, NULL) == PD_OK && e->dup.m.n > 0) {
			e->dup.pending = true;
			return pd_fail(err, PD_DUPLICATE, "name", "this may be "
			    "someone already on the list");
		}
	}
	e->dup.anyway = false;
	if ((int)r.funding.kind < 0)
		r.funding.kind = FUNDING_NONE;
	/* r is a copy: on failure e keeps the versions it read, even when
	 * part of the save went through before the rollback. */
	s = app_client_save(app, &r, err);
	if (s == PD_OK) {
		r.funding.kind = (int)e->funding.kind < 0 && r.funding.id == 0 ?
		    (enum funding_kind)-1 : r.funding.kind;
		e->client = r.client;
		e->referral = r.referral;
		e->funding = r.funding;
	}
	return s;
}

static char *
edit_ask(void *app, const void *rec)
{
	const struct edit_rec *e = rec;

	return app_client_ask(app, &e->client, &e->referral);
}

static const struct form_def edit_form = {
	.fields = edit_fields,
	.rec_size = sizeof(struct edit_rec),
	.rec_init = edit_rec_init,
	.rec_fini = edit_rec_fini,
	.load = edit_load,
	.save = edit_save,
	.fetch = edit_fetch,
	.ask = edit_ask,
	.saved_message = "Saved the changes.",
};

int64_t
client_edit_id(const struct screen *s)
{
	const struct edit_rec *e = ((const struct form *)s->state)->rec;

	return e != NULL ? e->client.id : 0;
}

static enum pd_status
edit_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct edit_rec *e;
	enum pd_status st;
	char title[200];

	if ((app_tui_role_mask(s->app) & APP_STAFF) == 0)
		return pd_fail(err, PD_DENIED, NULL, "client details are "
		    "changed by the office");
	if ((st = form_enter(s, arg, err)) != PD_OK)
		return st;
	e = form_record(s);
	snprintf(title, sizeof title, "Edit: %s", e->client.name ?
	    e->client.name : "client");
	screen_set_title(s, title);
	return PD_OK;
}

/* A save that stopped at likely matches shows them. */
static void
edit_after_save(struct screen *s)
{
	struct edit_rec *e = form_record(s);

	if (!s->closing && e->dup.pending) {
		e->dup.pending = false;
		client_dup_ask(s, &e->dup, EDIT_TAG_DUP, "Already here? "
		    "(opening another leaves these changes unsaved)",
		    "Save anyway");
	}
}

static enum tui_result
edit_action(struct screen *s, enum action a)
{
	enum tui_result r = form_on_action(s, a);

	if (a == ACT_SAVE)
		edit_after_save(s);
	return r;
}

static void
edit_result(struct screen *s, const struct screen_result *r)
{
	if (r->tag == EDIT_TAG_DUP) {
		struct edit_rec *e = form_record(s);
		char open[40];

		if (s->closing || r->code != SCREEN_OK || r->index < 0)
			return;
		if ((size_t)r->index < e->dup.m.n) {
			snprintf(open, sizeof open, "open:%lld",
			    (long long)e->dup.m.v[r->index].id);
			client_matches_fini(&e->dup.m);
			screen_close(s, SCREEN_CANCEL, -1, open);
		} else if ((size_t)r->index == e->dup.m.n) {
			e->dup.anyway = true;
			edit_action(s, ACT_SAVE);
		}
		return;
	}
	form_on_result(s, r);
	edit_after_save(s);
}

const struct screen_ops client_edit_screen = {
	.name = "client-edit",
	.title = "Edit client",
	.help = "Change a client's details and save. If someone else saved "
	    "this record while you were editing, their changes are kept with "
	    "yours, and you choose for any field you both changed.",
	.def = &edit_form,
	.sections = form_sections,
	.state_size = sizeof(struct form),
	.hints = form_hints,
	.enter = edit_enter,
	.leave = form_leave,
	.layout = form_layout,
	.draw = form_draw,
	.on_action = edit_action,
	.on_text = form_on_text,
	.on_result = edit_result,
	.is_dirty = form_is_dirty,
	.context = form_context,
	.text_focus = form_text_focus,
	.help_more = form_help_more,
	.on_mouse = form_on_mouse,
};
