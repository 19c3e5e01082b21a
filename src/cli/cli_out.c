/* cli_out.c - what the commands print to a terminal is shown safely:
 * control characters and invalid bytes in people's text (a name pasted
 * with an escape sequence, a CSV file from elsewhere) come out as
 * visible escapes (\x1b, \xff) instead of acting on the terminal.
 * Output to a file or a pipe is left exactly as it is. */
#define _GNU_SOURCE	/* fopencookie */
#include "cli_priv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/core/csvout.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"

int
cli_out_fail(const struct pd_err *err)
{
	char buf[1024];
	struct strbuf shown = STRBUF_INIT;

	pd_err_format(err, buf, sizeof buf);
	/* A message may quote what someone typed or a file held: never let
	 * it act on the terminal. */
	utf8_escape(buf, true, &shown);
	fprintf(stderr, "peerdesk: %s\n", strbuf_str(&shown));
	strbuf_fini(&shown);
	switch (err->code) {
	case PD_DENIED: return 4;
	case PD_NOT_FOUND: return 3;
	case PD_INVALID: case PD_PARSE: case PD_CONFIG: return 2;
	default: return 1;
	}
}

struct cli_out {
	int fd;
	char pend[4];		/* the start of a character cut by a write */
	size_t npend;
};

static FILE *cli_out_real;	/* the stdout we replaced, or NULL */
static struct cli_out cli_out_state;

static int
cli_out_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* How many bytes of a character starting with lead there should be; 0
 * when lead cannot start one. */
static size_t
cli_out_seq_len(unsigned char lead)
{
	if (lead >= 0xc2 && lead <= 0xdf)
		return 2;
	if (lead >= 0xe0 && lead <= 0xef)
		return 3;
	if (lead >= 0xf0 && lead <= 0xf4)
		return 4;
	return 0;
}

/* True when the n bytes at s are the start of a character that the next
 * write may finish. */
static int
cli_out_unfinished(const char *s, size_t n)
{
	size_t want = cli_out_seq_len((unsigned char)s[0]), i;

	if (want == 0 || n >= want)
		return 0;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

static void
cli_out_escape_into(struct strbuf *sb, const char *s, size_t n,
    size_t *used)
{
	size_t i = 0, len;
	int32_t cp;
	char esc[12];

	while (i < n) {
		if (s[i] == '\n' || s[i] == '\t') {
			strbuf_add(sb, s + i, 1);
			i++;
			continue;
		}
		if (cli_out_unfinished(s + i, n - i))
			break;
		len = utf8_decode(s + i, n - i, &cp);
		if (utf8_cp_needs_escape(cp)) {
			utf8_cp_escape(cp, (unsigned char)s[i], esc);
			strbuf_adds(sb, esc);
		} else {
			strbuf_add(sb, s + i, len);
		}
		i += len;
	}
	*used = i;
}

static ssize_t
cli_out_write(void *cookie, const char *buf, size_t n)
{
	struct cli_out *o = cookie;
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	size_t used;
	int rc;

	strbuf_add(&in, o->pend, o->npend);
	strbuf_add(&in, buf, n);
	cli_out_escape_into(&out, in.buf, in.len, &used);
	o->npend = in.len - used;	/* at most 3: an unfinished character */
	memcpy(o->pend, in.buf + used, o->npend);
	rc = cli_out_all(o->fd, out.buf, out.len);
	strbuf_fini(&in);
	strbuf_fini(&out);
	return rc == 0 ? (ssize_t)n : -1;
}

static int
cli_out_close(void *cookie)
{
	struct cli_out *o = cookie;
	struct strbuf out = STRBUF_INIT;
	size_t i;
	char esc[12];
	int rc;

	/* A character never finished is shown as its bytes. */
	for (i = 0; i < o->npend; i++) {
		utf8_cp_escape(UTF8_INVALID, (unsigned char)o->pend[i], esc);
		strbuf_adds(&out, esc);
	}
	o->npend = 0;
	rc = cli_out_all(o->fd, out.buf, out.len);
	strbuf_fini(&out);
	return rc;
}

void
cli_out_escape(void)
{
	static const cookie_io_functions_t io = {
		.write = cli_out_write,
		.close = cli_out_close,
	};
	FILE *f;

	if (cli_out_real != NULL || !isatty(STDOUT_FILENO))
		return;
	fflush(stdout);
	memset(&cli_out_state, 0, sizeof cli_out_state);
	cli_out_state.fd = STDOUT_FILENO;
	if ((f = fopencookie(&cli_out_state, "w", io)) == NULL)
		return;		/* then plain output: never worse than before */
	setvbuf(f, NULL, _IOLBF, 0);
	cli_out_real = stdout;
	stdout = f;
}

int
cli_out_raw(void)
{
	int rc;

	if (cli_out_real == NULL)
		return 0;
	rc = fclose(stdout);
	stdout = cli_out_real;
	cli_out_real = NULL;
	return rc;
}

int
cli_out_finish(int rc)
{
	bool bad = cli_out_raw() != 0;

	if (fflush(stdout) != 0 || ferror(stdout))
		bad = true;
	if (!bad)
		return rc;
	fprintf(stderr, "peerdesk: could not write all of the output: %s\n",
	    errno != 0 ? strerror(errno) : "write error");
	return rc == 0 ? 1 : rc;
}

void
cli_out_pad(struct strbuf *sb, size_t width)
{
	size_t w = utf8_width(sb->buf);

	while (w++ < width)
		strbuf_addc(sb, ' ');
}

int
cli_out_report(const struct strbuf *sb)
{
	if (fwrite(sb->buf, 1, sb->len, stdout) == sb->len &&
	    fflush(stdout) == 0)
		return 0;
	perror("peerdesk: writing the report");
	return 1;
}
