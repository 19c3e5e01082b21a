/* demo.c - generate a demo organisation (see demo.h). */
#include "peerdesk/app/demo.h"

#include "peerdesk/app/access.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dbfile_priv.h"
#include "demo_data.h"
#include "peerdesk/app/privilege.h"
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
#include "demo_groups.h"

#define MAX_PAL_CLIENTS 8

struct demo_pal {
	int64_t id;
	char name[64];
	char login[32];
	enum benefit_rule rule;
	int cap;			/* most minutes a week we give them */
	int premium;			/* pence an hour above the wage floor */
	pd_date ends[MAX_PAL_CLIENTS];	/* end dates of current clients */
	int n;
};

struct demo {
	struct app *app;
	struct db *db;
	enum demo_scale scale;
	struct demo_stats *st;
	uint64_t rng;
	pd_date today, start, this_week;
	int week_wd;
	int nweeks;
	struct demo_pal *pals;
	int npals;
	int64_t manager_id, ops_id;
	int *minutes;		/* [pal * nweeks + week] */
	int64_t *week_ids;	/* [pal * nweeks + week], 0 = not yet */
	int forced;		/* clients given a fixed review story */
	int64_t reopened;	/* the closed client who came back */
};

/* ---- randomness (splitmix64: small, fast, reproducible) -------------- */

static uint64_t
demo_next(struct demo *d)
{
	uint64_t z = (d->rng += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* A number in [lo, hi]. */
static int
demo_range(struct demo *d, int lo, int hi)
{
	return lo + (int)(demo_next(d) % (uint64_t)(hi - lo + 1));
}

static int
demo_chance(struct demo *d, int percent)
{
	return demo_range(d, 1, 100) <= percent;
}

#define PICK(d, list) ((list)[demo_range((d), 0, (int)NELEM(list) - 1)])

static void
demo_fmt(pd_date day, char out[11])
{
	date_format(day, out);
}

/* ---- weeks and timesheet lines --------------------------------------- */

static int
demo_week_index(struct demo *d, pd_date day)
{
	pd_date ws = week_start_of(day, d->week_wd);

	return (int)(date_diff_days(ws, week_start_of(d->start, d->week_wd)) / 7);
}

static enum pd_status
demo_week_id(struct demo *d, int p, int w, int64_t *out, struct pd_err *err)
{
	int64_t *slot = &d->week_ids[(size_t)p * d->nweeks + w];
	struct ts_week wk;
	char ws[11];
	enum pd_status s;

	if (*slot == 0) {
		demo_fmt(date_add_days(week_start_of(d->start, d->week_wd), w * 7), ws);
		memset(&wk, 0, sizeof wk);
		s = db_week_get_or_create(d->db, d->pals[p].id, ws, &wk, err);
		if (s != PD_OK)
			return s;
		*slot = wk.id;
		d->st->weeks++;
	}
	*out = *slot;
	return PD_OK;
}

/* Add a paid line (not a session) for PAL p. */
static enum pd_status
demo_line(struct demo *d, int p, pd_date day, int minutes,
    enum line_kind kind, int64_t client_id, int64_t session_id,
    const char *note, struct pd_err *err)
{
	struct ts_line l;
	int w = demo_week_index(d, day);
	enum pd_status s;

	memset(&l, 0, sizeof l);
	if ((s = demo_week_id(d, p, w, &l.week_id, err)) != PD_OK)
		return s;
	l.pal_id = d->pals[p].id;
	demo_fmt(day, l.date);
	l.minutes = minutes;
	l.kind = kind;
	l.client_id = client_id;
	l.session_id = session_id;
	l.note = (char *)note;
	s = db_line_insert(d->db, &l, d->manager_id, err);
	d->minutes[(size_t)p * d->nweeks + w] += minutes;
	d->st->lines++;
	return s;
}

static int
demo_room(struct demo *d, int p, pd_date day)
{
	int w = demo_week_index(d, day);

	if (w < 0 || w >= d->nweeks)
		return 0;
	return d->pals[p].cap - d->minutes[(size_t)p * d->nweeks + w];
}

/* ---- people ---------------------------------------------------------- */

static enum pd_status
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
	s.login = (char *)login;
	s.name = (char *)name;
	s.role = role;
	s.active = 1;
	st = db_staff_insert(d->db, &s, err);
	*id = s.id;
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

static enum pd_status
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
		int f = demo_chance(d, 50);

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
	prof.gender = (char *)gender;
	prof.pronouns = (char *)(strcmp(gender, "female") == 0 ? "she/her" : "he/him");
	prof.interests = interests;
	prof.languages = (char *)PICK(d, demo_languages);
	prof.work_experience = (char *)PICK(d, demo_experience);
	prof.my_story = (char *)PICK(d, demo_story);
	prof.activities = (char *)PICK(d, demo_interests);
	prof.max_clients = d->scale == DEMO_SMALL ? 5 : MAX_PAL_CLIENTS;
	if ((s = db_pal_insert(d->db, &prof, err)) != PD_OK)
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
static enum pd_status
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

/* ---- clients ---------------------------------------------------------- */

static enum pd_status
demo_plan(struct demo *d, int64_t client_id, pd_date written,
    pd_date established, pd_date reviewed, int64_t review_id,
    struct pd_err *err)
{
	struct plan_info plan;
	struct plan_sections sec;
	struct plan_goal g;
	enum pd_status s;
	char ds[11];
	int k, first = demo_range(d, 0, (int)NELEM(demo_goals) - 1);

	memset(&plan, 0, sizeof plan);
	if ((s = db_plan_get_or_create(d->db, client_id, 0, &plan, err)) != PD_OK)
		return s;
	memset(&sec, 0, sizeof sec);
	sec.ambitions = (char *)PICK(d, demo_ambitions);
	sec.support_wanted = (char *)"Someone to go out with, once or twice a week.";
	sec.support_hopes = (char *)"More confidence, and a reason to get up.";
	sec.keeps_me_well = (char *)PICK(d, demo_keeps_well);
	sec.triggers = (char *)PICK(d, demo_triggers);
	sec.triggers_plan = (char *)"Open letters with someone; plan quiet times to shop.";
	sec.warning_signs = (char *)PICK(d, demo_warning_signs);
	sec.warning_plan = (char *)"Text my PAL or my sister; keep to my morning routine.";
	sec.crisis_plan = (char *)"Call the crisis line; ask my sister to come round.";
	sec.crisis_contacts = (char *)"Sister: 07700 900123. Crisis line: 0800 000 0000.";
	sec.crisis_helps = (char *)"Someone sitting with me; a cup of tea; being listened to.";
	sec.crisis_avoid = (char *)"Being told to calm down; lots of questions at once.";
	sec.unsafe_places = (char *)"Busy pubs late at night; the underpass by the station.";
	demo_fmt(written, ds);		/* saved that morning */
	snprintf(sec.saved_at, sizeof sec.saved_at, "%sT10:00:00Z", ds);
	if ((s = db_plan_version_insert(d->db, plan.id, &sec, 0, d->ops_id, err))
	    != PD_OK)
		return s;
	d->st->plans++;
	demo_fmt(established, ds);
	if ((s = db_plan_set_established(d->db, plan.id, ds, d->ops_id, err))
	    != PD_OK)
		return s;
	for (k = 0; k < 2; k++) {
		const struct demo_goal_seed *gs =
		    &demo_goals[(first + k * 3) % NELEM(demo_goals)];

		memset(&g, 0, sizeof g);
		g.plan_id = plan.id;
		goal_area_from_str(gs->area, &g.area);
		g.title = (char *)gs->title;
		g.detail = (char *)gs->detail;
		g.set_by = (char *)"me, with the Operations Manager";
		demo_fmt(written, g.created_on);
		g.position = k;
		if ((s = db_goal_insert(d->db, &g, err)) != PD_OK)
			return s;
		d->st->goals++;
		demo_fmt(written, ds);
		s = db_goal_score_insert(d->db, g.id, ds, demo_range(d, -2, 0), 0,
		    d->ops_id, err);
		if (s == PD_OK && review_id > 0) {
			demo_fmt(reviewed, ds);
			s = db_goal_score_insert(d->db, g.id, ds,
			    demo_range(d, 0, 2), review_id, d->ops_id, err);
		}
		if (s != PD_OK)
			return s;
	}
	if (review_id > 0) {
		sec.ambitions = (char *)"Still the same: get out more. I go to the "
		    "walking group now and want to try the Recovery College.";
		demo_fmt(reviewed, ds);
		snprintf(sec.saved_at, sizeof sec.saved_at, "%sT11:00:00Z", ds);
		s = db_plan_version_insert(d->db, plan.id, &sec, 1, d->ops_id, err);
	}
	return s;
}

/* Pick a PAL with room at day (fewest current clients, from a sample). */
static int
demo_choose_pal(struct demo *d, pd_date day, int want)
{
	int best = -1, bestn = 1 << 30, k, tries = d->npals < 12 ? d->npals : 12;

	if (want >= 0)
		return want;
	for (k = 0; k < tries; k++) {
		int p = demo_range(d, 0, d->npals - 1), j, n = 0;
		struct demo_pal *pal = &d->pals[p];

		/* the small demo's Jo has exactly her four clients */
		if (d->scale == DEMO_SMALL && p == 0)
			continue;

		for (j = 0; j < pal->n; j++)
			if (pal->ends[j] > day)
				n++;
		if (n < bestn && n < MAX_PAL_CLIENTS) {
			best = p;
			bestn = n;
		}
	}
	return best;
}

/* Three PALs on a client's shortlist, suggested a week after referral.
 * No random numbers are drawn here, so the rest of the demo stays the
 * same organisation whether or not a client has a shortlist. */
static enum pd_status
demo_shortlist(struct demo *d, int64_t client_id, pd_date referred,
    struct pd_err *err)
{
	static const char *const why[] = {
		"shares an interest; has room this week",
		"lives nearby; has room this week",
		"the client asked for someone with this experience",
	};
	struct shortlist_entry e;
	enum pd_status s;
	int k;

	for (k = 0; k < 3 && 1 + k < d->npals; k++) {	/* not Jo (0) */
		memset(&e, 0, sizeof e);
		e.client_id = client_id;
		e.pal_id = d->pals[1 + k].id;
		demo_fmt(date_add_days(referred, 7), e.added_on);
		e.added_by = d->ops_id;
		e.why = (char *)why[k];
		e.status = SHORTLIST_SHORTLISTED;
		if ((s = db_shortlist_insert(d->db, &e, err)) != PD_OK)
			return s;
	}
	return PD_OK;
}

static void
demo_pal_take(struct demo_pal *p, pd_date day, pd_date end)
{
	int j;

	for (j = 0; j < p->n; j++)
		if (p->ends[j] <= day) {
			p->ends[j] = end;
			return;
		}
	if (p->n < MAX_PAL_CLIENTS)
		p->ends[p->n++] = end;
}

/* Sessions from first to last (inclusive) for client c with PAL p. */
static enum pd_status
demo_sessions(struct demo *d, int64_t client_id, int p, pd_date first,
    pd_date last, int contracted, struct pd_err *err)
{
	pd_date wk;
	enum pd_status s;

	for (wk = week_start_of(first, d->week_wd); wk <= last;
	    wk = date_add_days(wk, 7)) {
		int left = contracted, tries = 0;

		while (left > 0 && tries++ < 6) {
			struct session ss;
			int m = d->scale == DEMO_LARGE ?
			    (demo_chance(d, 50) ? 60 : demo_chance(d, 50) ? 45 : 90) :
			    (demo_chance(d, 50) ? 60 : demo_chance(d, 50) ? 90 : 120);
			pd_date day = date_add_days(wk, demo_range(d, 0, 5));

			if (day < first || day > last || day > d->today)
				continue;
			if (m > left)
				m = left < 30 ? 30 : left;
			if (demo_room(d, p, day) < m)
				break;
			memset(&ss, 0, sizeof ss);
			ss.client_id = client_id;
			ss.pal_id = d->pals[p].id;
			demo_fmt(day, ss.date);
			snprintf(ss.start_time, sizeof ss.start_time, "%02d:%s",
			    demo_range(d, 9, 16), demo_chance(d, 50) ? "00" : "30");
			ss.minutes = m;
			ss.place = (enum place)demo_range(d, 0, 5);
			ss.did = (char *)PICK(d, demo_did);
			ss.went_well = (char *)PICK(d, demo_went_well);
			ss.follow_up = (char *)PICK(d, demo_follow_up);
			if ((s = db_session_insert(d->db, &ss, d->pals[p].id, err))
			    != PD_OK)
				return s;
			d->st->sessions++;
			s = demo_line(d, p, day, m, LINE_SESSION, client_id, ss.id,
			    NULL, err);
			if (s != PD_OK)
				return s;
			left -= m;
			/* travel between clients, now and then */
			if ((ss.place == PLACE_HOME || ss.place == PLACE_TOWN) &&
			    demo_chance(d, 15) && demo_room(d, p, day) >= 20) {
				s = demo_line(d, p, day, 20, LINE_TRAVEL, 0, 0,
				    "travel between clients", err);
				if (s != PD_OK)
					return s;
			}
		}
	}
	return PD_OK;
}

/* The client's status history up to their status now (c->status):
 * intake a few days after the referral, active from the first meeting,
 * paused half-way to today, closed at the end with a reason (taken from
 * i, so the random numbers, and the rest of the demo, stay the same);
 * the first client closed a month or more ago came back (episode 2). */
static enum pd_status
demo_status_story(struct demo *d, int i, const struct client *c, pd_date referred,
    pd_date first, pd_date end, struct pd_err *err)
{
	static const enum closed_reason why[8] = {
		CLOSED_SUPPORT_ENDED, CLOSED_MOVED_AWAY, CLOSED_SUPPORT_ENDED,
		CLOSED_DECLINED, CLOSED_SUPPORT_ENDED, CLOSED_NOT_REACHED,
		CLOSED_SUPPORT_ENDED, CLOSED_OTHER
	};
	enum client_status to = c->status;
	enum closed_reason reason = CLOSED_NONE;
	pd_date on[4];
	enum client_status st[4];
	int n = 0, k, episode = 1;
	char day[11];
	enum pd_status s = PD_OK;

	if (to == CLIENT_REFERRED)
		return PD_OK;
	if (to == CLIENT_ACTIVE && i % 11 == 5 && first < d->today)
		to = CLIENT_PAUSED;	/* a break; their PAL stays */
	st[n] = CLIENT_INTAKE;
	on[n++] = date_add_days(referred, 3) < d->today ?
	    date_add_days(referred, 3) : d->today;
	if (to != CLIENT_INTAKE) {
		st[n] = CLIENT_ACTIVE;
		on[n++] = first > on[0] ? first : on[0];
	}
	if (to == CLIENT_PAUSED) {
		st[n] = CLIENT_PAUSED;
		on[n] = on[n - 1] + (d->today - on[n - 1]) / 2;
		n++;
	} else if (to == CLIENT_CLOSED) {
		st[n] = CLIENT_CLOSED;
		on[n] = end > on[n - 1] ? end : on[n - 1];
		n++;
		reason = why[i % 8];
	}
	for (k = 0; s == PD_OK && k < n; k++) {
		date_format(on[k], day);
		s = db_status_change_insert(d->db, c->id, 1, st[k], day,
		    st[k] == CLIENT_CLOSED ? reason : CLOSED_NONE, NULL,
		    d->ops_id, err);
	}
	if (s == PD_OK && to == CLIENT_CLOSED && !d->reopened &&
	    date_add_days(on[n - 1], 30) < d->today) {
		d->reopened = c->id;
		episode = 2;
		to = CLIENT_REFERRED;
		reason = CLOSED_NONE;
		on[n - 1] = date_add_days(on[n - 1], 30);
		date_format(on[n - 1], day);
		s = db_status_change_insert(d->db, c->id, 2, to, day,
		    CLOSED_NONE, "referred again by their GP", d->ops_id, err);
	}
	date_format(on[n - 1], day);
	if (s == PD_OK)
		s = db_client_set_status(d->db, c->id, to, day, reason,
		    episode, 0, d->ops_id, err);
	return s;
}

/* The review story for the i-th client given a fixed one (small demo):
 * days since the first meeting, so today shows due, overdue, upcoming. */
static const int demo_forced_days[] = { 29, 30, 44, 23, 10 };

static enum pd_status
demo_client(struct demo *d, int i, int nclients, struct pd_err *err)
{
	struct client c;
	struct referral r;
	struct funding f;
	char name[96], addr[96], phone[16], pref[64];
	int fem = demo_chance(d, 55);
	pd_date referred, first, end, review_on;
	int span = date_diff_days(d->today, d->start);
	int contracted, p, forced = -1, want = -1;
	enum pd_status s;
	int64_t review_id = 0;

	/* Referral dates spread over the period, oldest first. */
	referred = date_add_days(d->start, (int)((int64_t)span * i / nclients));
	memset(&c, 0, sizeof c);
	snprintf(name, sizeof name, "%s %s",
	    fem ? PICK(d, demo_first_f) : PICK(d, demo_first_m), PICK(d, demo_last));
	c.name = name;
	c.pronouns = (char *)(fem ? "she/her" : "he/him");
	c.gender = (char *)(fem ? "female" : "male");
	snprintf(phone, sizeof phone, "07700 900%03d", demo_range(d, 0, 999));
	c.phone = phone;
	snprintf(addr, sizeof addr, "%d %s, Riverside", demo_range(d, 1, 120),
	    PICK(d, demo_streets));
	c.address = addr;
	snprintf(pref, sizeof pref, "%s", PICK(d, demo_preferences));
	c.pal_preferences = pref;
	c.interests = (char *)PICK(d, demo_interests);
	demo_fmt(date_add_days(referred, -demo_range(d, 19 * 365, 70 * 365)),
	    c.date_of_birth);
	c.status = CLIENT_ACTIVE;

	/* The newest referrals are still waiting or at intake. */
	if (d->scale == DEMO_SMALL && i >= nclients - 4)
		c.status = CLIENT_REFERRED;
	else if (d->scale == DEMO_SMALL && i >= nclients - 6)
		c.status = CLIENT_INTAKE;
	first = date_add_days(referred, demo_range(d, 14, 35));
	end = date_add_days(first, d->scale == DEMO_SMALL ?
	    demo_range(d, 180, 540) : demo_range(d, 1200, 3000));
	if (d->scale == DEMO_SMALL && i >= nclients - 6 - 5 && i < nclients - 6) {
		/* fixed review stories, and Jo's four clients */
		forced = nclients - 6 - 1 - i;
		first = date_add_days(d->today, -demo_forced_days[forced]);
		end = date_add_days(d->today, 400);
		want = forced < 3 ? 0 : -1;	/* Jo has three of these */
	} else if (d->scale == DEMO_SMALL && i == nclients - 20) {
		want = 0;			/* and this one: four */
		if (end < d->today)
			end = date_add_days(d->today, 200);
	}
	if (c.status == CLIENT_ACTIVE) {
		if (first >= d->today)
			c.status = CLIENT_INTAKE;
		else if (end < d->today)
			c.status = CLIENT_CLOSED;
		else if (demo_chance(d, 5))
			c.status = CLIENT_PAUSED;
	}
	{
		/* referred first; the story to now follows the referral */
		enum client_status now = c.status;

		c.status = CLIENT_REFERRED;
		demo_fmt(referred, c.status_changed_on);
		if ((s = db_client_insert(d->db, &c, d->ops_id, err)) != PD_OK)
			return s;
		c.status = now;
	}
	d->st->clients++;

	memset(&r, 0, sizeof r);
	r.client_id = c.id;
	demo_fmt(referred, r.referred_on);
	r.referrer_name = (char *)PICK(d, demo_referrer_name);
	r.referrer_org = (char *)PICK(d, demo_referrer_org);
	r.route = (enum referral_route)demo_range(d, 0, 5);
	demo_fmt(date_add_days(referred, demo_range(d, 1, 5)), r.first_contact_on);
	if ((s = db_referral_insert(d->db, &r, d->ops_id, err)) != PD_OK ||
	    (s = demo_status_story(d, i, &c, referred, first, end, err)) != PD_OK)
		return s;

	memset(&f, 0, sizeof f);
	f.client_id = c.id;
	f.kind = (enum funding_kind)demo_range(d, 0, 3);
	contracted = demo_range(d, 2, d->scale == DEMO_SMALL ? 6 : 8) * 60;
	f.contracted_minutes_per_week = contracted;
	f.hourly_charge_pence = 2200;
	f.funder = (char *)"Riverside Council";
	f.negotiator = (char *)PICK(d, demo_referrer_name);
	f.hourly_charge_pence = f.kind == FUNDING_SELF_FUNDED ? 1800 : 2200;
	demo_fmt(date_add_days(first, 365), f.review_due);
	if (i == nclients - 12)
		demo_fmt(date_add_days(d->today, 10), f.review_due);
	if (c.id == d->reopened)	/* back again: the funder reviews later */
		demo_fmt(date_add_days(d->today, 90), f.review_due);
	if ((s = db_funding_insert(d->db, &f, d->ops_id, err)) != PD_OK)
		return s;

	if (c.status == CLIENT_REFERRED)
		return PD_OK;
	if (c.status == CLIENT_INTAKE) {
		/* a draft plan; the newest at intake also a shortlist of three
		 * to meet (the older one is left for choosing from scratch) */
		struct plan_info plan;

		memset(&plan, 0, sizeof plan);
		s = db_plan_get_or_create(d->db, c.id, 0, &plan, err);
		if (s == PD_OK && d->scale == DEMO_SMALL && i == nclients - 5)
			s = demo_shortlist(d, c.id, referred, err);
		return s;
	}

	p = demo_choose_pal(d, first, want);
	if (p < 0)
		return PD_OK;	/* nobody free: stays waiting */
	demo_pal_take(&d->pals[p], first, end);
	{
		struct assignment a;
		pd_date due, overdue;
		struct review rv;

		memset(&a, 0, sizeof a);
		a.client_id = c.id;
		a.worker_id = d->pals[p].id;
		demo_fmt(first, a.started_on);
		a.contracted_minutes_per_week = contracted;
		{
			struct review_window rw = review_window_for(first,
			    d->app->settings->review_due_days,
			    d->app->settings->review_overdue_days);

			due = rw.due_on;
			overdue = rw.overdue_on;
		}
		demo_fmt(due, a.review_due_on);
		demo_fmt(overdue, a.review_overdue_on);
		if ((s = db_assignment_insert(d->db, &a, err)) != PD_OK)
			return s;
		d->st->assignments++;
		review_on = date_add_days(first, demo_range(d, 28, 41));
		if (forced < 0 && review_on <= d->today) {
			memset(&rv, 0, sizeof rv);
			rv.assignment_id = a.id;
			demo_fmt(review_on, rv.held_on);
			rv.participants = (char *)"client, PAL, Operations Manager";
			rv.outcome = OUTCOME_CONTINUE;
			rv.notes = (char *)"Going well; carry on.";
			rv.recorded_by = d->ops_id;
			if ((s = db_review_insert(d->db, &rv, err)) != PD_OK)
				return s;
			review_id = rv.id;
			d->st->reviews++;
		}
		if ((s = demo_plan(d, c.id, date_add_days(referred, 7),
		    date_add_days(first, -3), review_on, review_id, err)) != PD_OK)
			return s;
		if (end < d->today) {
			char ds[11];

			demo_fmt(end, ds);
			if ((s = db_assignment_end(d->db, a.id, ds, END_COMPLETED,
			    "Support came to a planned end.", d->ops_id, err)) != PD_OK)
				return s;
		}
	}
	return demo_sessions(d, c.id, p, first, end < d->today ? end : d->today,
	    contracted / (d->scale == DEMO_SMALL ? 2 : 1), err);
}

/* Weeks before last are approved; three of last week's are waiting. */
static enum pd_status
demo_week_statuses(struct demo *d, struct pd_err *err)
{
	int p, w, waiting = 0;
	int last = demo_week_index(d, d->today) - 1;
	enum pd_status s;

	for (p = 0; p < d->npals; p++)
		for (w = 0; w <= last && w < d->nweeks; w++) {
			int64_t id = d->week_ids[(size_t)p * d->nweeks + w];
			struct ts_week wk;
			enum week_status to;

			if (id == 0)
				continue;
			if (w < last)
				to = WEEK_APPROVED;
			else if (waiting < 3) {
				to = WEEK_SUBMITTED;
				waiting++;
			} else
				continue;
			if ((s = db_week_get(d->db, id, &wk, err)) != PD_OK)
				return s;
			if (to == WEEK_APPROVED &&
			    (s = db_week_set_status(d->db, &wk, WEEK_SUBMITTED,
			    d->pals[p].id, err)) != PD_OK)
				return s;
			if ((s = db_week_set_status(d->db, &wk, to,
			    to == WEEK_SUBMITTED ? d->pals[p].id : d->manager_id,
			    err)) != PD_OK)
				return s;
		}
	return PD_OK;
}

int
demo_scale_parse(const char *s, enum demo_scale *out)
{
	if (strcmp(s, "small") == 0)
		*out = DEMO_SMALL;
	else if (strcmp(s, "large") == 0)
		*out = DEMO_LARGE;
	else
		return -1;
	return 0;
}

static enum pd_status
demo_fill(struct demo *d, struct pd_err *err)
{
	char login[64], me[128];
	enum pd_status s;
	int64_t id;
	int i, nclients;

	if ((s = demo_staff(d, "priya", "Priya Shah", ROLE_MANAGER,
	    &d->manager_id, err)) != PD_OK)
		return s;
	if ((s = demo_staff(d, "dee", "Dee Walsh (Operations Manager)",
	    ROLE_OFFICE, &d->ops_id, err)) != PD_OK)
		return s;
	if ((s = demo_staff(d, "sam", "Sam Carter", ROLE_OFFICE, &id, err)) != PD_OK)
		return s;
	/* whoever runs the demo can open it as a manager */
	if (app_unix_login(login, sizeof login) == 0 &&
	    strcmp(login, "priya") != 0 && strcmp(login, "dee") != 0 &&
	    strcmp(login, "sam") != 0) {
		snprintf(me, sizeof me, "You (%s)", login);
		if ((s = demo_staff(d, login, me, ROLE_MANAGER, &id, err)) != PD_OK)
			return s;
	}
	for (i = 0; i < d->npals; i++)
		if ((s = demo_pal(d, i, err)) != PD_OK)
			return s;
	for (i = 0; i < d->npals; i++)
		if ((s = demo_pal_work(d, i, err)) != PD_OK)
			return s;
	nclients = d->scale == DEMO_SMALL ? 48 : 2000;
	for (i = 0; i < nclients; i++)
		if ((s = demo_client(d, i, nclients, err)) != PD_OK)
			return s;
	/* Grace (Universal Credit: no limit) leads the walks; Owen (no
	 * benefit) cooks with the Operations Manager. */
	if (d->scale == DEMO_SMALL && (s = demo_groups(d->db, d->today,
	    d->start, d->week_wd, d->manager_id, d->ops_id, d->pals[2].id,
	    d->pals[11].id, err)) != PD_OK)
		return s;
	return demo_week_statuses(d, err);
}

enum pd_status
app_demo_create(struct app *app, enum demo_scale scale,
    struct demo_stats *stats, struct pd_err *err)
{
	struct demo d;
	struct db_summary sum;
	enum pd_status s;
	struct timespec t0, t1;
	char today[11];

	if ((s = app_require(app, APP_MANAGER, "create a demo organisation",
	    err)) != PD_OK)
		return s;
	if ((s = db_summary(app->db, &sum, err)) != PD_OK)
		return s;
	if (sum.clients > 0 || sum.pals_active > 0)
		return pd_fail(err, PD_DUPLICATE, NULL,
		    "this database already has clients or PALs; the demo "
		    "needs an empty one (nothing was changed)");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(stats, 0, sizeof *stats);
	memset(&d, 0, sizeof d);
	d.app = app;
	d.db = app->db;
	d.scale = scale;
	d.st = stats;
	d.rng = scale == DEMO_SMALL ? 20240401u : 19820310u;
	app_today(today);
	date_parse(today, &d.today, NULL);
	d.week_wd = app->settings->week_start;
	d.start = date_add_days(d.today, scale == DEMO_SMALL ? -730 : -3652);
	d.this_week = week_start_of(d.today, d.week_wd);
	d.nweeks = demo_week_index(&d, d.today) + 2;
	d.npals = scale == DEMO_SMALL ? (int)NELEM(demo_pal_seeds) : 300;
	d.pals = xcalloc((size_t)d.npals, sizeof *d.pals);
	d.minutes = xcalloc((size_t)d.npals * d.nweeks, sizeof *d.minutes);
	d.week_ids = xcalloc((size_t)d.npals * d.nweeks, sizeof *d.week_ids);

	db_fresh_begin(app->db);
	s = db_begin(app->db, err);
	if (s == PD_OK)
		s = demo_fill(&d, err);
	if (s == PD_OK)
		s = app_audit(app, "create", "demo", 0, 0,
		    scale == DEMO_SMALL ? "created the small demo organisation" :
		    "created the large demo organisation", NULL, NULL, NULL, err);
	if (s == PD_OK)
		s = db_commit(app->db, err);
	else
		db_rollback(app->db);
	db_fresh_end(app->db);
	free(d.pals);
	free(d.minutes);
	free(d.week_ids);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	stats->seconds = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return s;
}


static enum pd_status
demo_lstat(const char *path, int *exists, struct pd_err *err)
{
	struct stat st;

	*exists = lstat(path, &st) == 0;
	if (!*exists && errno != ENOENT)
		return pd_fail(err, PD_IO, NULL, "cannot look at %s: %s", path,
		    strerror(errno));
	return PD_OK;
}

/* The finished file: opened once as every open does (WAL), so it and
 * its -wal and -shm are shared with the group exactly as init does. */
static enum pd_status
demo_share(const char *path, struct pd_err *err)
{
	struct db *db = NULL;
	enum pd_status s = db_open(path, DB_OPEN_EXISTING, &db, err);

	if (s == PD_OK)
		s = privilege_share_db(path, err);
	db_close(&db);
	return s;
}

/* Open the database at path (the group up) when it holds no clients and
 * no PALs, as `peerdesk init` leaves it; else PD_DUPLICATE, nothing
 * changed. */
static enum pd_status
demo_open_empty(const char *path, struct db **out, struct pd_err *err)
{
	struct db_summary sum;
	enum pd_status s;

	*out = NULL;
	PRIVILEGE_RAISED(s, db_open(path, DB_OPEN_EXISTING, out, err));
	if (s == PD_OK)
		s = db_summary(*out, &sum, err);
	if (s == PD_OK && (sum.clients > 0 || sum.pals_active > 0))
		s = pd_fail(err, PD_DUPLICATE, NULL, "there is already a "
		    "database with clients or PALs at %s; the demo needs an "
		    "empty one (as `peerdesk init` makes), so nothing was "
		    "changed. Name a new file with --db, or move that one "
		    "away first.", path);
	if (s != PD_OK)
		db_close(out);
	return s;
}

/* Move the empty database at path (and its -wal, -shm) out of the way
 * for the demo that copied it, then remove it. */
static enum pd_status
demo_replace(const char *path, struct pd_err *err)
{
	char *aside = xasprintf("%s.before-demo", path);
	enum pd_status s;
	int moved = 0;

	dbfile_remove(aside);
	s = dbfile_set_aside(path, aside, &moved, err);
	if (s == PD_OK && moved)
		dbfile_remove(aside);
	free(aside);
	return s;
}

enum pd_status
app_demo_build(struct app *app, enum demo_scale scale,
    struct demo_stats *stats, struct pd_err *err)
{
	struct db *db = NULL, *old = NULL;
	char *tmp = NULL;
	enum pd_status s;
	int fd = -1, exists = 0;

	memset(stats, 0, sizeof *stats);
	PRIVILEGE_RAISED(s, demo_lstat(app->db_path, &exists, err));
	if (s != PD_OK)
		return s;
	/* A database `peerdesk init` made (staff only) may be filled: the
	 * demo starts from a copy of it and replaces it whole. */
	if (exists && (s = demo_open_empty(app->db_path, &old, err)) != PD_OK)
		return s;
	PRIVILEGE_RAISED(s, dbfile_temp(app->db_path, "demo", &fd, &tmp, err));
	if (s != PD_OK) {
		db_close(&old);
		return s;
	}
	PRIVILEGE_RAISED(s, db_open(tmp, DB_OPEN_SCRATCH, &db, err));
	if (s == PD_OK && old != NULL)
		s = db_copy(old, db, err);
	else if (s == PD_OK)
		s = db_migrate_to(db, db_schema_latest(), err);
	db_close(&old);
	if (s == PD_OK) {
		/* a new file of this process: whoever makes it fills it, and
		 * becomes its manager (as with init) */
		char login[64];

		app->db = db;
		access_set_system(app, app_unix_login(login, sizeof login) ==
		    0 ? login : NULL);
		s = app_demo_create(app, scale, stats, err);
		app->db = NULL;
		access_set_nobody(app, app_unix_login(login, sizeof login) ==
		    0 ? login : NULL);
	}
	db_close(&db);
	if (s == PD_OK)
		s = dbfile_sync_close(fd, tmp, err);
	else
		close(fd);
	if (s == PD_OK && exists)
		PRIVILEGE_RAISED(s, demo_replace(app->db_path, err));
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, dbfile_place(tmp, app->db_path, err));
	if (s == PD_OK)
		PRIVILEGE_RAISED(s, demo_share(app->db_path, err));
	else if (privilege_raise(NULL) == PD_OK) {
		dbfile_remove(tmp);
		(void)privilege_lower(NULL);
	}
	free(tmp);
	return s;
}
