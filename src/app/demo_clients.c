/* demo_clients.c - the demo organisation's clients: referral, funding,
 * shortlist, PAL, sessions and the review story (demo.h). */
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
	char why_k[128];
	enum pd_status s;
	int k;

	for (k = 0; k < 3 && 1 + k < d->npals; k++) {	/* not Jo (0) */
		memset(&e, 0, sizeof e);
		e.client_id = client_id;
		e.pal_id = d->pals[1 + k].id;
		demo_fmt(date_add_days(referred, 7), e.added_on);
		e.added_by = d->ops_id;
		e.why = demo_copy(why_k, sizeof why_k, why[k]);
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
			char did[128], well[128], follow[128];
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
			ss.did = demo_copy(did, sizeof did, PICK(d, demo_did));
			ss.went_well = demo_copy(well, sizeof well,
			    PICK(d, demo_went_well));
			ss.follow_up = demo_copy(follow, sizeof follow,
			    PICK(d, demo_follow_up));
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

enum pd_status
demo_client(struct demo *d, int i, int nclients, struct pd_err *err)
{
	struct client c;
	struct referral r;
	struct funding f;
	char name[96], addr[96], phone[16], pref[64];
	char pronouns[16], gender[16], interests[128];
	char referrer[128], referrer_org[128], funder[128], negotiator[128];
	bool fem = demo_chance(d, 55);
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
	c.pronouns = demo_copy(pronouns, sizeof pronouns,
	    fem ? "she/her" : "he/him");
	c.gender = demo_copy(gender, sizeof gender, fem ? "female" : "male");
	snprintf(phone, sizeof phone, "07700 900%03d", demo_range(d, 0, 999));
	c.phone = phone;
	snprintf(addr, sizeof addr, "%d %s, Riverside", demo_range(d, 1, 120),
	    PICK(d, demo_streets));
	c.address = addr;
	snprintf(pref, sizeof pref, "%s", PICK(d, demo_preferences));
	c.pal_preferences = pref;
	c.interests = demo_copy(interests, sizeof interests,
	    PICK(d, demo_interests));
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
	r.referrer_name = demo_copy(referrer, sizeof referrer,
	    PICK(d, demo_referrer_name));
	r.referrer_org = demo_copy(referrer_org, sizeof referrer_org,
	    PICK(d, demo_referrer_org));
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
	f.funder = demo_copy(funder, sizeof funder, "Riverside Council");
	f.negotiator = demo_copy(negotiator, sizeof negotiator,
	    PICK(d, demo_referrer_name));
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
		char participants[64], notes[64];

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
			rv.participants = demo_copy(participants,
			    sizeof participants, "client, PAL, Operations Manager");
			rv.outcome = OUTCOME_CONTINUE;
			rv.notes = demo_copy(notes, sizeof notes,
			    "Going well; carry on.");
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
