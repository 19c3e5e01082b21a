/* groups.c - the list of groups and drop-ins, and a new group (office
 * and managers).  One group's page is group.c, a meeting's register
 * group_register.c, the outcomes report group_outcomes.c. */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/list.h"

static const struct screen_ops group_add_screen;

/* ---- the list -------------------------------------------------------------- */

struct groups_state {
	struct list_view lv;	/* first: LIST_SCREEN_CALLBACKS */
	struct list_rows rows;
	struct group_row *v;
	size_t n;
};

static bool
groups_match(void *ctx, size_t i, const char *filter)
{
	const struct groups_state *st = ctx;

	return list_text_has(st->v[i].g.name, filter);
}

static void
groups_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct groups_state *st = ctx;
	const struct group_row *r = &st->v[i];

	switch (col) {
	case 0:
		strbuf_adds(out, r->g.name);
		if (!r->g.active)
			strbuf_adds(out, " (not running)");
		break;
	case 1:
		if (r->g.usual_day)
			strbuf_addf(out, "%s ",
			    date_weekday_short(r->g.usual_day));
		strbuf_adds(out, r->g.usual_time);
		break;
	case 2:
		strbuf_addf(out, "%d", r->meetings);
		break;
	case 3:
		strbuf_addf(out, "%d", r->people);
		break;
	case 4:
		strbuf_adds(out, r->last);
		break;
	default:
		break;
	}
}

static const struct list_column groups_columns[] = {
	{ .title = "Group" },
	{ .title = "When", .width = 9 },
	{ .title = "Met", .width = 4, .right = true },
	{ .title = "People", .width = 6, .right = true, .min_screen = 50 },
	{ .title = "Last met", .width = 10, .min_screen = 64 },
};

static enum pd_status
groups_load(struct screen *s, struct pd_err *err)
{
	struct groups_state *st = s->state;
	struct group_row *v;
	size_t n;
	enum pd_status rc;

	size_t i, k = 0;
	struct group_row tmp;

	if ((rc = app_groups_list(s->app, 1, &v, &n, err)) != PD_OK)
		return rc;
	/* those still running first, those no longer running below them
	 * (each in name order, as listed) */
	for (i = 0; i < n; i++)
		if (v[i].g.active) {
			size_t j;

			tmp = v[i];
			for (j = i; j > k; j--)
				v[j] = v[j - 1];
			v[k++] = tmp;
		}
	group_rows_free(st->v, st->n);
	st->v = v;
	st->n = n;
	st->rows.n = n;
	return PD_OK;
}

static enum pd_status
groups_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct groups_state *st = s->state;
	enum pd_status rc;

	(void)arg;
	if ((rc = groups_load(s, err)) != PD_OK)
		return rc;
	st->rows.match = groups_match;
	st->rows.cell = groups_cell;
	st->rows.ctx = st;
	list_rows_view(&st->lv, &st->rows, groups_columns, 5);
	st->lv.empty_text = app_actor_is_pal(s->app) ? "You run no group yet." :
	    "No groups yet. Add one with: peerdesk groups add";
	return list_view_reload(&st->lv, err);
}

static void
groups_leave(struct screen *s)
{
	struct groups_state *st = s->state;

	list_view_fini(&st->lv);
	list_rows_fini(&st->rows);
	group_rows_free(st->v, st->n);
}

static enum tui_result
groups_action(struct screen *s, enum action a)
{
	struct groups_state *st = s->state;
	struct pd_err err;
	size_t i;

	if (a == ACT_NEW) {
		if (tui_push(s->ui, &group_add_screen, NULL, 2, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	if (a == ACT_OPEN) {
		if (list_rows_selected(&st->lv, &st->rows, &i) &&
		    tui_push_id(s->ui, &group_screen, st->v[i].g.id, 0, &err)
		    != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	return list_view_action(&st->lv, a);
}

static void
groups_result(struct screen *s, const struct screen_result *r)
{
	struct groups_state *st = s->state;
	struct pd_err err;

	(void)r;
	if (groups_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	list_view_reload(&st->lv, NULL);
}

static const char *const list_sections[] = { "list", NULL };
static const enum action groups_hints[] = {
	ACT_OPEN, ACT_NEW, ACT_FILTER, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops groups_screen = {
	.name = "groups",
	.title = "Groups and drop-ins",
	.sections = list_sections,
	.state_size = sizeof(struct groups_state),
	.hints = groups_hints,
	.help = "The groups and drop-ins: the walking group, the communal "
	    "meal, peer groups and courses, with how often they have met "
	    "and how many people come. A PAL sees the groups they run. "
	    "Enter opens a group, to see its meetings or take a register; "
	    "the office adds a group with Ctrl-N.",
	.enter = groups_enter,
	.leave = groups_leave,
	.on_action = groups_action,
	.on_result = groups_result,
	LIST_SCREEN_CALLBACKS
};

/* ---- a new group (office and managers) ------------------------------------ */

struct group_form {
	char *name;
	int kind;
	int day;
	char *time;
	char *place;
	char *runners;		/* logins, spaces or commas between */
};

static const struct field_choice group_kinds[] = {
	{ GROUP_WALK, "Walk" },
	{ GROUP_MEAL, "Meal" },
	{ GROUP_DROP_IN, "Drop-in" },
	{ GROUP_PEER, "Peer group" },
	{ GROUP_COURSE, "Course" },
	{ 0, NULL }
};

static const struct field_choice group_days[] = {
	{ 0, "Not fixed" }, { 1, "Monday" }, { 2, "Tuesday" },
	{ 3, "Wednesday" }, { 4, "Thursday" }, { 5, "Friday" },
	{ 6, "Saturday" }, { 7, "Sunday" }, { 0, NULL }
};

static const struct field_def group_fields[] = {
	{ .id = "name", .label = "Name", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, name), .required = true,
	  .max_len = 80, .help = "What people call it: Thursday walking "
	  "group." },
	{ .id = "kind", .label = "Kind", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct group_form, kind), .choices = group_kinds,
	  .width = 12 },
	{ .id = "day", .label = "Usual day", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct group_form, day), .choices = group_days,
	  .width = 12 },
	{ .id = "time", .label = "Usual time", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, time), .max_len = 5,
	  .width = 6, .help = "Like 13:30." },
	{ .id = "place", .label = "Place", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, place), .max_len = 120 },
	{ .id = "facilitator", .label = "Run by (logins)", .kind = FIELD_TEXT,
	  .offset = offsetof(struct group_form, runners), .max_len = 200,
	  .help = "The logins of the PALs and staff who usually run it, "
	  "with spaces between: their time running a meeting is paid." },
	{ .id = NULL },
};

static void
group_form_init(void *rec)
{
	struct group_form *g = rec;

	memset(g, 0, sizeof *g);
	g->kind = GROUP_WALK;
}

static void
group_form_fini(void *rec)
{
	struct group_form *g = rec;

	free(g->name);
	free(g->time);
	free(g->place);
	free(g->runners);
	memset(g, 0, sizeof *g);
}

static enum pd_status
group_form_save(void *app, void *rec, struct pd_err *err)
{
	struct group_form *f = rec;
	int64_t ids[32];
	size_t n = 0;
	struct group g;
	char *copy, *tok, *save = NULL;
	enum pd_status st = PD_OK;

	copy = xstrdup(f->runners != NULL ? f->runners : "");
	for (tok = strtok_r(copy, " ,", &save); tok != NULL && st == PD_OK;
	    tok = strtok_r(NULL, " ,", &save)) {
		if (n == 32)
			st = pd_fail(err, PD_INVALID, "facilitator", "at most "
			    "32 people");
		else
			st = app_group_staff_by_login(app, tok, &ids[n++],
			    err);
	}
	free(copy);
	if (st != PD_OK)
		return st;
	memset(&g, 0, sizeof g);
	g.name = f->name;
	g.kind = (enum group_kind)f->kind;
	g.usual_day = f->day;
	if (f->time != NULL && strlen(f->time) < sizeof g.usual_time)
		snprintf(g.usual_time, sizeof g.usual_time, "%s", f->time);
	else if (f->time != NULL)
		return pd_fail(err, PD_INVALID, "time", "the time should look "
		    "like 13:30");
	g.place = f->place;
	return app_group_add(app, &g, ids, n, err);
}

/* Groups are added by the office: a PAL gets a message, not a form. */
static enum pd_status
group_form_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	(void)arg;
	(void)rec;
	if (app_actor_is_pal(app))
		return pd_fail(err, PD_DENIED, NULL, "groups are added by the "
		    "office");
	return PD_OK;
}

static const struct form_def group_form = {
	.fields = group_fields,
	.rec_size = sizeof(struct group_form),
	.rec_init = group_form_init,
	.rec_fini = group_form_fini,
	.load = group_form_load,
	.save = group_form_save,
	.save_label = "Save the group",
};

static const struct screen_ops group_add_screen = {
	.name = "group_add",
	.title = "New group",
	.help = "A new group or drop-in: its name, kind, when and where it "
	    "usually meets, and who usually runs it. Tab moves to the next "
	    "field.",
	.def = &group_form,
	.min_cols = 40,
	.min_rows = 15,
	FORM_SCREEN_CALLBACKS
};
