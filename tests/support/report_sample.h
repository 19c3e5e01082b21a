/* report_sample.h - a made-up week for the weekly hours summary tests
 * (tests/unit/check_report_*.c and tests/e2e/t_print.sh's helper).
 *
 * Week 2026-W48 (Mon 23 - Sun 29 Nov 2026), 2026/27 limits, holiday pay
 * on at 12.07%: seven PALs with every verdict (near, over, ok, n/a for
 * Universal Credit and none, nothing worked), a pay rate that changes
 * mid-week, minutes with no rate, names with accents, a comma and
 * quotes, and a client seen by the Operations Manager.
 */
#ifndef PEERDESK_TESTS_REPORT_SAMPLE_H
#define PEERDESK_TESTS_REPORT_SAMPLE_H

#include "peerdesk/model/hours.h"

/* 2026/27: lower £20.00, higher £203.50, less than 16 hours. */
extern const struct permitted_limits report_sample_limits;

/* Fill r with the sample week (finished, ready to render).  Aborts the
 * test program if the sample does not build. */
void report_sample_build(struct hours_report *r);

/* The same week with no PALs and no clients. */
void report_sample_build_empty(struct hours_report *r);

#endif
