/* cli_tui.c - peerdesk with no command: the screens, or (without a
 * terminal) a few plain lines, so scripts never hang. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/dashboard.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/summary.h"
#include "peerdesk/config/keys.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/keys.h"

/* No terminal: what the dashboard would say, as text. */
static void
cli_tui_plain(struct cli *cli, bool shared)
{
	struct strbuf sb = STRBUF_INIT;
	struct dashboard d;
	struct dashboard_line lines[DASHBOARD_LINES_MAX];
	struct pd_err err;
	size_t n, i;

	if (!shared && app_summary_text(&cli->app, &sb, &err) == PD_OK)
		fputs(strbuf_str(&sb), stdout);
	strbuf_fini(&sb);
	if (!shared && app_dashboard(&cli->app, NULL, &d, &err) == PD_OK) {
		n = dashboard_lines(&d, lines, DASHBOARD_LINES_MAX);
		for (i = 0; i < n; i++)
			printf("%s\n", lines[i].text);
	}
	if (!shared)
		dashboard_fini(&d);
	printf("The screens need a terminal: run peerdesk in one, or use "
	    "the commands (peerdesk --help).\n");
}

/* Where the person's own keys live: $XDG_CONFIG_HOME/peerdesk/keys.yaml,
 * else ~/.config/peerdesk/keys.yaml; "" when neither can be named. */
static void
cli_tui_keys_path(char *buf, size_t n)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	buf[0] = '\0';
	if (xdg != NULL && xdg[0] == '/')
		snprintf(buf, n, "%s/peerdesk/keys.yaml", xdg);
	else if (home != NULL && home[0] == '/')
		snprintf(buf, n, "%s/.config/peerdesk/keys.yaml", home);
}

/* Read the person's keys.yaml, as the person (never with the group).
 * 0 with kc filled or empty; 1 after saying what is wrong with it. */
static int
cli_tui_keys_load(struct keys_conf *kc)
{
	char path[4096];
	struct keymap *km;
	struct pd_err err;
	enum pd_status s;

	memset(kc, 0, sizeof *kc);
	cli_tui_keys_path(path, sizeof path);
	if (path[0] == '\0')
		return 0;
	if (privilege_suspend(&err) != PD_OK)
		return cli_out_fail(&err);
	s = keys_conf_load(path, kc, &err);
	if (privilege_resume(&err) != PD_OK) {
		keys_conf_fini(kc);
		return cli_out_fail(&err);
	}
	if (s == PD_OK) {	/* the action and key names,
	    before the screens */
		km = keymap_new();
		s = keymap_apply(km, kc, &err);
		keymap_free(&km);
		if (s != PD_OK)
			keys_conf_fini(kc);
	}
	if (s == PD_OK || s == PD_NOT_FOUND)
		return 0;
	cli_out_fail(&err);
	fprintf(stderr, "peerdesk: fix that line, or move %s away to use "
	    "the standard keys\n", path);
	return 1;
}

int
cli_tui_screens(struct cli *cli)
{
	struct app_tui_options o;
	struct keys_conf kc;
	struct pd_err err;
	int rc;
	bool shared = false;

	if ((rc = cli_open(cli, false, false)) != 0)
		return rc;
	if (app_session_start(&cli->app, &shared, &err) != PD_OK) {
		if (err.code == PD_DENIED)
			app_session_refused(&cli->app, err.msg);
		return cli_out_fail(&err);
	}
	if (!shared)
		app_session_signed_in(&cli->app);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_tui_plain(cli, shared);
		app_session_end(&cli->app, 0);
		return 0;
	}
	if (cli_tui_keys_load(&kc) != 0) {
		app_session_end(&cli->app, 0);
		return 1;
	}
	memset(&o, 0, sizeof o);
	o.shared = shared;
	o.idle_lock_minutes = cli->app.settings->idle_lock_minutes;
	o.no_mouse = !cli->app.settings->mouse;
	o.keys = kc.n > 0 ? &kc : NULL;
	rc = app_tui_run(&cli->app, &o);
	keys_conf_fini(&kc);
	/* whoever is still signed in (also at the lock) signs out now */
	app_session_end(&cli->app, rc == 128 + SIGHUP);
	return rc;
}

/* Under sshd's ForceCommand the command a PAL asked for is in
 * SSH_ORIGINAL_COMMAND, and peerdesk was started without it.  Only
 * "log" and "week" (with or without "peerdesk" before them) are
 * honoured: argv gets that command and 1 is returned; anything else
 * opens the screens as usual (0). */
static bool
cli_tui_is_peerdesk(const char *w)
{
	size_t n = strlen(w);

	return strcmp(w, "peerdesk") == 0 ||
	    (n > 9 && strcmp(w + n - 9, "/peerdesk") == 0);
}

int
cli_tui_ssh_command(char *cmd, size_t n)
{
	const char *v = getenv("SSH_ORIGINAL_COMMAND");
	char words[3][256];
	const char *asked;
	int nw = 0;
	size_t len;

	if (v == NULL)
		return 0;
	for (;;) {
		v += strspn(v, " \t");
		if (*v == '\0')
			break;
		len = strcspn(v, " \t");
		if (nw == 3 || len >= sizeof words[0])
			return 0;
		memcpy(words[nw], v, len);
		words[nw++][len] = '\0';
		v += len;
	}
	if (nw == 2 && cli_tui_is_peerdesk(words[0]))
		asked = words[1];
	else if (nw == 1)
		asked = words[0];
	else
		return 0;
	if (strcmp(asked, "log") != 0 && strcmp(asked, "week") != 0)
		return 0;
	snprintf(cmd, n, "%s", asked);
	return 1;
}
