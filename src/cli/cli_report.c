/* cli_report.c - `peerdesk report hours`: the weekly hours summary as
 * text, CSV or PDF, to stdout, a file or the printer. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/report_hours.h"
#include "peerdesk/core/csvout.h"
#include "peerdesk/core/strbuf.h"

#define CLI_REPORT_USAGE "peerdesk [--db FILE] report hours [--week YYYY-Www] " \
	"[--format text|csv|pdf] [--print] [--output FILE] [--excel] [--raw]\n" \
	"       peerdesk [--db FILE] report pay (--from DATE --to DATE | " \
	"--month YYYY-MM | --tax-year YYYY) [--excel] [--raw] [--output FILE]\n" \
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

int
cli_report(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "week", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "print", no_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "excel", no_argument, NULL, 'E' },
		{ "raw", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	const char *week = NULL, *output = NULL;
	enum report_format fmt = REPORT_TEXT;
	struct hours_report r;
	struct print_outcome po;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int ch, rc, print = 0;
	unsigned csvfl = 0;

	if (argc >= 2 && strcmp(argv[1], "pay") == 0)
		return cli_report_pay(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "outcomes") == 0)
		return cli_report_outcomes(cli, argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "hours") != 0)
		return cli_report_usage(argc < 2 ? "which report? (hours, "
		    "pay or outcomes)" : "the reports are 'hours', 'pay' and "
		    "'outcomes'");
	argc--;
	argv++;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'w': week = optarg; break;
		case 'o': output = optarg; break;
		case 'p': print = 1; break;
		case 'f':
			if (report_format_parse(optarg, &fmt) != 0) {
				fprintf(stderr, "peerdesk: --format takes text, "
				    "csv or pdf, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'E': csvfl |= CSV_EXCEL; break;
		case 'R': csvfl |= CSV_RAW; break;
		default:
			return cli_report_usage(NULL);
		}
	}
	if (optind != argc)
		return cli_report_usage(NULL);
	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;	/* standard output, shown safely */
	if (!print && output == NULL && fmt == REPORT_PDF &&
	    isatty(STDOUT_FILENO)) {
		fprintf(stderr, "peerdesk: a PDF would garble the terminal; "
		    "use --output FILE, or send it to a file with >\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	/* A CSV holds the PALs' rows only: skip the clients' part. */
	if ((fmt == REPORT_CSV ? app_report_hours_pals(&cli->app, week, &r,
	    &err) : app_report_hours(&cli->app, week, &r, &err)) != PD_OK)
		return cli_fail(&err);
	r.csv_flags = csvfl;
	if (output != NULL &&
	    app_report_hours_save(&cli->app, &r, fmt, output, &err) != PD_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (output != NULL && strcmp(output, "-") != 0)
		printf("Wrote the hours for week %s to %s.\n", r.week_label,
		    output);
	if (print) {
		memset(&po, 0, sizeof po);
		if (app_report_hours_print(&cli->app, &r, fmt, &po, &err)
		    != PD_OK) {
			rc = cli_fail(&err);
			goto out;
		}
		printf("Sent the hours for week %s to the printer%s%s%s\n",
		    r.week_label, po.said[0] ? " (" : ".", po.said,
		    po.said[0] ? ")." : "");
	}
	if (output == NULL && !print) {
		if (app_report_hours_render(&r, fmt, &sb, &err) != PD_OK) {
			rc = cli_fail(&err);
			goto out;
		}
		if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len ||
		    fflush(stdout) != 0) {
			perror("peerdesk: writing the report");
			rc = 1;
		}
	}
out:
	strbuf_fini(&sb);
	hours_report_fini(&r);
	return rc;
}
