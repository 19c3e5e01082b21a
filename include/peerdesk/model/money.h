/* money.h - amounts of money as whole pence in an int64_t.
 *
 * No floating point anywhere.  Amounts people type are read strictly
 * (pounds and pence, at most two decimals); pay for a time and holiday
 * pay are computed in integers and rounded half up to the penny.  See
 * docs/model-rules.md for the rounding rules.
 */
#ifndef PEERDESK_MODEL_MONEY_H
#define PEERDESK_MODEL_MONEY_H

#include <stdint.h>

#include "peerdesk/core/status.h"

/* Largest amount money_parse accepts and the pay functions work with:
 * £10,000,000.00.  Anything bigger is taken as a typing slip. */
#define MONEY_MAX_PENCE INT64_C(1000000000)
/* Longest time money_pay_for_minutes works with: a year of minutes. */
#define MONEY_MAX_MINUTES (366 * 24 * 60)
/* Rolled-up holiday pay for irregular-hours workers: 12.07%, in
 * hundredths of a percent. */
#define MONEY_HOLIDAY_RATE_BP 1207

/* "-£92,233,720,368,547,758.08" and the NUL fit, with room. */
#define MONEY_STR_LEN 32

enum money_parse_flags {
	MONEY_NEGATIVE_OK = 1 << 0	/* accept "-12.50" and "-£12.50" */
};

/* Read an amount: "12.71", "£12.71", "12", "12.7" (= £12.70), ".50",
 * "1,234.50" (commas only between groups of three), spaces around it
 * allowed.  More than two decimals, a sign without MONEY_NEGATIVE_OK,
 * more than MONEY_MAX_PENCE and anything else are PD_INVALID. */
enum pd_status money_parse(const char *s, unsigned flags, int64_t *pence,
    struct pd_err *err);

/* Write pence for people, "£1,234.56" ("-£0.50" when negative); buf. */
char *money_format(int64_t pence, char buf[MONEY_STR_LEN]);

/* Write pence for CSV and files, "1234.56" ("-0.50"): no £, no commas. */
char *money_format_plain(int64_t pence, char buf[MONEY_STR_LEN]);

/* Pay for `minutes` at rate_pph pence an hour, rounded half up to the
 * penny (90 min at 1271p = 1906.5p -> 1907p).  Round each timesheet
 * line; a week's pay is the sum of its lines.  PD_INVALID when the rate
 * is outside 0..MONEY_MAX_PENCE or minutes outside 0..MONEY_MAX_MINUTES. */
enum pd_status money_pay_for_minutes(int64_t rate_pph, int minutes,
    int64_t *pence, struct pd_err *err);

/* Holiday pay on pay_pence at rate_bp hundredths of a percent (1207 =
 * 12.07%), rounded half up to the penny.  PD_INVALID when pay_pence is
 * outside 0..MONEY_MAX_PENCE or rate_bp outside 0..10000. */
enum pd_status money_holiday_pay(int64_t pay_pence, int rate_bp,
    int64_t *pence, struct pd_err *err);

#endif
