/* Tier 1: model/contact - checks that help without blocking: a date of
 * birth (refused only in the future or over 120; over 100 asks), and
 * the shapes of an email address and a UK phone number. */
#include <stdbool.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/contact.h"

static pd_date
day(const char *s)
{
	pd_date d;

	ck_assert_int_eq(date_parse(s, &d, NULL), PD_OK);
	return d;
}

START_TEST(test_dob)
{
	pd_date today = day("2026-11-25");
	struct pd_err err;
	bool ask = true;	/* proves the check sets it */

	ck_assert_int_eq(contact_dob_check(day("1990-04-15"), today, &ask,
	    &err), PD_OK);
	ck_assert_int_eq(ask, 0);
	ck_assert_int_eq(contact_dob_check(day("2026-11-25"), today, &ask,
	    &err), PD_OK);
	/* the future: refused, naming the field */
	ck_assert_int_eq(contact_dob_check(day("2031-01-01"), today, &ask,
	    &err), PD_INVALID);
	ck_assert_str_eq(err.field, "date_of_birth");
	ck_assert_ptr_nonnull(strstr(err.msg, "future"));
	ck_assert_int_eq(contact_dob_check(day("2026-11-26"), today, &ask,
	    &err), PD_INVALID);
	/* 100 is fine; 101 asks; 120 asks; 121 is refused */
	ck_assert_int_eq(contact_dob_check(day("1926-11-25"), today, &ask,
	    &err), PD_OK);
	ck_assert_int_eq(ask, 0);
	ck_assert_int_eq(contact_dob_check(day("1925-11-25"), today, &ask,
	    &err), PD_OK);
	ck_assert_int_eq(ask, 1);
	ck_assert_int_eq(contact_dob_check(day("1906-11-25"), today, &ask,
	    &err), PD_OK);
	ck_assert_int_eq(ask, 1);
	ck_assert_int_eq(contact_dob_check(day("1905-11-25"), today, &ask,
	    &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "121"));
}
END_TEST

static const struct {
	const char *s;
	int ok;
} emails[] = {
	{ "", 1 }, { "jo@example.org", 1 }, { "jo.smith+x@mail.co.uk", 1 },
	{ "jo@", 0 }, { "@example.org", 0 }, { "jo@example", 0 },
	{ "jo example.org", 0 }, { "jo@@example.org", 0 },
	{ "jo@ex ample.org", 0 }, { "jo@example.", 0 }, { "jo@.org", 0 },
};

START_TEST(test_email)
{
	ck_assert_msg(contact_email_ok(emails[_i].s) == emails[_i].ok, "%s",
	    emails[_i].s);
}
END_TEST

static const struct {
	const char *s;
	int ok;
} phones[] = {
	{ "", 1 }, { "07700 900123", 1 }, { "07700900123", 1 },
	{ "0161 496 0000", 1 }, { "(0161) 496-0000", 1 },
	{ "+44 7700 900123", 1 }, { "+44 (0)7700 900123", 1 },
	{ "+353 1 234 5678", 1 }, { "07700 900123 / 0161 496 0000", 1 },
	{ "07700 900123 or 0161 496 0000", 1 },
	{ "12345", 0 }, { "7700 900123", 0 }, { "077009001234567", 0 },
	{ "ring Jo", 0 }, { "+44 07700", 0 }, { "00 7700 900123", 0 },
};

START_TEST(test_phone)
{
	ck_assert_msg(contact_phone_ok(phones[_i].s) == phones[_i].ok, "%s",
	    phones[_i].s);
}
END_TEST

static Suite *
contact_suite(void)
{
	Suite *s = suite_create("model_contact");
	TCase *tc = tcase_create("checks");

	tcase_add_test(tc, test_dob);
	tcase_add_loop_test(tc, test_email, 0,
	    (int)(sizeof emails / sizeof emails[0]));
	tcase_add_loop_test(tc, test_phone, 0,
	    (int)(sizeof phones / sizeof phones[0]));
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(contact_suite)
