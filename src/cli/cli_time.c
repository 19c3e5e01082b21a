/* cli_time.c - `peerdesk week`: a PAL's week, its lines and the
 * permitted-work sentence, on stdout; `peerdesk log`: straight to the
 * "Log a session" screen. */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/signin.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/tui.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

#define CLI_WEEK_USAGE "peerdesk [--db FILE] week [--pal LOGIN] " \
	"[--week YYYY-Www] [--submit | --approve [--reason TEXT] | --paid " \
	"[--up-to YYYY-MM-DD]]"

static const char *
cli_time_week_status(enum week_status st)
{
	switch (st) {
	case WEEK_SUBMITTED: return "sent for approval";
	case WEEK_APPROVED: return "approved";
	case WEEK_LOCKED: return "approved and paid";
	default: return "open";
	}
}

/* "Tue 24 Nov" from "2026-11-24". */
static const char *
cli_time_week_day(const char *ymd, char buf[DATE_LONG_LEN])
{
	pd_date d;
	char *sp;

	if (date_parse(ymd, &d, NULL) != PD_OK)
		return ymd;
	date_format_long(d, buf);
	if ((sp = strrchr(buf, ' ')) != NULL)
		*sp = '\0';
	return buf;
}

/* Pad s with spaces to width columns (UTF-8 aware). */
static void
cli_time_pad(const char *s, int width)
{
	int w = (int)utf8_width(s);

	fputs(s, stdout);
	for (; w < width; w++)
		putchar(' ');
}

static void
cli_time_week_print(const struct week_view *v)
{
	char a[DATE_LONG_LEN], b[DATE_LONG_LEN], d[DURATION_STR_LEN];
	char m[MONEY_STR_LEN], m2[MONEY_STR_LEN], m3[MONEY_STR_LEN];
	pd_date first, last;
	size_t i;
	bool any = false;
	int k;

	date_parse(v->first, &first, NULL);
	date_parse(v->last, &last, NULL);
	printf("%s%s%s%s: week %s, %s to %s (%s)\n", v->pal_name,
	    v->pal_login[0] ? " (" : "", v->pal_login,
	    v->pal_login[0] ? ")" : "", v->label,
	    date_format_long(first, a), date_format_long(last, b),
	    cli_time_week_status(v->week.status));
	if (v->n_lines == 0)
		printf("\n  Nothing logged this week yet.\n");
	else
		putchar('\n');
	for (i = 0; i < v->n_lines; i++) {
		const struct week_line *l = &v->lines[i];

		printf("  ");
		cli_time_pad(cli_time_week_day(l->line.date, a), 12);
		cli_time_pad(l->booked ? "booked" :
		    line_kind_label(l->line.kind), 13);
		cli_time_pad(duration_format(l->line.minutes, d), 9);
		if (l->client_name != NULL)
			fputs(l->client_name, stdout);
		if (l->line.note != NULL && l->line.note[0] != '\0')
			printf("%s%s", l->client_name != NULL ? ", " : "",
			    l->line.note);
		if (l->booked)
			fputs(" (not counted until it is confirmed)", stdout);
		putchar('\n');
	}
	printf("\nHours:");
	for (k = 0; k < HOURS_KINDS; k++) {
		if (v->row.minutes_by_kind[k] == 0)
			continue;
		printf("%s %s %s", any ? "," : "",
		    line_kind_label((enum line_kind)k),
		    duration_format(v->row.minutes_by_kind[k], d));
		any = true;
	}
	printf("%s total %s\n", any ? ";" : "",
	    duration_format(v->row.minutes, d));
	if (v->shows_pay) {
		if (v->row.holiday_pence > 0)
			printf("Pay: %s, holiday pay %s, gross %s\n",
			    money_format(v->row.pay_pence, m),
			    money_format(v->row.holiday_pence, m2),
			    money_format(v->row.gross_pence, m3));
		else if (v->row.check.missing & PERMITTED_NO_RATE &&
		    v->row.unrated_minutes == v->row.minutes)
			printf("Pay: not known: no pay rate recorded\n");
		else
			printf("Pay: %s\n", money_format(v->row.gross_pence,
			    m));
		if (v->row.unrated_minutes > 0)
			printf("No pay rate is recorded for %s of it; please "
			    "ask the manager.\n",
			    duration_format(v->row.unrated_minutes, d));
		printf("Rule: %s\n", permitted_rule_label(&v->row.check));
	}
	printf("%s\n", v->row.check.sentence);
	if (v->overrides > 0)
		printf("The manager agreed to this week going over (or, on "
		    "approving it, being close to) the limit (%d time%s).\n",
		    v->overrides, v->overrides == 1 ? "" : "s");
}

/* --approve and --paid: the week named, or (--paid --up-to) every
 * approved week that has ended by a date. */
static int
cli_time_week_manage(struct cli *cli, int64_t pal, const char *week,
    bool approve, bool paid, const char *upto, const char *reason)
{
	struct week_view v;
	struct pd_err err;
	size_t n;

	if (paid && upto != NULL) {
		if (app_weeks_mark_paid_upto(&cli->app, upto, pal, &n, &err)
		    != PD_OK)
			return cli_out_fail(&err);
		printf("Marked %zu approved week%s paid (every approved week "
		    "that ended on or before %s%s). They are locked now.\n", n,
		    n == 1 ? "" : "s", upto, pal != 0 ? ", for that PAL" : "");
		return 0;
	}
	if (pal == 0) {
		fprintf(stderr, "peerdesk: please say which PAL with --pal "
		    "LOGIN\n");
		return 2;
	}
	if (app_week_status(&cli->app, pal, week, &v, &err) != PD_OK)
		return cli_out_fail(&err);
	if (v.week.id == 0) {
		fprintf(stderr, "peerdesk: %s has nothing in week %s\n",
		    v.pal_name, v.label);
		week_view_fini(&v);
		return 3;
	}
	if (approve && app_week_approve_with(&cli->app, v.week.id, reason,
	    &err) != PD_OK) {
		week_view_fini(&v);
		if (err.code != PD_LIMIT)
			return cli_out_fail(&err);
		fprintf(stderr, "peerdesk: not approved. %s\n"
		    "peerdesk: give the reason with --reason \"...\"\n",
		    err.msg);
		return 2;
	}
	if (approve)
		printf("Approved %s's week %s%s.\n", v.pal_name, v.label,
		    reason != NULL && reason[0] ? ", with your reason kept" :
		    "");
	if (paid && app_week_mark_paid(&cli->app, v.week.id, &err) != PD_OK) {
		week_view_fini(&v);
		return cli_out_fail(&err);
	}
	if (paid)
		printf("Marked %s's week %s paid. It is locked now: a change "
		    "needs the manager and a reason.\n", v.pal_name, v.label);
	week_view_fini(&v);
	return 0;
}

int
cli_week(struct cli *cli, int argc, char **argv)
{
	const char *login = NULL, *week = NULL, *reason = NULL, *upto = NULL;
	bool submit = false, approve = false, paid = false;
	const struct cli_opt opts[] = {
		{ "pal", CLI_OPT_TEXT, &login, 0, NULL },
		{ "week", CLI_OPT_TEXT, &week, 0, NULL },
		{ "submit", CLI_OPT_FLAG, &submit, 0, NULL },
		{ "approve", CLI_OPT_FLAG, &approve, 0, NULL },
		{ "reason", CLI_OPT_TEXT, &reason, 0, NULL },
		{ "paid", CLI_OPT_FLAG, &paid, 0, NULL },
		{ "up-to", CLI_OPT_TEXT, &upto, 0, NULL },
		CLI_OPTS_END
	};
	struct week_view v;
	struct pd_err err;
	int64_t pal = 0;
	int first, rc;

	if (cli_opts_parse(argc, argv, opts, CLI_OPTS_IN_ORDER, &first) != 0) {
		fprintf(stderr, "peerdesk: usage: %s\n", CLI_WEEK_USAGE);
		return 2;
	}
	if (first != argc || submit + approve + paid > 1 ||
	    (upto != NULL && (!paid || week != NULL)) ||
	    (reason != NULL && !approve)) {
		fprintf(stderr, "peerdesk: usage: %s\n", CLI_WEEK_USAGE);
		return 2;
	}
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (login != NULL &&
	    app_pal_by_login(&cli->app, login, &pal, &err) != PD_OK)
		return cli_out_fail(&err);
	if (approve || paid)
		return cli_time_week_manage(cli, pal, week, approve, paid, upto,
		    reason);
	if (submit) {
		if (app_week_submit(&cli->app, pal, week, &err) != PD_OK)
			return cli_out_fail(&err);
		printf("Sent the week to the manager for approval.\n\n");
	}
	if (app_week_status(&cli->app, pal, week, &v, &err) != PD_OK)
		return cli_out_fail(&err);
	cli_time_week_print(&v);
	week_view_fini(&v);
	return 0;
}

static const char *
cli_time_log_today(void *app, char buf[11])
{
	(void)app;
	app_today(buf);
	return buf;
}

int
cli_log(struct cli *cli, int argc, char **argv)
{
	const char *login = NULL;
	const struct cli_opt opts[] = {
		{ "pal", CLI_OPT_TEXT, &login, 0, NULL },
		CLI_OPTS_END
	};
	struct session_screen_arg a;
	struct tui_config cfg;
	struct pd_err err;
	int first, rc;

	if (cli_opts_parse(argc, argv, opts, CLI_OPTS_IN_ORDER, &first) != 0 ||
	    first != argc) {
		fprintf(stderr, "peerdesk: usage: peerdesk [--db FILE] log "
		    "[--pal LOGIN]\n");
		return 2;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "peerdesk: log opens a screen, so it needs a "
		    "terminal\n");
		return 2;
	}
	if ((rc = cli_open(cli, false, false)) != 0)
		return rc;
	if (app_identify(&cli->app, &err) != PD_OK) {
		if (err.code == PD_DENIED)
			app_session_refused(&cli->app, err.msg);
		return cli_out_fail(&err);
	}
	memset(&a, 0, sizeof a);
	if (login != NULL &&
	    app_pal_by_login(&cli->app, login, &a.pal_id, &err) != PD_OK)
		return cli_out_fail(&err);
	app_session_signed_in(&cli->app);
	/* The session's tick and hangup keep the note as a draft; with no
	 * --pal the form opens as from the dashboard, so the draft is the
	 * one "Kept for you" reopens. */
	cfg = app_tui_plain(&cli->app);
	cfg.today = cli_time_log_today;
	cli_out_raw();		/* the screens draw on the terminal itself */
	rc = tui_run(&cfg, &session_screen, login != NULL ? &a : NULL);
	app_session_end(&cli->app, rc == 128 + SIGHUP);
	return rc;
}
