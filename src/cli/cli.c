/* cli.c - global options, then one command; plain text on stdout. */
#include "peerdesk/cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/app/app.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "version.h"	/* the Makefile's $(O)/gen/version.h */

static const struct cli_command commands[] = {
	{ "init", cli_init, "init",
	  "create an empty database (you become its manager)" },
	{ "demo", cli_demo, "demo [--scale small|large]",
	  "fill an empty database with a demo organisation" },
	{ "import", cli_import, "import pals|timesheet|clients FILE",
	  "a CSV file, all or nothing (--again, --dry-run)" },
	{ "summary", cli_summary, "summary",
	  "print what the database holds, in numbers" },
	{ "user", cli_user, "user add|passwd|list ...",
	  "manage staff users (managers only)" },
	{ "backup", cli_backup, "backup FILE",
	  "copy the database to FILE while others keep working" },
	{ "restore", cli_restore, "restore FILE",
	  "check FILE, then make it the database" },
	{ "audit", cli_audit, "audit [--client N] [--user LOGIN] ...",
	  "who did what, and who opened which record" },
	{ "log", cli_log, "log [--pal LOGIN]",
	  "log a session (the screen, straight away)" },
	{ "week", cli_week, "week [--pal LOGIN] [--week W] ...",
	  "a PAL's week; --submit, --approve, --paid" },
	{ "report", cli_report, "report hours|pay|outcomes ...",
	  "hours summary; payroll CSV; outcomes for funders" },
	{ "reminders", cli_reminders, "reminders [--days N] [--format F]",
	  "what is due: reviews, DBS, supervision, funders" },
	{ "pal", cli_pal, "pal list [--all] | pal show LOGIN [--weeks N]",
	  "PALs: caseload, hours, room left; weeks vs limit" },
	{ "sar", cli_sar, "sar CLIENT [--output DIR]",
	  "everything held about a client (PDF and YAML)" },
	{ "erase", cli_erase, "erase CLIENT [--yes]",
	  "anonymise a closed client, mention by mention" },
	{ "retention", cli_retention, "retention [--dry-run] [--yes]",
	  "erase clients closed longer than retention_years" },
	{ "clients", cli_clients, "clients [WORDS] [--sort S]",
	  "find clients: name, phone, postcode; their numbers" },
	{ "client", cli_client, "client add|show|status|reopen|support|merge",
	  "add, status, reopen, merge (client --help)" },
	{ "plan", cli_plan, "plan show|print|pdf|export|import ...",
	  "a client's wellness plan (plan --help for more)" },
	{ "palplan", cli_palplan, "palplan [list|show|history] [PAL]",
	  "a PAL's Wellness and Development Plan" },
	{ "groups", cli_groups, "groups [list|show|add|meeting ...]",
	  "groups and drop-ins, their meetings and registers" },
	{ NULL, NULL, NULL, NULL }
};

static void
cli_usage(FILE *f)
{
	const struct cli_command *c;

	fprintf(f,
	    "usage: peerdesk [OPTIONS] [COMMAND [ARGS]]\n"
	    "\n"
	    "peerdesk keeps the records of a peer-support organisation:\n"
	    "clients and their wellness plans, PALs, sessions and timesheets.\n"
	    "With no command it opens the screens.\n"
	    "\n"
	    "Options:\n"
	    "  --db FILE          use this database file\n"
	    "  --config FILE      read settings from FILE "
	    "(also PEERDESK_CONFIG)\n"
	    "  --today YYYY-MM-DD pretend today is this date "
	    "(also PEERDESK_TODAY)\n"
	    "  -h, --help         show this help\n"
	    "  -V, --version      show the version\n"
	    "\n"
	    "Commands:\n");
	for (c = commands; c->name != NULL; c++) {
		/* within 80 columns: a long usage gets a line of its own */
		if (strlen(c->usage) <= 26)
			fprintf(f, "  %-26s %s\n", c->usage, c->help);
		else
			fprintf(f, "  %s\n  %-26s %s\n", c->usage, "", c->help);
	}
	fprintf(f, "\n'peerdesk COMMAND --help' shows a command's own usage.\n"
	    "More: man peerdesk\n");
}

static int
cli_set_today(const char *s, const char *from)
{
	pd_date d;
	struct pd_err err, said;

	if (date_parse(s, &d, &said) != PD_OK) {
		pd_fail(&err, said.code, NULL, "%s: %.400s", from, said.msg);
		return cli_out_fail(&err);
	}
	today_set(d);
	return 0;
}

/* The options every command takes (--db, --config, --today) may also
 * come after the command: take them out of argv (argv[0] is the
 * command), up to a "--".  -1 when --help or -h is among the command's
 * arguments (then its usage is shown), 0, or an exit status. */
static int
cli_command_options(struct cli *cli, int *argcp, char **argv)
{
	int i, o = 1, argc = *argcp, rc, which;
	const char *val;
	size_t n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[o++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return -1;
		n = strcspn(argv[i], "=");
		which = n == 4 && strncmp(argv[i], "--db", 4) == 0 ? 'd' :
		    n == 8 && strncmp(argv[i], "--config", 8) == 0 ? 'c' :
		    n == 7 && strncmp(argv[i], "--today", 7) == 0 ? 't' : 0;
		if (which == 0) {
			argv[o++] = argv[i];
			continue;
		}
		if (argv[i][n] == '=')
			val = argv[i] + n + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else {
			fprintf(stderr, "peerdesk: %.*s needs a value\n",
			    (int)n, argv[i]);
			return 2;
		}
		if (which == 'd')
			cli->db_path = val;
		else if (which == 'c')
			cli->config_path = val;
		else if (!privilege_elevated() &&
		    (rc = cli_set_today(val, "--today")) != 0)
			return rc;
	}
	argv[o] = NULL;
	*argcp = o;
	return 0;
}

/* Characters of every script are shown as they are: what counts as
 * printable must not depend on the person's LANG (often C over SSH),
 * only on UTF-8, which is what peerdesk keeps. */
static void
cli_locale_utf8(void)
{
	setlocale(LC_CTYPE, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.utf8");
}

/* PEERDESK_TODAY, unless setgid: a setgid run trusts no pretend date
 * (the scope of what a PAL may see follows the real day, as --db is
 * ignored there too).  0, or an exit status. */
static int
cli_env_today(void)
{
	const char *env_today = getenv("PEERDESK_TODAY");

	if (privilege_elevated())
		env_today = NULL;
	if (env_today != NULL && env_today[0] != '\0')
		return cli_set_today(env_today, "PEERDESK_TODAY");
	return 0;
}

/* The options before the command.  0 with *optindp the command's place,
 * or -1 - the exit status when the run is over (--help, --version, a
 * wrong option). */
static int
cli_global_options(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': cli->db_path = optarg; break;
		case 'c': cli->config_path = optarg; break;
		case 't':
			if (privilege_elevated())
				break;	/* the real day, always */
			if ((rc = cli_set_today(optarg, "--today")) != 0)
				return -1 - rc;
			break;
		case 'h': cli_usage(stdout); return -1;
		case 'V': printf("peerdesk %s\n", PEERDESK_VERSION); return -1;
		default:
			fprintf(stderr, "peerdesk: unknown option '%s'; "
			    "try 'peerdesk --help'\n", argv[optind - 1]);
			return -1 - 2;
		}
	}
	return 0;
}

/* argv[0] is a command's name: run it.  The exit status. */
static int
cli_run_command(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *c;
	int rc;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(c->name, argv[0]) == 0)
			break;
	if (c->name == NULL) {
		fprintf(stderr, "peerdesk: there is no command '%s'; "
		    "try 'peerdesk --help'\n", argv[0]);
		return 2;
	}
	if ((rc = cli_command_options(cli, &argc, argv)) != 0)
		return rc < 0 ? cli_help_print(c->name) : rc;
	optind = 1;
	cli_out_escape();
	errno = 0;
	rc = c->fn(cli, argc, argv);
	return cli_out_finish(rc);
}

int
cli_main(int argc, char **argv)
{
	struct cli cli;
	struct pd_err perr;
	char ssh_cmd[8];
	char *ssh_argv[2] = { ssh_cmd, NULL };
	int rc;

	memset(&cli, 0, sizeof cli);
	cli_locale_utf8();
	if (privilege_init(&perr) != PD_OK)
		return cli_out_fail(&perr);
	if ((rc = cli_env_today()) != 0)
		return rc;
	if ((rc = cli_global_options(&cli, argc, argv)) != 0)
		return -1 - rc;
	argc -= optind;
	argv += optind;
	if (argc == 0 && cli_tui_ssh_command(ssh_cmd, sizeof ssh_cmd)) {
		argc = 1;
		argv = ssh_argv;
	}
	if (argc > 0 && strcmp(argv[0], "help") == 0) {
		if (argc == 1) {
			cli_usage(stdout);
			return 0;
		}
		return cli_help_print(argv[1]);
	}
	if (argc == 0)
		rc = cli_tui_screens(&cli);
	else
		rc = cli_run_command(&cli, argc, argv);
	if (cli.opened)
		app_close(&cli.app);
	return rc;
}
