/* cli_user.c - `peerdesk user add|passwd|list`: staff users. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/users.h"
#include "peerdesk/model/money.h"

/* Read a line from the terminal without echo (or from stdin when it is
 * not a terminal, for scripts).  Returns a new string or NULL. */
static char *
cli_user_read_secret(const char *prompt)
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
cli_user_ask(const char *prompt)
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
		u->asked_rate = cli_user_ask("Hourly pay rate in pounds, e.g. "
		    "12.71 (Enter if not known yet): ");
		u->rate_s = u->asked_rate;
	}
	if (u->rule_s == NULL) {
		u->asked_rule = cli_user_ask("Benefit rule: none, lower, "
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
		printf("No pay rate recorded: the limit cannot be checked "
		    "until the manager records one on the PAL's page.\n");
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
		a = cli_user_read_secret("New passphrase: ");
		b = isatty(STDIN_FILENO) ? cli_user_read_secret("Again: ") :
		    (a ? strdup(a) : NULL);
		if (a == NULL || b == NULL || strcmp(a, b) != 0) {
			fprintf(stderr,
			    "peerdesk: the two passphrases were not "
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
