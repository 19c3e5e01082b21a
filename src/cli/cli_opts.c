/* cli_opts.c - one way to read a command's options: a table of what
 * each --option is and where its value goes (as git's parse-options and
 * tmux's argument tables), read with getopt_long. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_opts.h"

#define CLI_OPTS_MAX 24
#define CLI_OPTS_VAL 256	/* getopt's val for opts[i]: past any char */

int
cli_opts_parse(int argc, char **argv, const struct cli_opt *opts,
    enum cli_opts_order order, int *first)
{
	struct option longopts[CLI_OPTS_MAX + 1] = { { NULL, 0, NULL, 0 } };
	const struct cli_opt *o;
	size_t n;
	int ch, rc;

	for (n = 0; opts[n].name != NULL && n < CLI_OPTS_MAX; n++) {
		longopts[n].name = opts[n].name;
		longopts[n].has_arg = opts[n].kind == CLI_OPT_FLAG ||
		    opts[n].kind == CLI_OPT_BITS ? no_argument :
		    required_argument;
		longopts[n].val = CLI_OPTS_VAL + (int)n;
	}
	/* 0: glibc starts afresh and permutes; "+" with 1: stop at the
	 * first word that is not an option */
	optind = order == CLI_OPTS_PERMUTE ? 0 : 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, order == CLI_OPTS_PERMUTE ? "" :
	    "+", longopts, NULL)) != -1) {
		if (ch < CLI_OPTS_VAL || ch >= CLI_OPTS_VAL + (int)n)
			return CLI_OPTS_UNKNOWN;
		o = &opts[ch - CLI_OPTS_VAL];
		switch (o->kind) {
		case CLI_OPT_TEXT:
			*(const char **)o->dest = optarg;
			break;
		case CLI_OPT_FLAG:
			*(bool *)o->dest = true;
			break;
		case CLI_OPT_BITS:
			*(unsigned *)o->dest |= o->bits;
			break;
		case CLI_OPT_CALL:
			if ((rc = o->call(o->dest, optarg)) != 0)
				return rc;
			break;
		}
	}
	*first = optind;
	return 0;
}

int
cli_opts_format(void *dest, const char *value)
{
	if (report_format_parse(value, dest) == 0)
		return 0;
	fprintf(stderr, "peerdesk: --format takes text, csv or pdf, not "
	    "'%s'\n", value);
	return 2;
}

int
cli_opts_output(const char **output, enum report_format fmt,
    bool to_stdout, const char *opt)
{
	if (*output != NULL && strcmp(*output, "-") == 0)
		*output = NULL;	/* standard output, shown safely */
	if (to_stdout && *output == NULL && fmt == REPORT_PDF &&
	    isatty(STDOUT_FILENO)) {
		fprintf(stderr, "peerdesk: a PDF would garble the terminal; "
		    "use %s FILE, or send it to a file with >\n", opt);
		return 2;
	}
	return 0;
}

bool
cli_opts_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	if (s != NULL && *s == '#')
		s++;
	if (s == NULL || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0)
		return false;
	*id = v;
	return true;
}

int
cli_opts_number(const char *s, const char *what, const char *opt,
    int64_t *id)
{
	if (cli_opts_id(s, id))
		return 0;
	fprintf(stderr, "peerdesk: %s%s'%s' is not a %s number%s\n",
	    opt != NULL ? opt : "", opt != NULL ? ": " : "", s, what,
	    strcmp(what, "client") == 0 ? " (see peerdesk clients)" : "");
	return 2;
}

int
cli_opts_client(void *dest, const char *value)
{
	return cli_opts_number(value, "client", "--client", dest);
}
