/* demo_people.c - the demo organisation's staff and PALs: their pay
 * rates, benefit rules, DBS checks, training and supervision (demo.h). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/assignment.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/clientstory.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/plan.h"
#include "peerdesk/db/referral.h"
#include "peerdesk/db/review.h"
#include "peerdesk/db/session.h"
#include "peerdesk/db/shortlist.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/db/summary.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/review.h"
#include "peerdesk/model/rules.h"
#include "peerdesk/model/week.h"
#include "demo_data.h"
#include "demo_common_priv.h"

enum pd_status
demo_staff(struct demo *d, const char *login, const char *name,
    enum role role, int64_t *id, struct pd_err *err)
{
	struct staff s;
	enum pd_status st;

	/* Staff already there (the manager `peerdesk init` made, or office
	 * staff added by hand) are kept as they are: the demo works after
	 * init.  PALs cannot be (the demo needs a database without). */
	memset(&s, 0, sizeof s);
	if (role != ROLE_PAL &&
	    db_staff_by_login(d->db, login, &s, NULL) == PD_OK) {
		*id = s.id;
		staff_fini(&s);
		return PD_OK;
	}
	memset(&s, 0, sizeof s);
	s.login = xstrdup(login);
	s.name = xstrdup(name);
	s.role = role;
	s.active = true;
	st = db_staff_insert(d->db, &s, err);
	*id = s.id;
	staff_fini(&s);
	d->st->staff++;
	return st;
}

/* Pay rises every April: the adult wage floor in force, plus premium. */
static enum pd_status
demo_rates(struct demo *d, struct demo_pal *p, pd_date from,
    struct pd_err *err)
{
	int y, m, dd;
	char day[11];
	enum pd_status s;
	pd_date at = from;

	date_to_ymd(from, &y, &m, &dd);
	for (;;) {
		const struct rules_wage_row *row;
		const struct rules_band *top;

		demo_fmt(at, day);
		row = rules_wage_row_on(d->app->rules, day);
		top = row ? rules_wage_top(row) : NULL;
		s = db_pal_rate_add(d->db, p->id,
		    (top ? top->rate_pence : 1271) + p->premium, day,
		    d->manager_id, err);
		if (s != PD_OK)
			return s;
		if (m >= 4)
			y++;
		m = 4;
		if (date_from_ymd(y, 4, 1, &at, NULL) != PD_OK || at > d->today)
			return PD_OK;
	}
}

enum pd_status
demo_pal(struct demo *d, int i, struct pd_err *err)
{
	struct demo_pal *p = &d->pals[i];
	struct pal_profile prof;
	const char *first, *last, *gender, *rule = "permitted";
	char interests[160], login[32];
	pd_date started, issued, due;
	char sd[11], id_[11], dd[11], dob[11];
	enum pd_status s;

	if (i < (int)NELEM(demo_pal_seeds) && d->scale == DEMO_SMALL) {
		first = demo_pal_seeds[i].first;
		last = demo_pal_seeds[i].last;
		gender = demo_pal_seeds[i].gender;
		rule = demo_pal_seeds[i].rule;
	} else {
		bool f = demo_chance(d, 50);

		first = f ? PICK(d, demo_first_f) : PICK(d, demo_first_m);
		last = PICK(d, demo_last);
		gender = f ? "female" : "male";
		rule = demo_chance(d, 70) ? "permitted" : demo_chance(d, 30) ?
		    "supported" : demo_chance(d, 50) ? "uc" :
		    demo_chance(d, 50) ? "lower" : "none";
	}
	snprintf(p->name, sizeof p->name, "%s %s", first, last);
	snprintf(login, sizeof login, "%s", first);
	for (char *c = login; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	if (d->scale == DEMO_LARGE || i >= (int)NELEM(demo_pal_seeds))
		snprintf(p->login, sizeof p->login, "pal%03d", i + 1);
	else
		snprintf(p->login, sizeof p->login, "%s", login);
	benefit_rule_from_str(rule, &p->rule);
	switch (p->rule) {
	case RULE_PERMITTED: p->cap = demo_range(d, 600, 900); break;
	case RULE_LOWER: p->cap = 90; break;
	case RULE_SUPPORTED: p->cap = demo_range(d, 900, 1500); break;
	default: p->cap = demo_range(d, 600, 1500); break;
	}
	p->premium = p->rule == RULE_PERMITTED ? 0 : demo_range(d, 0, 3) * 25;

	if ((s = demo_staff(d, p->login, p->name, ROLE_PAL, &p->id, err)) != PD_OK)
		return s;
	memset(&prof, 0, sizeof prof);
	prof.staff_id = p->id;
	started = date_add_days(d->start, -demo_range(d, 30, 400));
	demo_fmt(started, prof.started_on);
	demo_fmt(date_add_days(d->today, -demo_range(d, 25 * 365, 60 * 365)), dob);
	snprintf(prof.date_of_birth, sizeof prof.date_of_birth, "%s", dob);
	snprintf(interests, sizeof interests, "%s, %s, %s", PICK(d, demo_interests),
	    PICK(d, demo_interests), PICK(d, demo_interests));
	prof.gender = xstrdup(gender);
	prof.pronouns = xstrdup(strcmp(gender, "female") == 0 ? "she/her" :
	    "he/him");
	prof.interests = xstrdup(interests);
	prof.languages = xstrdup(PICK(d, demo_languages));
	prof.work_experience = xstrdup(PICK(d, demo_experience));
	prof.my_story = xstrdup(PICK(d, demo_story));
	prof.activities = xstrdup(PICK(d, demo_interests));
	prof.max_clients = d->scale == DEMO_SMALL ? 5 : MAX_PAL_CLIENTS;
	s = db_pal_insert(d->db, &prof, err);
	pal_profile_fini(&prof);
	if (s != PD_OK)
		return s;
	d->st->pals++;
	demo_fmt(started, sd);
	if ((s = db_pal_benefit_set(d->db, p->id, p->rule, sd, NULL,
	    d->manager_id, err)) != PD_OK)
		return s;
	if ((s = demo_rates(d, p, started, err)) != PD_OK)
		return s;
	/* DBS: enhanced, three-yearly; one PAL is due next month. */
	issued = date_add_days(d->today, -demo_range(d, 60, 3 * 365 - 60));
	due = date_add_months(issued, 36);
	if (i == 3)
		due = date_add_days(d->today, 30);
	demo_fmt(issued, id_);
	demo_fmt(due, dd);
	{
		char cert[16];

		snprintf(cert, sizeof cert, "0012%08d", demo_range(d, 0, 99999999));
		s = db_pal_dbs_add(d->db, p->id, "enhanced", cert, id_,
		    demo_chance(d, 40), dd, err);
	}
	return s;
}

/* Supervision every four weeks, training twice a year, some admin. */
enum pd_status
demo_pal_work(struct demo *d, int p, struct pd_err *err)
{
	pd_date day;
	enum pd_status s;
	int64_t id;
	char ds[11];

	for (day = date_add_days(d->start, demo_range(d, 0, 27)); day <= d->today;
	    day = date_add_days(day, 28)) {
		/* one PAL's supervision lapses, so a reminder shows */
		if (p == 5 && date_diff_days(d->today, day) < 60)
			break;
		demo_fmt(day, ds);
		s = db_pal_supervision_add(d->db, d->pals[p].id, ds, d->ops_id,
		    60, 1, "Monthly supervision.", &id, err);
		if (s == PD_OK)
			s = demo_line(d, p, day, 60, LINE_SUPERVISION, 0, 0,
			    "supervision", err);
		if (s != PD_OK)
			return s;
	}
	for (day = date_add_days(d->start, demo_range(d, 20, 150)); day <= d->today;
	    day = date_add_days(day, 182)) {
		demo_fmt(day, ds);
		s = db_pal_training_add(d->db, d->pals[p].id, ds,
		    demo_chance(d, 50) ? "Safeguarding adults refresher" :
		    "Mental health first aid", 180, 1, &id, err);
		if (s == PD_OK && demo_room(d, p, day) >= 180)
			s = demo_line(d, p, day, 180, LINE_TRAINING, 0, 0,
			    "training", err);
		if (s != PD_OK)
			return s;
	}
	return PD_OK;
}
