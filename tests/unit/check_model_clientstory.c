/* Tier 1: names and phone numbers folded for the duplicate check
 * (core/textfold), and model/clientstory's status rules and closed reasons. */
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/textfold.h"
#include "peerdesk/model/clientstory.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static const struct {
	const char *in, *want;
} fold_cases[] = {
	{ "Siobh\xc3\xa1n", "siobhan" },
	{ "ZO\xc3\x8b", "zoe" },
	{ "Se\xc3\xa1n", "sean" },
	{ "\xc5\x81ukasz", "lukasz" },			/* Ł */
	{ "Bj\xc3\xb8rn", "bjorn" },			/* ø */
	{ "Stra\xc3\x9f" "e", "strasse" },		/* ß */
	{ "\xe1\xba\x9e", "ss" },			/* capital ß */
	{ "\xc3\x86thel", "aethel" },			/* Æ */
	{ "\xc5\x92uvre", "oeuvre" },			/* Œ */
	{ "\xc3\x9e\xc3\xb3r", "thor" },		/* Þó */
	{ "\xc4\x90or\xc4\x91" "e", "dorde" },		/* Đ đ */
	{ "  Ana   Silva \t", "ana silva" },
	{ "O'Brien-Smith", "o'brien-smith" },
	{ "\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac" },	/* kept */
	{ "", "" },
};

START_TEST(test_fold)
{
	char *got = textfold(fold_cases[_i].in);

	ck_assert_str_eq(got, fold_cases[_i].want);
	free(got);
}
END_TEST

static const struct {
	const char *in, *want;
} phone_cases[] = {
	{ "07700 900123", "07700900123" },
	{ "+44 7700 900-123", "07700900123" },
	{ "0044 7700 900123", "07700900123" },
	{ "(01632) 960 001", "01632960001" },
	{ "ext. 12", "12" },
	{ "", "" },
};

START_TEST(test_phone)
{
	char *got = textfold_phone_digits(phone_cases[_i].in);

	ck_assert_str_eq(got, phone_cases[_i].want);
	free(got);
}
END_TEST

START_TEST(test_status_rules)
{
	enum closed_reason r;

	ck_assert_ptr_null(client_status_refusal(CLIENT_REFERRED,
	    CLIENT_INTAKE));
	ck_assert_ptr_null(client_status_refusal(CLIENT_ACTIVE, CLIENT_CLOSED));
	ck_assert_ptr_null(client_status_refusal(CLIENT_PAUSED, CLIENT_ACTIVE));
	ck_assert_ptr_nonnull(client_status_refusal(CLIENT_PAUSED,
	    CLIENT_PAUSED));
	ck_assert_ptr_nonnull(client_status_refusal(CLIENT_CLOSED,
	    CLIENT_ACTIVE));
	ck_assert_ptr_nonnull(client_status_refusal(CLIENT_ACTIVE,
	    CLIENT_REFERRED));
	ck_assert_int_eq(closed_reason_from_str("moved-away", &r), 0);
	ck_assert_int_eq(r, CLOSED_MOVED_AWAY);
	ck_assert_int_eq(closed_reason_from_str("not_reached", &r), 0);
	ck_assert_str_eq(closed_reason_label(r), "could not be reached");
	ck_assert_int_eq(closed_reason_from_str("gone", &r), -1);
	ck_assert_ptr_null(closed_reason_str(CLOSED_NONE));
	ck_assert_str_eq(closed_reason_str(CLOSED_MERGED), "merged");
}
END_TEST

static Suite *
clientstory_suite(void)
{
	Suite *s = suite_create("clientstory");
	TCase *tc = tcase_create("clientstory");

	tcase_add_loop_test(tc, test_fold, 0, N(fold_cases));
	tcase_add_loop_test(tc, test_phone, 0, N(phone_cases));
	tcase_add_test(tc, test_status_rules);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(clientstory_suite)
