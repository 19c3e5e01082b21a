/* cli_client.c - `peerdesk client`: add (with the duplicate check),
 * show (the record as the screen shows it: details, the referral form,
 * the funding, the people who matter, then the dated status history),
 * status, reopen, support, merge. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/access.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/xalloc.h"

static int
cli_client_usage(void)
{
	fputs(cli_help_text("client"), stderr);
	return 2;
}

/* The value of option argv[*i] (--x VALUE or --x=VALUE) when argv[*i]
 * is that option; NULL otherwise.  *bad set when the value is missing. */
static const char *
cli_client_opt(int argc, char **argv, int *i, const char *name,
    bool *bad)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "peerdesk: %s needs a value\n", name);
		*bad = true;
		return NULL;
	}
	return argv[++*i];
}

/* One option of client add|status|reopen|support: --name VALUE (or
 * --name=VALUE), or with flag set a bare --name (take gets NULL).  take
 * gets the command's context at byte at, and returns 0, or an exit
 * status after saying what is wrong. */
struct cli_client_optdef {
	const char *name;
	bool flag;
	int (*take)(void *dest, const char *value);
	size_t at;
};

/* The words of `client CMD` from argv[first] by opts (ended by a NULL
 * name).  A word that is no option goes to word (NULL: none is taken),
 * unless it starts with '-'; one nobody takes is said.  0, or an exit
 * status. */
static int
cli_client_options(int argc, char **argv, int first, const char *cmd,
    const struct cli_client_optdef *opts,
    int (*word)(void *ctx, const char *w), void *ctx)
{
	const struct cli_client_optdef *o;
	const char *v = NULL;
	int i, rc;
	bool bad = false;

	for (i = first; i < argc; i++) {
		for (o = opts; o->name != NULL; o++) {
			if (o->flag ? strcmp(argv[i], o->name) == 0 :
			    (v = cli_client_opt(argc, argv, &i, o->name, &bad))
			    != NULL)
				break;
			if (bad)
				return 2;
		}
		if (o->name != NULL) {
			if ((rc = o->take((char *)ctx + o->at, o->flag ? NULL :
			    v)) != 0)
				return rc;
		} else if (word == NULL || argv[i][0] == '-' ||
		    word(ctx, argv[i]) != 0) {
			fprintf(stderr, "peerdesk: client %s: '%s' is not "
			    "something it takes\n", cmd, argv[i]);
			return 2;
		}
	}
	return 0;
}

/* The day given with --on as a person types it (31/12/2025, 31/12/25,
 * 2025-12-31), written YYYY-MM-DD into buf; NULL with a message when it
 * is not a day. */
static const char *
cli_client_day(const char *v, char buf[DATE_STR_LEN])
{
	struct pd_err err;
	pd_date d;

	if (date_parse_typed(v, today_get(), &d, &err) != PD_OK) {
		fprintf(stderr, "peerdesk: --on: %s\n", err.msg);
		return NULL;
	}
	return date_format(d, buf);
}

static void
cli_client_print_matches(const struct client_matches *m)
{
	size_t i;
	char why[80];

	for (i = 0; i < m->n; i++) {
		client_match_words(m->v[i].why, why, sizeof why);
		printf("  client %lld: %s%s%s (%s) - %s\n",
		    (long long)m->v[i].id, m->v[i].name,
		    m->v[i].date_of_birth[0] ? ", born " : "",
		    m->v[i].date_of_birth, m->v[i].status, why);
	}
}

/* client add NAME [--dob D] [--phone P] ... [--anyway] */
struct cli_client_new {
	struct intake in;
	bool anyway;
};

static int
cli_client_take_dob(void *ctx, const char *v)
{
	struct intake *in = &((struct cli_client_new *)ctx)->in;

	snprintf(in->client.date_of_birth, sizeof in->client.date_of_birth,
	    "%s", v);
	return 0;
}

/* A copy of the value into the char * at dest. */
static int
cli_client_take_copy(void *dest, const char *v)
{
	*(char **)dest = xstrdup(v);
	return 0;
}

static int
cli_client_take_referred_on(void *ctx, const char *v)
{
	struct intake *in = &((struct cli_client_new *)ctx)->in;

	snprintf(in->referral.referred_on, sizeof in->referral.referred_on,
	    "%s", v);
	return 0;
}

static int
cli_client_take_anyway(void *ctx, const char *v)
{
	(void)v;
	((struct cli_client_new *)ctx)->anyway = true;
	return 0;
}

/* The client's name: the one word that is no option. */
static int
cli_client_take_name(void *ctx, const char *w)
{
	struct intake *in = &((struct cli_client_new *)ctx)->in;

	if (in->client.name != NULL)
		return -1;
	in->client.name = xstrdup(w);
	return 0;
}

#define CLI_CLIENT_NEW(field) offsetof(struct cli_client_new, field)

static const struct cli_client_optdef cli_client_add_opts[] = {
	{ "--dob", false, cli_client_take_dob, 0 },
	{ "--phone", false, cli_client_take_copy,
	  CLI_CLIENT_NEW(in.client.phone) },
	{ "--email", false, cli_client_take_copy,
	  CLI_CLIENT_NEW(in.client.email) },
	{ "--preferred", false, cli_client_take_copy,
	  CLI_CLIENT_NEW(in.client.preferred_name) },
	{ "--referred-on", false, cli_client_take_referred_on, 0 },
	{ "--referrer", false, cli_client_take_copy,
	  CLI_CLIENT_NEW(in.referral.referrer_name) },
	{ "--anyway", true, cli_client_take_anyway, 0 },
	{ NULL, false, NULL, 0 }
};

/* Save the new client unless it may be one already there (then say
 * which, and save nothing): 0, or an exit status. */
static int
cli_client_add_save(struct cli *cli, struct cli_client_new *c)
{
	struct client_matches m;
	struct pd_err err;
	int64_t id;

	if (app_client_matches(&cli->app, &c->in.client, 0, &m, &err) != PD_OK)
		return cli_out_fail(&err);
	if (m.n > 0 && !c->anyway) {
		printf("%s may already have a record:\n", c->in.client.name);
		cli_client_print_matches(&m);
		printf("Nothing was saved. Open that record instead "
		    "(peerdesk client show N), or add --anyway to save a new "
		    "one.\n");
		client_matches_fini(&m);
		return 1;
	}
	client_matches_fini(&m);
	if (app_client_create(&cli->app, &c->in, &id, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Client %lld: %s, referred on %s.\n", (long long)id,
	    c->in.client.name, c->in.referral.referred_on);
	return 0;
}

static int
cli_client_add(struct cli *cli, int argc, char **argv)
{
	struct cli_client_new c;
	int rc;

	memset(&c, 0, sizeof c);
	intake_init(&c.in);
	rc = cli_client_options(argc, argv, 2, "add", cli_client_add_opts,
	    cli_client_take_name, &c);
	if (rc == 0 && c.in.client.name == NULL)
		rc = cli_client_usage();
	if (rc == 0 && (rc = cli_open(cli, false, true)) == 0)
		rc = cli_client_add_save(cli, &c);
	intake_fini(&c.in);
	return rc;
}

/* "Label: value", a value of several lines indented under it; nothing
 * for an empty value. */
static void
cli_client_field(struct strbuf *sb, const char *label, const char *value)
{
	const char *p;

	if (value == NULL || value[strspn(value, " \n")] == '\0')
		return;
	strbuf_addf(sb, "%s: ", label);
	for (p = value; *p != '\0'; p++) {
		strbuf_addc(sb, *p);
		if (*p == '\n' && p[1] != '\0')
			strbuf_adds(sb, "  ");
	}
	if (p > value && p[-1] != '\n')
		strbuf_addc(sb, '\n');
}

static const char *
cli_client_route_words(enum referral_route r)
{
	static const char *const words[] = {
		"self-referral", "social worker", "GP", "mental health team",
		"family or friend", "other"
	};

	return r >= 0 && (size_t)r < sizeof words / sizeof words[0] ?
	    words[r] : NULL;
}

static void
cli_client_show_details(struct strbuf *sb, int64_t id,
    const struct client *c)
{
	strbuf_addf(sb, "Client %lld: %s\n", (long long)id,
	    c->name ? c->name : "");
	strbuf_addf(sb, "Status: %s since %s", client_status_label(c->status),
	    c->status_changed_on);
	if (c->closed_reason[0] != '\0') {
		enum closed_reason why;

		if (closed_reason_from_str(c->closed_reason, &why) == 0)
			strbuf_addf(sb, " (%s)", closed_reason_label(why));
	}
	strbuf_adds(sb, "\n");
	if (c->merged_into > 0)
		strbuf_addf(sb, "This record was merged into client %lld: "
		    "open that one.\n", (long long)c->merged_into);
	cli_client_field(sb, "Preferred name", c->preferred_name);
	cli_client_field(sb, "Pronouns", c->pronouns);
	cli_client_field(sb, "Date of birth", c->date_of_birth);
	cli_client_field(sb, "Phone", c->phone);
	cli_client_field(sb, "Email", c->email);
	cli_client_field(sb, "Address", c->address);
	cli_client_field(sb, "PAL preferences", c->pal_preferences);
	cli_client_field(sb, "Interests", c->interests);
}

static void
cli_client_show_referral(struct strbuf *sb, const struct referral *ref)
{
	strbuf_adds(sb, "\nReferral\n");
	if (ref->id == 0) {
		strbuf_adds(sb, "No referral recorded.\n");
		return;
	}
	cli_client_field(sb, "Referred on", ref->referred_on);
	cli_client_field(sb, "Referred by", ref->referrer_name);
	cli_client_field(sb, "Organisation", ref->referrer_org);
	cli_client_field(sb, "Team", ref->referrer_team);
	cli_client_field(sb, "Referrer's contact", ref->referrer_contact);
	cli_client_field(sb, "Route", cli_client_route_words(ref->route));
	cli_client_field(sb, "Why referred", ref->notes);
	cli_client_field(sb, "Heard of us", ref->heard_about);
	cli_client_field(sb, "First contact", ref->first_contact_on);
	cli_client_field(sb, "Support plan submitted", ref->plan_submitted_on);
	cli_client_field(sb, "Support plan approved", ref->plan_approved_on);
	cli_client_field(sb, "Funding received", ref->funding_received_on);
}

static void
cli_client_show_funding(struct strbuf *sb, const struct funding *f)
{
	char buf[96], d[32];

	strbuf_adds(sb, "\nFunding\n");
	if (f->id == 0) {
		strbuf_adds(sb, "No funding recorded.\n");
		return;
	}
	cli_client_field(sb, "Funding route", funding_kind_label(f->kind));
	cli_client_field(sb, "Funder", f->funder);
	cli_client_field(sb, "Negotiated by", f->negotiator);
	cli_client_field(sb, "Negotiator's contact", f->negotiator_contact);
	if (f->contracted_minutes_per_week >= 0) {
		snprintf(buf, sizeof buf, "%s a week", duration_format(
		    f->contracted_minutes_per_week, d));
		cli_client_field(sb, "Hours agreed", buf);
	}
	if (f->hourly_charge_pence >= 0)
		cli_client_field(sb, "Hourly charge",
		    money_format(f->hourly_charge_pence, d));
	cli_client_field(sb, "Funder review", f->review_due);
}

/* The dated status history (the office's, not a PAL's). */
static int
cli_client_show_history(struct cli *cli, int64_t id)
{
	struct status_history h;
	struct pd_err err;
	size_t i;

	if (app_client_history(&cli->app, id, &h, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("\nStatus history\n");
	for (i = 0; i < h.n; i++) {
		const struct status_change *sc = &h.v[i];
		char what[80];

		snprintf(what, sizeof what, "%s%s%s%s",
		    client_status_str(sc->status),
		    sc->reason != CLOSED_NONE ? " (" : "",
		    closed_reason_label(sc->reason),
		    sc->reason != CLOSED_NONE ? ")" : "");
		printf("  %s  %-9s", sc->on_date, what);
		if (h.n > 0 && h.v[h.n - 1].episode > 1)
			printf("  episode %d", sc->episode);
		if (sc->note != NULL)
			printf("  %s", sc->note);
		printf("%s%s\n", sc->by_name ? "  by " : "",
		    sc->by_name ? sc->by_name : "");
	}
	status_history_fini(&h);
	return 0;
}

static int
cli_client_show(struct cli *cli, int64_t id)
{
	struct client_record r;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int rc;

	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_client_open(&cli->app, id, &r, &err) != PD_OK)
		return cli_out_fail(&err);
	cli_client_show_details(&sb, id, &r.client);
	cli_client_show_referral(&sb, &r.referral);
	cli_client_show_funding(&sb, &r.funding);
	strbuf_adds(&sb, "\nPeople who matter\n");
	if (r.allies == NULL || r.allies[0] == '\0')
		strbuf_adds(&sb, "Nobody recorded yet.\n");
	else
		strbuf_addf(&sb, "%s\n", r.allies);
	fputs(strbuf_str(&sb), stdout);
	strbuf_fini(&sb);
	client_record_fini(&r);
	if (app_actor_is_pal(&cli->app))
		return 0;	/* the story is the office's */
	return cli_client_show_history(cli, id);
}

/* client status N STATUS [--reason R] [--on DAY] [--note TEXT]
 * [--end-support] */
struct cli_client_change {
	struct status_request rq;
	char on[DATE_STR_LEN];
};

static int
cli_client_take_reason(void *ctx, const char *v)
{
	struct status_request *rq = &((struct cli_client_change *)ctx)->rq;

	if (closed_reason_from_str(v, &rq->reason) != 0 ||
	    rq->reason == CLOSED_MERGED) {
		fprintf(stderr, "peerdesk: '%s' is not a reason; use "
		    "support-ended, moved-away, declined, not-reached, died "
		    "or other\n", v);
		return 2;
	}
	return 0;
}

static int
cli_client_take_on(void *ctx, const char *v)
{
	struct cli_client_change *c = ctx;

	return (c->rq.on = cli_client_day(v, c->on)) == NULL ? 2 : 0;
}

static int
cli_client_take_note(void *ctx, const char *v)
{
	((struct cli_client_change *)ctx)->rq.note = v;
	return 0;
}

static int
cli_client_take_end_support(void *ctx, const char *v)
{
	(void)v;
	((struct cli_client_change *)ctx)->rq.end_support = 1;
	return 0;
}

static const struct cli_client_optdef cli_client_status_opts[] = {
	{ "--reason", false, cli_client_take_reason, 0 },
	{ "--on", false, cli_client_take_on, 0 },
	{ "--note", false, cli_client_take_note, 0 },
	{ "--end-support", true, cli_client_take_end_support, 0 },
	{ NULL, false, NULL, 0 }
};

/* client reopen N [--on DAY] [--note TEXT]: the same --on and --note */
static const struct cli_client_optdef cli_client_reopen_opts[] = {
	{ "--on", false, cli_client_take_on, 0 },
	{ "--note", false, cli_client_take_note, 0 },
	{ NULL, false, NULL, 0 }
};

static int
cli_client_status(struct cli *cli, int argc, char **argv)
{
	struct cli_client_change c;
	struct pd_err err;
	int rc;

	memset(&c, 0, sizeof c);
	c.rq.reason = CLOSED_NONE;
	if (argc < 4)
		return cli_client_usage();
	if (cli_opts_number(argv[2], "client", NULL, &c.rq.client_id) != 0)
		return 2;
	if (client_status_from_str(argv[3], &c.rq.to) != 0) {
		fprintf(stderr, "peerdesk: '%s' is not a status; use intake, "
		    "active, paused or closed\n", argv[3]);
		return 2;
	}
	if ((rc = cli_client_options(argc, argv, 4, "status",
	    cli_client_status_opts, NULL, &c)) != 0)
		return rc;
	if (c.rq.reason != CLOSED_NONE && c.rq.to != CLIENT_CLOSED) {
		fprintf(stderr, "peerdesk: --reason is for closing a client\n");
		return 2;
	}
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_client_set_status(&cli->app, &c.rq, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Client %lld is %s%s now.\n", (long long)c.rq.client_id,
	    c.rq.to == CLIENT_INTAKE ? "at " : "",
	    client_status_label(c.rq.to));
	return 0;
}

static int
cli_client_reopen(struct cli *cli, int argc, char **argv)
{
	struct cli_client_change c;
	struct pd_err err;
	int64_t id;
	int rc;

	memset(&c, 0, sizeof c);
	if (argc < 3)
		return cli_client_usage();
	if (cli_opts_number(argv[2], "client", NULL, &id) != 0)
		return 2;
	if ((rc = cli_client_options(argc, argv, 3, "reopen",
	    cli_client_reopen_opts, NULL, &c)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_client_reopen(&cli->app, id, c.rq.on, c.rq.note, &err) !=
	    PD_OK)
		return cli_out_fail(&err);
	printf("Client %lld is reopened: referred again, a new episode; "
	    "the earlier history is kept.\n", (long long)id);
	return 0;
}

/* client support N LOGIN [--on DAY] [--reason WHY] */
static int
cli_client_take_start(void *ctx, const char *v)
{
	struct assignment_start *in = ctx;
	char on[DATE_STR_LEN];

	if (cli_client_day(v, on) == NULL)
		return 2;
	snprintf(in->started_on, sizeof in->started_on, "%s", on);
	return 0;
}

static int
cli_client_take_override(void *ctx, const char *v)
{
	((struct assignment_start *)ctx)->override_reason = v;
	return 0;
}

static const struct cli_client_optdef cli_client_support_opts[] = {
	{ "--on", false, cli_client_take_start, 0 },
	{ "--reason", false, cli_client_take_override, 0 },
	{ NULL, false, NULL, 0 }
};

static int
cli_client_support(struct cli *cli, int argc, char **argv)
{
	struct assignment_start in;
	struct pd_err err;
	int64_t aid;
	int rc;

	if (argc < 4)
		return cli_client_usage();
	memset(&in, 0, sizeof in);
	in.contracted_minutes = -1;
	if (cli_opts_number(argv[2], "client", NULL, &in.client_id) != 0)
		return 2;
	if ((rc = cli_client_options(argc, argv, 4, "support",
	    cli_client_support_opts, NULL, &in)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_pal_by_login(&cli->app, argv[3], &in.worker_id, &err) != PD_OK)
		return cli_out_fail(&err);
	if (app_assignment_start(&cli->app, &in, &aid, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("%s supports client %lld from %s.\n", argv[3],
	    (long long)in.client_id, in.started_on[0] ? in.started_on :
	    "today");
	return 0;
}

static int
cli_client_merge(struct cli *cli, int argc, char **argv)
{
	struct merge_result res;
	struct client_record k, o;
	struct pd_err err;
	int64_t keep, other;
	bool yes = argc == 5 && strcmp(argv[4], "--yes") == 0;
	int rc;

	if (argc != 4 && !yes)
		return cli_client_usage();
	if (cli_opts_number(argv[2], "client", NULL, &keep) != 0 ||
	    cli_opts_number(argv[3], "client", NULL, &other) != 0)
		return 2;
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (!yes) {
		if (!app_actor_is_manager(&cli->app)) {
			pd_fail(&err, PD_DENIED, NULL, "only a manager merges "
			    "client records");
			return cli_out_fail(&err);
		}
		if (app_client_open(&cli->app, keep, &k, &err) != PD_OK)
			return cli_out_fail(&err);
		if (app_client_open(&cli->app, other, &o, &err) != PD_OK) {
			client_record_fini(&k);
			return cli_out_fail(&err);
		}
		printf("This keeps client %lld (%s) and moves everything of "
		    "client %lld (%s) to it: referrals, funding, people who "
		    "matter, support, sessions, timesheet lines, the "
		    "shortlist and the plan (when only that one has a plan). "
		    "Client %lld is then closed and points to client %lld.\n"
		    "Run it again with --yes to merge.\n", (long long)keep,
		    k.client.name, (long long)other, o.client.name,
		    (long long)other, (long long)keep);
		client_record_fini(&k);
		client_record_fini(&o);
		return 1;
	}
	if (app_client_merge(&cli->app, keep, other, &res, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Client %lld is merged into client %lld (%d rows moved).\n",
	    (long long)other, (long long)keep, res.moved);
	if (res.plan_kept_apart)
		printf("Both had a wellness plan: client %lld's plan is the "
		    "plan; the other stays with client %lld (peerdesk plan "
		    "show %lld).\n", (long long)keep, (long long)other,
		    (long long)other);
	return 0;
}

int
cli_client(struct cli *cli, int argc, char **argv)
{
	int64_t id;

	if (argc < 2)
		return cli_client_usage();
	if (strcmp(argv[1], "add") == 0)
		return cli_client_add(cli, argc, argv);
	if (strcmp(argv[1], "show") == 0 && argc == 3) {
		if (cli_opts_number(argv[2], "client", NULL, &id) != 0)
			return 2;
		return cli_client_show(cli, id);
	}
	if (strcmp(argv[1], "status") == 0)
		return cli_client_status(cli, argc, argv);
	if (strcmp(argv[1], "reopen") == 0)
		return cli_client_reopen(cli, argc, argv);
	if (strcmp(argv[1], "support") == 0)
		return cli_client_support(cli, argc, argv);
	if (strcmp(argv[1], "merge") == 0)
		return cli_client_merge(cli, argc, argv);
	return cli_client_usage();
}
