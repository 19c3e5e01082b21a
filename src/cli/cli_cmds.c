/* cli_cmds.c - init, demo, import, summary, user. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/app/import.h"
#include "peerdesk/app/privilege.h"
#include "peerdesk/app/summary.h"
#include "peerdesk/app/users.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/money.h"

static int
cli_extra(int argc, int want, const char *usage)
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
	int rc, added;

	(void)argv;
	if ((rc = cli_extra(argc, 1, "[--db FILE] init")) != 0)
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
	if ((rc = cli_extra(argc, 1, "summary")) != 0)
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
cli_import_warn(void *arg, const char *msg)
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
	if (app_import_file(&cli->app, kind, file, flags, cli_import_warn,
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
		    "%ld close to one (each is named in a warning). Approving %s needs the "
		    "manager's reason.\n", res.weeks, res.weeks == 1 ? "" : "s",
		    res.dry_run ? "would touch" : "touched", res.over,
		    res.over == 1 ? "is" : "are", res.near,
		    res.over + res.near == 1 ? "that week" : "those weeks");
	else if (kind == IMPORT_TIMESHEET)
		printf("None of the %ld PAL-week%s it %s is close to or over a "
		    "limit.\n", res.weeks, res.weeks == 1 ? "" : "s",
		    res.dry_run ? "would touch" : "touched");
	return 0;
}

/* Read a line from the terminal without echo (or from stdin when it is
 * not a terminal, for scripts).  Returns a new string or NULL. */
static char *
cli_read_secret(const char *prompt)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	char buf[512];
	char *r;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	r = fgets(buf, sizeof buf, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (r == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	r = strdup(buf);
	explicit_bzero(buf, sizeof buf);
	return r;
}

static int
cli_user_row(void *arg, const struct staff *s)
{
	(void)arg;
	printf("%-16s %-8s %-8s %s%s\n", s->login ? s->login : "-",
	    role_str(s->role), s->passphrase ? "yes" : "no", s->name,
	    s->active ? "" : " (switched off)");
	return 0;
}

/* Ask on the terminal for one line (NULL at end of input); "" kept. */
static char *
cli_ask(const char *prompt)
{
	char buf[256];

	fputs(prompt, stderr);
	fflush(stderr);
	if (fgets(buf, sizeof buf, stdin) == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return strdup(buf);
}

/* `user add LOGIN NAME ROLE [--rate POUNDS] [--benefit RULE]`.  For a PAL
 * on a terminal, the rate and rule not given are asked for; empty means
 * not known.  With no terminal and no options nothing is recorded. */
struct cli_user_new {
	const char *pos[3];		/* LOGIN, NAME, ROLE */
	const char *rate_s, *rule_s;	/* as typed or answered */
	char *asked_rate, *asked_rule;	/* the answers */
	enum role role;
	int64_t rate;			/* -1: not known */
	enum benefit_rule rule;
	bool has_rule;
};

static int
cli_user_add_usage(void)
{
	fprintf(stderr, "peerdesk: usage: peerdesk user add LOGIN "
	    "\"Full Name\" office|pal|manager [--rate POUNDS] "
	    "[--benefit none|lower|permitted|supported|uc]\n");
	return 2;
}

/* The words after `user add`: 0, or an exit status after saying why. */
static int
cli_user_add_args(int argc, char **argv, struct cli_user_new *u)
{
	int i, np = 0;

	for (i = 2; i < argc; i++) {
		const char **opt = NULL;
		const char *v = NULL;

		if (strncmp(argv[i], "--rate", 6) == 0)
			opt = &u->rate_s, v = argv[i] + 6;
		else if (strncmp(argv[i], "--benefit", 9) == 0)
			opt = &u->rule_s, v = argv[i] + 9;
		if (opt != NULL && *v == '=')
			*opt = v + 1;
		else if (opt != NULL && *v == '\0' && i + 1 < argc)
			*opt = argv[++i];
		else if (opt == NULL && np < 3 && argv[i][0] != '-')
			u->pos[np++] = argv[i];
		else
			return cli_user_add_usage();
	}
	if (np != 3)
		return cli_user_add_usage();
	if (role_from_str(u->pos[2], &u->role) != 0) {
		fprintf(stderr, "peerdesk: '%s' is not a role; use office, "
		    "pal or manager\n", u->pos[2]);
		return 2;
	}
	if (u->role != ROLE_PAL && (u->rate_s != NULL || u->rule_s != NULL)) {
		fprintf(stderr, "peerdesk: --rate and --benefit are for PALs "
		    "only\n");
		return 2;
	}
	return 0;
}

/* A PAL's rate and rule not given, asked for on a terminal. */
static void
cli_user_add_ask(struct cli_user_new *u)
{
	if (u->role != ROLE_PAL || !isatty(STDIN_FILENO))
		return;
	if (u->rate_s == NULL) {
		u->asked_rate = cli_ask("Hourly pay rate in pounds, e.g. "
		    "12.71 (Enter if not known yet): ");
		u->rate_s = u->asked_rate;
	}
	if (u->rule_s == NULL) {
		u->asked_rule = cli_ask("Benefit rule: none, lower, "
		    "permitted, supported or uc (Enter if not known "
		    "yet): ");
		u->rule_s = u->asked_rule;
	}
}

/* The rate and rule as typed, read: 0, or 2 after saying why not. */
static int
cli_user_add_values(struct cli_user_new *u)
{
	const char *rate_s = u->rate_s, *rule_s = u->rule_s;

	if (rate_s != NULL && rate_s[strspn(rate_s, " ")] != '\0' &&
	    (money_parse(rate_s, 0, &u->rate, NULL) != PD_OK ||
	    u->rate <= 0)) {
		fprintf(stderr, "peerdesk: '%s' is not an hourly rate in "
		    "pounds, like 12.71\n", rate_s);
		return 2;
	}
	if (rule_s != NULL && rule_s[strspn(rule_s, " ")] != '\0') {
		u->has_rule = true;
		if (benefit_rule_from_str(rule_s, &u->rule) != 0) {
			fprintf(stderr, "peerdesk: '%s' is not a benefit rule; "
			    "use none, lower, permitted, supported or uc\n",
			    rule_s);
			return 2;
		}
	}
	return 0;
}

static int
cli_user_add_save(struct cli *cli, const struct cli_user_new *u)
{
	char warning[400];
	struct pd_err err;

	if (u->role == ROLE_PAL) {
		if (app_pal_add(&cli->app, u->pos[0], u->pos[1], u->rate,
		    u->has_rule, u->rule, NULL, warning, sizeof warning, &err)
		    != PD_OK)
			return cli_out_fail(&err);
	} else if (app_user_add(&cli->app, u->pos[0], u->pos[1], u->role,
	    NULL, &err) != PD_OK) {
		return cli_out_fail(&err);
	}
	printf("Added %s (%s) as %s.\n", u->pos[1], u->pos[0],
	    role_label(u->role));
	if (u->role != ROLE_PAL)
		return 0;
	if (warning[0] != '\0')
		printf("Warning: %s\n", warning);
	if (u->rate < 0)
		printf("No pay rate recorded: the limit cannot be checked until "
		    "the manager records one on the PAL's page.\n");
	if (!u->has_rule)
		printf("No benefit rule recorded: the limit cannot be checked "
		    "until the manager records one on the PAL's page.\n");
	return 0;
}

static int
cli_user_add(struct cli *cli, int argc, char **argv)
{
	struct cli_user_new u;
	int rc;

	memset(&u, 0, sizeof u);
	u.rate = -1;
	u.rule = RULE_NONE;
	if ((rc = cli_user_add_args(argc, argv, &u)) != 0)
		return rc;
	cli_user_add_ask(&u);
	rc = cli_user_add_values(&u);
	free(u.asked_rate);
	free(u.asked_rule);
	if (rc != 0 || (rc = cli_open(cli, false, true)) != 0)
		return rc;
	return cli_user_add_save(cli, &u);
}

int
cli_user(struct cli *cli, int argc, char **argv)
{
	static const char usage[] =
	    "usage: peerdesk user add LOGIN \"Full Name\" office|pal|manager\n"
	    "           [--rate POUNDS] [--benefit none|lower|permitted|"
	    "supported|uc]\n"
	    "       peerdesk user passwd LOGIN\n"
	    "       peerdesk user list\n";
	struct pd_err err;
	int rc;

	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	if (strcmp(argv[1], "add") == 0)
		return cli_user_add(cli, argc, argv);
	if (strcmp(argv[1], "passwd") == 0 && argc == 3) {
		char *a, *b;

		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		a = cli_read_secret("New passphrase: ");
		b = isatty(STDIN_FILENO) ? cli_read_secret("Again: ") :
		    (a ? strdup(a) : NULL);
		if (a == NULL || b == NULL || strcmp(a, b) != 0) {
			fprintf(stderr, "peerdesk: the two passphrases were not "
			    "the same; nothing was changed\n");
			free(a);
			free(b);
			return 2;
		}
		rc = 0;
		if (app_user_passwd(&cli->app, argv[2], a, &err) != PD_OK)
			rc = cli_out_fail(&err);
		else
			printf("The passphrase for %s is set.\n", argv[2]);
		explicit_bzero(a, strlen(a));
		free(a);
		free(b);
		return rc;
	}
	if (strcmp(argv[1], "list") == 0 && argc == 2) {
		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		printf("%-16s %-8s %-8s %s\n", "LOGIN", "ROLE", "PASS", "NAME");
		if (app_user_list(&cli->app, cli_user_row, NULL, &err) != PD_OK)
			return cli_out_fail(&err);
		return 0;
	}
	fputs(usage, stderr);
	return 2;
}
