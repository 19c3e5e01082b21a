#include "support/report_sample.h"

#include <stdio.h>
#include <stdlib.h>

const struct permitted_limits report_sample_limits = {
	.lower_pence = 2000, .higher_pence = 20350,
	.hours_limit_minutes = PERMITTED_HOURS_LIMIT_MINUTES,
};

static const struct hours_options sample_options = {
	.limits = &report_sample_limits, .near_percent = 10,
	.holiday_pay = 1, .holiday_rate_bp = 1207,
};

/* Added out of login order on purpose: the report sorts them. */
static const struct hours_band b_zoe[] = { { 1271, 300 }, { 1345, 240 } };
static const struct hours_band b_jo[] = { { 1271, 780 } };
static const struct hours_band b_marcus[] = { { 1345, 990 } };
static const struct hours_band b_siobhan[] = { { 1271, 60 } };
static const struct hours_band b_sam[] = { { 1271, 1200 } };
static const struct hours_band b_priya[] = { { -1, 60 }, { 1271, 240 } };

static const struct hours_input sample_pals[] = {
	{ 3, "zoe", "Zo\xc3\xab Adams", { 420, 60, 0, 60, 0, 0 },
	    b_zoe, 2, RULE_SUPPORTED, NULL, 0 },
	{ 1, "jo", "Jo Bennett", { 600, 60, 60, 45, 0, 15 },
	    b_jo, 1, RULE_PERMITTED, NULL, 0 },
	{ 2, "marcus", "Marcus Lee", { 780, 60, 120, 30, 0, 0 },
	    b_marcus, 1, RULE_PERMITTED, NULL, 0 },
	{ 4, "siobhan", "Siobh\xc3\xa1n O'Neill", { 60, 0, 0, 0, 0, 0 },
	    b_siobhan, 1, RULE_LOWER, NULL, 0 },
	{ 5, "sam", "Carter, Sam \"Sunny\"", { 900, 60, 0, 120, 120, 0 },
	    b_sam, 1, RULE_UC, NULL, 0 },
	{ 6, "priya", "Priya Shah", { 180, 0, 60, 0, 0, 60 },
	    b_priya, 2, RULE_NONE, NULL, 0 },
	{ 7, "ahmed", "Ahmed Khan", { 0, 0, 0, 0, 0, 0 },
	    NULL, 0, RULE_PERMITTED, NULL, 0 },
};

static const struct {
	const char *client;
	int64_t worker_id;
	const char *worker;
	int contracted, delivered, sessions;
} sample_clients[] = {
	{ "Amira Hussain", 1, "Jo Bennett", 120, 120, 2 },
	{ "Zo\xc3\xab Smith", 1, "Jo Bennett", 120, 90, 1 },
	{ "Tom Price", 1, "Jo Bennett", -1, 60, 1 },
	{ "Bill Evans", 2, "Marcus Lee", 240, 300, 3 },
	{ "Grace O'Brien", 2, "Marcus Lee", 180, 180, 2 },
	{ "Aled Jones", 3, "Zo\xc3\xab Adams", 240, 240, 2 },
	{ "Nia Roberts", 3, "Zo\xc3\xab Adams", 180, 180, 2 },
	{ "Kamala Devi", 4, "Siobh\xc3\xa1n O'Neill", 60, 60, 1 },
	{ "Peter Walsh", 5, "Carter, Sam \"Sunny\"", 600, 900, 6 },
	{ "Fatima Begum", 6, "Priya Shah", 120, 180, 2 },
	{ "Amira Hussain", 99, "Ruth Okafor", 30, 30, 1 },
};

static void
sample_start(struct hours_report *r)
{
	struct week_range wk;

	if (week_parse("2026-W48", 1, &wk, NULL) != PD_OK) {
		fprintf(stderr, "report_sample: no week 2026-W48\n");
		abort();
	}
	hours_report_init(r, "Riverside Peer Support", wk,
	    "2026-11-27 16:05 UTC", &sample_options);
}

void
report_sample_build(struct hours_report *r)
{
	struct pd_err err;
	size_t i;

	sample_start(r);
	for (i = 0; i < sizeof sample_pals / sizeof sample_pals[0]; i++) {
		if (hours_report_add_pal(r, &sample_pals[i], &err) != PD_OK) {
			fprintf(stderr, "report_sample: %s\n", err.msg);
			abort();
		}
	}
	for (i = 0; i < sizeof sample_clients / sizeof sample_clients[0];
	    i++)
		hours_report_add_client(r, sample_clients[i].client,
		    sample_clients[i].worker_id, sample_clients[i].worker,
		    sample_clients[i].contracted, sample_clients[i].delivered,
		    sample_clients[i].sessions);
	hours_report_finish(r);
}

void
report_sample_build_empty(struct hours_report *r)
{
	sample_start(r);
	hours_report_finish(r);
}
