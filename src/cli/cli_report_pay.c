/* cli_report_pay.c - `peerdesk report pay`: the payroll export, one CSV row per
 * PAL-week, to standard output or a file. */
#include <stdio.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/model/payexport.h"
#include "peerdesk/report/pay_csv.h"

#define CLI_REPORT_PAY_USAGE "peerdesk [--db FILE] report pay (--from " \
	"DATE --to DATE | --month YYYY-MM | --tax-year YYYY) [--excel] " \
	"[--raw] [--output FILE]"

static int
cli_report_pay_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fprintf(stderr, "usage: %s\n", CLI_REPORT_PAY_USAGE);
	return 2;
}

int
cli_report_pay(struct cli *cli, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *month = NULL, *ty = NULL;
	const char *output = "-";
	unsigned flags = 0;
	const struct cli_opt opts[] = {
		{ "from", CLI_OPT_TEXT, &from, 0, NULL },
		{ "to", CLI_OPT_TEXT, &to, 0, NULL },
		{ "month", CLI_OPT_TEXT, &month, 0, NULL },
		{ "tax-year", CLI_OPT_TEXT, &ty, 0, NULL },
		CLI_OPTS_CSV(&flags),
		{ "output", CLI_OPT_TEXT, &output, 0, NULL },
		CLI_OPTS_END
	};
	struct pay_export e;
	struct pd_err err;
	char a[11], b[11];
	int rc, first;

	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_IN_ORDER, &first);
	if (rc != 0 || first != argc)
		return cli_report_pay_usage(NULL);
	if (app_pay_range(from, to, month, ty, a, b, &err) != PD_OK)
		return cli_report_pay_usage(err.msg);
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_report_pay(&cli->app, a, b, &e, &err) != PD_OK)
		return cli_out_fail(&err);
	if (strcmp(output, "-") == 0)
		fflush(stdout);
	rc = 0;
	if (app_report_pay_save(&cli->app, &e, flags, output, &err) != PD_OK)
		rc = cli_out_fail(&err);
	else if (strcmp(output, "-") != 0)
		printf("Wrote the payroll export for the weeks starting %s to "
		    "%s (%zu PAL-week%s) to %s.\n", a, b, e.n,
		    e.n == 1 ? "" : "s", output);
	pay_export_fini(&e);
	return rc;
}
