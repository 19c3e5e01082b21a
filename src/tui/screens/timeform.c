/* timeform.c - a form with the PAL's week above it (see timeform.h). */
#include "timeform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/field.h"

#define TIMEFORM_TAG_REASON 40
#define TIMEFORM_INFO_MAX 4	/* rows for the week's sentence at most */

static const struct timeform_def *
timeform_def(const struct screen *s)
{
	return s->ops->def;
}

static bool
timeform_is_manager(const struct screen *s)
{
	const struct app *app = s->app;

	return app != NULL && app_actor_is_manager(app);
}

/* ---- the form below the week ------------------------------------------ */

/* Rows over the form: the week, a warning and a rule. */
static int
timeform_top(const struct screen *s)
{
	const struct timeform *tf = s->state;
	int top = tf->info_rows + tf->warn_rows + tf->sep;

	if (top > s->area.h - 3)
		top = s->area.h - 3 > 0 ? s->area.h - 3 : 0;
	return top;
}


/* ---- the week above the form ------------------------------------------- */

static int
timeform_rows(const char *text, int width, int max)
{
	int n;

	if (text[0] == '\0' || width < 1)
		return 0;
	n = draw_wrapped(0, 0, width, 0, text, ST_NORMAL);
	return n > max ? max : n;
}

static void
timeform_measure(struct screen *s)
{
	struct timeform *tf = s->state;

	tf->info_rows = timeform_rows(tf->info, s->area.w, TIMEFORM_INFO_MAX);
	tf->warn_rows = timeform_rows(tf->warn, s->area.w, 2);
	tf->sep = tf->info_rows > 0 && s->area.h >= 20 ? 1 : 0;
	/* the form goes below the week as it is measured now */
	form_set_top(s, timeform_top(s));
}

void
timeform_week_now(struct screen *s, int64_t pal_id, const char *date,
    char *out, size_t n)
{
	struct week_view v;

	out[0] = '\0';
	if (app_week_status(s->app, pal_id, date, &v, NULL) != PD_OK)
		return;
	snprintf(out, n, "%s", v.row.check.sentence);
	week_view_fini(&v);
}

bool
timeform_date(struct screen *s, const char *id, char out[11])
{
	struct strbuf sb = STRBUF_INIT;
	char today[11];
	bool ok;

	ok = form_get_text(s, id, &sb) && sb.len > 0 &&
	    field_parse_date(strbuf_str(&sb), tui_today(s->ui, today), out,
	    NULL) == PD_OK;
	strbuf_fini(&sb);
	return ok;
}

bool
timeform_minutes(struct screen *s, const char *id, int *minutes)
{
	struct strbuf sb = STRBUF_INIT;
	bool ok;

	ok = form_get_text(s, id, &sb) && sb.len > 0 &&
	    field_parse_duration(strbuf_str(&sb), minutes, NULL) == PD_OK &&
	    *minutes > 0;
	strbuf_fini(&sb);
	return ok;
}

/* The text of every one-line field: when it changes, so may the week. */
static void
timeform_key(struct screen *s, char *out, size_t n)
{
	const struct field_def *f;
	struct strbuf sb = STRBUF_INIT;

	for (f = timeform_def(s)->form.fields; f->id != NULL; f++) {
		if (f->kind == FIELD_MULTILINE)
			continue;
		form_get_text(s, f->id, &sb);
		strbuf_addc(&sb, '\x1f');
	}
	snprintf(out, n, "%s", strbuf_str(&sb));
	strbuf_fini(&sb);
}

static void
timeform_refresh(struct screen *s, bool force)
{
	struct timeform *tf = s->state;
	const struct timeform_def *td = timeform_def(s);
	char key[sizeof tf->key];
	const struct permitted_result *after;

	timeform_key(s, key, sizeof key);
	if (!force && strcmp(key, tf->key) == 0)
		return;
	memcpy(tf->key, key, sizeof tf->key);
	tf->warn[0] = '\0';
	tf->info_style = ST_NORMAL;
	tf->have_preview = td->preview(s, &tf->p) == PD_OK;
	if (!tf->have_preview) {
		struct timeform_head *h = form_record(s);
		char date[11];

		if (!timeform_date(s, "date", date))
			date[0] = '\0';
		timeform_week_now(s, h->pal_id, date[0] ? date : NULL,
		    tf->info, sizeof tf->info);
	} else {
		after = &tf->p.change.after;
		snprintf(tf->info, sizeof tf->info, "%s", tf->p.shows_pay ?
		    after->sentence : tf->p.sentence);
		if (after->verdict == PERMITTED_OVER)
			tf->info_style = ST_ERROR;
		else if (after->verdict == PERMITTED_NEAR)
			tf->info_style = ST_WARN;
		if (tf->p.locked && !timeform_is_manager(s))
			snprintf(tf->warn, sizeof tf->warn, "This week has been "
			    "approved: only the manager can change it now.");
		else if (tf->p.needs_override && !timeform_is_manager(s))
			snprintf(tf->warn, sizeof tf->warn, "That is over the "
			    "limit: the manager must agree before it can be "
			    "saved.");
		else if (tf->p.needs_override)
			snprintf(tf->warn, sizeof tf->warn, "That is over the "
			    "limit: saving asks for the reason you agree.");
		else if (tf->p.locked)
			snprintf(tf->warn, sizeof tf->warn, "This week has been "
			    "approved: saving asks for the reason.");
	}
	timeform_measure(s);
	form_layout(s);
}

/* ---- callbacks ------------------------------------------------------------ */

enum pd_status
timeform_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	return form_enter(s, arg, err);
}

void
timeform_leave(struct screen *s)
{
	struct timeform_head *h = ((struct timeform *)s->state)->fm.rec;

	if (h != NULL)
		FREE(&h->reason);
	form_leave(s);
}

void
timeform_layout(struct screen *s)
{
	struct timeform *tf = s->state;

	if (tf->key[0] == '\0')
		timeform_refresh(s, true);
	timeform_measure(s);
	form_layout(s);
}

void
timeform_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct timeform *tf = s->state;
	int y = s->area.y;

	if (tf->info_rows > 0) {
		draw_wrapped(y, s->area.x, s->area.w, tf->info_rows, tf->info,
		    tf->info_style);
		y += tf->info_rows;
	}
	if (tf->warn_rows > 0) {
		draw_wrapped(y, s->area.x, s->area.w, tf->warn_rows, tf->warn,
		    ST_ERROR);
		y += tf->warn_rows;
	}
	if (tf->sep) {
		int x;

		for (x = 0; x < s->area.w; x++)
			draw_text(y, s->area.x + x, 1, "\u2500", ST_BORDER);
	}
	form_draw(s, cur);
}

/* Save, unless the week needs the manager (then ask, or say so). */
static void
timeform_save(struct screen *s)
{
	struct timeform *tf = s->state;
	struct timeform_head *h = form_record(s);
	const struct timeform_def *td = timeform_def(s);

	timeform_refresh(s, true);
	if (tf->have_preview && tf->p.needs_reason) {
		if (timeform_is_manager(s)) {
			if (h->reason == NULL) {
				dialog_prompt(s->ui, TIMEFORM_TAG_REASON,
				    tf->p.needs_override ? "Going over the limit" :
				    "Changing an approved week",
				    tf->p.needs_override ? "Why do you agree? "
				    "(kept in the audit)" : "Why the change? "
				    "(kept in the audit)", NULL, 300);
				return;
			}
		} else if (tf->p.locked) {
			tui_error(s->ui, "Not saved: week %s is approved; only "
			    "the manager can change it", tf->p.label);
			return;
		} else {
			form_set_error(s, td->minutes_field,
			    "Over the limit: the manager must agree before "
			    "this is saved.");
			tui_error(s->ui, "Not saved: the manager must agree");
			return;
		}
	}
	form_on_action(s, ACT_SAVE);
}

enum tui_result
timeform_on_action(struct screen *s, enum action a)
{
	enum tui_result r;

	if (a == ACT_SAVE) {
		timeform_save(s);
		return TUI_HANDLED;
	}
	r = form_on_action(s, a);
	if (!s->closing)
		timeform_refresh(s, false);
	return r;
}

enum tui_result
timeform_on_text(struct screen *s, struct tui_key k)
{
	enum tui_result r;

	r = form_on_text(s, k);
	timeform_refresh(s, false);
	return r;
}

void
timeform_on_result(struct screen *s, const struct screen_result *r)
{
	struct timeform_head *h = form_record(s);
	const char *t = r->text;

	if (r->tag != TIMEFORM_TAG_REASON) {
		form_on_result(s, r);
		if (!s->closing)
			timeform_refresh(s, false);
		return;
	}
	if (r->code != SCREEN_OK)
		return;
	if (t == NULL || t[strspn(t, " \t")] == '\0') {
		tui_error(s->ui, "Not saved: a reason is needed");
		return;
	}
	FREE(&h->reason);
	h->reason = xstrdup(t);
	form_on_action(s, ACT_SAVE);
}

bool
timeform_is_dirty(const struct screen *s)
{
	return form_is_dirty(s);
}

const char *
timeform_context(const struct screen *s)
{
	return form_context(s);
}

bool
timeform_text_focus(const struct screen *s)
{
	return form_text_focus(s);
}

void
timeform_help_more(const struct screen *s, struct strbuf *out)
{
	form_help_more(s, out);
	strbuf_adds(out, " The top lines show your week as it would be once "
	    "this is saved, with the room left under your limit.");
}
