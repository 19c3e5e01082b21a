/* pals.c - the PAL list: each PAL's caseload, hours this week and the
 * room left under their benefit limit; Enter opens their record. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ui.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "peerdesk/tui/list.h"

struct pals_state {
	struct list_view lv;	/* first: LIST_SCREEN_CALLBACKS */
	struct list_rows rows;
	struct pal_list all;
	int manager;
};

static bool
pals_match(void *ctx, size_t i, const char *filter)
{
	const struct pals_state *st = ctx;

	return list_text_has(st->all.v[i].name, filter) ||
	    list_text_has(st->all.v[i].login, filter);
}

/* "6h 15m, £79.40", "£79.40", "over the limit", "no limit", or what is
 * missing to check it. */
static void
pals_room(const struct pal_week *wk, struct strbuf *out)
{
	char buf[PERMITTED_SENTENCE_LEN];

	permitted_room_words(&wk->check, buf, sizeof buf);
	strbuf_adds(out, buf);
}

static void
pals_cell(void *ctx, size_t i, size_t col, struct strbuf *out)
{
	const struct pals_state *st = ctx;
	const struct pal_summary *p = &st->all.v[i];
	char d[DURATION_STR_LEN];

	switch (col) {
	case 0:
		strbuf_adds(out, p->name);
		if (!p->active)
			strbuf_adds(out, " (left)");
		break;
	case 1:
		if (p->max_clients >= 0)
			strbuf_addf(out, "%d of %d", p->caseload,
			    p->max_clients);
		else
			strbuf_addf(out, "%d", p->caseload);
		break;
	case 2:
		strbuf_adds(out, duration_format(p->week.minutes, d));
		break;
	case 3:
		/* The verdict as a word, so it never rests on colour. */
		strbuf_adds(out, p->week.check.verdict == PERMITTED_NA ?
		    "none" : permitted_verdict_str(p->week.check.verdict));
		break;
	case 4:
		pals_room(&p->week, out);
		break;
	case 5:
		strbuf_adds(out, p->dbs_recheck_due[0] ? p->dbs_recheck_due :
		    "none");
		break;
	case 6:
		if (p->rule_visible) {
			strbuf_adds(out, permitted_rule_label(&p->week.check));
			/* judged against more than one rule this week */
			if (p->week.check.judged > 1)
				strbuf_adds(out, " (changed this week)");
		}
		break;
	default:
		break;
	}
}

static enum style
pals_row_style(void *ctx, size_t i)
{
	const struct pals_state *st = ctx;
	const struct pal_summary *p = &st->all.v[i];

	if (p->week.check.verdict == PERMITTED_OVER)
		return ST_ERROR;
	if (p->week.check.verdict == PERMITTED_NEAR)
		return ST_WARN;
	return p->active ? ST_NORMAL : ST_DIM;
}

static const struct list_column pals_columns[] = {
	{ .title = "PAL" },
	{ .title = "Clients", .width = 8 },
	{ .title = "This week", .width = 9, .right = true },
	{ .title = "Limit", .width = 5 },
	{ .title = "Room left", .width = 17, .min_screen = 56 },
	{ .title = "DBS re-check", .width = 12, .min_screen = 76 },
	{ .title = "Rule", .width = 24, .min_screen = 100 },
};

static enum pd_status
pals_load(struct screen *s, struct pd_err *err)
{
	struct pals_state *st = s->state;
	struct pal_list l;
	enum pd_status rc;

	if ((rc = app_pal_list(assign_app(s), 1, &l, err)) != PD_OK)
		return rc;
	pal_list_fini(&st->all);
	st->all = l;
	st->rows.n = l.n;
	return PD_OK;
}

static enum pd_status
pals_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct pals_state *st = s->state;
	enum pd_status rc;

	(void)arg;
	if ((rc = pals_load(s, err)) != PD_OK)
		return rc;
	st->manager = assign_ui_manager(s);
	st->rows.match = pals_match;
	st->rows.cell = pals_cell;
	st->rows.row_style = pals_row_style;
	st->rows.ctx = st;
	list_rows_view(&st->lv, &st->rows, pals_columns, st->manager ? 7 : 6);
	st->lv.empty_text = "No PALs yet. Add them with: peerdesk user add";
	return list_view_reload(&st->lv, err);
}

static void
pals_leave(struct screen *s)
{
	struct pals_state *st = s->state;

	list_view_fini(&st->lv);
	list_rows_fini(&st->rows);
	pal_list_fini(&st->all);
}

static enum tui_result
pals_action(struct screen *s, enum action a)
{
	struct pals_state *st = s->state;
	struct pd_err err;
	size_t i;

	if (a == ACT_OPEN) {
		if (list_rows_selected(&st->lv, &st->rows, &i) &&
		    tui_push(s->ui, &pal_screen, &st->all.v[i].id, 1, &err)
		    != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	return list_view_action(&st->lv, a);
}

static void
pals_result(struct screen *s, const struct screen_result *r)
{
	struct pals_state *st = s->state;
	struct pd_err err;

	(void)r;
	/* the record may have changed hours or the caseload limit */
	if (pals_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	list_view_reload(&st->lv, NULL);
}

static const char *const pals_sections[] = { "list", NULL };
static const enum action pals_hints[] = {
	ACT_OPEN, ACT_FILTER, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops pals_screen = {
	.name = "pals",
	.title = "PALs",
	.sections = pals_sections,
	.state_size = sizeof(struct pals_state),
	.hints = pals_hints,
	.help = "Every PAL with the clients they support now (of the most "
	    "they are happy to have), their hours this week and the room "
	    "left under their benefit limit. Yellow rows are close to a "
	    "limit, red ones over it. Type to find a PAL; Enter opens their "
	    "record.",
	.enter = pals_enter,
	.leave = pals_leave,
	.on_action = pals_action,
	.on_mouse = list_screen_mouse,
	.on_result = pals_result,
	LIST_SCREEN_CALLBACKS
};
