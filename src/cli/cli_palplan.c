/* cli_palplan.c - `peerdesk palplan ...`: a PAL's Wellness and
 * Development Plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/palplan.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/tui/screens.h"

#define CLI_PALPLAN_WIDTH 78

static void
cli_palplan_show_plan(const struct pal_plan *p, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	printf("Wellness and Development Plan of %s", name ? name : "?");
	if (p->version_no == 0) {
		printf("\nNothing is written yet.\n");
		return;
	}
	printf(", version %d (%.10s, %s)\n", p->version_no, p->saved_at,
	    p->saved_by_name ? p->saved_by_name : "?");
	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		const char *t = pal_plan_field_get(p, i);

		strbuf_reset(&sb);
		strbuf_addf(&sb, "\n%s\n", pal_plan_fields[i].label);
		fputs(sb.buf, stdout);
		strbuf_reset(&sb);
		plan_wrap(&sb, t ? t : "(nothing written yet)",
		    CLI_PALPLAN_WIDTH,
		    2);
		fputs(sb.buf, stdout);
	}
	strbuf_fini(&sb);
}

int
cli_palplan(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "show";
	struct pd_err err;
	struct pal_plan p, *v;
	int64_t pal = 0;
	char *name = NULL;
	size_t n, i;
	int rc;

	if (argc > 3 || (argc == 3 && (rc = cli_opts_number(argv[2], "PAL",
	    NULL, &pal)) != 0))
		goto usage;
	if (strcmp(sub, "list") == 0 && argc == 2) {
		struct pal_plan_row *rows;

		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		if (app_pal_plan_people(&cli->app, &rows, &n, &err) != PD_OK)
			return cli_out_fail(&err);
		printf("%5s  %-28s %s\n", "PAL", "NAME", "PLAN");
		for (i = 0; i < n; i++) {
			struct strbuf nm = STRBUF_INIT;

			strbuf_adds(&nm, rows[i].name);
			cli_out_pad(&nm, 28);
			printf("%5lld  %s %s%.10s\n",
			    (long long)rows[i].pal_id, nm.buf,
			    rows[i].version_no ? "saved " : "not written yet",
			    rows[i].version_no ? rows[i].saved_at : "");
			strbuf_fini(&nm);
		}
		pal_plan_rows_free(rows, n);
		return 0;
	}
	if (strcmp(sub, "edit") == 0) {
		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		return cli_plan_screens(cli, &palplan_screen,
		    pal ? &pal : NULL);
	}
	if (strcmp(sub, "show") == 0) {
		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		if (app_pal_plan_open(&cli->app, pal, &p, &name, &err) != PD_OK)
			return cli_out_fail(&err);
		cli_palplan_show_plan(&p, name);
		free(name);
		pal_plan_fini(&p);
		return 0;
	}
	if (strcmp(sub, "history") == 0) {
		struct strbuf sb = STRBUF_INIT;

		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		if (app_pal_plan_history(&cli->app, pal, &v, &n, &err) != PD_OK)
			return cli_out_fail(&err);
		if (n == 0)
			printf("Nothing is written yet.\n");
		for (i = 0; i < n; i++) {
			pal_plan_version_text(i + 1 < n ? &v[i + 1] : NULL,
			    &v[i], CLI_PALPLAN_WIDTH, &sb);
			strbuf_addc(&sb, '\n');
		}
		fputs(sb.buf, stdout);
		strbuf_fini(&sb);
		pal_plan_list_free(v, n);
		return 0;
	}
usage:
	fputs(cli_help_text("palplan"), stderr);
	return 2;
}
