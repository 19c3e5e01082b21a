#include "tui/support/harness.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/term.h"
#include "peerdesk/tui/tui.h"

#define HARNESS_MAX_KEYS 4096

struct harness {
	FILE *out, *in;
	struct tui *ui;
	int cur_y, cur_x;
};

struct harness *
harness_new(int cols, int rows, const struct tui_config *cfg,
    struct pd_err *err)
{
	struct harness *h;
	struct tui_config all;
	char buf[16];

	if (term_locale(NULL, err) != PD_OK)
		return NULL;
	h = xcalloc(1, sizeof *h);
	snprintf(buf, sizeof buf, "%d", rows);
	setenv("LINES", buf, 1);
	snprintf(buf, sizeof buf, "%d", cols);
	setenv("COLUMNS", buf, 1);
	h->out = fopen("/dev/null", "w");
	h->in = fopen("/dev/null", "r");
	if (h->out == NULL || h->in == NULL) {
		pd_fail(err, PD_IO, NULL, "cannot open /dev/null");
		goto fail;
	}
	if (term_start("xterm-256color", h->out, h->in,
	    cfg != NULL && cfg->monochrome, err) != PD_OK)
		goto fail;
	if (LINES != rows || COLS != cols)
		resizeterm(rows, cols);
	memset(&all, 0, sizeof all);
	if (cfg != NULL)
		all = *cfg;
	tui_config_defaults(&all);
	h->ui = tui_new(&all, err);
	if (h->ui == NULL) {
		term_stop();
		goto fail;
	}
	return h;
fail:
	if (h->out != NULL)
		fclose(h->out);
	if (h->in != NULL)
		fclose(h->in);
	free(h);
	return NULL;
}

void
harness_free(struct harness **hp)
{
	struct harness *h = *hp;

	if (h == NULL)
		return;
	tui_free(&h->ui);
	term_stop();
	fclose(h->out);
	fclose(h->in);
	FREE(hp);
}

struct tui *
harness_tui(struct harness *h)
{
	return h->ui;
}

void
harness_draw(struct harness *h)
{
	tui_draw(h->ui);
	getyx(stdscr, h->cur_y, h->cur_x);
}

enum pd_status
harness_push(struct harness *h, const struct screen_ops *ops,
    const void *arg, struct pd_err *err)
{
	enum pd_status st = tui_push(h->ui, ops, arg, 0, err);

	harness_draw(h);
	return st;
}

enum pd_status
harness_keys(struct harness *h, const char *script, struct pd_err *err)
{
	struct tui_key *keys = xcalloc(HARNESS_MAX_KEYS, sizeof *keys);
	size_t n, i;

	if (keys_script(script, keys, HARNESS_MAX_KEYS, &n, err) != PD_OK) {
		free(keys);
		return PD_INVALID;
	}
	for (i = 0; i < n && i < HARNESS_MAX_KEYS; i++) {
		tui_handle_key(h->ui, keys[i]);
		harness_draw(h);
	}
	free(keys);
	return PD_OK;
}

/* The bytes harness_input feeds, one at a time, as get_wch would. */
struct harness_bytes {
	const unsigned char *p;
	size_t n, i;
};

static int
harness_next(void *ctx, int timeout_ms, uint32_t *wc)
{
	struct harness_bytes *b = ctx;
	int32_t cp;
	size_t len;

	(void)timeout_ms;
	if (b->i >= b->n)
		return ERR;
	/* UTF-8 as one character; a byte that is not UTF-8 by itself */
	len = utf8_decode((const char *)b->p + b->i, b->n - b->i, &cp);
	if (cp == UTF8_INVALID || len == 0) {
		*wc = b->p[b->i++];
		return OK;
	}
	b->i += len;
	*wc = (uint32_t)cp;
	return OK;
}

void
harness_input(struct harness *h, const char *bytes, size_t len)
{
	struct harness_bytes b = { (const unsigned char *)bytes, len, 0 };
	struct keys_reader r = { .next = harness_next, .ctx = &b };
	struct tui_key k = { false, 0, false };
	enum keys_got got;

	while (b.i < b.n || r.nqueued > 0 || r.esc_read) {
		got = keys_read(&r, 0, 50, &k);
		if (got == KEYS_GOT_NOTHING)
			continue;
		tui_handle_read(h->ui, got, k, &r);
		harness_draw(h);
	}
}

void
harness_mouse(struct harness *h, bool sgr, int button, int y, int x)
{
	char buf[64];

	if (sgr)
		snprintf(buf, sizeof buf, "\033[<%d;%d;%dM", button, x + 1,
		    y + 1);
	else
		snprintf(buf, sizeof buf, "\033[M%c%c%c", 32 + button,
		    33 + x, 33 + y);
	harness_input(h, buf, strlen(buf));
}

bool
harness_find(struct harness *h, const char *text, int *y, int *x)
{
	char *scr = harness_screen(h), *line = scr, *nl, *at;
	int row = 0;

	for (; line != NULL && *line != '\0'; row++) {
		nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		if ((at = strstr(line, text)) != NULL) {
			*at = '\0';
			*y = row;
			*x = (int)utf8_width(line);
			free(scr);
			return true;
		}
		line = nl != NULL ? nl + 1 : NULL;
	}
	free(scr);
	return false;
}

bool
harness_click_text(struct harness *h, bool sgr, const char *text)
{
	int y, x;

	if (!harness_find(h, text, &y, &x))
		return false;
	harness_mouse(h, sgr, 0, y, x + (int)utf8_width(text) / 2);
	return true;
}

void
harness_resize(struct harness *h, int cols, int rows)
{
	resizeterm(rows, cols);
	tui_resize(h->ui);
	harness_draw(h);
}

void
harness_tick(struct harness *h)
{
	tui_tick(h->ui);
	harness_draw(h);
}

char *
harness_screen(struct harness *h)
{
	struct strbuf sb = STRBUF_INIT;
	wchar_t *row = xcalloc((size_t)COLS * 6 + 1, sizeof *row);
	char tmp[4];
	int y, n, i, end;

	(void)h;
	for (y = 0; y < LINES; y++) {
		n = mvinnwstr(y, 0, row, COLS * 6);
		if (n < 0)
			n = 0;
		end = n;
		while (end > 0 && row[end - 1] == L' ')
			end--;
		for (i = 0; i < end; i++)
			strbuf_add(&sb, tmp,
			    utf8_encode((int32_t)row[i], tmp));
		strbuf_addc(&sb, '\n');
	}
	free(row);
	move(h->cur_y, h->cur_x);
	return strbuf_detach(&sb);
}

void
harness_cursor(const struct harness *h, int *y, int *x)
{
	*y = h->cur_y;
	*x = h->cur_x;
}

unsigned long
harness_attr_at(struct harness *h, int y, int x)
{
	cchar_t c;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs = 0;
	short pair = 0;
	unsigned long a;

	mvin_wch(y, x, &c);
	getcchar(&c, wch, &attrs, &pair, NULL);
	a = (unsigned long)(attrs & A_ATTRIBUTES & ~A_COLOR);
	move(h->cur_y, h->cur_x);
	return a;
}

static char *
harness_read_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	if (fp == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(fp);
	return strbuf_detach(&sb);
}

bool
harness_golden(struct harness *h, const char *path, struct strbuf *msg)
{
	char *now = harness_screen(h);
	bool same = harness_golden_text(now, path, msg);

	free(now);
	return same;
}

bool
harness_golden_text(const char *now, const char *path, struct strbuf *msg)
{
	char *want;
	const char *upd = getenv("PEERDESK_UPDATE_GOLDEN");
	FILE *fp;
	bool same;

	if (upd != NULL && strcmp(upd, "1") == 0) {
		fp = fopen(path, "w");
		if (fp == NULL) {
			strbuf_addf(msg, "cannot write %s", path);
			return false;
		}
		fputs(now, fp);
		fclose(fp);
		return true;
	}
	want = harness_read_file(path);
	if (want == NULL) {
		strbuf_addf(msg, "%s is missing; run with "
		    "PEERDESK_UPDATE_GOLDEN=1 to create it. The screen:\n%s",
		    path, now);
		return false;
	}
	same = strcmp(want, now) == 0;
	if (!same)
		strbuf_addf(msg, "screen differs from %s\n--- expected\n%s"
		    "--- got\n%s", path, want, now);
	free(want);
	return same;
}
