/* cli_opts.h - a command's options as a table (cli_opts.c). */
#ifndef PEERDESK_CLI_OPTS_H
#define PEERDESK_CLI_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/app/report_hours.h"
#include "peerdesk/core/csvout.h"

enum cli_opt_kind {
	CLI_OPT_TEXT,	/* --name VALUE: *(const char **)dest, the last given */
	CLI_OPT_FLAG,	/* --name: *(bool *)dest = true */
	CLI_OPT_BITS,	/* --name: *(unsigned *)dest |= bits */
	CLI_OPT_CALL	/* --name VALUE: call(dest, VALUE) */
};

/* One --option of a command.  A call returns 0, or the exit status to
 * stop with after saying what is wrong with the value; it runs as the
 * option is met, so the first fault on the line is the one said. */
struct cli_opt {
	const char *name;
	enum cli_opt_kind kind;
	void *dest;
	unsigned bits;
	int (*call)(void *dest, const char *value);
};

#define CLI_OPTS_END { NULL, CLI_OPT_FLAG, NULL, 0, NULL }

/* --excel (a byte-order mark for Excel) and --raw (formula-like cells
 * left as they are) for any command that writes CSV: the flags of
 * core/csvout.h into the unsigned at flags. */
#define CLI_OPTS_CSV(flags) \
	{ "excel", CLI_OPT_BITS, (flags), CSV_EXCEL, NULL }, \
	{ "raw", CLI_OPT_BITS, (flags), CSV_RAW, NULL }

enum cli_opts_order {
	CLI_OPTS_PERMUTE,	/* options anywhere, the other words after */
	CLI_OPTS_IN_ORDER	/* options first: the next word ends them */
};

#define CLI_OPTS_UNKNOWN (-1)

/* Read the options of argv (argv[0] is the command) by opts, which ends
 * with CLI_OPTS_END.  0 with *first the index of the first word that is
 * no option; CLI_OPTS_UNKNOWN for an option not in opts or without its
 * value (the caller shows its usage); or the exit status a call gave. */
int cli_opts_parse(int argc, char **argv, const struct cli_opt *opts,
    enum cli_opts_order order, int *first);

/* A call for --format text|csv|pdf: dest is an enum report_format. */
int cli_opts_format(void *dest, const char *value);

/* Where a report goes, from --output (opt names it in the message): "-"
 * is standard output, *output NULL after; a PDF for standard output is
 * refused when that is a terminal (unless !to_stdout: it goes elsewhere,
 * as to the printer).  0, or 2 after saying why. */
int cli_opts_output(const char **output, enum report_format fmt,
    bool to_stdout, const char *opt);

/* A record's number as typed, "12" or "#12" (the screens show "#12"):
 * true with *id set when s is one (greater than 0), false and nothing
 * said when it is not. */
bool cli_opts_id(const char *s, int64_t *id);

/* The number of a what ("client", "PAL", "note") from the word s, opt
 * the option it came with (NULL: a word in its place): 0 and *id, or 2
 * after saying "peerdesk: [OPT: ]'S' is not a WHAT number" (for a
 * client, with where to find them). */
int cli_opts_number(const char *s, const char *what, const char *opt,
    int64_t *id);

/* A call for --client NUMBER: dest is an int64_t. */
int cli_opts_client(void *dest, const char *value);

#endif
