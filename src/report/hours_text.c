#include "peerdesk/report/hours_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"
#include "hours_words.h"
#include "textcol.h"

#define W HOURS_TEXT_WIDTH
#define HEAD_LINES 5		/* see hours_text_header() */
#define BODY_LINES (HOURS_TEXT_PAGE_LINES - HEAD_LINES)
#define LABEL_W 12
#define VALUE_W 10
#define CELL_GAP 3

/* "  Label        value   Label        value   Label        value":
 * up to three label/value cells on one line.  A value wider than its
 * cell pushes the rest along rather than being cut (money is never
 * shortened). */
static void
hours_text_cells(struct textcol_lines *l, const char *const labels[],
    const char *const values[], int n)
{
	struct strbuf sb = STRBUF_INIT;
	int i, col = 2;

	strbuf_adds(&sb, "  ");
	for (i = 0; i < n; i++) {
		if (i > 0) {
			strbuf_adds(&sb, "   ");
			col += CELL_GAP;
		}
		textcol_add_fit(&sb, labels[i], LABEL_W, TEXTCOL_LEFT);
		col += LABEL_W;
		textcol_pad_to(&sb, 0,
		    col + VALUE_W - textcol_width(values[i]));
		strbuf_adds(&sb, values[i]);
		col = textcol_width(strbuf_str(&sb));
	}
	textcol_push(l, strbuf_str(&sb));
	strbuf_fini(&sb);
}

/* The six kinds of work as two lines of three cells. */
static void
hours_text_kinds(struct textcol_lines *l, const int minutes[HOURS_KINDS])
{
	char v[HOURS_KINDS][DURATION_STR_LEN];
	const char *labels[HOURS_KINDS], *values[HOURS_KINDS];
	int k;

	for (k = 0; k < HOURS_KINDS; k++) {
		labels[k] = hours_words_kind(k);
		values[k] = duration_format(minutes[k], v[k]);
	}
	hours_text_cells(l, labels, values, 3);
	hours_text_cells(l, labels + 3, values + 3, 3);
}

/* Hours, pay, holiday pay; then gross pay. */
static void
hours_text_money(struct textcol_lines *l, int minutes, int64_t pay,
    int64_t holiday, int64_t gross, bool holiday_on)
{
	char d[DURATION_STR_LEN], p[MONEY_STR_LEN], h[MONEY_STR_LEN];
	char g[MONEY_STR_LEN];
	const char *labels[3] = { "Hours", "Pay", "Holiday pay" };
	const char *values[3];

	values[0] = duration_format(minutes, d);
	values[1] = money_format(pay, p);
	values[2] = holiday_on ? money_format(holiday, h) : "-";
	hours_text_cells(l, labels, values, 3);
	labels[0] = "Gross pay";
	values[0] = money_format(gross, g);
	hours_text_cells(l, labels, values, 1);
}

/* "Name (login)" on the left and `right` on the right of one line. */
static void
hours_text_title(struct textcol_lines *l, const char *left, const char *right)
{
	struct strbuf sb = STRBUF_INIT;
	int rw = textcol_width(right);
	int lw = W - rw - 2;

	if (lw < 20) {
		lw = 20;
		rw = W - lw - 2;
	}
	textcol_add_fit(&sb, left, lw, TEXTCOL_LEFT);
	strbuf_adds(&sb, "  ");
	textcol_add_fit(&sb, right, rw, TEXTCOL_RIGHT);
	textcol_push(l, strbuf_str(&sb));
	strbuf_fini(&sb);
}

static void
hours_text_rule_line(struct textcol_lines *l, const char *c)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < W; i++)
		strbuf_adds(&sb, c);
	textcol_push(l, strbuf_str(&sb));
	strbuf_fini(&sb);
}

/* One client line: "    Client name   1h 30m of 2h   30m short". */
static void
hours_text_client(struct textcol_lines *l, const struct hours_client *c,
    bool with_worker)
{
	struct strbuf sb = STRBUF_INIT;
	char d[HOURS_WORDS_LEN], n[HOURS_WORDS_LEN];

	strbuf_adds(&sb, "    ");
	if (with_worker) {
		textcol_add_fit(&sb, c->client, 22, TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, c->worker, 16, TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, hours_words_delivered(c, d), 18,
		    TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, hours_words_client_note(c, n), 10,
		    TEXTCOL_LEFT);
	} else {
		textcol_add_fit(&sb, c->client, 30, TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, hours_words_delivered(c, d), 24,
		    TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, hours_words_client_note(c, n), 14,
		    TEXTCOL_LEFT);
	}
	textcol_push(l, strbuf_str(&sb));
	strbuf_fini(&sb);
}

/* The PALs near or over a limit, under their title. */
static void
hours_text_near_list(struct textcol_lines *l, const struct hours_report *r)
{
	size_t i;
	int listed = 0;

	textcol_push(l, "Near or over a limit");
	for (i = 0; i < r->n_rows; i++) {
		const struct hours_row *row = &r->rows[i];
		struct strbuf sb = STRBUF_INIT;
		char *who;

		if (!hours_words_near_or_over(row))
			continue;
		who = hours_words_who(row);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, hours_words_flag(row), 6, TEXTCOL_LEFT);
		textcol_add_fit(&sb, who, 36, TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, permitted_rule_label(&row->check), 30,
		    TEXTCOL_LEFT);
		textcol_push(l, strbuf_str(&sb));
		strbuf_fini(&sb);
		free(who);
		listed++;
	}
	if (listed == 0)
		textcol_push(l, "  Nobody is near or over a limit this week.");
}

/* The PALs who have not sent their week, under their title. */
static void
hours_text_not_sent_list(struct textcol_lines *l, const struct hours_report *r)
{
	char buf[HOURS_WORDS_LEN];
	size_t i;
	int listed = 0;

	textcol_push(l, "Not sent for approval");
	for (i = 0; i < r->n_rows; i++) {
		const struct hours_row *row = &r->rows[i];
		struct strbuf sb = STRBUF_INIT;
		char *who;

		if (!hours_words_not_sent(row))
			continue;
		who = hours_words_who(row);
		strbuf_adds(&sb, "  ");
		textcol_add_fit(&sb, who, 42, TEXTCOL_LEFT);
		strbuf_adds(&sb, "  ");
		strbuf_adds(&sb, hours_words_logged(row, buf));
		textcol_push(l, strbuf_str(&sb));
		strbuf_fini(&sb);
		free(who);
		listed++;
	}
	if (listed == 0)
		textcol_push(l, "  Everyone has sent their week.");
}

static void
hours_text_intro_block(struct textcol_lines *l, const struct hours_report *r)
{
	char *s;

	s = hours_words_limits_line(r);
	textcol_wrap(l, s, 0, 0, W);
	free(s);
	if (r->limits_note != NULL)
		textcol_wrap(l, r->limits_note, 0, 0, W);
	s = hours_words_holiday_line(r);
	textcol_wrap(l, s, 0, 0, W);
	free(s);
	textcol_push(l, "");
	hours_text_near_list(l, r);
	if (!r->has_status)
		return;
	textcol_push(l, "");
	hours_text_not_sent_list(l, r);
}

/* Changes made this week to weeks already approved or paid. */
static int
hours_text_adjust_block(struct textcol_lines *l, const struct hours_report *r)
{
	char buf[HOURS_WORDS_LEN];
	size_t i;

	if (r->n_adjusts == 0)
		return 0;
	hours_text_rule_line(l, "-");
	textcol_push(l, "Changes to approved or paid weeks (adjustments for "
	    "payroll)");
	for (i = 0; i < r->n_adjusts; i++)
		textcol_wrap(l, hours_words_adjust(&r->adjusts[i], buf), 2, 4,
		    W);
	return 1;
}

static void
hours_text_pal_block(struct textcol_lines *l, const struct hours_report *r,
    const struct hours_row *row)
{
	char buf[HOURS_WORDS_LEN], d[DURATION_STR_LEN];
	char *who, *s;
	size_t i;
	int clients = 0;

	hours_text_rule_line(l, "-");
	who = hours_words_who(row);
	hours_text_title(l, who, permitted_rule_label(&row->check));
	free(who);
	hours_text_kinds(l, row->minutes_by_kind);
	hours_text_money(l, row->minutes, row->pay_pence, row->holiday_pence,
	    row->gross_pence, r->holiday_pay);
	if (row->unrated_minutes > 0) {
		s = xasprintf("No pay rate is recorded for %s of this: it is "
		    "not in the pay above.",
		    duration_format(row->unrated_minutes, d));
		textcol_wrap(l, s, 2, 4, W);
		free(s);
	}
	s = xasprintf("Limit: %s", hours_words_limit(row, buf));
	textcol_wrap(l, s, 2, 4, W);
	free(s);
	s = xasprintf("Room left: %s", hours_words_room(row, buf));
	textcol_wrap(l, s, 2, 4, W);
	free(s);
	s = xasprintf("Verdict: %s", hours_words_verdict(row, buf));
	textcol_wrap(l, s, 2, 4, W);
	free(s);
	if (row->has_status) {
		s = xasprintf("Week: %s", hours_words_status(row->status));
		textcol_wrap(l, s, 2, 4, W);
		free(s);
		if (hours_words_override(row, buf)[0] != '\0') {
			s = xasprintf("Limit agreed %s", buf);
			textcol_wrap(l, s, 2, 4, W);
			free(s);
		}
	}
	for (i = 0; i < r->n_clients; i++) {
		if (r->clients[i].worker_id != row->pal_id)
			continue;
		if (clients++ == 0)
			textcol_push(l, "  Clients this week (delivered of "
			    "contracted):");
		hours_text_client(l, &r->clients[i], false);
	}
	if (clients == 0)
		textcol_push(l, "  Clients this week: none");
}

/* Client lines whose worker is not one of the PALs above (the
 * Operations Manager, say). */
static int
hours_text_others_block(struct textcol_lines *l, const struct hours_report *r)
{
	size_t i;
	int n = 0;

	for (i = 0; i < r->n_clients; i++) {
		if (hours_report_row_for(r, r->clients[i].worker_id) != NULL)
			continue;
		if (n++ == 0) {
			hours_text_rule_line(l, "-");
			textcol_push(l, "Other workers' clients this week "
			    "(delivered of contracted)");
		}
		hours_text_client(l, &r->clients[i], true);
	}
	return n;
}

static void
hours_text_totals_block(struct textcol_lines *l, const struct hours_report *r)
{
	const struct hours_totals *t = &r->totals;
	char a[DURATION_STR_LEN], b[DURATION_STR_LEN];
	char *s;

	hours_text_rule_line(l, "=");
	textcol_pushf(l, "Totals for %zu PAL%s", r->n_rows,
	    r->n_rows == 1 ? "" : "s");
	hours_text_kinds(l, t->minutes_by_kind);
	hours_text_money(l, t->minutes, t->pay_pence, t->holiday_pence,
	    t->gross_pence, r->holiday_pay);
	textcol_pushf(l, "  Close to a limit: %d.  Over a limit: %d.",
	    t->n_near, t->n_over);
	s = xasprintf("Client hours: %s delivered, against %s contracted "
	    "a week.", duration_format(t->delivered_minutes, a),
	    duration_format(t->contracted_minutes, b));
	textcol_wrap(l, s, 2, 4, W);
	free(s);
	if (t->unrated_minutes > 0) {
		s = xasprintf("No pay rate is recorded for %s of the hours: "
		    "that time is not in the pay.",
		    duration_format(t->unrated_minutes, a));
		textcol_wrap(l, s, 2, 4, W);
		free(s);
	}
	textcol_push(l, "");
	textcol_push(l, "End of the weekly hours summary.");
}

/* The header that starts every page: HEAD_LINES lines. */
static void
hours_text_header(struct textcol_lines *l, const struct hours_report *r,
    size_t page, size_t pages)
{
	char right[64], dates[HOURS_WORDS_LEN];
	char *s;

	snprintf(right, sizeof right, "Page %zu of %zu", page, pages);
	hours_text_title(l, r->org_name[0] ? r->org_name : "peerdesk", right);
	s = xasprintf("Weekly hours summary, week %s", r->week_label);
	hours_text_title(l, s, "");
	free(s);
	s = r->generated_at[0] ? xasprintf("Printed %s", r->generated_at) :
	    xstrdup("");
	hours_text_title(l, hours_words_dates(r, dates), s);
	free(s);
	hours_text_rule_line(l, "=");
	textcol_push(l, "");
}

/* Cut the blocks into pages of BODY_LINES: a block goes whole onto the
 * page it starts on if it fits there, else onto the next page; only a
 * block longer than a page is split. */
struct hours_text_page {
	struct textcol_lines body;
};

static void
hours_text_paginate(struct textcol_lines *blocks, size_t n_blocks,
    struct hours_text_page **pages_out, size_t *n_out)
{
	struct hours_text_page *pages = xcalloc(1, sizeof *pages);
	size_t n = 1, b, i;

	for (b = 0; b < n_blocks; b++) {
		struct textcol_lines *blk = &blocks[b];
		struct hours_text_page *pg = &pages[n - 1];
		size_t used = pg->body.n;
		size_t need = blk->n + (used > 0 ? 1 : 0);

		if (blk->n == 0)
			continue;
		if (used > 0 && used + need > BODY_LINES &&
		    blk->n <= BODY_LINES) {
			pages = xreallocarray(pages, n + 1, sizeof *pages);
			memset(&pages[n], 0, sizeof pages[n]);
			n++;
		} else if (used > 0) {
			textcol_push(&pages[n - 1].body, "");
		}
		for (i = 0; i < blk->n; i++) {
			if (pages[n - 1].body.n >= BODY_LINES) {
				pages = xreallocarray(pages, n + 1,
				    sizeof *pages);
				memset(&pages[n], 0, sizeof pages[n]);
				n++;
			}
			textcol_push(&pages[n - 1].body, blk->v[i]);
		}
	}
	*pages_out = pages;
	*n_out = n;
}

/* Write one line without trailing spaces. */
static void
hours_text_emit(struct strbuf *out, const char *line)
{
	size_t len = strlen(line);

	while (len > 0 && line[len - 1] == ' ')
		len--;
	strbuf_add(out, line, len);
	strbuf_addc(out, '\n');
}

void
hours_text_render(const struct hours_report *r, struct strbuf *out)
{
	struct textcol_lines *blocks;
	struct hours_text_page *pages;
	size_t n_blocks = 0, n_pages, i, j;

	blocks = xcalloc(r->n_rows + 4, sizeof *blocks);
	hours_text_intro_block(&blocks[n_blocks++], r);
	for (i = 0; i < r->n_rows; i++)
		hours_text_pal_block(&blocks[n_blocks++], r, &r->rows[i]);
	if (hours_text_others_block(&blocks[n_blocks], r) > 0)
		n_blocks++;
	if (hours_text_adjust_block(&blocks[n_blocks], r) > 0)
		n_blocks++;
	hours_text_totals_block(&blocks[n_blocks++], r);

	hours_text_paginate(blocks, n_blocks, &pages, &n_pages);
	for (i = 0; i < n_pages; i++) {
		struct textcol_lines head = { NULL, 0, 0 };

		if (i > 0)
			strbuf_addc(out, '\f');
		hours_text_header(&head, r, i + 1, n_pages);
		for (j = 0; j < head.n; j++)
			hours_text_emit(out, head.v[j]);
		for (j = 0; j < pages[i].body.n; j++)
			hours_text_emit(out, pages[i].body.v[j]);
		textcol_lines_fini(&head);
		textcol_lines_fini(&pages[i].body);
	}
	free(pages);
	for (i = 0; i < r->n_rows + 4; i++)
		textcol_lines_fini(&blocks[i]);
	free(blocks);
}
