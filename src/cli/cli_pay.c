/* cli_pay.c - `peerdesk report pay`: the payroll export, one CSV row per
 * PAL-week, to standard output or a file. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/model/payexport.h"
#include "peerdesk/report/pay_csv.h"

#define CLI_PAY_USAGE "peerdesk [--db FILE] report pay (--from DATE --to " \
	"DATE | --month YYYY-MM | --tax-year YYYY) [--excel] [--raw] " \
	"[--output FILE]"

static int
cli_pay_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fprintf(stderr, "usage: %s\n", CLI_PAY_USAGE);
	return 2;
}

int
cli_report_pay(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "month", required_argument, NULL, 'm' },
		{ "tax-year", required_argument, NULL, 'y' },
		{ "excel", no_argument, NULL, 'e' },
		{ "raw", no_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *from = NULL, *to = NULL, *month = NULL, *ty = NULL;
	const char *output = "-";
	struct pay_export e;
	struct pd_err err;
	char a[11], b[11];
	unsigned flags = 0;
	int ch, rc;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'm': month = optarg; break;
		case 'y': ty = optarg; break;
		case 'e': flags |= CSV_EXCEL; break;
		case 'r': flags |= CSV_RAW; break;
		case 'o': output = optarg; break;
		default:
			return cli_pay_usage(NULL);
		}
	}
	if (optind != argc)
		return cli_pay_usage(NULL);
	if (app_pay_range(from, to, month, ty, a, b, &err) != PD_OK)
		return cli_pay_usage(err.msg);
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_report_pay(&cli->app, a, b, &e, &err) != PD_OK)
		return cli_fail(&err);
	if (strcmp(output, "-") == 0)
		fflush(stdout);
	rc = 0;
	if (app_report_pay_save(&cli->app, &e, flags, output, &err) != PD_OK)
		rc = cli_fail(&err);
	else if (strcmp(output, "-") != 0)
		printf("Wrote the payroll export for the weeks starting %s to "
		    "%s (%zu PAL-week%s) to %s.\n", a, b, e.n,
		    e.n == 1 ? "" : "s", output);
	pay_export_fini(&e);
	return rc;
}
