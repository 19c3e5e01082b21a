/* cli_report_outcomes.c - `peerdesk report outcomes`: the figures a funder or
 * commissioner asks for, as text, CSV or PDF. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/outcomes.h"
#include "peerdesk/core/csvout.h"

static int
cli_report_outcomes_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fputs(cli_help_text("report"), stderr);
	return 2;
}

static int
cli_report_outcomes_format(void *dest, const char *value)
{
	if (report_format_parse(value, dest) != 0)
		return cli_report_outcomes_usage("--format takes text, csv or "
		    "pdf");
	return 0;
}

/* report outcomes --from DATE --to DATE [--funder NAME] [--format F]
 * [--output FILE] [--excel] [--raw] */
struct cli_report_outcomes {
	const char *from, *to, *funder, *output;
	enum report_format fmt;
	unsigned csv_flags;
};

static int
cli_report_outcomes_options(int argc, char **argv,
    struct cli_report_outcomes *q)
{
	const struct cli_opt opts[] = {
		{ "from", CLI_OPT_TEXT, &q->from, 0, NULL },
		{ "to", CLI_OPT_TEXT, &q->to, 0, NULL },
		{ "funder", CLI_OPT_TEXT, &q->funder, 0, NULL },
		{ "format", CLI_OPT_CALL, &q->fmt, 0,
		  cli_report_outcomes_format },
		{ "output", CLI_OPT_TEXT, &q->output, 0, NULL },
		CLI_OPTS_CSV(&q->csv_flags),
		CLI_OPTS_END
	};
	int first, rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE,
	    &first);

	if (rc > 0)
		return rc;
	if (rc == CLI_OPTS_UNKNOWN || first != argc)
		return cli_report_outcomes_usage(NULL);
	if (q->from == NULL || q->to == NULL)
		return cli_report_outcomes_usage("say which period: --from "
		    "DATE --to DATE");
	return cli_opts_output(&q->output, q->fmt, true, "--output");
}

int
cli_report_outcomes(struct cli *cli, int argc, char **argv)
{
	struct cli_report_outcomes q = { .fmt = REPORT_TEXT };
	struct strbuf sb = STRBUF_INIT;
	struct outcomes o;
	struct pd_err err;
	int rc;

	if ((rc = cli_report_outcomes_options(argc, argv, &q)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_report_outcomes(&cli->app, q.from, q.to, q.funder, &o, &err)
	    != PD_OK)
		return cli_out_fail(&err);
	if (q.output != NULL) {
		if (app_report_outcomes_save(&cli->app, &o, q.fmt, q.csv_flags,
		    q.output, &err) != PD_OK)
			rc = cli_out_fail(&err);
		else
			printf("Wrote the outcomes report to %s.\n", q.output);
	} else if (app_report_outcomes_render(&o, q.fmt, q.csv_flags, &sb,
	    &err) != PD_OK)
		rc = cli_out_fail(&err);
	else
		rc = cli_out_report(&sb);
	strbuf_fini(&sb);
	outcomes_fini(&o);
	return rc;
}
