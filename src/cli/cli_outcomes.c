/* cli_outcomes.c - `peerdesk report outcomes`: the figures a funder or
 * commissioner asks for, as text, CSV or PDF. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/outcomes.h"
#include "peerdesk/core/csvout.h"

static int
outcomes_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fputs(cli_help_text("report"), stderr);
	return 2;
}

int
cli_report_outcomes(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "funder", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "excel", no_argument, NULL, 'E' },
		{ "raw", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	const char *from = NULL, *to = NULL, *funder = NULL, *output = NULL;
	enum report_format fmt = REPORT_TEXT;
	struct strbuf sb = STRBUF_INIT;
	struct outcomes o;
	struct pd_err err;
	unsigned csvfl = 0;
	int ch, rc = 0;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'u': funder = optarg; break;
		case 'o': output = optarg; break;
		case 'E': csvfl |= CSV_EXCEL; break;
		case 'R': csvfl |= CSV_RAW; break;
		case 'f':
			if (report_format_parse(optarg, &fmt) != 0)
				return outcomes_usage("--format takes text, csv "
				    "or pdf");
			break;
		default:
			return outcomes_usage(NULL);
		}
	}
	if (optind != argc)
		return outcomes_usage(NULL);
	if (from == NULL || to == NULL)
		return outcomes_usage("say which period: --from DATE --to DATE");
	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	if (output == NULL && fmt == REPORT_PDF && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "peerdesk: a PDF would garble the terminal; "
		    "use --output FILE, or send it to a file with >\n");
		return 2;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (app_report_outcomes(&cli->app, from, to, funder, &o, &err)
	    != PD_OK)
		return cli_fail(&err);
	if (output != NULL) {
		if (app_report_outcomes_save(&cli->app, &o, fmt, csvfl, output,
		    &err) != PD_OK)
			rc = cli_fail(&err);
		else
			printf("Wrote the outcomes report to %s.\n", output);
	} else if (app_report_outcomes_render(&o, fmt, csvfl, &sb, &err)
	    != PD_OK)
		rc = cli_fail(&err);
	else if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len ||
	    fflush(stdout) != 0) {
		perror("peerdesk: writing the report");
		rc = 1;
	}
	strbuf_fini(&sb);
	outcomes_fini(&o);
	return rc;
}
