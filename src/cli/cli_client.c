/* cli_client.c - `peerdesk client`: add (with the duplicate check),
 * show, status, reopen, support, merge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/assignments.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/app/timesheets.h"
#include "peerdesk/core/xalloc.h"

static int
client_usage(void)
{
	fputs(cli_help_text("client"), stderr);
	return 2;
}

/* A client number: 0 (said) when it is not one. */
static int64_t
client_number(const char *s)
{
	char *end;
	long long v;

	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v <= 0) {
		fprintf(stderr, "peerdesk: '%s' is not a client number (see "
		    "peerdesk clients)\n", s);
		return 0;
	}
	return (int64_t)v;
}

/* The value of option argv[*i] (--x VALUE or --x=VALUE) when argv[*i]
 * is that option; NULL otherwise.  *bad set when the value is missing. */
static const char *
client_opt(int argc, char **argv, int *i, const char *name, int *bad)
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
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

static void
client_print_matches(const struct client_matches *m)
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

static int
client_add(struct cli *cli, int argc, char **argv)
{
	struct intake in;
	struct client_matches m;
	struct pd_err err;
	const char *v;
	int i, bad = 0, anyway = 0, rc;
	int64_t id;

	intake_init(&in);
	for (i = 2; i < argc && !bad; i++) {
		if ((v = client_opt(argc, argv, &i, "--dob", &bad)) != NULL)
			snprintf(in.client.date_of_birth,
			    sizeof in.client.date_of_birth, "%s", v);
		else if ((v = client_opt(argc, argv, &i, "--phone", &bad)))
			in.client.phone = xstrdup(v);
		else if ((v = client_opt(argc, argv, &i, "--email", &bad)))
			in.client.email = xstrdup(v);
		else if ((v = client_opt(argc, argv, &i, "--preferred",
		    &bad)))
			in.client.preferred_name = xstrdup(v);
		else if ((v = client_opt(argc, argv, &i, "--referred-on",
		    &bad)))
			snprintf(in.referral.referred_on,
			    sizeof in.referral.referred_on, "%s", v);
		else if ((v = client_opt(argc, argv, &i, "--referrer", &bad)))
			in.referral.referrer_name = xstrdup(v);
		else if (strcmp(argv[i], "--anyway") == 0)
			anyway = 1;
		else if (!bad && argv[i][0] != '-' && in.client.name == NULL)
			in.client.name = xstrdup(argv[i]);
		else if (!bad) {
			fprintf(stderr, "peerdesk: client add: '%s' is not "
			    "something it takes\n", argv[i]);
			bad = 1;
		}
	}
	if (bad || in.client.name == NULL) {
		intake_fini(&in);
		return bad ? 2 : client_usage();
	}
	if ((rc = cli_open(cli, 0, 1)) != 0) {
		intake_fini(&in);
		return rc;
	}
	if (app_client_matches(&cli->app, &in.client, 0, &m, &err) != PD_OK) {
		intake_fini(&in);
		return cli_fail(&err);
	}
	if (m.n > 0 && !anyway) {
		printf("%s may already have a record:\n", in.client.name);
		client_print_matches(&m);
		printf("Nothing was saved. Open that record instead "
		    "(peerdesk client show N), or add --anyway to save a new "
		    "one.\n");
		client_matches_fini(&m);
		intake_fini(&in);
		return 1;
	}
	client_matches_fini(&m);
	if (app_client_create(&cli->app, &in, &id, &err) != PD_OK) {
		intake_fini(&in);
		return cli_fail(&err);
	}
	printf("Client %lld: %s, referred on %s.\n", (long long)id,
	    in.client.name, in.referral.referred_on);
	intake_fini(&in);
	return 0;
}

static int
client_show(struct cli *cli, int64_t id)
{
	struct client_record r;
	struct status_history h;
	struct pd_err err;
	size_t i;
	int rc;

	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_client_open(&cli->app, id, &r, &err) != PD_OK)
		return cli_fail(&err);
	printf("Client %lld: %s\n", (long long)id, r.client.name);
	printf("Status: %s since %s", client_status_label(r.client.status),
	    r.client.status_changed_on);
	if (r.client.closed_reason[0] != '\0') {
		enum closed_reason why;

		if (closed_reason_from_str(r.client.closed_reason, &why) == 0)
			printf(" (%s)", closed_reason_label(why));
	}
	printf("\n");
	if (r.client.merged_into > 0)
		printf("This record was merged into client %lld: open that "
		    "one.\n", (long long)r.client.merged_into);
	if (r.client.date_of_birth[0])
		printf("Date of birth: %s\n", r.client.date_of_birth);
	if (r.client.phone != NULL && r.client.phone[0])
		printf("Phone: %s\n", r.client.phone);
	client_record_fini(&r);
	if (app_actor_is_pal(&cli->app))
		return 0;	/* the story is the office's */
	if (app_client_history(&cli->app, id, &h, &err) != PD_OK)
		return cli_fail(&err);
	printf("History:\n");
	for (i = 0; i < h.n; i++) {
		const struct status_change *c = &h.v[i];
		char what[80];

		snprintf(what, sizeof what, "%s%s%s%s",
		    client_status_str(c->status),
		    c->reason != CLOSED_NONE ? " (" : "",
		    closed_reason_label(c->reason),
		    c->reason != CLOSED_NONE ? ")" : "");
		printf("  %s  %-9s", c->on_date, what);
		if (h.n > 0 && h.v[h.n - 1].episode > 1)
			printf("  episode %d", c->episode);
		if (c->note != NULL)
			printf("  %s", c->note);
		printf("%s%s\n", c->by_name ? "  by " : "",
		    c->by_name ? c->by_name : "");
	}
	status_history_fini(&h);
	return 0;
}

static int
client_status(struct cli *cli, int argc, char **argv)
{
	struct status_request rq;
	struct pd_err err;
	const char *v;
	int i, bad = 0, rc;

	memset(&rq, 0, sizeof rq);
	rq.reason = CLOSED_NONE;
	if (argc < 4)
		return client_usage();
	if ((rq.client_id = client_number(argv[2])) == 0)
		return 2;
	if (client_status_from_str(argv[3], &rq.to) != 0) {
		fprintf(stderr, "peerdesk: '%s' is not a status; use intake, "
		    "active, paused or closed\n", argv[3]);
		return 2;
	}
	for (i = 4; i < argc && !bad; i++) {
		if ((v = client_opt(argc, argv, &i, "--reason", &bad))) {
			if (closed_reason_from_str(v, &rq.reason) != 0 ||
			    rq.reason == CLOSED_MERGED) {
				fprintf(stderr, "peerdesk: '%s' is not a "
				    "reason; use support-ended, moved-away, "
				    "declined, not-reached, died or other\n",
				    v);
				return 2;
			}
		} else if ((v = client_opt(argc, argv, &i, "--on", &bad)))
			rq.on = v;
		else if ((v = client_opt(argc, argv, &i, "--note", &bad)))
			rq.note = v;
		else if (strcmp(argv[i], "--end-support") == 0)
			rq.end_support = 1;
		else if (!bad) {
			fprintf(stderr, "peerdesk: client status: '%s' is not "
			    "something it takes\n", argv[i]);
			return 2;
		}
	}
	if (bad)
		return 2;
	if (rq.reason != CLOSED_NONE && rq.to != CLIENT_CLOSED) {
		fprintf(stderr, "peerdesk: --reason is for closing a client\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_client_set_status(&cli->app, &rq, &err) != PD_OK)
		return cli_fail(&err);
	printf("Client %lld is %s%s now.\n", (long long)rq.client_id,
	    rq.to == CLIENT_INTAKE ? "at " : "", client_status_label(rq.to));
	return 0;
}

static int
client_reopen(struct cli *cli, int argc, char **argv)
{
	struct pd_err err;
	const char *on = NULL, *note = NULL, *v;
	int64_t id;
	int i, bad = 0, rc;

	if (argc < 3)
		return client_usage();
	if ((id = client_number(argv[2])) == 0)
		return 2;
	for (i = 3; i < argc && !bad; i++) {
		if ((v = client_opt(argc, argv, &i, "--on", &bad)))
			on = v;
		else if ((v = client_opt(argc, argv, &i, "--note", &bad)))
			note = v;
		else if (!bad) {
			fprintf(stderr, "peerdesk: client reopen: '%s' is not "
			    "something it takes\n", argv[i]);
			return 2;
		}
	}
	if (bad)
		return 2;
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_client_reopen(&cli->app, id, on, note, &err) != PD_OK)
		return cli_fail(&err);
	printf("Client %lld is reopened: referred again, a new episode; "
	    "the earlier history is kept.\n", (long long)id);
	return 0;
}

static int
client_support(struct cli *cli, int argc, char **argv)
{
	struct assignment_start in;
	struct pd_err err;
	const char *v;
	int64_t aid;
	int i, bad = 0, rc;

	if (argc < 4)
		return client_usage();
	memset(&in, 0, sizeof in);
	in.contracted_minutes = -1;
	if ((in.client_id = client_number(argv[2])) == 0)
		return 2;
	for (i = 4; i < argc && !bad; i++) {
		if ((v = client_opt(argc, argv, &i, "--on", &bad)))
			snprintf(in.started_on, sizeof in.started_on, "%s", v);
		else if ((v = client_opt(argc, argv, &i, "--reason", &bad)))
			in.override_reason = v;
		else if (!bad) {
			fprintf(stderr, "peerdesk: client support: '%s' is not "
			    "something it takes\n", argv[i]);
			return 2;
		}
	}
	if (bad)
		return 2;
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_pal_by_login(&cli->app, argv[3], &in.worker_id, &err) != PD_OK)
		return cli_fail(&err);
	if (app_assignment_start(&cli->app, &in, &aid, &err) != PD_OK)
		return cli_fail(&err);
	printf("%s supports client %lld from %s.\n", argv[3],
	    (long long)in.client_id, in.started_on[0] ? in.started_on :
	    "today");
	return 0;
}

static int
client_merge(struct cli *cli, int argc, char **argv)
{
	struct merge_result res;
	struct client_record k, o;
	struct pd_err err;
	int64_t keep, other;
	int yes = argc == 5 && strcmp(argv[4], "--yes") == 0, rc;

	if (argc != 4 && !yes)
		return client_usage();
	if ((keep = client_number(argv[2])) == 0 ||
	    (other = client_number(argv[3])) == 0)
		return 2;
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (!yes) {
		if (!app_actor_is_manager(&cli->app)) {
			pd_fail(&err, PD_DENIED, NULL, "only a manager merges "
			    "client records");
			return cli_fail(&err);
		}
		if (app_client_open(&cli->app, keep, &k, &err) != PD_OK)
			return cli_fail(&err);
		if (app_client_open(&cli->app, other, &o, &err) != PD_OK) {
			client_record_fini(&k);
			return cli_fail(&err);
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
		return cli_fail(&err);
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
		return client_usage();
	if (strcmp(argv[1], "add") == 0)
		return client_add(cli, argc, argv);
	if (strcmp(argv[1], "show") == 0 && argc == 3) {
		if ((id = client_number(argv[2])) == 0)
			return 2;
		return client_show(cli, id);
	}
	if (strcmp(argv[1], "status") == 0)
		return client_status(cli, argc, argv);
	if (strcmp(argv[1], "reopen") == 0)
		return client_reopen(cli, argc, argv);
	if (strcmp(argv[1], "support") == 0)
		return client_support(cli, argc, argv);
	if (strcmp(argv[1], "merge") == 0)
		return client_merge(cli, argc, argv);
	return client_usage();
}
