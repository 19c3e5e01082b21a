#include "hours_words.h"

#include <stdio.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

char *
hours_words_limit(const struct hours_row *row, char buf[HOURS_WORDS_LEN])
{
	const struct permitted_result *c = &row->check;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	if (c->missing & PERMITTED_NO_RULE)
		snprintf(buf, HOURS_WORDS_LEN, "not known: no benefit rule "
		    "recorded");
	else if (c->no_figures)
		snprintf(buf, HOURS_WORDS_LEN, "not set for this week");
	else if (c->pay_unchecked && c->has_hours_limit)
		snprintf(buf, HOURS_WORDS_LEN, "less than %s a week (the pay "
		    "limit cannot be checked: no pay rate recorded)",
		    duration_format(c->hours_limit_minutes, d));
	else if (c->pay_unchecked)
		snprintf(buf, HOURS_WORDS_LEN, "cannot be checked: no pay "
		    "rate recorded");
	else if (c->has_hours_limit && c->has_pay_limit)
		snprintf(buf, HOURS_WORDS_LEN, "less than %s and %s a week",
		    duration_format(c->hours_limit_minutes, d),
		    money_format(c->limit_pence, m));
	else if (c->has_hours_limit)
		snprintf(buf, HOURS_WORDS_LEN, "less than %s a week",
		    duration_format(c->hours_limit_minutes, d));
	else if (c->has_pay_limit)
		snprintf(buf, HOURS_WORDS_LEN, "%s a week, any hours",
		    money_format(c->limit_pence, m));
	else
		snprintf(buf, HOURS_WORDS_LEN, "none");
	return buf;
}

char *
hours_words_room(const struct hours_row *row, char buf[HOURS_WORDS_LEN])
{
	const struct permitted_result *c = &row->check;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	if (c->verdict == PERMITTED_NA)
		snprintf(buf, HOURS_WORDS_LEN, "-");
	else if (c->verdict == PERMITTED_OVER)
		snprintf(buf, HOURS_WORDS_LEN, "none");
	else if (c->has_hours_limit && c->has_pay_limit)
		snprintf(buf, HOURS_WORDS_LEN, "%s and %s",
		    duration_format(c->minutes_left, d),
		    money_format(c->pence_left, m));
	else if (c->has_hours_limit)
		snprintf(buf, HOURS_WORDS_LEN, "%s",
		    duration_format(c->minutes_left, d));
	else
		snprintf(buf, HOURS_WORDS_LEN, "%s",
		    money_format(c->pence_left, m));
	return buf;
}

char *
hours_words_verdict(const struct hours_row *row, char buf[HOURS_WORDS_LEN])
{
	const struct permitted_result *c = &row->check;
	char d[DURATION_STR_LEN], m[MONEY_STR_LEN];

	switch (c->verdict) {
	case PERMITTED_OK:
		snprintf(buf, HOURS_WORDS_LEN, "within the limit");
		break;
	case PERMITTED_NEAR:
		snprintf(buf, HOURS_WORDS_LEN, "close to the limit (%s)",
		    c->hours_near && c->pay_near ? "hours and pay" :
		    c->hours_near ? "hours" : "pay");
		break;
	case PERMITTED_OVER:
		if (c->hours_over && c->pay_over)
			snprintf(buf, HOURS_WORDS_LEN, "over the limit: %s too "
			    "many hours and %s too much pay",
			    duration_format(c->minutes_excess, d),
			    money_format(c->pence_excess, m));
		else if (c->hours_over)
			snprintf(buf, HOURS_WORDS_LEN,
			    "over the limit: %s too many hours",
			    duration_format(c->minutes_excess, d));
		else
			snprintf(buf, HOURS_WORDS_LEN, "over the limit: %s too "
			    "much pay", money_format(c->pence_excess, m));
		break;
	case PERMITTED_NA:
	default:
		if ((c->missing & PERMITTED_NO_RULE) || c->pay_unchecked)
			snprintf(buf, HOURS_WORDS_LEN, "not judged: %s",
			    permitted_missing_words(c->missing));
		else if (c->no_figures)
			snprintf(buf, HOURS_WORDS_LEN, "not judged: no limit "
			    "is set for this week (check the rules table)");
		else if (row->rule == RULE_UC)
			snprintf(buf, HOURS_WORDS_LEN, "no weekly limit "
			    "(Universal Credit: for information only)");
		else
			snprintf(buf, HOURS_WORDS_LEN, "no limit applies");
		break;
	}
	/* a rule or limit that changed inside the week is said in words */
	if (c->note[0] != '\0') {
		size_t len = strlen(buf);

		if (c->rule == row->rule)
			snprintf(buf + len, HOURS_WORDS_LEN - len, " (%s; the "
			    "stricter verdict stands)", c->note);
		else
			snprintf(buf + len, HOURS_WORDS_LEN - len, " (%s; "
			    "%s is the stricter)", c->note,
			    benefit_rule_label(c->rule));
	}
	return buf;
}

const char *
hours_words_flag(const struct hours_row *row)
{
	switch (row->check.verdict) {
	case PERMITTED_OVER:
		return "OVER";
	case PERMITTED_NEAR:
		return "NEAR";
	case PERMITTED_OK:
		return "ok";
	case PERMITTED_NA:
	default:
		return "n/a";
	}
}

char *
hours_words_delivered(const struct hours_client *c,
    char buf[HOURS_WORDS_LEN])
{
	char a[DURATION_STR_LEN], b[DURATION_STR_LEN];

	if (c->contracted_minutes < 0)
		snprintf(buf, HOURS_WORDS_LEN, "%s (none agreed)",
		    duration_format(c->delivered_minutes, a));
	else
		snprintf(buf, HOURS_WORDS_LEN, "%s of %s",
		    duration_format(c->delivered_minutes, a),
		    duration_format(c->contracted_minutes, b));
	return buf;
}

char *
hours_words_client_note(const struct hours_client *c,
    char buf[HOURS_WORDS_LEN])
{
	char a[DURATION_STR_LEN];
	int diff = c->delivered_minutes - c->contracted_minutes;

	if (c->contracted_minutes < 0)
		buf[0] = '\0';
	else if (diff < 0)
		snprintf(buf, HOURS_WORDS_LEN, "%s short",
		    duration_format(-diff, a));
	else if (diff > 0)
		snprintf(buf, HOURS_WORDS_LEN, "%s more",
		    duration_format(diff, a));
	else
		snprintf(buf, HOURS_WORDS_LEN, "as agreed");
	return buf;
}

char *
hours_words_dates(const struct hours_report *r, char buf[HOURS_WORDS_LEN])
{
	char a[DATE_LONG_LEN], b[DATE_LONG_LEN];

	snprintf(buf, HOURS_WORDS_LEN, "%s to %s",
	    date_format_long(r->first, a), date_format_long(r->last, b));
	return buf;
}

const char *
hours_words_kind(int kind)
{
	static const char *const names[HOURS_KINDS] = {
		"Sessions", "Supervision", "Training", "Travel",
		"Shadowing", "Admin"
	};

	if (kind < 0 || kind >= HOURS_KINDS)
		return "?";
	return names[kind];
}

char *
hours_words_limits_line(const struct hours_report *r)
{
	char a[MONEY_STR_LEN], b[MONEY_STR_LEN], d[DURATION_STR_LEN];

	if (!r->has_limits)
		return xasprintf("No permitted-work limits are set for this "
		    "week: check the rules table.");
	return xasprintf("Limits this week: lower limit %s; permitted "
	    "and supported permitted work %s, and permitted work is "
	    "less than %s.", money_format(r->limits.lower_pence, a),
	    money_format(r->limits.higher_pence, b),
	    duration_format(r->limits.hours_limit_minutes, d));
}

char *
hours_words_holiday_line(const struct hours_report *r)
{
	char pct[HOURS_WORDS_LEN];

	if (!r->holiday_pay)
		return xasprintf("Holiday pay: not rolled up with pay.");
	return xasprintf("Holiday pay: %s rolled up with pay, and counted "
	    "as earnings for the limits.",
	    hours_words_percent(r->holiday_rate_bp, pct));
}

bool
hours_words_near_or_over(const struct hours_row *row)
{
	return row->check.verdict == PERMITTED_NEAR ||
	    row->check.verdict == PERMITTED_OVER;
}

bool
hours_words_not_sent(const struct hours_row *row)
{
	return row->has_status && row->status == WEEK_OPEN;
}

char *
hours_words_who(const struct hours_row *row)
{
	if (row->login[0] == '\0')
		return xstrdup(row->name);
	return xasprintf("%s (%s)", row->name, row->login);
}

char *
hours_words_logged(const struct hours_row *row, char buf[HOURS_WORDS_LEN])
{
	char d[DURATION_STR_LEN];

	if (row->minutes > 0)
		snprintf(buf, HOURS_WORDS_LEN, "%s logged",
		    duration_format(row->minutes, d));
	else
		snprintf(buf, HOURS_WORDS_LEN, "nothing logged");
	return buf;
}

char *
hours_words_percent(int bp, char buf[HOURS_WORDS_LEN])
{
	if (bp % 100 == 0)
		snprintf(buf, HOURS_WORDS_LEN, "%d%%", bp / 100);
	else
		snprintf(buf, HOURS_WORDS_LEN, "%d.%02d%%", bp / 100,
		    bp % 100);
	return buf;
}

const char *
hours_words_status(enum week_status st)
{
	switch (st) {
	case WEEK_SUBMITTED: return "sent for approval";
	case WEEK_APPROVED: return "approved";
	case WEEK_LOCKED: return "approved and paid";
	default: return "not sent for approval";
	}
}

char *
hours_words_override(const struct hours_row *row, char buf[HOURS_WORDS_LEN])
{
	buf[0] = '\0';
	if (row->overrides <= 0 || row->override_reason == NULL)
		return buf;
	if (row->overrides == 1)
		snprintf(buf, HOURS_WORDS_LEN, "by %s: %s",
		    row->override_by != NULL ? row->override_by : "the manager",
		    row->override_reason);
	else
		snprintf(buf, HOURS_WORDS_LEN, "%d times, the last by %s: %s",
		    row->overrides, row->override_by != NULL ?
		    row->override_by : "the manager", row->override_reason);
	return buf;
}

char *
hours_words_adjust(const struct hours_adjust *a, char buf[HOURS_WORDS_LEN])
{
	char d1[DURATION_STR_LEN], d2[DURATION_STR_LEN];
	char m1[MONEY_STR_LEN], m2[MONEY_STR_LEN], m3[MONEY_STR_LEN];
	char day[DATE_LONG_LEN];
	int64_t diff = a->gross_after - a->gross_before;

	snprintf(buf, HOURS_WORDS_LEN, "%s%s%s%s, week %s (%s): %s to %s, %s "
	    "to %s (%s %s); changed on %s by %s: %s", a->name,
	    a->login[0] ? " (" : "", a->login, a->login[0] ? ")" : "",
	    a->week_label, a->was_paid ? "paid" : "approved",
	    duration_format(a->minutes_before, d1),
	    duration_format(a->minutes_after, d2),
	    money_format(a->gross_before, m1), money_format(a->gross_after, m2),
	    money_format(diff < 0 ? -diff : diff, m3),
	    diff < 0 ? "less" : "more", date_format_long(a->made_on, day),
	    a->made_by[0] ? a->made_by : "the manager", a->reason);
	return buf;
}
