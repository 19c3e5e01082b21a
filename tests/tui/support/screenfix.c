/* screenfix.c - the one fixture of the screen tests (see screenfix.h). */
#include "tui/support/screenfix.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"

struct harness *
screenfix_start(int cols, int rows, const struct tui_config *cfg,
    const struct screen_ops *ops, const void *arg)
{
	struct harness *h;
	struct pd_err err;

	pd_err_clear(&err);
	h = harness_new(cols, rows, cfg, &err);
	ck_assert_msg(h != NULL, "harness: %s", err.msg);
	if (ops != NULL)
		ck_assert_msg(harness_push(h, ops, arg, &err) == PD_OK,
		    "push: %s", err.msg);
	return h;
}

void
screenfix_keys(struct harness *h, const char *script)
{
	struct pd_err err;

	ck_assert_msg(harness_keys(h, script, &err) == PD_OK, "keys: %s",
	    err.msg);
}

bool
screenfix_has(struct harness *h, const char *text)
{
	char *s = harness_screen(h);
	bool found = strstr(s, text) != NULL;

	free(s);
	return found;
}

static void
golden_path(char *path, size_t n, const char *prefix, const char *name)
{
	const char *top = getenv("PEERDESK_TOP");

	snprintf(path, n, "%s/tests/tui/expected/%s%s.txt", top ? top : ".",
	    prefix, name);
}

void
screenfix_golden(struct harness *h, const char *prefix, const char *name)
{
	char *now = harness_screen(h);

	screenfix_golden_text(now, prefix, name);
	free(now);
}

void
screenfix_golden_text(const char *text, const char *prefix,
    const char *name)
{
	char path[1024];
	struct strbuf msg = STRBUF_INIT;
	bool ok;

	golden_path(path, sizeof path, prefix, name);
	ok = harness_golden_text(text, path, &msg);
	ck_assert_msg(ok, "%s", strbuf_str(&msg));
	strbuf_fini(&msg);
}
