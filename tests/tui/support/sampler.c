/* sampler.c - demo screens for tests and docs: a form with every field
 * kind and a paged, filtered list.  Also the shortest worked examples of
 * writing screens with the framework. */
#include "tui/support/sampler.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"
#include "peerdesk/tui/list.h"

static struct sampler_stats stats;

static void
sampler_record_fini(struct sampler_record *r)
{
	FREE(&r->name);
	FREE(&r->notes);
	FREE(&r->follow_up);
}

const struct sampler_stats *
sampler_stats(void)
{
	return &stats;
}

void
sampler_reset(void)
{
	sampler_record_fini(&stats.last_saved);
	memset(&stats, 0, sizeof stats);
}

/* ---- the form ----------------------------------------------------------- */

static const struct field_choice sampler_places[] = {
	{ 0, "Home" }, { 1, "Town" }, { 2, "Caf\u00e9" }, { 3, "Phone" },
	{ 4, "Online" }, { 5, "Other" }, { 0, NULL }
};

static const struct field_def sampler_fields[] = {
	{ .id = "name", .label = "Name", .kind = FIELD_TEXT,
	  .offset = offsetof(struct sampler_record, name), .required = true,
	  .max_len = 80, .help = "The person's name as they like it "
	  "written." },
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct sampler_record, date), .required = true,
	  .width = 12 },
	{ .id = "place", .label = "Place", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct sampler_record, place),
	  .choices = sampler_places, .width = 14 },
	{ .id = "people", .label = "People", .kind = FIELD_NUMBER,
	  .offset = offsetof(struct sampler_record, people), .min = 1,
	  .max = 20, .width = 6 },
	{ .id = "fee", .label = "Fee", .kind = FIELD_MONEY,
	  .offset = offsetof(struct sampler_record, fee), .width = 12 },
	{ .id = "length", .label = "How long", .kind = FIELD_DURATION,
	  .offset = offsetof(struct sampler_record, minutes), .min = 1,
	  .max = 12 * 60, .width = 10 },
	{ .id = "notes", .label = "What we did", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct sampler_record, notes), .height = 3 },
	{ .id = "follow_up", .label = "Follow up", .kind = FIELD_TEXT,
	  .offset = offsetof(struct sampler_record, follow_up) },
	{ .id = NULL }
};

static void
sampler_rec_fini(void *rec)
{
	sampler_record_fini(rec);
}

/* The push argument, when given, is a name to start with. */
static enum pd_status
sampler_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	struct sampler_record *r = rec;

	(void)app;
	(void)err;
	if (arg != NULL)
		r->name = xstrdup(arg);
	return PD_OK;
}

static enum pd_status
sampler_save(void *app, void *rec, struct pd_err *err)
{
	struct sampler_record *r = rec;

	(void)app;
	if (r->name != NULL && strcmp(r->name, "Taken") == 0)
		return pd_fail(err, PD_DUPLICATE, "name",
		    "Someone else already has that name");
	sampler_record_fini(&stats.last_saved);
	stats.last_saved = *r;
	stats.last_saved.name = xstrdup(r->name);
	stats.last_saved.notes = xstrdup(r->notes);
	stats.last_saved.follow_up = xstrdup(r->follow_up);
	stats.saves++;
	return PD_OK;
}

static const struct form_def sampler_form = {
	.fields = sampler_fields,
	.rec_size = sizeof(struct sampler_record),
	.rec_fini = sampler_rec_fini,
	.load = sampler_load,
	.save = sampler_save,
	.saved_message = "Saved the sample.",
};

const struct screen_ops sampler_form_screen = {
	.name = "sampler-form",
	.title = "Framework sampler: a form",
	.help = "A form with one field of every kind, for trying the keys.",
	.def = &sampler_form,
	FORM_SCREEN_CALLBACKS
};

/* ---- the list ------------------------------------------------------------ */

static const char *const sampler_first[] = {
	"Alex", "Bea", "Chidi", "Dana", "Eilidh", "Farah", "Gus", "Hana",
	"Ifan", "Jo", "Kemi", "Lior", "Mo", "Niamh", "Olu", "Priya",
	"Quinn", "Rhys", "Sam", "Tom\u00e1s", "Uma", "Vik", "Wren",
	"Zo\u00eb", "\u674e\u534e"
};
static const char *const sampler_last[] = {
	"Ahmed", "Brown", "Chen", "Davies", "Evans", "Fraser", "Green",
	"Hughes", "Iqbal", "Jones", "Kaur", "M\u00fcller", "Nowak",
	"O'Neill", "Patel", "Roberts", "Smith", "Taylor", "Walsh", "Young"
};

#define NFIRST (sizeof sampler_first / sizeof sampler_first[0])
#define NLAST (sizeof sampler_last / sizeof sampler_last[0])

struct sampler_model {
	char filter[64];
	size_t first;		/* cache: rows [first, first + n) */
	size_t n;
	size_t idx[64];		/* which invented person each row is */
};

struct sampler_list {
	struct sampler_model m;
	struct list_view lv;
};

static void
sampler_name(size_t i, char *buf, size_t len)
{
	snprintf(buf, len, "%s %s", sampler_first[i % NFIRST],
	    sampler_last[(i / NFIRST + i * 7) % NLAST]);
}

/* Case-blind "contains", as a database LIKE would do. */
static bool
sampler_match(const char *hay, const char *needle)
{
	wchar_t a[128], b[64];

	if (needle[0] == '\0')
		return true;
	utf8_lower_wide(hay, a, 128);
	utf8_lower_wide(needle, b, 64);
	return wcsstr(a, b) != NULL;
}

static enum pd_status
sampler_count(void *ctx, const char *filter, size_t *n, struct pd_err *err)
{
	struct sampler_model *m = ctx;
	char name[64];
	size_t i, c = 0;

	(void)err;
	stats.counts++;
	snprintf(m->filter, sizeof m->filter, "%s", filter);
	snprintf(stats.last_filter, sizeof stats.last_filter, "%s", filter);
	for (i = 0; i < SAMPLER_ROWS; i++) {
		sampler_name(i, name, sizeof name);
		if (sampler_match(name, filter))
			c++;
	}
	*n = c;
	return PD_OK;
}

/* As a database query would: the matching rows from first, at most n. */
static enum pd_status
sampler_fetch(void *ctx, const char *filter, size_t first, size_t n,
    struct pd_err *err)
{
	struct sampler_model *m = ctx;
	char name[64];
	size_t i, seen = 0;

	if (n > sizeof m->idx / sizeof m->idx[0])
		return pd_fail(err, PD_LIMIT, NULL, "too many rows at once");
	stats.fetches++;
	if (n > stats.largest_fetch)
		stats.largest_fetch = n;
	m->first = first;
	m->n = 0;
	for (i = 0; i < SAMPLER_ROWS && m->n < n; i++) {
		sampler_name(i, name, sizeof name);
		if (!sampler_match(name, filter))
			continue;
		if (seen++ >= first)
			m->idx[m->n++] = i;
	}
	return PD_OK;
}

static void
sampler_cell(void *ctx, size_t row, size_t col, struct strbuf *out)
{
	struct sampler_model *m = ctx;
	size_t i;
	char name[64];

	if (row < m->first || row >= m->first + m->n)
		return;
	i = m->idx[row - m->first];
	switch (col) {
	case 0:
		sampler_name(i, name, sizeof name);
		strbuf_adds(out, name);
		break;
	case 1:
		strbuf_addf(out, "2025-%02zu-%02zu", 1 + i % 12, 1 + i % 28);
		break;
	case 2:
		strbuf_addf(out, "%zuh %02zum", i % 16, (i * 13) % 60);
		break;
	default:
		break;
	}
}

static enum style
sampler_row_style(void *ctx, size_t row)
{
	struct sampler_model *m = ctx;

	if (row < m->first || row >= m->first + m->n)
		return ST_NORMAL;
	return m->idx[row - m->first] % 7 == 3 ? ST_DUE : ST_NORMAL;
}

static const struct list_column sampler_columns[] = {
	{ .title = "Name" },
	{ .title = "Review", .width = 10, .min_screen = 50 },
	{ .title = "Hours", .width = 7, .right = true },
};

static enum pd_status
sampler_list_enter(struct screen *s, const void *arg, struct pd_err *err)
{
	struct sampler_list *st = s->state;
	struct list_model m = {
		.count = sampler_count,
		.fetch = sampler_fetch,
		.cell = sampler_cell,
		.row_style = sampler_row_style,
		.ctx = &st->m,
	};

	(void)arg;
	list_view_init(&st->lv, sampler_columns,
	    sizeof sampler_columns / sizeof sampler_columns[0], &m);
	st->lv.empty_text = "No people yet.";
	return list_view_reload(&st->lv, err);
}

static void
sampler_list_leave(struct screen *s)
{
	struct sampler_list *st = s->state;

	list_view_fini(&st->lv);
}

static void
sampler_list_layout(struct screen *s)
{
	struct sampler_list *st = s->state;

	list_view_layout(&st->lv, s->area);
}

static void
sampler_list_draw(const struct screen *s, struct tui_cursor *cur)
{
	const struct sampler_list *st = s->state;

	list_view_draw(&st->lv, cur);
}

static enum tui_result
sampler_list_action(struct screen *s, enum action a)
{
	struct sampler_list *st = s->state;
	struct pd_err err;
	size_t row;
	char name[64];

	if (a == ACT_OPEN) {
		if (!list_view_selected(&st->lv, &row))
			return TUI_HANDLED;
		name[0] = '\0';
		if (row >= st->m.first && row < st->m.first + st->m.n)
			sampler_name(st->m.idx[row - st->m.first], name,
			    sizeof name);
		if (tui_push(s->ui, &sampler_form_screen, name, 1, &err) !=
		    PD_OK)
			tui_error(s->ui, "%s", err.msg);
		return TUI_HANDLED;
	}
	return list_view_action(&st->lv, a);
}

static enum tui_result
sampler_list_text(struct screen *s, struct tui_key k)
{
	struct sampler_list *st = s->state;

	return list_view_text(&st->lv, s, k);
}

static void
sampler_list_result(struct screen *s, const struct screen_result *r)
{
	struct sampler_list *st = s->state;

	if (r->tag == 1 && r->code == SCREEN_OK)
		list_view_reload(&st->lv, NULL);
}

static const char *
sampler_list_context(const struct screen *s)
{
	const struct sampler_list *st = s->state;

	return list_view_context(&st->lv);
}

static bool
sampler_list_text_focus(const struct screen *s)
{
	const struct sampler_list *st = s->state;

	return list_view_filtering(&st->lv);
}

static const char *const sampler_list_sections[] = { "list", NULL };
static const enum action sampler_list_hints[] = {
	ACT_OPEN, ACT_FILTER, ACT_HELP, ACT_BACK, ACT_NONE
};

static enum tui_result
sampler_list_mouse(struct screen *s, int y, int x)
{
	struct sampler_list *st = s->state;

	return list_view_click(&st->lv, y, x);
}

#define SAMPLER_LIST_OPS \
	.sections = sampler_list_sections, \
	.state_size = sizeof(struct sampler_list), \
	.hints = sampler_list_hints, \
	.help = "Invented people, to try the list: move with the arrows, " \
	    "type to filter, Enter opens one.", \
	.enter = sampler_list_enter, \
	.leave = sampler_list_leave, \
	.layout = sampler_list_layout, \
	.draw = sampler_list_draw, \
	.on_action = sampler_list_action, \
	.on_mouse = sampler_list_mouse, \
	.on_text = sampler_list_text, \
	.on_result = sampler_list_result, \
	.context = sampler_list_context, \
	.text_focus = sampler_list_text_focus

const struct screen_ops sampler_list_screen = {
	.name = "sampler-list",
	.title = "Framework sampler: a list",
	SAMPLER_LIST_OPS
};

const struct screen_ops sampler_office_screen = {
	.name = "sampler-office",
	.title = "Framework sampler: an office list",
	.min_cols = 80,
	.min_rows = 24,
	SAMPLER_LIST_OPS
};
