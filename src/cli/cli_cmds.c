/* cli_cmds.c - init, demo, import, summary. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/import.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/app/summary.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"

static int
cli_cmds_extra(int argc, int want, const char *usage)
{
	if (argc == want)
		return 0;
	fprintf(stderr, "peerdesk: usage: peerdesk %s\n", usage);
	return 2;
}

int
cli_init(struct cli *cli, int argc, char **argv)
{
	struct pd_err err;
	int rc;
	bool added;

	(void)argv;
	if ((rc = cli_cmds_extra(argc, 1, "[--db FILE] init")) != 0)
		return rc;
	if ((rc = cli_open(cli, true, false)) != 0)
		return rc;
	if (app_setup_first_manager(&cli->app, &added, &err) != PD_OK)
		return cli_out_fail(&err);
	/* setgid: every person's peerdesk reaches it through the group */
	if (privilege_share_db(cli->app.db_path, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("The database is ready: %s\n", cli->app.db_path);
	if (added)
		printf("You (%s) are its manager. Add people with "
		    "'peerdesk user add LOGIN \"Name\" ROLE'.\n",
		    app_actor_login(&cli->app)[0] ? app_actor_login(&cli->app) :
		    "this account");
	return 0;
}

int
cli_summary(struct cli *cli, int argc, char **argv)
{
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	int rc;

	(void)argv;
	if ((rc = cli_cmds_extra(argc, 1, "summary")) != 0)
		return rc;
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_summary_text(&cli->app, &sb, &err) != PD_OK) {
		strbuf_fini(&sb);
		return cli_out_fail(&err);
	}
	fputs(strbuf_str(&sb), stdout);
	strbuf_fini(&sb);
	return 0;
}

int
cli_demo(struct cli *cli, int argc, char **argv)
{
	enum demo_scale scale = DEMO_SMALL;
	struct demo_stats st;
	struct pd_err err;
	int rc;

	if (argc == 3 && strcmp(argv[1], "--scale") == 0) {
		if (demo_scale_parse(argv[2], &scale) != 0) {
			fprintf(stderr, "peerdesk: demo --scale takes small or "
			    "large, not '%s'\n", argv[2]);
			return 2;
		}
	} else if (argc == 2 && strncmp(argv[1], "--scale=", 8) == 0) {
		if (demo_scale_parse(argv[1] + 8, &scale) != 0) {
			fprintf(stderr, "peerdesk: demo --scale takes small or "
			    "large, not '%s'\n", argv[1] + 8);
			return 2;
		}
	} else if (argc != 1) {
		fprintf(stderr, "peerdesk: usage: peerdesk [--db FILE] demo "
		    "[--scale small|large]\n");
		return 2;
	}
	/* settings only: the demo makes its own new file */
	if ((rc = cli_open_settings(cli)) != 0)
		return rc;
	if (app_demo_build(&cli->app, scale, &st, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Made a demo organisation in %s (%.1f s):\n"
	    "  %d staff, of whom %d PALs; %d clients; %d plans with %d goals;\n"
	    "  %d assignments, %d reviews; %ld sessions; %ld timesheet lines "
	    "in %ld weeks.\n", cli->app.db_path, st.seconds, st.staff, st.pals,
	    st.clients, st.plans, st.goals, st.assignments, st.reviews,
	    st.sessions, st.lines, st.weeks);
	return 0;
}

static void
cli_cmds_import_warn(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "peerdesk: warning: %s\n", msg);
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	enum import_kind kind;
	struct import_result res;
	struct pd_err err;
	const char *what = NULL, *file = NULL;
	unsigned flags = 0;
	int rc, i, nargs = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			flags |= IMPORT_DRY_RUN;
		else if (strcmp(argv[i], "--again") == 0)
			flags |= IMPORT_AGAIN;
		else if (strcmp(argv[i], "--skip-duplicates") == 0)
			flags |= IMPORT_SKIP_DUPLICATES;
		else if (nargs++ == 0)
			what = argv[i];
		else
			file = argv[i];
	}
	if (nargs != 2 || import_kind_parse(what, &kind) != 0) {
		fprintf(stderr, "peerdesk: usage: peerdesk [--db FILE] import "
		    "pals|timesheet|clients FILE [--again] [--dry-run]\n"
		    "       [--skip-duplicates]\n");
		return 2;
	}
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_import_file(&cli->app, kind, file, flags, cli_cmds_import_warn,
	    NULL, &res, &err) != PD_OK) {
		rc = cli_out_fail(&err);
		if (err.code != PD_DENIED && err.code != PD_IO &&
		    err.code != PD_DUPLICATE)
			fprintf(stderr, "peerdesk: nothing from %s was kept; "
			    "mend that line and import the file again\n", file);
		return rc;
	}
	what = kind == IMPORT_TIMESHEET ? (res.rows == 1 ? "timesheet line" :
	    "timesheet lines") : kind == IMPORT_PALS ? (res.rows == 1 ? "PAL" :
	    "PALs") : (res.rows == 1 ? "client" : "clients");
	if (res.dry_run)
		printf("Dry run: %s has %ld %s that would be imported. Nothing "
		    "was kept.\n", file, res.rows, what);
	else
		printf("Imported %ld %s from %s.\n", res.rows, what, file);
	if (kind == IMPORT_CLIENTS && res.duplicates > 0)
		printf("%ld row%s looked like a client already there (each is "
		    "named in a warning)%s\n", res.duplicates,
		    res.duplicates == 1 ? "" : "s", res.skipped > 0 ?
		    "; those were left out." : ". To leave such rows out, "
		    "import with --skip-duplicates; to join two records, "
		    "peerdesk client merge.");
	if (kind == IMPORT_TIMESHEET && (res.near > 0 || res.over > 0))
		printf("Of the %ld PAL-week%s it %s, %ld %s over a limit and "
		    "%ld close to one (each is named in a warning). Approving "
		    "%s needs the manager's reason.\n", res.weeks,
		    res.weeks == 1 ? "" : "s",
		    res.dry_run ? "would touch" : "touched", res.over,
		    res.over == 1 ? "is" : "are", res.near,
		    res.over + res.near == 1 ? "that week" : "those weeks");
	else if (kind == IMPORT_TIMESHEET)
		printf("None of the %ld PAL-week%s it %s is close to or over a "
		    "limit.\n", res.weeks, res.weeks == 1 ? "" : "s",
		    res.dry_run ? "would touch" : "touched");
	return 0;
}
