/* cli_pal.c - `peerdesk pal list` and `peerdesk pal show LOGIN`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/palweeks.h"
#include "peerdesk/app/pals.h"
#include "peerdesk/core/csvout.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

static const char cli_pal_usage[] =
    "peerdesk pal list [--all] | pal show LOGIN [--weeks 13|52 "
    "[--format text|csv|pdf] [--pdf FILE] [--output FILE] [--excel] "
    "[--raw]]";

/* s padded with spaces, or cut with "…", to width columns.  No locale:
 * each character counts one column (names and money here). */
static void
cli_pal_cell(struct strbuf *sb, const char *s, size_t width)
{
	size_t i, w = 0, chars = 0, len;

	if (s == NULL)
		s = "";
	len = strlen(s);
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			chars++;
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (chars > width && w + 1 == width) {
				strbuf_adds(sb, "\u2026");
				w++;
				break;
			}
			w++;
		}
		strbuf_addc(sb, s[i]);
	}
	for (; w < width; w++)
		strbuf_addc(sb, ' ');
}

/* "2h 29m, £31.91", "no limit", or what is missing, for people. */
static void
cli_pal_room(const struct pal_week *wk, char *buf, size_t n)
{
	permitted_room_words(&wk->check, buf, n);
}

static int
cli_pal_list(struct cli *cli, bool all)
{
	struct pal_list l;
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	char clients[32], d[DURATION_STR_LEN], room[64];
	size_t i, rule_w = 25;
	int rule = 0;

	if (app_pal_list(&cli->app, all, &l, &err) != PD_OK)
		return cli_out_fail(&err);
	for (i = 0; i < l.n; i++) {
		rule |= l.v[i].rule_visible;
		if (l.v[i].rule_visible && l.v[i].week.check.judged > 1)
			rule_w = 44;	/* "... (changed this week)" */
	}
	cli_pal_cell(&sb, "PAL", 22);
	cli_pal_cell(&sb, " Login", 11);
	cli_pal_cell(&sb, " Clients", 9);
	cli_pal_cell(&sb, " This week", 11);
	cli_pal_cell(&sb, " Room left", 21);
	if (rule)
		cli_pal_cell(&sb, " Rule", rule_w + 1);
	strbuf_adds(&sb, " DBS re-check\n");
	for (i = 0; i < l.n; i++) {
		const struct pal_summary *p = &l.v[i];

		cli_pal_cell(&sb, p->name, 22);
		strbuf_addc(&sb, ' ');
		cli_pal_cell(&sb, p->login, 10);
		if (p->max_clients >= 0)
			snprintf(clients, sizeof clients, " %d of %d",
			    p->caseload, p->max_clients);
		else
			snprintf(clients, sizeof clients, " %d", p->caseload);
		cli_pal_cell(&sb, clients, 9);
		strbuf_addc(&sb, ' ');
		cli_pal_cell(&sb, duration_format(p->week.minutes, d), 10);
		strbuf_addc(&sb, ' ');
		cli_pal_room(&p->week, room, sizeof room);
		cli_pal_cell(&sb, room, 20);
		if (rule) {
			char r[80];

			snprintf(r, sizeof r, "%s%s", p->rule_visible ?
			    permitted_rule_label(&p->week.check) : "",
			    p->rule_visible && p->week.check.judged > 1 ?
			    " (changed this week)" : "");
			strbuf_addc(&sb, ' ');
			cli_pal_cell(&sb, r, rule_w);
		}
		strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, p->dbs_recheck_due[0] ? p->dbs_recheck_due :
		    "none recorded");
		if (!p->active)
			strbuf_adds(&sb, " (left)");
		strbuf_addc(&sb, '\n');
	}
	if (l.n == 0)
		strbuf_adds(&sb, "There are no PALs yet.\n");
	fputs(strbuf_str(&sb), stdout);
	strbuf_fini(&sb);
	pal_list_fini(&l);
	return 0;
}

static void
cli_pal_field(struct strbuf *sb, const char *label, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	strbuf_addf(sb, "  %-18s %s\n", label, value);
}

static int
cli_pal_show(struct cli *cli, const char *login)
{
	struct pal_record r;
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN], buf[64];
	int64_t id = 0;
	size_t i;

	if (app_pal_by_login(&cli->app, login, &id, &err) != PD_OK ||
	    app_pal_open(&cli->app, id, &r, &err) != PD_OK)
		return cli_out_fail(&err);
	strbuf_addf(&sb, "%s (%s)%s\n", r.staff.name, login,
	    r.staff.active ? "" : " - has left");
	strbuf_adds(&sb, "Profile:\n");
	cli_pal_field(&sb, "Gender", r.profile.gender);
	cli_pal_field(&sb, "Pronouns", r.profile.pronouns);
	cli_pal_field(&sb, "Work experience", r.profile.work_experience);
	cli_pal_field(&sb, "Interests", r.profile.interests);
	cli_pal_field(&sb, "Likes", r.profile.likes);
	cli_pal_field(&sb, "Dislikes", r.profile.dislikes);
	cli_pal_field(&sb, "Activities", r.profile.activities);
	cli_pal_field(&sb, "Languages", r.profile.languages);
	cli_pal_field(&sb, "Skills", r.profile.skills);
	cli_pal_field(&sb, "In their words", r.profile.my_story);
	cli_pal_field(&sb, "Started", r.profile.started_on);
	cli_pal_field(&sb, "Left", r.profile.left_on);
	if (r.profile.max_clients >= 0)
		snprintf(buf, sizeof buf, "%d of %d", r.caseload,
		    r.profile.max_clients);
	else
		snprintf(buf, sizeof buf, "%d", r.caseload);
	strbuf_addf(&sb, "Clients now: %s%s%s\n", buf,
	    r.clients[0] ? ": " : "", r.clients);
	strbuf_addf(&sb, "%s\n", r.week.check.sentence);
	strbuf_adds(&sb, "DBS:\n");
	for (i = 0; i < r.n_dbs; i++)
		strbuf_addf(&sb, "  %s, issued %s, re-check due %s%s\n",
		    r.dbs[i].level, r.dbs[i].issued_on[0] ?
		    r.dbs[i].issued_on : "?", r.dbs[i].recheck_due[0] ?
		    r.dbs[i].recheck_due : "?", r.dbs[i].update_service ?
		    " (Update Service)" : "");
	if (r.n_dbs == 0)
		strbuf_adds(&sb, "  none recorded\n");
	strbuf_adds(&sb, "Supervision:\n");
	for (i = 0; i < r.n_supervision && i < 5; i++)
		strbuf_addf(&sb, "  %s  %s%s%s\n", r.supervision[i].date,
		    duration_format(r.supervision[i].minutes, d),
		    r.supervision[i].supervisor ? " with " : "",
		    r.supervision[i].supervisor ? r.supervision[i].supervisor :
		    "");
	if (r.n_supervision == 0)
		strbuf_adds(&sb, "  none recorded\n");
	strbuf_adds(&sb, "Training:\n");
	for (i = 0; i < r.n_training && i < 5; i++)
		strbuf_addf(&sb, "  %s  %s (%s)\n", r.training[i].date,
		    r.training[i].title, duration_format(r.training[i].minutes,
		    d));
	if (r.n_training == 0)
		strbuf_adds(&sb, "  none recorded\n");
	if (r.private_visible) {
		strbuf_addf(&sb, "Benefit rule: %s\n", r.n_benefits == 0 ?
		    "none recorded: the limit cannot be checked" :
		    benefit_rule_label(r.rule));
		strbuf_adds(&sb, "Pay rates:\n");
		if (r.n_rates == 0)
			strbuf_adds(&sb, "  no pay rate recorded: the limit "
			    "cannot be checked\n");
		for (i = 0; i < r.n_rates; i++)
			strbuf_addf(&sb, "  %s from %s%s%s\n",
			    money_format(r.rates[i].rate_pence, m),
			    r.rates[i].from, r.rates[i].warning ? " - " : "",
			    r.rates[i].warning ? r.rates[i].warning : "");
		if (r.rate_warning != NULL)
			strbuf_addf(&sb, "Warning: %s\n", r.rate_warning);
	}
	fputs(strbuf_str(&sb), stdout);
	strbuf_fini(&sb);
	pal_record_fini(&r);
	return 0;
}

/* pal show LOGIN --weeks 13|52 [--format F] [--pdf FILE]
 * [--output FILE] [--excel] [--raw] */
struct cli_pal_weeks {
	const char *weeks, *output;
	enum report_format fmt;
	unsigned csv_flags;
};

/* --pdf FILE: --output FILE --format pdf in one. */
static int
cli_pal_pdf(void *dest, const char *value)
{
	struct cli_pal_weeks *w = dest;

	w->output = value;
	w->fmt = REPORT_PDF;
	return 0;
}

/* argv[0] is the PAL's login: 0 with w filled (weeks 13 or 52 in
 * *weeks), or an exit status after saying why not. */
static int
cli_pal_weeks_options(int argc, char **argv, struct cli_pal_weeks *w,
    int *weeks)
{
	const struct cli_opt opts[] = {
		{ "weeks", CLI_OPT_TEXT, &w->weeks, 0, NULL },
		{ "format", CLI_OPT_CALL, &w->fmt, 0, cli_opts_format },
		{ "pdf", CLI_OPT_CALL, w, 0, cli_pal_pdf },
		{ "output", CLI_OPT_TEXT, &w->output, 0, NULL },
		CLI_OPTS_CSV(&w->csv_flags),
		CLI_OPTS_END
	};
	int rc, first;
	char extra;

	memset(w, 0, sizeof *w);
	w->fmt = REPORT_TEXT;
	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_IN_ORDER, &first);
	if (rc > 0)
		return rc;
	if (rc == CLI_OPTS_UNKNOWN || first != argc || w->weeks == NULL) {
		fprintf(stderr, "peerdesk: usage: %s\n", cli_pal_usage);
		return 2;
	}
	if (sscanf(w->weeks, "%d%c", weeks, &extra) != 1 ||
	    (*weeks != 13 && *weeks != 52)) {
		fprintf(stderr, "peerdesk: --weeks takes 13 or 52, not '%s'\n",
		    w->weeks);
		return 2;
	}
	return cli_opts_output(&w->output, w->fmt, true, "--pdf");
}

/* `pal show LOGIN --weeks 13|52 ...`: argv[0] is "show". */
static int
cli_pal_weeks(struct cli *cli, int argc, char **argv)
{
	struct cli_pal_weeks w;
	struct palweeks p;
	struct pd_err err;
	int64_t id = 0;
	int rc, weeks;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "peerdesk: which PAL? usage: %s\n",
		    cli_pal_usage);
		return 2;
	}
	if ((rc = cli_pal_weeks_options(argc - 1, argv + 1, &w, &weeks)) != 0)
		return rc;
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_pal_by_login(&cli->app, argv[1], &id, &err) != PD_OK ||
	    app_pal_weeks(&cli->app, id, weeks, &p, &err) != PD_OK)
		return cli_out_fail(&err);
	if (app_pal_weeks_save(&cli->app, &p, w.fmt, w.csv_flags,
	    w.output != NULL ? w.output : "-", &err) != PD_OK)
		rc = cli_out_fail(&err);
	else if (w.output != NULL)
		printf("Wrote %s's last %d weeks against the limit to %s.\n",
		    p.pal_name, weeks, w.output);
	palweeks_fini(&p);
	return rc;
}

int
cli_pal(struct cli *cli, int argc, char **argv)
{
	int rc;

	if (argc >= 2 && strcmp(argv[1], "list") == 0 && (argc == 2 ||
	    (argc == 3 && strcmp(argv[2], "--all") == 0))) {
		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		return cli_pal_list(cli, argc == 3);
	}
	if (argc > 3 && strcmp(argv[1], "show") == 0)
		return cli_pal_weeks(cli, argc - 1, argv + 1);
	if (argc == 3 && strcmp(argv[1], "show") == 0) {
		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		return cli_pal_show(cli, argv[2]);
	}
	fprintf(stderr, "peerdesk: usage: %s\n", cli_pal_usage);
	return 2;
}
