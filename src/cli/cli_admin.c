/* cli_admin.c - backup, restore, audit. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/model/date.h"

int
cli_backup(struct cli *cli, int argc, char **argv)
{
	struct pd_err err;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "peerdesk: usage: peerdesk backup FILE\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_backup(&cli->app, argv[1], &err) != PD_OK)
		return cli_fail(&err);
	printf("Backed up %s to %s (checked: ok).\n", cli->app.db_path, argv[1]);
	return 0;
}

int
cli_restore(struct cli *cli, int argc, char **argv)
{
	struct pd_err err;
	int rc, v;

	if (argc != 2) {
		fprintf(stderr, "peerdesk: usage: peerdesk restore FILE\n");
		return 2;
	}
	/* check the file before touching anything */
	if (app_backup_check(argv[1], &v, &err) != PD_OK)
		return cli_fail(&err);
	if ((rc = cli_open(cli, 1, 1)) != 0)
		return rc;
	if (app_restore(&cli->app, argv[1], &err) != PD_OK)
		return cli_fail(&err);
	printf("Restored %s from %s.\n", cli->app.db_path, argv[1]);
	return 0;
}

/* One CSV field, quoted when it needs to be. */
static void
cli_csv_field(FILE *f, const char *s, int last)
{
	const char *p;

	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		for (p = s; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else
		fputs(s, f);
	fputc(last ? '\n' : ',', f);
}

struct cli_audit {
	int csv;
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

static int
cli_audit_row(void *arg, const struct audit_entry *a)
{
	struct cli_audit *ca = arg;
	char id[32], cid[32];

	ca->n++;
	snprintf(id, sizeof id, "%lld", (long long)a->entity_id);
	snprintf(cid, sizeof cid, "%lld", (long long)a->client_id);
	if (ca->csv) {
		cli_csv_field(stdout, a->at, 0);
		cli_csv_field(stdout, a->actor_login, 0);
		cli_csv_field(stdout, a->action, 0);
		cli_csv_field(stdout, a->entity, 0);
		cli_csv_field(stdout, a->entity_id ? id : "", 0);
		cli_csv_field(stdout, a->client_id ? cid : "", 0);
		cli_csv_field(stdout, a->summary, 0);
		cli_csv_field(stdout, a->reason, 0);
		cli_csv_field(stdout, a->before, 0);
		cli_csv_field(stdout, a->after, 1);
		return 0;
	}
	/* Text for a terminal: control characters and bad bytes escaped,
	 * so nothing in a record can drive the terminal (CSV keeps the
	 * bytes). */
	printf("%s  ", a->at);
	cli_audit_text("%-10s", a->actor_login ? a->actor_login : "(system)",
	    false);
	printf(" ");
	cli_audit_text("%-8s", a->action, false);
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
		cli_audit_text("    before:\n      %s\n", a->before, true);
		cli_audit_text("    after:\n      %s\n", a->after, true);
	}
	return 0;
}

int
cli_audit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "client", required_argument, NULL, 'c' },
		{ "user", required_argument, NULL, 'u' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	struct audit_query q;
	struct cli_audit ca;
	const char *user = NULL;
	struct pd_err err;
	pd_date d;
	int ch, rc;
	char *end;

	memset(&q, 0, sizeof q);
	memset(&ca, 0, sizeof ca);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			q.client_id = strtoll(optarg, &end, 10);
			if (*end != '\0' || q.client_id <= 0) {
				fprintf(stderr, "peerdesk: --client takes a client "
				    "number, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'u': user = optarg; break;
		case 'f':
		case 't':
			if (date_parse(optarg, &d, &err) != PD_OK) {
				fprintf(stderr, "peerdesk: --%s: %s\n",
				    ch == 'f' ? "from" : "to", err.msg);
				return 2;
			}
			if (ch == 'f')
				q.from = optarg;
			else
				q.to = optarg;
			break;
		case 'n': q.limit = atoi(optarg); break;
		case 'F':
			if (strcmp(optarg, "csv") == 0)
				ca.csv = 1;
			else if (strcmp(optarg, "text") != 0) {
				fprintf(stderr, "peerdesk: --format is text or csv\n");
				return 2;
			}
			break;
		default:
			fprintf(stderr, "peerdesk: usage: peerdesk audit [--client "
			    "N] [--user LOGIN] [--from DATE] [--to DATE] "
			    "[--limit N] [--format text|csv]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "peerdesk: audit takes options only\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (ca.csv)
		printf("at,login,action,record,record_id,client_id,summary,"
		    "reason,before,after\n");
	if (app_audit_list(&cli->app, &q, user, cli_audit_row, &ca, &err) != PD_OK)
		return cli_fail(&err);
	if (!ca.csv && ca.n == 0)
		printf("Nothing in the audit trail matches.\n");
	return 0;
}
