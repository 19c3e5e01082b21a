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
	struct pal_list all;
	size_t *match;		/* indexes into all.v that fit the filter */
	size_t nmatch;
	int manager;
	struct list_view lv;
};

static int
pals_contains(const char *hay, const char *needle)
{
	size_t i, j, hn = strlen(hay), nn = strlen(needle);

	if (nn == 0)
		return 1;
	for (i = 0; i + nn <= hn; i++) {
		for (j = 0; j < nn; j++) {
			char a = hay[i + j], b = needle[j];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (j == nn)
			return 1;
	}
	return 0;
}

static enum pd_status
pals_count(void *ctx, const char *filter, size_t *n, struct pd_err *err)
{
	struct pals_state *st = ctx;
	size_t i;

	(void)err;
	free(st->match);
	st->match = xcalloc(st->all.n ? st->all.n : 1, sizeof *st->match);
	st->nmatch = 0;
	for (i = 0; i < st->all.n; i++)
		if (pals_contains(st->all.v[i].name, filter) ||
		    pals_contains(st->all.v[i].login, filter))
			st->match[st->nmatch++] = i;
	*n = st->nmatch;
	return PD_OK;
}

static enum pd_status
pals_fetch(void *ctx, const char *filter, size_t first, size_t n,
    struct pd_err *err)
{
	(void)ctx;
	(void)filter;
	(void)first;
	(void)n;
	(void)err;
	return PD_OK;	/* every PAL is in memory: a few dozen at most */
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
pals_cell(void *ctx, size_t row, size_t col, struct strbuf *out)
{
	struct pals_state *st = ctx;
	const struct pal_summary *p;
	char d[DURATION_STR_LEN];

	if (row >= st->nmatch)
		return;
	p = &st->all.v[st->match[row]];
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
pals_row_style(void *ctx, size_t row)
{
	struct pals_state *st = ctx;
	const struct pal_summary *p;

	if (row >= st->nmatch)
		return ST_NORMAL;
	p = &st->all.v[st->match[row]];
	if (p->week.check.verdict == PERMITTED_OVER)
		return ST_ERROR;
	if (p->week.check.verdict == PERMITTED_NEAR)
		return ST_WARN;
	return p->active ? ST_NORMAL : ST_DIM;
}

static enum tui_result
pals_mouse(struct screen *s, int y, int x)
{
	struct pals_state *st = s->state;

	return list_view_click(&st->lv, y, x);
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
	return PD_OK;
}

static enum pd_status
pals_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct pals_state *st = s->state;
	struct list_model m = {
		.count = pals_count,
		.fetch = pals_fetch,
		.cell = pals_cell,
		.row_style = pals_row_style,
		.ctx = st,
	};
	enum pd_status rc;

	(void)arg;
	if ((rc = pals_load(s, err)) != PD_OK)
		return rc;
	st->manager = assign_ui_manager(s);
	list_view_init(&st->lv, pals_columns, st->manager ? 7 : 6, &m);
	st->lv.empty_text = "No PALs yet. Add them with: peerdesk user add";
	return list_view_reload(&st->lv, err);
}

static void
pals_leave(struct screen *s)
{
	struct pals_state *st = s->state;

	list_view_fini(&st->lv);
	pal_list_fini(&st->all);
	free(st->match);
}

static void
pals_layout(struct screen *s)
{
	struct pals_state *st = s->state;

	list_view_layout(&st->lv, s->area);
}

static void
pals_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct pals_state *st = s->state;

	list_view_draw(&st->lv, cur);
}

static enum tui_result
pals_action(struct screen *s, enum action a)
{
	struct pals_state *st = s->state;
	struct pd_err err;
	size_t row;

	if (a == ACT_OPEN) {
		if (list_view_selected(&st->lv, &row) && row < st->nmatch &&
		    tui_push(s->ui, &pal_screen,
		    &st->all.v[st->match[row]].id, 1, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	return list_view_action(&st->lv, a);
}

static enum tui_result
pals_text(struct screen *s, struct tui_key k)
{
	struct pals_state *st = s->state;

	return list_view_text(&st->lv, s, k);
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

static const char *
pals_context(const struct screen *s)
{
	const struct pals_state *st = s->state;

	return list_view_context(&st->lv);
}

static bool
pals_text_focus(const struct screen *s)
{
	const struct pals_state *st = s->state;

	return list_view_filtering(&st->lv);
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
	.layout = pals_layout,
	.draw = pals_draw,
	.on_action = pals_action,
	.on_mouse = pals_mouse,
	.on_text = pals_text,
	.on_result = pals_result,
	.context = pals_context,
	.text_focus = pals_text_focus,
};
