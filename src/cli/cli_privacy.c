/* cli_privacy.c - sar, erase, retention: data-protection requests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/privacy.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* Read one line from stdin without its newline and outer spaces into
 * buf; 0, or -1 at end of input. */
static int
cli_privacy_read_answer(char *buf, size_t n)
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
cli_privacy_confirm_name(const struct privacy_client *c)
{
	char answer[512];

	printf("Erasing %s (client %lld, closed on %s) removes their name, "
	    "contact details and every note for good.\n"
	    "Dates, minutes and pay stay, and so does the audit's who and "
	    "when.\n"
	    "To go ahead, type the client's name exactly: ", c->name,
	    (long long)c->id, c->closed_on);
	if (cli_privacy_read_answer(answer, sizeof answer) != 0) {
		putchar('\n');
		return 0;
	}
	return strcmp(answer, c->name) == 0;
}

int
cli_sar(struct cli *cli, int argc, char **argv)
{
	const char *dir = ".";
	const struct cli_opt opts[] = {
		{ "output", CLI_OPT_TEXT, &dir, 0, NULL },
		CLI_OPTS_END
	};
	char *yaml = NULL, *pdf = NULL;
	struct pd_err err;
	int64_t id;
	int first, rc;

	if (cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, &first) != 0 ||
	    first != argc - 1 || !cli_opts_id(argv[first], &id))
		goto usage;
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_sar_write(&cli->app, id, dir, &yaml, &pdf, &err) != PD_OK)
		return cli_out_fail(&err);
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

/* The mentions of a client elsewhere, as listed. */
struct cli_mentions {
	size_t n, cap;
	unsigned char *replace;	/* the answer for each, default first */
};

static void
cli_privacy_show_text(const char *fmt, const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_escape(text != NULL ? text : "", false, &sb);
	printf(fmt, strbuf_str(&sb));
	strbuf_fini(&sb);
}

static int
cli_privacy_mention_row(void *arg, const struct erase_mention *m)
{
	struct cli_mentions *cm = arg;

	if (cm->n == 0)
		printf("Their name or phone number also appears in other "
		    "people's records. Each place is shown with the words "
		    "around it; erasing replaces only the words in [ ] with "
		    "\"(erased)\" and keeps the rest.\n");
	if (cm->n == cm->cap) {
		cm->cap = cm->cap ? cm->cap * 2 : 16;
		cm->replace = xreallocarray(cm->replace, cm->cap, 1);
	}
	cm->replace[cm->n] = (unsigned char)m->replace;
	cm->n++;
	printf("  %zu. %s  %s #%lld", m->n, m->on, m->what,
	    (long long)m->record_id);
	if (m->client_id > 0)
		cli_privacy_show_text(" of %s",
		    m->owner != NULL ? m->owner : "?");
	else if (m->owner != NULL)
		cli_privacy_show_text(" of %s", m->owner);
	if (m->client_id > 0)
		printf(" (client %lld)", (long long)m->client_id);
	cli_privacy_show_text("\n       %s\n", m->context);
	printf("       %s: %s\n", mention_kind_label(m->kind), m->replace ?
	    "replaced unless you say no" : "may be someone else; kept "
	    "unless you say yes");
	return 0;
}

/* Ask about each mention (Enter keeps the default); -1 at end of input. */
static int
cli_privacy_ask_mentions(struct cli_mentions *cm)
{
	char answer[64];
	size_t i;

	for (i = 0; i < cm->n; i++) {
		printf("Replace place %zu with \"(erased)\"? [%s] ", i + 1,
		    cm->replace[i] ? "Y/n" : "y/N");
		if (cli_privacy_read_answer(answer, sizeof answer) != 0) {
			putchar('\n');
			return -1;
		}
		if (answer[0] == 'y' || answer[0] == 'Y')
			cm->replace[i] = 1;
		else if (answer[0] == 'n' || answer[0] == 'N')
			cm->replace[i] = 0;
	}
	return 0;
}

/* Show, ask and erase client id.  0 erased (or listed, dry), -1 kept
 * (not confirmed), else an exit status from cli_out_fail. */
static int
cli_privacy_erase_one(struct cli *cli, int64_t id, bool yes, bool dry)
{
	struct privacy_client c;
	struct cli_mentions cm;
	struct erase_choices ch;
	struct erase_result res;
	struct pd_err err;
	unsigned long long sum = 0;
	int rc = 0;

	memset(&cm, 0, sizeof cm);
	if (app_erase_check(&cli->app, id, &c, &err) != PD_OK)
		return cli_out_fail(&err);
	if (app_erase_mentions(&cli->app, id, cli_privacy_mention_row, &cm,
	    &sum,
	    &err) != PD_OK) {
		rc = cli_out_fail(&err);
		goto out;
	}
	if (dry)
		goto out;
	if (!yes && cli_privacy_ask_mentions(&cm) != 0) {
		printf("Nothing was erased.\n");
		rc = -1;
		goto out;
	}
	if (!yes && !cli_privacy_confirm_name(&c)) {
		printf("That is not the name; nothing was erased for client "
		    "%lld.\n", (long long)id);
		rc = -1;
		goto out;
	}
	ch.n = cm.n;
	ch.replace = cm.replace;
	ch.sum = sum;
	if (app_erase(&cli->app, id, cm.n > 0 ? &ch : NULL, &res, &err) !=
	    PD_OK) {
		rc = cli_out_fail(&err);
		goto out;
	}
	printf("Client %lld is erased: now \"Erased client #%lld\".\n",
	    (long long)id, (long long)id);
	if (res.merged > 0)
		printf("Erased with it: %zu record%s merged into client "
		    "%lld.\n", res.merged, res.merged == 1 ? "" : "s",
		    (long long)id);
	if (res.replaced + res.kept > 0)
		printf("In other people's records: %zu place%s replaced, %zu "
		    "kept as written.\n", res.replaced,
		    res.replaced == 1 ? "" : "s", res.kept);
	if (!res.journal_emptied)
		printf("Another peerdesk is using the database, so the old "
		    "copy in its journal goes only when everyone has closed "
		    "peerdesk.\n");
out:
	privacy_client_fini(&c);
	free(cm.replace);
	return rc;
}

int
cli_erase(struct cli *cli, int argc, char **argv)
{
	bool yes = false;
	const struct cli_opt opts[] = {
		{ "yes", CLI_OPT_FLAG, &yes, 0, NULL },
		CLI_OPTS_END
	};
	int64_t id;
	int first, rc;

	if (cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, &first) != 0 ||
	    first != argc - 1 || !cli_opts_id(argv[first], &id)) {
		fprintf(stderr, "peerdesk: usage: peerdesk erase CLIENT "
		    "[--yes]\n");
		return 2;
	}
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	rc = cli_privacy_erase_one(cli, id, yes, false);
	return rc < 0 ? 1 : rc;
}

struct cli_ret {
	int64_t *ids;
	size_t n, cap;
};

static int
cli_privacy_ret_row(void *arg, const struct retention_row *r)
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
	bool yes = false, dry = false, failed = false;
	const struct cli_opt opts[] = {
		{ "yes", CLI_OPT_FLAG, &yes, 0, NULL },
		{ "dry-run", CLI_OPT_FLAG, &dry, 0, NULL },
		CLI_OPTS_END
	};
	size_t i, erased = 0;
	int first, rc;

	if (cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, &first) != 0 ||
	    first != argc) {
		fprintf(stderr, "peerdesk: usage: peerdesk retention "
		    "[--dry-run] [--yes]\n");
		return 2;
	}
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	memset(&cr, 0, sizeof cr);
	printf("Closed clients kept %d years or more (retention_years):\n"
	    "  client  closed on   years  name\n",
	    cli->app.settings->retention_years);
	if (app_retention_list(&cli->app, NULL, cli_privacy_ret_row, &cr,
	    &err) !=
	    PD_OK) {
		free(cr.ids);
		return cli_out_fail(&err);
	}
	if (cr.n == 0)
		printf("  (none: nothing is due to be erased)\n");
	else if (dry)
		printf("%zu client%s would be erased (below, with the places "
		    "other people's records name them). Nothing was changed "
		    "(--dry-run).\n", cr.n, cr.n == 1 ? "" : "s");
	for (i = 0; i < cr.n; i++) {
		int one;

		printf("\nClient %lld:\n", (long long)cr.ids[i]);
		one = cli_privacy_erase_one(cli, cr.ids[i], yes, dry);
		if (one == 0 && !dry)
			erased++;
		else if (one > 0) {
			rc = one;
			failed = true;
		}
	}
	if (!dry && cr.n > 0)
		printf("Erased %zu of %zu client%s.\n", erased, cr.n,
		    cr.n == 1 ? "" : "s");
	free(cr.ids);
	return failed ? rc : 0;
}
