/* cli_tui.c - peerdesk with no command: the screens, or (without a
 * terminal) a few plain lines, so scripts never hang. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/dashboard.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/summary.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/app_tui.h"

/* No terminal: what the dashboard would say, as text. */
static void
cli_tui_plain(struct cli *cli, int shared)
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

int
cli_screens(struct cli *cli)
{
	struct app_tui_options o;
	struct pd_err err;
	int rc, shared = 0;

	if ((rc = cli_open(cli, 0, 0)) != 0)
		return rc;
	if (app_session_start(&cli->app, &shared, &err) != PD_OK)
		return cli_fail(&err);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_tui_plain(cli, shared);
		return 0;
	}
	memset(&o, 0, sizeof o);
	o.shared = shared;
	o.idle_lock_minutes = cli->app.settings->idle_lock_minutes;
	return app_tui_run(&cli->app, &o);
}
