/* import_pals.c - a CSV file of PALs, one row at a time (app/import.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/app/weekpay.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/csv.h"
#include "peerdesk/core/sha256.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/importlog.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/referral.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/today.h"
#include "peerdesk/model/contact.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/money.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/week.h"
#include "import_row_priv.h"
#include "users_priv.h"

const struct import_col import_pal_cols[] = {
	{ "name", 1 }, { "login", 1 }, { "role", 1 }, { "hourly_rate", 1 },
	{ "rate_from", 1 }, { "benefit_rule", 1 }, { NULL, 0 }
};

/* The row's person: a name, a Unix login, a role (into *role) the
 * actor may give. */
static enum pd_status
imp_pal_who(struct imp *im, const char *name, const char *login,
    const char *role_s, enum role *role, struct pd_err *err)
{
	enum pd_status s;
	const char *p;

	if (name[0] == '\0')
		return imp_bad(im, "name", err, "a name is needed");
	if (login[0] == '\0')
		return imp_bad(im, "login", err, "a Unix login is needed");
	for (p = login; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
		    *p == '.') || (p == login && *p == '-'))
			return imp_bad(im, "login", err, "'%s' is not a Unix login "
			    "(letters, digits, '.', '_' and '-' only)", login);
	if (role_from_str(role_s, role) != 0)
		return imp_bad(im, "role", err, "'%s' is not a role; use office, "
		    "pal or manager", role_s);
	if ((s = access_give_role(im->app, *role, NULL)) != PD_OK)
		return pd_fail_at(err, s, im->name, im->rec->line, 0, "role",
		    "only a manager may add %s; this row would make %s %s",
		    *role == ROLE_OFFICE ? "office staff" : "a manager", login,
		    *role == ROLE_OFFICE ? "office staff" : "a manager");
	return PD_OK;
}

/* The row's pay rate (*rate, -1 when empty) and benefit rule (*rule),
 * given only by a manager and only for a PAL. */
static enum pd_status
imp_pal_pay(struct imp *im, enum role role, const char *rate_s,
    const char *rule_s, int64_t *rate, enum benefit_rule *rule,
    struct pd_err *err)
{
	/* Pay and benefit status are the manager's alone (special-category
	 * data): office staff may bring PALs in without them. */
	if (!app_actor_is_manager(im->app) && (rate_s[0] != '\0' ||
	    rule_s[0] != '\0'))
		return pd_fail_at(err, PD_DENIED, im->name, im->rec->line, 0,
		    rate_s[0] != '\0' ? "hourly_rate" : "benefit_rule",
		    "only a manager records a PAL's pay rate and benefit rule; "
		    "leave hourly_rate and benefit_rule empty and the manager "
		    "adds them");
	if (rule_s[0] != '\0' && benefit_rule_from_str(rule_s, rule) != 0)
		return imp_bad(im, "benefit_rule", err, "'%s' is not a benefit "
		    "rule; use none, lower, permitted, supported or uc", rule_s);
	if (rule_s[0] != '\0' && role != ROLE_PAL && *rule != RULE_NONE)
		return imp_bad(im, "benefit_rule", err, "only PALs have a "
		    "benefit rule here; leave it empty or 'none'");
	if (rate_s[0] != '\0' && money_parse(rate_s, 0, rate, NULL) != PD_OK)
		return imp_bad(im, "hourly_rate", err, "'%s' is not an amount "
		    "in pounds, e.g. 12.71", rate_s);
	if (*rate == 0)
		return imp_bad(im, "hourly_rate", err, "a pay rate of £0.00 "
		    "cannot be right; leave it empty if not known");
	return PD_OK;
}

/* A warning when rate is below the National Living Wage on froms. */
static void
imp_pal_wage_warn(struct imp *im, int64_t rate, const char *froms)
{
	const struct rules_wage_row *row = rules_wage_row_on(im->app->rules,
	    froms);
	const struct rules_band *top = row ? rules_wage_top(row) : NULL;

	if (top != NULL && rate >= 0 && rate < top->rate_pence) {
		char a[MONEY_STR_LEN], b[MONEY_STR_LEN];

		imp_warn(im, "hourly_rate", "%s is below the National "
		    "Living Wage on %s (%s an hour for %s); check the "
		    "rate, or record the PAL's date of birth if a "
		    "younger age band applies", money_format(rate, a),
		    froms, money_format(top->rate_pence, b), top->name);
	}
}

enum pd_status
imp_pal_row(struct imp *im, struct pd_err *err)
{
	struct app *app = im->app;
	const char *name = V(im, "name"), *login = V(im, "login");
	const char *rate_s = V(im, "hourly_rate"), *rule_s = V(im, "benefit_rule");
	const char *role_s = V(im, "role");
	struct staff old;
	enum role role;
	enum benefit_rule rule = RULE_NONE;
	int64_t rate = -1, id;
	pd_date from = 0;
	char froms[11];
	enum pd_status s;

	if ((s = imp_pal_who(im, name, login, role_s, &role, err)) != PD_OK)
		return s;
	if ((s = imp_pal_pay(im, role, rate_s, rule_s, &rate, &rule, err))
	    != PD_OK)
		return s;
	s = imp_date(im, "rate_from", V(im, "rate_from"), rate >= 0, &from, err);
	if (s != PD_OK && s != PD_NOT_FOUND)
		return s;
	memset(&old, 0, sizeof old);
	if (db_staff_by_login(app->db, login, &old, NULL) == PD_OK) {
		staff_fini(&old);
		return imp_bad(im, "login", err, "'%s' is already a peerdesk "
		    "user", login);
	}
	if (from == 0)
		from = today_get();	/* no rate_from: the PAL starts today */
	date_format(from, froms);
	if ((s = users_staff_add(app, login, name, role, froms, &id, err))
	    != PD_OK)
		return s;
	if (role != ROLE_PAL)
		return PD_OK;
	/* no rate given: none recorded ("no pay rate recorded") */
	if (rate >= 0 && (s = db_pal_rate_add(app->db, id, rate, froms,
	    access_staff_id(app), err)) != PD_OK)
		return s;
	/* an empty benefit_rule records nothing: "no rule recorded" */
	if (rule_s[0] != '\0' && (s = db_pal_benefit_set(app->db, id, rule,
	    froms, "imported", access_staff_id(app), err)) != PD_OK)
		return s;
	imp_pal_wage_warn(im, rate, froms);
	return PD_OK;
}
