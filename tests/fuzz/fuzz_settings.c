/* fuzz_settings.c - libFuzzer target: the settings and the rules readers.
 *
 * Each input is read both as a settings file (settings_load_text) and as
 * a rules file (rules_load_text).  Whatever the bytes, a reader must
 * either succeed with a usable struct or fail with an error that names
 * the file; never crash, leak, read past the text or overflow.  After a
 * successful load, the lookups and the error formatter are exercised too.
 * Build and run: `make fuzz` (docs/testing notes in tests/fuzz/README).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/config/rules.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/status.h"
#include "peerdesk/model/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_err(const struct pd_err *err)
{
	char line[1024];

	/* A failure always says something, and formats within bounds. */
	if (err->code == PD_OK || err->msg[0] == '\0')
		abort();
	pd_err_format(err, line, sizeof line);
	if (strlen(line) >= sizeof line)
		abort();
}

static void
try_settings(const char *text, size_t len)
{
	struct settings s;
	struct pd_err err;
	size_t i;

	memset(&err, 0, sizeof err);
	if (settings_load_text(text, len, "fuzz.yaml", &s, &err) != PD_OK) {
		check_err(&err);
	} else {
		if (s.org_name == NULL || s.db_path == NULL)
			abort();
		if (s.week_start < 1 || s.week_start > 7)
			abort();
		if (s.review_overdue_days <= s.review_due_days)
			abort();
		for (i = 0; i < s.n_shared_accounts; i++)
			(void)settings_is_shared_account(&s,
			    s.shared_accounts[i]);
		(void)settings_day_name(s.week_start);
	}
	settings_fini(&s);
}

static void
try_rules(const char *text, size_t len)
{
	static const char *const dates[] = {
		"1999-12-31", "2016-04-01", "2024-04-06", "2026-04-05",
		"2026-04-06", "9999-12-31", "not a date", ""
	};
	struct rules r;
	struct pd_err err;
	size_t i;

	rules_init(&r);
	memset(&err, 0, sizeof err);
	if (rules_load_text(text, len, "fuzz-rules.yaml", &r, &err) != PD_OK) {
		check_err(&err);
		if (r.n_pw != 0 || r.n_wage != 0)
			abort();	/* failure leaves the tables empty */
	} else {
		for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
			const struct rules_wage_row *row;

			(void)rules_pw_on(&r, dates[i]);
			row = rules_wage_row_on(&r, dates[i]);
			if (row != NULL)
				(void)rules_wage_top(row);
			(void)rules_wage_on(&r, dates[i], 25);
			(void)rules_wage_on(&r, dates[i], 17);
			(void)rules_apprentice_on(&r, dates[i]);
		}
		(void)rules_first_date(&r);
		(void)rules_last_date(&r);
	}
	rules_fini(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, not NUL-terminated: a read past the end of
	 * the text is caught by AddressSanitizer. */
	char *text = malloc(size ? size : 1);

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	try_settings(text, size);
	try_rules(text, size);
	free(text);
	return 0;
}
