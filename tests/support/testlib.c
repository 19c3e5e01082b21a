#include "support/testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/core/xalloc.h"

static char tmpdir[512];

static void
testlib_cleanup(void)
{
	char cmd[600];

	if (tmpdir[0] == '\0' || getenv("PEERDESK_KEEP_TMP") != NULL)
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

const char *
test_tmpdir(void)
{
	const char *base;

	if (tmpdir[0] != '\0')
		return tmpdir;
	base = getenv("TMPDIR");
	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	snprintf(tmpdir, sizeof tmpdir, "%s/peerdesk-test-XXXXXX", base);
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	atexit(testlib_cleanup);
	return tmpdir;
}

char *
test_path(const char *name)
{
	return xasprintf("%s/%s", test_tmpdir(), name);
}

char *
test_write_file(const char *name, const char *text)
{
	char *p = test_path(name);
	FILE *f = fopen(p, "w");

	if (f == NULL) {
		perror(p);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
	return p;
}

char *
test_fixture(const char *name)
{
	const char *top = getenv("PEERDESK_TOP");

	return xasprintf("%s/tests/fixtures/%s", top ? top : ".", name);
}

int
test_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

enum pd_status
test_save_file(const char *path, const void *p, size_t n, struct pd_err *err)
{
	FILE *f = fopen(path, "wb");
	int bad;

	if (f == NULL)
		return pd_fail(err, PD_IO, NULL, "cannot write %s", path);
	bad = fwrite(p, 1, n, f) != n;
	if (fclose(f) != 0 || bad)
		return pd_fail(err, PD_IO, NULL, "cannot write all of %s", path);
	return PD_OK;
}

/* Leaks inside the libraries, not ours, that LeakSanitizer (make
 * check's twin build) would count; every test program leaves them out
 * (defined once here, where every test program links; the program itself,
 * run by the end-to-end scripts against the sanitizer build, reads the
 * same two from tests/support/lsan-peerdesk.supp):
 *  - fontconfig keeps its configuration and caches until the program
 *    ends (what Pango and cairo hold on top is let go by
 *    pdftext_release_fonts(), at exit);
 *  - cairo 1.16 loses an array while it subsets a CFF font (Noto Sans
 *    CJK, the Chinese fallback) as the PDF is finished: the memory is
 *    taken inside cairo_surface_finish() and never handed to us.  Only
 *    what is taken inside that call is left out, so a surface or
 *    context we forget to destroy is still reported. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n"
	    "leak:cairo_surface_finish\n";
}

const char *__lsan_default_options(void);
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
