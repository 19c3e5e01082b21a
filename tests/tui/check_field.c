/* Tier 3 (pure): form field parsing, formatting and record adapters. */
#include <locale.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/field.h"

#define TODAY "2024-02-28"

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

/* ---- dates ------------------------------------------------------------ */

static const struct {
	const char *in;
	const char *out;	/* NULL = refused */
} date_cases[] = {
	{ "2025-03-04", "2025-03-04" },
	{ "  2025-03-04 ", "2025-03-04" },
	{ "today", TODAY },
	{ "Today", TODAY },
	{ "yesterday", "2024-02-27" },
	{ "tomorrow", "2024-02-29" },		/* leap year */
	{ "+2", "2024-03-01" },
	{ "-59", "2023-12-31" },
	{ "+0", TODAY },
	{ "2024-02-29", "2024-02-29" },
	{ "2023-02-29", NULL },			/* not a leap year */
	{ "2025-13-01", NULL },
	{ "2025-04-31", NULL },
	{ "2025-3-4", NULL },
	{ "04/03/2025", "2025-03-04" },		/* day first: 4 March */
	{ "4/3/25", "2025-03-04" },
	{ "31/02/2025", NULL },
	{ "31/02", NULL },
	{ "+", NULL },
	{ "+3d", NULL },
	{ "+99999", NULL },
	{ "soon", NULL },
	{ "", NULL },
};

START_TEST(test_date)
{
	char out[11];
	struct pd_err err;
	enum pd_status st;

	pd_err_clear(&err);
	st = field_parse_date(date_cases[_i].in, TODAY, out, &err);
	if (date_cases[_i].out == NULL) {
		ck_assert_msg(st == PD_INVALID, "case %d accepted", _i);
		/* the shapes it takes, or why that day does not exist */
		ck_assert_msg(strstr(err.msg,
		    "31/12/2025, 31/12/25, 2025-12-31") != NULL ||
		    strstr(err.msg, " days") != NULL ||
		    strstr(err.msg, "no month") != NULL, "%s", err.msg);
	} else {
		ck_assert_msg(st == PD_OK, "case %d: %s", _i, err.msg);
		ck_assert_str_eq(out, date_cases[_i].out);
	}
}
END_TEST

START_TEST(test_date_without_today)
{
	char out[11];
	struct pd_err err;

	ck_assert_int_eq(field_parse_date("2025-01-02", NULL, out, &err),
	    PD_OK);
	ck_assert_int_eq(field_parse_date("today", NULL, out, &err),
	    PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "full date"));
	ck_assert(field_date_valid("2000-02-29"));
	ck_assert(!field_date_valid("1900-02-29"));
	ck_assert(!field_date_valid(NULL));
}
END_TEST

/* ---- money -------------------------------------------------------------- */

static const struct {
	const char *in;
	long long pence;	/* -999 = refused */
	const char *shown;
} money_cases[] = {
	{ "12.71", 1271, "\xc2\xa3" "12.71" },
	{ "\xc2\xa3" "12.71", 1271, "\xc2\xa3" "12.71" },
	{ "\xc2\xa3 12.71", 1271, "\xc2\xa3" "12.71" },
	{ "12", 1200, "\xc2\xa3" "12.00" },
	{ "12.5", 1250, "\xc2\xa3" "12.50" },
	{ "0.05", 5, "\xc2\xa3" "0.05" },
	{ ".50", 50, "\xc2\xa3" "0.50" },
	{ "1,234.50", 123450, "\xc2\xa3" "1,234.50" },
	{ "1234567", 123456700, "\xc2\xa3" "1,234,567.00" },
	{ "-3", -300, "-\xc2\xa3" "3.00" },
	{ "-\xc2\xa3" "3", -300, "-\xc2\xa3" "3.00" },
	{ "12.715", -999, NULL },
	{ "12.7.1", -999, NULL },
	{ "\xc2\xa3", -999, NULL },
	{ "12p", -999, NULL },
	{ "twelve", -999, NULL },
	{ "$12", -999, NULL },
	{ ",12", -999, NULL },
	{ "99999999999999999999", -999, NULL },
};

START_TEST(test_money)
{
	int64_t p = 0;
	char buf[32];
	struct pd_err err;
	enum pd_status st = field_parse_money(money_cases[_i].in, &p, &err);

	if (money_cases[_i].pence == -999) {
		ck_assert_msg(st == PD_INVALID, "case %d accepted", _i);
		ck_assert_ptr_nonnull(strstr(err.msg, "12.50"));
		return;
	}
	ck_assert_msg(st == PD_OK, "case %d: %s", _i, err.msg);
	ck_assert_int_eq(p, money_cases[_i].pence);
	ck_assert_str_eq(field_format_money(p, buf), money_cases[_i].shown);
}
END_TEST

/* ---- durations ---------------------------------------------------------- */

static const struct {
	const char *in;
	int minutes;		/* -1 = refused */
	const char *shown;
} duration_cases[] = {
	{ "1:30", 90, "1h 30m" },
	{ "0:45", 45, "45m" },
	{ "12:00", 720, "12h" },
	{ "90m", 90, "1h 30m" },
	{ "90 min", 90, "1h 30m" },
	{ "90 minutes", 90, "1h 30m" },
	{ "1.5h", 90, "1h 30m" },
	{ "1.25h", 75, "1h 15m" },
	{ "1.33h", -1, NULL },			/* 79.8 minutes: say so */
	{ "2h", 120, "2h" },
	{ "2 hours", 120, "2h" },
	{ "2hrs", 120, "2h" },
	{ "1h30", 90, "1h 30m" },
	{ "1h30m", 90, "1h 30m" },
	{ "1h 30m", 90, "1h 30m" },
	{ "1H 5M", 65, "1h 5m" },
	{ " 45m ", 45, "45m" },
	{ "0m", 0, "0m" },
	{ "90", -1, NULL },			/* hours or minutes? */
	{ "168h", 10080, "168h" },		/* a week: contracted hours */
	{ "169h", -1, NULL },
	{ "1:75", -1, NULL },
	{ "1:5", -1, NULL },
	{ "1.5m", -1, NULL },
	{ "30m 1h", -1, NULL },
	{ "1h 2h", -1, NULL },
	{ "2d", -1, NULL },
	{ "h", -1, NULL },
	{ "", -1, NULL },
	{ "-1h", -1, NULL },
};

START_TEST(test_duration)
{
	int m = -5;
	char buf[32];
	struct pd_err err;
	enum pd_status st = field_parse_duration(duration_cases[_i].in, &m,
	    &err);

	if (duration_cases[_i].minutes < 0) {
		ck_assert_msg(st == PD_INVALID, "case %d (%s) accepted: %d", _i,
		    duration_cases[_i].in, m);
		ck_assert_msg(strstr(err.msg, duration_cases[_i].in) != NULL ||
		    strstr(err.msg, "for example") != NULL, "%s", err.msg);
		return;
	}
	ck_assert_msg(st == PD_OK, "case %d (%s): %s", _i,
	    duration_cases[_i].in, err.msg);
	ck_assert_int_eq(m, duration_cases[_i].minutes);
	ck_assert_str_eq(field_format_duration(m, buf),
	    duration_cases[_i].shown);
}
END_TEST

START_TEST(test_number)
{
	long long n;

	ck_assert_int_eq(field_parse_number("42", &n, NULL), PD_OK);
	ck_assert_int_eq(n, 42);
	ck_assert_int_eq(field_parse_number(" -7 ", &n, NULL), PD_OK);
	ck_assert_int_eq(n, -7);
	ck_assert_int_eq(field_parse_number("4.2", &n, NULL), PD_INVALID);
	ck_assert_int_eq(field_parse_number("x", &n, NULL), PD_INVALID);
	ck_assert_int_eq(field_parse_number("", &n, NULL), PD_INVALID);
	ck_assert_int_eq(field_parse_number("99999999999999999999", &n, NULL),
	    PD_INVALID);
}
END_TEST

/* ---- choices ------------------------------------------------------------ */

static const struct field_choice places[] = {
	{ 10, "Home" }, { 11, "Town" }, { 12, "Caf\xc3\xa9" },
	{ 13, "Phone" }, { 14, "Online" }, { 0, NULL }
};

START_TEST(test_choices)
{
	ck_assert_uint_eq(field_choice_count(places), 5);
	ck_assert_uint_eq(field_choice_count(NULL), 0);
	ck_assert_int_eq(field_choice_find(places, "town"), 1);
	ck_assert_int_eq(field_choice_find(places, "caf\xc3\xa9"), 2);
	ck_assert_int_eq(field_choice_find(places, "Ph"), 3);
	ck_assert_int_eq(field_choice_find(places, "o"), 4);	/* only one */
	ck_assert_int_eq(field_choice_find(places, "H"), 0);
	ck_assert_int_eq(field_choice_find(places, "x"), -1);
	ck_assert_int_eq(field_choice_find(places, ""), -1);
	ck_assert_int_eq(field_choice_index(places, 13), 3);
	ck_assert_int_eq(field_choice_index(places, 99), -1);
}
END_TEST

/* ---- whole fields -------------------------------------------------------- */

struct rec {
	char *name;
	char date[11];
	int place;
	int count;
	int64_t pay;
	int minutes;
	char *notes;
};

static const struct field_def fields[] = {
	{ .id = "name", .label = "Name", .kind = FIELD_TEXT,
	  .offset = offsetof(struct rec, name), .required = true,
	  .max_len = 5 },
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct rec, date) },
	{ .id = "place", .label = "Place", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct rec, place), .choices = places },
	{ .id = "count", .label = "Count", .kind = FIELD_NUMBER,
	  .offset = offsetof(struct rec, count), .min = 1, .max = 10 },
	{ .id = "pay", .label = "Pay", .kind = FIELD_MONEY,
	  .offset = offsetof(struct rec, pay) },
	{ .id = "minutes", .label = "Time", .kind = FIELD_DURATION,
	  .offset = offsetof(struct rec, minutes), .max = 600 },
	{ .id = "notes", .label = "Notes", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct rec, notes) },
	{ .id = NULL }
};

static const struct {
	int field;
	const char *text;
	const char *canon;	/* NULL = refused */
	const char *msg;	/* part of the message when refused */
} check_cases[] = {
	{ 0, "Jo", "Jo", NULL },
	{ 0, "  Jo  ", "Jo", NULL },
	{ 0, "", NULL, "needed" },
	{ 0, "   ", NULL, "needed" },
	{ 0, "Zo\xc3\xab Y", "Zo\xc3\xab Y", NULL },	/* 5 characters */
	{ 0, "Jo Smith", NULL, "the most is 5" },
	{ 1, "", "", NULL },				/* optional */
	{ 1, "today", TODAY, NULL },
	{ 1, "nope", NULL, "31/12/25" },
	{ 2, "town", "Town", NULL },
	{ 2, "zzz", NULL, "choices" },
	{ 3, "5", "5", NULL },
	{ 3, "0", NULL, "from 1 to 10" },
	{ 3, "11", NULL, "most is 10" },
	{ 4, "3", "\xc2\xa3" "3.00", NULL },
	{ 4, "-3", NULL, "from" },			/* default min 0 */
	{ 5, "90m", "1h 30m", NULL },
	{ 5, "11h", NULL, "most is 10h" },
	{ 6, "line one\nline two\n", "line one\nline two\n", NULL },
};

START_TEST(test_check)
{
	struct strbuf canon = STRBUF_INIT;
	struct pd_err err;
	const struct field_def *f = &fields[check_cases[_i].field];
	enum pd_status st;

	pd_err_clear(&err);
	st = field_check(f, check_cases[_i].text, TODAY, &canon, &err);
	if (check_cases[_i].canon == NULL) {
		ck_assert_msg(st == PD_INVALID, "case %d accepted", _i);
		ck_assert_str_eq(err.field, f->id);
		ck_assert_msg(strstr(err.msg, check_cases[_i].msg) != NULL,
		    "case %d: message \"%s\"", _i, err.msg);
	} else {
		ck_assert_msg(st == PD_OK, "case %d: %s", _i, err.msg);
		ck_assert_str_eq(strbuf_str(&canon), check_cases[_i].canon);
	}
	strbuf_fini(&canon);
}
END_TEST

START_TEST(test_store_and_load)
{
	struct rec r;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	static const char *const texts[] = { "Jo", "+1", "phone", "3",
		"\xc2\xa3" "4.5", "1:15", "a\nb" };
	static const char *const shown[] = { "Jo", "2024-02-29", "Phone", "3",
		"\xc2\xa3" "4.50", "1h 15m", "a\nb" };
	int i;

	memset(&r, 0, sizeof r);
	for (i = 0; fields[i].id != NULL; i++)
		ck_assert_int_eq(field_store(&fields[i], &r, texts[i], TODAY,
		    &err), PD_OK);
	ck_assert_str_eq(r.name, "Jo");
	ck_assert_str_eq(r.date, "2024-02-29");
	ck_assert_int_eq(r.place, 13);
	ck_assert_int_eq(r.count, 3);
	ck_assert_int_eq(r.pay, 450);
	ck_assert_int_eq(r.minutes, 75);
	for (i = 0; fields[i].id != NULL; i++) {
		strbuf_reset(&sb);
		field_load(&fields[i], &r, &sb);
		ck_assert_str_eq(strbuf_str(&sb), shown[i]);
	}
	/* a refused value leaves the record alone */
	ck_assert_int_eq(field_store(&fields[3], &r, "99", TODAY, &err),
	    PD_INVALID);
	ck_assert_int_eq(r.count, 3);
	/* empty optional values are stored as "not recorded" */
	ck_assert_int_eq(field_store(&fields[3], &r, "", TODAY, &err), PD_OK);
	ck_assert_int_eq(r.count, -1);
	ck_assert_int_eq(field_store(&fields[4], &r, "", TODAY, &err), PD_OK);
	ck_assert_int_eq(r.pay, -1);
	ck_assert_int_eq(field_store(&fields[6], &r, "", TODAY, &err), PD_OK);
	ck_assert_ptr_null(r.notes);
	ck_assert_int_eq(field_store(&fields[1], &r, "", TODAY, &err), PD_OK);
	ck_assert_str_eq(r.date, "");
	strbuf_reset(&sb);
	field_load(&fields[3], &r, &sb);
	ck_assert_str_eq(strbuf_str(&sb), "");
	field_free_strings(fields, &r);
	ck_assert_ptr_null(r.name);
	strbuf_fini(&sb);
}
END_TEST

/* get/set adapters replace the offset. */
static void
upper_get(const void *rec, const struct field_def *f, struct strbuf *out)
{
	(void)f;
	strbuf_adds(out, *(char *const *)rec ? *(char *const *)rec : "");
}

static enum pd_status
upper_set(void *rec, const struct field_def *f, const char *text,
    struct pd_err *err)
{
	char **p = rec;

	(void)f;
	if (strchr(text, '!') != NULL)
		return pd_fail(err, PD_INVALID, NULL, "no shouting");
	free(*p);
	*p = strdup(text);
	return PD_OK;
}

START_TEST(test_adapters)
{
	const struct field_def f = { .id = "nick", .label = "Nickname",
		.kind = FIELD_TEXT, .get = upper_get, .set = upper_set };
	char *value = NULL;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;

	ck_assert_int_eq(field_store(&f, &value, "Jo", TODAY, &err), PD_OK);
	ck_assert_str_eq(value, "Jo");
	pd_err_clear(&err);
	ck_assert_int_eq(field_store(&f, &value, "Jo!", TODAY, &err),
	    PD_INVALID);
	ck_assert_str_eq(err.field, "nick");	/* filled in for the form */
	field_load(&f, &value, &sb);
	ck_assert_str_eq(sb.buf, "Jo");
	free(value);
	strbuf_fini(&sb);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *
field_suite(void)
{
	Suite *s = suite_create("field");
	TCase *tc = tcase_create("field");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, test_date, 0, N(date_cases));
	tcase_add_test(tc, test_date_without_today);
	tcase_add_loop_test(tc, test_money, 0, N(money_cases));
	tcase_add_loop_test(tc, test_duration, 0, N(duration_cases));
	tcase_add_test(tc, test_number);
	tcase_add_test(tc, test_choices);
	tcase_add_loop_test(tc, test_check, 0, N(check_cases));
	tcase_add_test(tc, test_store_and_load);
	tcase_add_test(tc, test_adapters);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(field_suite)
