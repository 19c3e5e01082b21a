/* cli_report.c - `peerdesk report hours`: the weekly hours summary as
 * text, CSV or PDF, to stdout, a file or the printer. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/core/csvout.h"
#include "peerdesk/core/strbuf.h"

#define CLI_REPORT_USAGE \
	"peerdesk [--db FILE] report hours [--week YYYY-Www] " \
	"[--format text|csv|pdf] [--print] [--output FILE] [--excel] " \
	"[--raw]\n" \
	"       peerdesk [--db FILE] report pay (--from DATE --to DATE | " \
	"--month YYYY-MM | --tax-year YYYY) [--excel] [--raw] " \
	"[--output FILE]\n" \
	"       peerdesk [--db FILE] report outcomes --from DATE --to DATE " \
	"[--funder NAME] [--format text|csv|pdf] [--output FILE]"

static int
cli_report_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fprintf(stderr, "usage: %s\n", CLI_REPORT_USAGE);
	return 2;
}

/* report hours [--week W] [--format F] [--print] [--output FILE]
 * [--excel] [--raw] */
struct cli_report_hours {
	const char *week, *output;
	enum report_format fmt;
	bool print;
	unsigned csv_flags;
};

static int
cli_report_options(int argc, char **argv, struct cli_report_hours *h)
{
	const struct cli_opt opts[] = {
		{ "week", CLI_OPT_TEXT, &h->week, 0, NULL },
		{ "format", CLI_OPT_CALL, &h->fmt, 0, cli_opts_format },
		{ "print", CLI_OPT_FLAG, &h->print, 0, NULL },
		{ "output", CLI_OPT_TEXT, &h->output, 0, NULL },
		CLI_OPTS_CSV(&h->csv_flags),
		CLI_OPTS_END
	};
	int first, rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_IN_ORDER,
	    &first);

	if (rc == CLI_OPTS_UNKNOWN || (rc == 0 && first != argc))
		return cli_report_usage(NULL);
	if (rc != 0)
		return rc;
	return cli_opts_output(&h->output, h->fmt, !h->print, "--output");
}

/* Where the report goes: a file, the printer, or standard output. */
static int
cli_report_deliver(struct cli *cli, struct hours_report *r,
    const struct cli_report_hours *h)
{
	struct print_outcome po;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int rc = 0;

	if (h->output != NULL &&
	    app_report_hours_save(&cli->app, r, h->fmt, h->output, &err) !=
	    PD_OK)
		return cli_out_fail(&err);
	if (h->output != NULL && strcmp(h->output, "-") != 0)
		printf("Wrote the hours for week %s to %s.\n", r->week_label,
		    h->output);
	if (h->print) {
		memset(&po, 0, sizeof po);
		if (app_report_hours_print(&cli->app, r, h->fmt, &po, &err) !=
		    PD_OK)
			return cli_out_fail(&err);
		printf("Sent the hours for week %s to the printer%s%s%s\n",
		    r->week_label, po.said[0] ? " (" : ".", po.said,
		    po.said[0] ? ")." : "");
	}
	if (h->output == NULL && !h->print) {
		if (app_report_hours_render(r, h->fmt, &sb, &err) != PD_OK)
			rc = cli_out_fail(&err);
		else
			rc = cli_out_report(&sb);
	}
	strbuf_fini(&sb);
	return rc;
}

int
cli_report(struct cli *cli, int argc, char **argv)
{
	struct cli_report_hours h = { .fmt = REPORT_TEXT };
	struct hours_report r;
	struct pd_err err;
	int rc;

	if (argc >= 2 && strcmp(argv[1], "pay") == 0)
		return cli_report_pay(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "outcomes") == 0)
		return cli_report_outcomes(cli, argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "hours") != 0)
		return cli_report_usage(argc < 2 ? "which report? (hours, "
		    "pay or outcomes)" : "the reports are 'hours', 'pay' and "
		    "'outcomes'");
	if ((rc = cli_report_options(argc - 1, argv + 1, &h)) != 0)
		return rc;
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	/* A CSV holds the PALs' rows only: skip the clients' part. */
	if ((h.fmt == REPORT_CSV ? app_report_hours_pals(&cli->app, h.week, &r,
	    &err) : app_report_hours(&cli->app, h.week, &r, &err)) != PD_OK)
		return cli_out_fail(&err);
	r.csv_flags = h.csv_flags;
	rc = cli_report_deliver(cli, &r, &h);
	hours_report_fini(&r);
	return rc;
}
