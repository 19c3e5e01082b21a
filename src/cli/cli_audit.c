/* cli_audit.c - `peerdesk audit`: who did what, and who opened which
 * record; --verify checks the chain. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/core/csvout.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"

struct cli_audit {
	bool csv;
	unsigned csv_flags;
	long n;
};

/* printf fmt (one %s) with s escaped (utf8_escape; newlines kept when
 * lines). */
static void
cli_audit_text(const char *fmt, const char *s, bool lines)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_escape(s, lines, &sb);
	printf(fmt, strbuf_str(&sb));
	strbuf_fini(&sb);
}

/* A heading, then s with every line indented six spaces (escaped as
 * cli_audit_text, newlines kept). */
static void
cli_audit_block(const char *heading, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *nl;

	utf8_escape(s, true, &sb);
	printf("%s\n", heading);
	for (p = strbuf_str(&sb); ; p = nl + 1) {
		nl = strchr(p, '\n');
		printf("      %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
		if (nl == NULL)
			break;
	}
	strbuf_fini(&sb);
}

static int
cli_audit_row(void *arg, const struct audit_entry *a)
{
	struct cli_audit *ca = arg;
	char id[32], cid[32];

	ca->n++;
	snprintf(id, sizeof id, "%lld", (long long)a->entity_id);
	snprintf(cid, sizeof cid, "%lld", (long long)a->client_id);
	if (ca->csv) {
		struct strbuf sb = STRBUF_INIT;
		unsigned fl = ca->csv_flags;

		csvout_field(&sb, a->at, fl, false);
		csvout_field(&sb, a->actor_login, fl, false);
		csvout_field(&sb, a->action, fl, false);
		csvout_field(&sb, a->entity, fl, false);
		csvout_field(&sb, a->entity_id ? id : "", fl, false);
		csvout_field(&sb, a->client_id ? cid : "", fl, false);
		csvout_field(&sb, a->summary, fl, false);
		csvout_field(&sb, a->reason, fl, false);
		csvout_field(&sb, a->before, fl, false);
		csvout_field(&sb, a->after, fl, true);
		fwrite(sb.buf, 1, sb.len, stdout);
		strbuf_fini(&sb);
		return 0;
	}
	/* Text for a terminal: control characters and bad bytes escaped,
	 * so nothing in a record can drive the terminal (CSV keeps the
	 * bytes). */
	printf("%s  ", a->at);
	cli_audit_text("%-10s", a->actor_login ? a->actor_login : "(system)",
	    false);
	printf(" ");
	cli_audit_text("%-8s", audit_action_label(a->action), false);
	printf(" ");
	cli_audit_text("%s", a->entity, false);
	if (a->entity_id)
		printf(" #%s", id);
	/* an erased client's name reads "client #N (erased)" */
	if (a->client_id && a->client_name &&
	    strncmp(a->client_name, "client #", 8) == 0)
		cli_audit_text("  %s", a->client_name, false);
	else if (a->client_id) {
		printf("  client %s", cid);
		if (a->client_name)
			cli_audit_text(" (%s)", a->client_name, false);
	}
	if (a->summary)
		cli_audit_text("  %s", a->summary, false);
	if (a->reason)
		cli_audit_text("  (reason: %s)", a->reason, false);
	putchar('\n');
	if (a->before && a->after) {
		cli_audit_block("    before:", a->before);
		cli_audit_block("    after:", a->after);
	}
	return 0;
}

/* peerdesk audit --verify: 0 whole, 1 broken (naming the row). */
static int
cli_audit_verify(struct cli *cli)
{
	struct audit_verify v;
	struct pd_err err;

	if (app_audit_verify(&cli->app, &v, &err) != PD_OK)
		return cli_out_fail(&err);
	if (v.bad_id != 0) {
		printf("The audit trail has been altered at row %lld: %s.\n",
		    (long long)v.bad_id, v.why);
		if (v.head.id > 0)
			printf("Rows 1 to %lld, before it, are as they were "
			    "written.\n", (long long)v.head.id);
		printf("Keep this database as it is and tell whoever looks "
		    "after the computer. A backup's trail is checked when it "
		    "is restored.\n");
		return 1;
	}
	if (v.rows == 0) {
		printf("The audit trail is empty: nothing to check.\n");
		return 0;
	}
	printf("The audit trail is whole: %lld row%s, each one chained to the "
	    "one before.\nNewest row: %lld, hash %s\n", (long long)v.rows,
	    v.rows == 1 ? "" : "s", (long long)v.head.id, v.head.hash);
	return 0;
}

/* The options of `audit`: what to list, and how. */
struct cli_audit_args {
	struct audit_query q;
	struct cli_audit ca;
	const char *user;
	bool verify;
	char from[DATE_STR_LEN], to[DATE_STR_LEN];
};

/* --from and --to: the database holds YYYY-MM-DD, so the typed day
 * (31/12/2025) is asked for in that shape. */
static int
cli_audit_day(const char *value, const char *name, char buf[DATE_STR_LEN],
    const char **out)
{
	struct pd_err err;
	pd_date d;

	if (date_parse_typed(value, today_get(), &d, &err) != PD_OK) {
		fprintf(stderr, "peerdesk: --%s: %s\n", name, err.msg);
		return 2;
	}
	*out = date_format(d, buf);
	return 0;
}

static int
cli_audit_from_opt(void *dest, const char *value)
{
	struct cli_audit_args *a = dest;

	return cli_audit_day(value, "from", a->from, &a->q.from);
}

static int
cli_audit_to_opt(void *dest, const char *value)
{
	struct cli_audit_args *a = dest;

	return cli_audit_day(value, "to", a->to, &a->q.to);
}

static int
cli_audit_limit_opt(void *dest, const char *value)
{
	*(int *)dest = atoi(value);
	return 0;
}

static int
cli_audit_format_opt(void *dest, const char *value)
{
	if (strcmp(value, "csv") == 0)
		*(bool *)dest = true;
	else if (strcmp(value, "text") != 0) {
		fprintf(stderr, "peerdesk: --format is text or csv\n");
		return 2;
	}
	return 0;
}

static int
cli_audit_options(int argc, char **argv, struct cli_audit_args *a)
{
	const struct cli_opt opts[] = {
		{ "client", CLI_OPT_CALL, &a->q.client_id, 0, cli_opts_client },
		{ "user", CLI_OPT_TEXT, &a->user, 0, NULL },
		{ "from", CLI_OPT_CALL, a, 0, cli_audit_from_opt },
		{ "to", CLI_OPT_CALL, a, 0, cli_audit_to_opt },
		{ "limit", CLI_OPT_CALL, &a->q.limit, 0, cli_audit_limit_opt },
		{ "format", CLI_OPT_CALL, &a->ca.csv, 0, cli_audit_format_opt },
		CLI_OPTS_CSV(&a->ca.csv_flags),
		{ "verify", CLI_OPT_FLAG, &a->verify, 0, NULL },
		CLI_OPTS_END
	};
	int rc, first;

	memset(a, 0, sizeof *a);
	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_IN_ORDER, &first);
	if (rc > 0)
		return rc;
	if (rc == CLI_OPTS_UNKNOWN) {
		fprintf(stderr, "peerdesk: usage: peerdesk audit [--client "
		    "N] [--user LOGIN] [--from DATE] [--to DATE] "
		    "[--limit N] [--format text|csv] [--excel] "
		    "[--raw] | peerdesk audit --verify\n");
		return 2;
	}
	if (first != argc) {
		fprintf(stderr, "peerdesk: audit takes options only\n");
		return 2;
	}
	return 0;
}

int
cli_audit(struct cli *cli, int argc, char **argv)
{
	struct cli_audit_args a;
	struct pd_err err;
	int rc;

	if ((rc = cli_audit_options(argc, argv, &a)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (a.verify)
		return cli_audit_verify(cli);
	if (a.ca.csv)
		printf("%sat,login,action,record,record_id,client_id,summary,"
		    "reason,before,after\r\n", a.ca.csv_flags & CSV_EXCEL ?
		    "\xef\xbb\xbf" : "");
	if (app_audit_list(&cli->app, &a.q, a.user, cli_audit_row, &a.ca,
	    &err) != PD_OK)
		return cli_out_fail(&err);
	if (!a.ca.csv && a.ca.n == 0)
		printf("Nothing in the audit trail matches.\n");
	return 0;
}
