/* print_sample.c - test helper for tests/e2e/t_print.sh (built by that
 * script against build/libpeerdesk.a, not by the Makefile).
 *
 *   print_sample DIR               write DIR/hours.txt, .csv and .pdf
 *   print_sample DIR COMMAND FILE  also print DIR/FILE with COMMAND
 *                                  through app_print_file()
 *
 * The report is the sample week of tests/support/report_sample.c.  Until
 * `peerdesk report hours` exists this is how the end-to-end test reaches
 * the renderers and the print path.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/report_sample.h"
#include "peerdesk/app/print.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/report/hours_csv.h"
#include "peerdesk/report/hours_pdf.h"
#include "peerdesk/report/hours_text.h"

static int
write_file(const char *dir, const char *name, const struct strbuf *sb)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(sb->buf, 1, sb->len, f) != sb->len) {
		perror(path);
		return 1;
	}
	return fclose(f) != 0;
}

int
main(int argc, char **argv)
{
	struct hours_report r;
	struct strbuf text = STRBUF_INIT, csv = STRBUF_INIT;
	struct strbuf pdf = STRBUF_INIT;
	struct print_outcome out;
	struct pd_err err;
	char path[4096];
	int bad = 0;

	setlocale(LC_CTYPE, "C.UTF-8");	/* as cli.c does */
	if (argc != 2 && argc != 4) {
		fprintf(stderr, "usage: print_sample DIR [COMMAND FILE]\n");
		return 2;
	}
	report_sample_build(&r);
	hours_text_render(&r, &text);
	hours_csv_render(&r, &csv);
	if (hours_pdf_render(&r, &pdf, &err) != PD_OK) {
		fprintf(stderr, "print_sample: %s\n", err.msg);
		return 1;
	}
	hours_report_fini(&r);
	bad |= write_file(argv[1], "hours.txt", &text);
	bad |= write_file(argv[1], "hours.csv", &csv);
	bad |= write_file(argv[1], "hours.pdf", &pdf);
	strbuf_fini(&text);
	strbuf_fini(&csv);
	strbuf_fini(&pdf);
	if (bad || argc == 2)
		return bad;

	snprintf(path, sizeof path, "%s/%s", argv[1], argv[3]);
	if (app_print_file(argv[2], path, 0, &out, &err) != PD_OK) {
		printf("not printed: %s\n", err.msg);
		return 1;
	}
	printf("printed: %s\n", out.said);
	return 0;
}
