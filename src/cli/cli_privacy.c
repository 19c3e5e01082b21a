/* cli_privacy.c - sar, erase, retention: data-protection requests. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/privacy.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"

/* A client number ("12" or "#12"); 0 if s is not one. */
static int64_t
cli_client_id(const char *s)
{
	char *end;
	long long v;

	if (*s == '#')
		s++;
	if (*s < '0' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? (int64_t)v : 0;
}

/* Read one line from stdin without its newline and outer spaces into
 * buf; 0, or -1 at end of input. */
static int
cli_read_answer(char *buf, size_t n)
{
	size_t len, start;

	fflush(stdout);
	if (fgets(buf, (int)n, stdin) == NULL)
		return -1;
	len = strcspn(buf, "\r\n");
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		len--;
	buf[len] = '\0';
	start = strspn(buf, " \t");
	memmove(buf, buf + start, len - start + 1);
	return 0;
}

/* Ask to type the name; 1 when it matches. */
static int
cli_confirm_name(const struct privacy_client *c)
{
	char answer[512];

	printf("Erasing %s (client %lld, closed on %s) removes their name, "
	    "contact details and every note for good.\n"
	    "Dates, minutes and pay stay, and so does the audit's who and "
	    "when.\n"
	    "To go ahead, type the client's name exactly: ", c->name,
	    (long long)c->id, c->closed_on);
	if (cli_read_answer(answer, sizeof answer) != 0) {
		putchar('\n');
		return 0;
	}
	return strcmp(answer, c->name) == 0;
}

int
cli_sar(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *dir = ".";
	char *yaml = NULL, *pdf = NULL;
	struct pd_err err;
	int64_t id;
	int ch, rc;

	optind = 0;	/* 0: glibc starts afresh (and permutes) */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (ch == 'o')
			dir = optarg;
		else
			goto usage;
	}
	if (optind != argc - 1 || (id = cli_client_id(argv[optind])) == 0)
		goto usage;
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_sar_write(&cli->app, id, dir, &yaml, &pdf, &err) != PD_OK)
		return cli_fail(&err);
	printf("Wrote everything held about client %lld:\n  %s\n  %s\n",
	    (long long)id, pdf, yaml);
	free(yaml);
	free(pdf);
	return 0;
usage:
	fprintf(stderr, "peerdesk: usage: peerdesk sar CLIENT [--output DIR]"
	    "\n");
	return 2;
}

/* --yes given? Removes it from argv. */
static int
cli_take_yes(int *argc, char **argv, const char *flag)
{
	int i, j, found = 0;

	for (i = j = 1; i < *argc; i++) {
		if (strcmp(argv[i], flag) == 0)
			found = 1;
		else
			argv[j++] = argv[i];
	}
	*argc = j;
	return found;
}

static int
cli_mention_row(void *arg, const struct privacy_mention *m)
{
	int *n = arg;

	if ((*n)++ == 0)
		printf("Their name or phone number also appears in other "
		    "people's records; erasing replaces it there with "
		    "\"(erased)\" and keeps the rest:\n");
	printf("  %-10s  %-13s #%-7lld of %s (client %lld)\n", m->on, m->what,
	    (long long)m->record_id, m->client_name ? m->client_name : "?",
	    (long long)m->client_id);
	return 0;
}

int
cli_erase(struct cli *cli, int argc, char **argv)
{
	struct privacy_client c;
	struct pd_err err;
	int yes = cli_take_yes(&argc, argv, "--yes");
	int64_t id;
	int rc, mentions = 0;

	if (argc != 2 || (id = cli_client_id(argv[1])) == 0) {
		fprintf(stderr, "peerdesk: usage: peerdesk erase CLIENT "
		    "[--yes]\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_erase_check(&cli->app, id, &c, &err) != PD_OK)
		return cli_fail(&err);
	if (app_erase_mentions(&cli->app, id, cli_mention_row, &mentions,
	    &err) != PD_OK) {
		privacy_client_fini(&c);
		return cli_fail(&err);
	}
	if (!yes && !cli_confirm_name(&c)) {
		printf("That is not the name; nothing was erased.\n");
		privacy_client_fini(&c);
		return 1;
	}
	privacy_client_fini(&c);
	if (app_erase(&cli->app, id, &err) != PD_OK)
		return cli_fail(&err);
	printf("Client %lld is erased: now \"Erased client #%lld\".\n",
	    (long long)id, (long long)id);
	return 0;
}

struct cli_ret {
	int64_t *ids;
	size_t n, cap;
};

static int
cli_ret_row(void *arg, const struct retention_row *r)
{
	struct cli_ret *cr = arg;

	printf("  %6lld  %-10s  %2d  %s\n", (long long)r->id, r->closed_on,
	    r->years, r->name);
	if (cr->n == cr->cap) {
		cr->cap = cr->cap ? cr->cap * 2 : 16;
		cr->ids = xrealloc(cr->ids, cr->cap * sizeof *cr->ids);
	}
	cr->ids[cr->n++] = r->id;
	return 0;
}

int
cli_retention(struct cli *cli, int argc, char **argv)
{
	struct cli_ret cr;
	struct pd_err err;
	int yes = cli_take_yes(&argc, argv, "--yes");
	int dry = cli_take_yes(&argc, argv, "--dry-run");
	size_t i, erased = 0;
	int rc, failed = 0;

	if (argc != 1) {
		fprintf(stderr, "peerdesk: usage: peerdesk retention "
		    "[--dry-run] [--yes]\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	memset(&cr, 0, sizeof cr);
	printf("Closed clients kept %d years or more (retention_years):\n"
	    "  client  closed on   years  name\n",
	    cli->app.settings->retention_years);
	if (app_retention_list(&cli->app, NULL, cli_ret_row, &cr, &err) !=
	    PD_OK) {
		free(cr.ids);
		return cli_fail(&err);
	}
	if (cr.n == 0)
		printf("  (none: nothing is due to be erased)\n");
	else if (dry)
		printf("%zu client%s would be erased. Nothing was changed "
		    "(--dry-run).\n", cr.n, cr.n == 1 ? "" : "s");
	for (i = 0; !dry && i < cr.n; i++) {
		struct privacy_client c;

		if (app_erase_check(&cli->app, cr.ids[i], &c, &err) != PD_OK) {
			rc = cli_fail(&err);
			failed = 1;
			continue;
		}
		if (!yes && !cli_confirm_name(&c)) {
			printf("Not the name; client %lld is kept.\n",
			    (long long)c.id);
			privacy_client_fini(&c);
			continue;
		}
		privacy_client_fini(&c);
		if (app_erase(&cli->app, cr.ids[i], &err) != PD_OK) {
			rc = cli_fail(&err);
			failed = 1;
			continue;
		}
		erased++;
	}
	if (!dry && cr.n > 0)
		printf("Erased %zu of %zu client%s.\n", erased, cr.n,
		    cr.n == 1 ? "" : "s");
	free(cr.ids);
	return failed ? rc : 0;
}
