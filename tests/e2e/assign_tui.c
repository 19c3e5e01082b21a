/* assign_tui.c - test helper for tests/e2e/t_assign.sh (built by that
 * script against build/libpeerdesk.a, not by the Makefile).
 *
 *   assign_tui DB TODAY pals             the PAL list
 *   assign_tui DB TODAY pal PAL_ID       one PAL's record
 *   assign_tui DB TODAY choose CLIENT_ID "Choose a PAL"
 *   assign_tui DB TODAY support CLIENT_ID  support and reviews
 *
 * It opens the database as `peerdesk --db DB --today TODAY` would, works
 * out who is at the keyboard the same way, and runs the screens on the
 * real terminal with tui_run().  Until `peerdesk` with no command opens
 * the home screen (whose menus lead to these screens), this is how the
 * end-to-end test reaches them in tmux.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/app.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "peerdesk/tui/assign.h"
#include "peerdesk/tui/tui.h"

static const char *
helper_today(void *app, char buf[11])
{
	(void)app;
	app_today(buf);
	return buf;
}

int
main(int argc, char **argv)
{
	struct app app;
	struct app_options o;
	struct tui_config cfg;
	struct pd_err err;
	const struct screen_ops *ops;
	int64_t id = 0;
	pd_date d;
	int rc;

	if (argc < 4 || date_parse(argv[2], &d, NULL) != PD_OK) {
		fprintf(stderr, "usage: assign_tui DB YYYY-MM-DD "
		    "pals|pal|choose|support [ID]\n");
		return 2;
	}
	today_set(d);
	if (strcmp(argv[3], "pals") == 0)
		ops = &pals_screen;
	else if (strcmp(argv[3], "pal") == 0)
		ops = &pal_screen;
	else if (strcmp(argv[3], "choose") == 0)
		ops = &shortlist_screen;
	else if (strcmp(argv[3], "support") == 0)
		ops = &assignment_screen;
	else {
		fprintf(stderr, "assign_tui: no screen '%s'\n", argv[3]);
		return 2;
	}
	if (argc > 4)
		id = strtoll(argv[4], NULL, 10);
	memset(&o, 0, sizeof o);
	o.db_path = argv[1];
	if (app_open(&app, &o, &err) != PD_OK ||
	    app_identify(&app, &err) != PD_OK) {
		fprintf(stderr, "assign_tui: %s\n", err.msg);
		return 1;
	}
	memset(&cfg, 0, sizeof cfg);
	cfg.app = &app;
	cfg.today = helper_today;
	rc = tui_run(&cfg, ops, argc > 4 ? &id : NULL);
	app_close(&app);
	return rc;
}
