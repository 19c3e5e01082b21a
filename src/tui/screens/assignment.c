/* assignment.c - who supports a client now and before, with where each
 * review stands; the review, change of PAL, the end and agreed hours
 * are recorded from here. */
#include "peerdesk/tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_forms.h"
#include "assign_ui.h"
#include "status_ui.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/page.h"

enum as_kind { K_NOW, K_BEFORE, K_CHOOSE, K_ADD };
enum as_do {
	DO_REVIEW, DO_CHANGE, DO_END, DO_HOURS, DO_REVIEWS, DO_PROFILE,
	DO_COUNT
};
enum {
	TAG_MENU = 1, TAG_FORM = 2, TAG_NOTE = 3, TAG_OTHER = 4, TAG_SCORES = 5
};

struct as_state {
	struct status_ui su;	/* pause or close, after the last support */
	int64_t client_id;
	char client_name[160];
	struct assignment_list list;
	struct page page;
	enum as_do menu[DO_COUNT];
	size_t nmenu;
	size_t index;		/* the assignment the menu is for */
	bool staff;		/* may change things */
	/* a review ended the last support and there were goals to score:
	 * pause or close is asked when the scores are done (or left) */
	int ask_after_scores;
	char ask_day[11];
};

static enum pd_status
as_load(struct screen *s, struct pd_err *err)
{
	struct as_state *st = s->state;
	struct assignment_list l;
	enum pd_status rc;

	if ((rc = app_assignment_list(assign_app(s), st->client_id, 0, &l,
	    err)) != PD_OK)
		return rc;
	assignment_list_fini(&st->list);
	st->list = l;
	if (l.n > 0 && l.v[0].a.client_name != NULL)
		snprintf(st->client_name, sizeof st->client_name, "%s",
		    l.v[0].a.client_name);
	return PD_OK;
}

static const char *
as_day(const char *ymd, char buf[DATE_LONG_LEN])
{
	pd_date d;

	if (date_parse(ymd, &d, NULL) != PD_OK)
		return ymd;
	return date_format_long(d, buf);
}

/* "Review due since Tue 22 Dec 2026" and its style. */
static enum style
as_review_words(const struct assignment_item *it, char *buf, size_t n)
{
	char day[DATE_LONG_LEN];

	switch (it->review) {
	case REVIEW_DONE:
		snprintf(buf, n, "Reviewed %s", as_day(it->a.reviewed_on, day));
		return ST_DIM;
	case REVIEW_OVERDUE:
		snprintf(buf, n, "Review overdue since %s",
		    as_day(it->a.review_overdue_on, day));
		return ST_ERROR;
	case REVIEW_DUE:
		snprintf(buf, n, "Review due since %s",
		    as_day(it->a.review_due_on, day));
		return ST_DUE;
	case REVIEW_UPCOMING:
		snprintf(buf, n, "Review coming up: due from %s",
		    as_day(it->a.review_due_on, day));
		return ST_WARN;
	default:
		if (it->a.review_due_on[0] != '\0')
			snprintf(buf, n, "Review due from %s",
			    as_day(it->a.review_due_on, day));
		else
			buf[0] = '\0';
		return ST_DIM;
	}
}

static void
as_build(struct screen *s)
{
	struct as_state *st = s->state;
	struct page *pg = &st->page;
	char day[DATE_LONG_LEN], day2[DATE_LONG_LEN], d[DURATION_STR_LEN];
	char buf[400];
	int w = s->area.w > 20 ? s->area.w : 40, now = 0, before = 0;
	size_t i;

	page_clear(pg);
	page_add(pg, ST_HEADER, "Supporting now");
	for (i = 0; i < st->list.n; i++) {
		const struct assignment_item *it = &st->list.v[i];
		enum style rs;

		if (!it->active)
			continue;
		now++;
		if (it->a.contracted_minutes_per_week >= 0)
			snprintf(buf, sizeof buf, "  %s, since %s, %s a week",
			    it->a.worker_name, as_day(it->a.started_on, day),
			    duration_format(it->a.contracted_minutes_per_week,
			    d));
		else
			snprintf(buf, sizeof buf, "  %s, since %s",
			    it->a.worker_name, as_day(it->a.started_on, day));
		page_item(pg, K_NOW, (int64_t)i);
		page_add(pg, ST_NORMAL, buf);
		rs = as_review_words(it, buf, sizeof buf);
		if (buf[0] != '\0')
			page_addf(pg, rs, "    %s", buf);
		if (it->a.override_reason != NULL)
			page_add_labelled(pg, ST_DIM, w, 6,
			    "    Started before the plan was established",
			    it->a.override_reason);
	}
	page_item_end(pg);
	if (now == 0)
		page_add(pg, ST_DIM, "  nobody yet");
	for (i = 0; i < st->list.n; i++) {
		const struct assignment_item *it = &st->list.v[i];

		if (it->active)
			continue;
		if (before++ == 0) {
			page_item_end(pg);
			page_add(pg, ST_HEADER, "Before");
		}
		snprintf(buf, sizeof buf, "  %s, %s to %s: %s", it->a.worker_name,
		    as_day(it->a.started_on, day), as_day(it->a.ended_on, day2),
		    end_kind_label(it->a.end_kind));
		page_item(pg, K_BEFORE, (int64_t)i);
		page_add(pg, ST_DIM, buf);
		if (it->a.end_reason != NULL)
			page_add_labelled(pg, ST_DIM, w, 6, "    Why",
			    it->a.end_reason);
	}
	if (st->staff) {
		page_item_end(pg);
		page_add(pg, ST_NORMAL, "");
		page_item(pg, K_CHOOSE, 0);
		page_add(pg, ST_NORMAL,
		    now == 0 ? "  Choose a PAL..." : "  Choose another PAL...");
		page_item(pg, K_ADD, 0);
		page_add(pg, ST_NORMAL,
		    "  Add a worker directly (such as the Operations Manager)...");
	}
	page_layout(pg, s->area);
}

static enum pd_status
as_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct as_state *st = s->state;
	enum pd_status rc;
	char title[200];

	if (arg == NULL)
		return pd_fail(err, PD_INVALID, NULL, "which client?");
	st->client_id = *(const int64_t *)arg;
	st->staff = !assign_ui_pal(s);
	if ((rc = as_load(s, err)) != PD_OK)
		return rc;
	if (st->client_name[0] != '\0') {
		snprintf(title, sizeof title, "PAL and reviews: %s",
		    st->client_name);
		screen_set_title(s, title);
	}
	return PD_OK;
}

static void
as_leave(struct screen *s)
{
	struct as_state *st = s->state;

	page_fini(&st->page);
	assignment_list_fini(&st->list);
}

static void
as_layout(struct screen *s)
{
	as_build(s);
}

static void
as_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct as_state *st = s->state;

	page_draw(&st->page, cur);
}

static const char *const as_labels[DO_COUNT] = {
	"Record the review", "Change of PAL", "End this support",
	"Hours a week", "Reviews so far", "See the PAL's profile"
};

static void
as_menu(struct screen *s, const struct page_item *l)
{
	struct as_state *st = s->state;
	const struct assignment_item *it;
	const char *items[DO_COUNT];
	size_t i;

	st->index = (size_t)l->id;
	if (st->index >= st->list.n)
		return;
	it = &st->list.v[st->index];
	st->nmenu = 0;
	if (st->staff && it->active) {
		if (it->review != REVIEW_DONE)
			st->menu[st->nmenu++] = DO_REVIEW;
		st->menu[st->nmenu++] = DO_CHANGE;
		st->menu[st->nmenu++] = DO_END;
		st->menu[st->nmenu++] = DO_HOURS;
	}
	st->menu[st->nmenu++] = DO_REVIEWS;
	if (!assign_ui_pal(s))
		st->menu[st->nmenu++] = DO_PROFILE;
	for (i = 0; i < st->nmenu; i++)
		items[i] = as_labels[st->menu[i]];
	dialog_pick(s->ui, TAG_MENU, "What next?", items, st->nmenu, 0);
}

static void
as_reviews(struct screen *s, const struct assignment_item *it)
{
	struct review_list rl;
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	char day[DATE_LONG_LEN];
	size_t i;

	if (app_review_list(assign_app(s), it->a.id, &rl, &err) != PD_OK) {
		tui_error(s->ui, "%s", err.msg);
		return;
	}
	for (i = 0; i < rl.n; i++)
		strbuf_addf(&sb, "%s%s: %s.%s%s%s%s", i ? "\n" : "",
		    as_day(rl.v[i].held_on, day),
		    review_outcome_label(rl.v[i].outcome),
		    rl.v[i].participants ? " With " : "",
		    rl.v[i].participants ? rl.v[i].participants : "",
		    rl.v[i].notes ? ". " : "", rl.v[i].notes ? rl.v[i].notes : "");
	if (rl.n == 0)
		strbuf_adds(&sb, "No review has been recorded yet.");
	dialog_message(s->ui, TAG_OTHER, "Reviews so far", strbuf_str(&sb));
	strbuf_fini(&sb);
	review_list_fini(&rl);
}

static void
as_do(struct screen *s, enum as_do what)
{
	struct as_state *st = s->state;
	const struct assignment_item *it = &st->list.v[st->index];
	const struct screen_ops *ops = NULL;
	struct pd_err err;

	switch (what) {
	case DO_REVIEW: ops = &review_screen; break;
	case DO_CHANGE: ops = &assign_change_screen; break;
	case DO_END: ops = &assign_end_screen; break;
	case DO_HOURS: ops = &assign_hours_screen; break;
	case DO_REVIEWS:
		as_reviews(s, it);
		return;
	case DO_PROFILE:
		if (tui_push(s->ui, &pal_screen, &it->a.worker_id, TAG_OTHER,
		    &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return;
	default:
		return;
	}
	if (tui_push(s->ui, ops, &it->a.id, TAG_FORM, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
}

static enum tui_result
as_action(struct screen *s, enum action a)
{
	struct as_state *st = s->state;
	const struct page_item *l;
	struct pd_err err;

	if (a != ACT_OPEN)
		return page_action(&st->page, a);
	if ((l = page_current(&st->page)) == NULL)
		return TUI_HANDLED;
	if (l->kind == K_CHOOSE) {
		if (tui_push(s->ui, &shortlist_screen, &st->client_id,
		    TAG_OTHER, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
	} else if (l->kind == K_ADD) {
		if (tui_push(s->ui, &assign_start_screen, &st->client_id,
		    TAG_FORM, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
	} else
		as_menu(s, l);
	return TUI_HANDLED;
}

static void
as_reload(struct screen *s)
{
	struct pd_err err;

	if (as_load(s, &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	as_build(s);
}

/* A form pushed from here saved: what it asks for next (pause or close
 * the client, choose a PAL again, score the goals), then its note. */
static void
as_form_saved(struct screen *s, const struct screen_result *r)
{
	static const struct assign_next nothing;
	struct as_state *st = s->state;
	const struct assign_next *next = assign_next_of(r);
	const char *note = r->text != NULL ? r->text : "";
	struct pd_err err;

	if (next == NULL)
		next = &nothing;
	if (next->ask_status && !next->choose_again &&
	    next->score.client_id == 0) {
		/* no PAL now: pause, close or leave active? */
		status_ui_after_end(s, &st->su, st->client_id,
		    next->ask_status_day);
		return;
	}
	st->ask_after_scores = 0;
	if (next->ask_status && !next->choose_again) {
		/* the scores first, then pause or close */
		st->ask_after_scores = 1;
		memcpy(st->ask_day, next->ask_status_day, sizeof st->ask_day);
	}
	if (next->choose_again) {
		/* the client chooses again: open the shortlist */
		if (tui_push(s->ui, &shortlist_screen, &st->client_id,
		    TAG_OTHER, &err) != PD_OK)
			tui_error(s->ui, "%s", err.msg);
		if (note[0] != '\0')
			tui_message(s->ui, "%s", note);
	} else if (note[0] != '\0')
		tui_message(s->ui, "%s", note);
	if (next->score.client_id != 0) {
		/* the goals' scores at this review, dated with it */
		struct plan_review_arg ra = next->score;

		if (tui_push(s->ui, &plan_review_at_screen, &ra, TAG_SCORES,
		    &err) != PD_OK) {
			tui_error(s->ui, "%s", err.msg);
			if (st->ask_after_scores) {
				st->ask_after_scores = 0;
				status_ui_after_end(s, &st->su, st->client_id,
				    st->ask_day);
			}
		}
	}
}

static void
as_result(struct screen *s, const struct screen_result *r)
{
	struct as_state *st = s->state;

	switch (status_ui_result(s, &st->su, r)) {
	case 1:
		return;
	case 2:
		as_reload(s);
		return;
	default:
		break;
	}
	if (r->tag == TAG_MENU) {
		if (r->code == SCREEN_OK && r->index >= 0 &&
		    (size_t)r->index < st->nmenu)
			as_do(s, st->menu[r->index]);
		return;
	}
	if (r->tag == TAG_NOTE)
		return;
	if (r->tag == TAG_SCORES) {
		as_reload(s);
		if (st->ask_after_scores) {
			/* scored or not, the last support has ended */
			st->ask_after_scores = 0;
			status_ui_after_end(s, &st->su, st->client_id,
			    st->ask_day);
		}
		return;
	}
	as_reload(s);
	if (r->tag != TAG_FORM || r->code != SCREEN_OK)
		return;
	as_form_saved(s, r);
}

static const char *const as_sections[] = { "list", NULL };
static const enum action as_hints[] = {
	ACT_OPEN, ACT_HELP, ACT_BACK, ACT_NONE
};

const struct screen_ops assignment_screen = {
	.name = "assignment",
	.title = "PAL and reviews",
	.sections = as_sections,
	.state_size = sizeof(struct as_state),
	.hints = as_hints,
	.help = "Who supports this client now and before. The review is due "
	    "four weeks after the first meeting and overdue after six, until "
	    "it is recorded. A client may have more than one worker at once, "
	    "each with their own hours. Enter on a worker records the "
	    "review, a change of PAL (at any time, with a reason) or the "
	    "end.",
	.enter = as_enter,
	.leave = as_leave,
	.layout = as_layout,
	.draw = as_draw,
	.on_action = as_action,
	.on_result = as_result,
};
