/* testlib.h - shared helpers for the Check test programs.
 *
 * Every tests/<tier>/check_*.c ends with PD_TEST_MAIN(suite_fn), where
 * suite_fn returns the file's Suite.
 */
#ifndef PEERDESK_TESTS_TESTLIB_H
#define PEERDESK_TESTS_TESTLIB_H

#include <check.h>
#include <stddef.h>

#include "peerdesk/core/status.h"

/* A fresh directory under $TMPDIR for this test; removed at exit. The
 * returned path is borrowed and lives until the program ends. */
const char *test_tmpdir(void);

/* test_tmpdir()/name, newly allocated (caller frees). */
char *test_path(const char *name);

/* Write text to test_tmpdir()/name and return its path (caller frees). */
char *test_write_file(const char *name, const char *text);

/* Write n bytes to path (made or replaced): PD_OK or PD_IO naming path
 * in err (for renderer tests that look at the file with poppler). */
enum pd_status test_save_file(const char *path, const void *p, size_t n,
    struct pd_err *err);

/* Path of a file under tests/fixtures (caller frees). */
char *test_fixture(const char *name);

/* Runs the suite; exit status 0 only when every check passed. */
int test_run_suite(Suite *s);

#define PD_TEST_MAIN(suite_fn) \
	int main(void) { return test_run_suite(suite_fn()); }

#endif
