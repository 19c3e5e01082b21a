/* cli_clients.c - `peerdesk clients`: find clients, and the numbers the
 * other commands take. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/core/strbuf.h"

/* clients [--sort S] [WORDS]: the words joined with spaces into words.
 * 0, or 2 after the usage. */
static int
cli_clients_options(int argc, char **argv, enum client_sort *sort,
    struct strbuf *words)
{
	static const struct option opts[] = {
		{ "sort", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, i;

	optind = 0;	/* 0: glibc starts afresh (and permutes) */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 's' && client_sort_from_str(optarg, sort) == 0)
			continue;
		if (ch == 's')
			fprintf(stderr, "peerdesk: --sort takes name, status, "
			    "pal, review or referral\n");
		fputs(cli_help_text("clients"), stderr);
		return 2;
	}
	for (i = optind; i < argc; i++) {
		if (words->len > 0)
			strbuf_addc(words, ' ');
		strbuf_adds(words, argv[i]);
	}
	return 0;
}

static void
cli_clients_row(const struct client_row *r, enum client_sort sort)
{
	struct strbuf name = STRBUF_INIT;

	strbuf_adds(&name, r->name);
	if (r->preferred_name[0] != '\0')
		strbuf_addf(&name, " (%s)", r->preferred_name);
	cli_out_pad(&name, 28);
	if (sort == CLIENT_SORT_REVIEW)
		printf("%5lld  %s %-9s %-11s %s\n", (long long)r->id, name.buf,
		    r->status, r->next_review[0] ? r->next_review : "-",
		    r->pal_names);
	else
		printf("%5lld  %s %-9s %s\n", (long long)r->id, name.buf,
		    r->status, r->pal_names);
	strbuf_fini(&name);
}

/* Every client q finds, a page at a time: 0 with *total, or an exit
 * status. */
static int
cli_clients_pages(struct cli *cli, struct client_query *q, int *total)
{
	struct client_row rows[100];
	struct pd_err err;
	int n, i;

	if (q->sort == CLIENT_SORT_REVIEW)
		printf("%5s  %-28s %-9s %-11s %s\n", "ID", "NAME", "STATUS",
		    "REVIEW", "WORKERS");
	else
		printf("%5s  %-28s %-9s %s\n", "ID", "NAME", "STATUS",
		    "WORKERS");
	*total = 0;
	for (;;) {
		if (app_client_page(&cli->app, q, rows, 100, &n, &err) != PD_OK)
			return cli_out_fail(&err);
		for (i = 0; i < n; i++)
			cli_clients_row(&rows[i], q->sort);
		*total += n;
		if (n < 100)
			return 0;
		q->offset += n;
	}
}

static int
cli_clients_by_status(struct cli *cli)
{
	struct pd_err err;
	int counts[5];
	char bywords[160];

	if (app_client_status_counts(&cli->app, counts, &err) != PD_OK)
		return cli_out_fail(&err);
	client_status_counts_words(counts, bywords, sizeof bywords);
	printf("By status: %s.\n", bywords);
	return 0;
}

int
cli_clients(struct cli *cli, int argc, char **argv)
{
	struct client_query q;
	struct strbuf words = STRBUF_INIT;
	enum client_sort sort = CLIENT_SORT_REFERRAL;
	int rc, total = 0;

	if ((rc = cli_clients_options(argc, argv, &sort, &words)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0) {
		strbuf_fini(&words);
		return rc;
	}
	memset(&q, 0, sizeof q);
	q.filter = words.len > 0 ? words.buf : NULL;
	q.status_or_minus1 = -1;
	q.sort = sort;
	rc = cli_clients_pages(cli, &q, &total);
	if (rc == 0 && total == 0)
		printf("No clients%s.\n", q.filter ? " match that" : " yet");
	if (rc == 0 && total > 0 && q.filter == NULL)
		rc = cli_clients_by_status(cli);
	strbuf_fini(&words);
	return rc;
}
