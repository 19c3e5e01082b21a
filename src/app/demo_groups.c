/* demo_groups.c - the demo organisation's groups: the walking group and
 * the communal meal, with a believable history (the seeds' walking group
 * ran on Thursdays at 1.30 and counted 19 walks, 18 people and 111
 * attendances in its first months). */
#include "demo_groups.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/group.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/week.h"

static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static bool
chance(uint64_t *s, int percent)
{
	return (int)(rnd(s) % 100) < percent;
}

/* Someone who comes: a client (id) or a first name; from week `joins`
 * of the group's life, coming `likely` percent of the time. */
struct regular {
	int64_t client_id;
	const char *first;
	int joins, likely;
};

static const char *const walk_firsts[] = {
	"Pat", "Denise", "Kofi", "Moira", "Stuart", "Jen"
};
static const char *const meal_firsts[] = {
	"Chris", "Lorraine", "Ahmed", "Bev"
};

static const char *const walk_notes[] = {
	"Round the park and back by the river.",
	"Rain held off; tea at the café after.",
	"Up to the old mill. Two new faces.",
	"Short walk: cold and windy.",
	"Along the canal to the lock and back.",
};

static const char *const quotes[] = {
	"I didn't leave the flat for months. Now Thursday is the day I look "
	"forward to.",
	"Having someone who has been there makes it easier to say how I "
	"really am.",
	"I've started cooking again because of the Wednesday meal.",
	"I go to the shops on my own now. I never thought I would.",
	"My PAL doesn't tell me what to do; we work it out together.",
};

static void
fmt(pd_date d, char out[11])
{
	date_format(d, out);
}

/* One meeting: the register from the regulars, the PAL's paid line. */
static enum pd_status
meet(struct db *db, uint64_t *s, int64_t group_id, const char *group_name,
    pd_date day, const char *start, int minutes, const char *notes,
    int week_no, const struct regular *regs, size_t nregs, int extra_max,
    int week_wd, int64_t by, int64_t staff_id, int64_t pal,
    struct pd_err *err)
{
	struct group_meeting m;
	struct ts_week wk;
	struct ts_line l;
	enum pd_status st;
	char ws[11];
	size_t i;

	memset(&m, 0, sizeof m);
	m.group_id = group_id;
	fmt(day, m.date);
	snprintf(m.start_time, sizeof m.start_time, "%s", start);
	m.minutes = minutes;
	m.notes = xstrdup(notes);
	m.extra_count = extra_max > 0 ? (int)(rnd(s) % (uint64_t)(extra_max +
	    1)) : 0;
	st = db_group_meeting_insert(db, &m, by, err);
	FREE(&m.notes);
	if (st != PD_OK)
		return st;
	if (staff_id != 0 &&
	    (st = db_group_meeting_staff_add(db, m.id, staff_id, err)) != PD_OK)
		return st;
	if ((st = db_group_meeting_staff_add(db, m.id, pal, err)) != PD_OK)
		return st;
	for (i = 0; i < nregs; i++)
		if (week_no >= regs[i].joins && chance(s, regs[i].likely) &&
		    (st = db_group_attendance_add(db, m.id, regs[i].client_id,
		    regs[i].first, err)) != PD_OK)
			return st;
	fmt(week_start_of(day, week_wd), ws);
	memset(&wk, 0, sizeof wk);
	if ((st = db_week_get_or_create(db, pal, ws, &wk, err)) != PD_OK)
		return st;
	memset(&l, 0, sizeof l);
	l.week_id = wk.id;
	l.pal_id = pal;
	fmt(day, l.date);
	l.minutes = minutes;
	l.kind = LINE_SESSION;
	l.note = xasprintf("group: %s", group_name);
	st = db_line_insert(db, &l, by, err);
	if (st == PD_OK)
		st = db_group_line_link(db, l.id, m.id, err);
	free(l.note);
	return st;
}

static enum pd_status
add_group(struct db *db, const char *name, enum group_kind kind, int day,
    const char *time, const char *place, int64_t by, int64_t staff_id,
    int64_t pal, int64_t *id, struct pd_err *err)
{
	struct group g;
	enum pd_status st;

	memset(&g, 0, sizeof g);
	g.name = xstrdup(name);
	g.kind = kind;
	g.usual_day = day;
	snprintf(g.usual_time, sizeof g.usual_time, "%s", time);
	g.place = xstrdup(place);
	g.active = true;
	st = db_group_insert(db, &g, by, err);
	group_fini(&g);
	if (st != PD_OK)
		return st;
	*id = g.id;
	if (staff_id != 0 &&
	    (st = db_group_facilitator_add(db, g.id, staff_id, err)) != PD_OK)
		return st;
	return db_group_facilitator_add(db, g.id, pal, err);
}

enum pd_status
demo_groups(struct db *db, pd_date today, pd_date start, int week_wd,
    int64_t by, int64_t staff_id, int64_t walk_pal, int64_t meal_pal,
    struct pd_err *err)
{
	struct regular walk[18], meal[16];
	int64_t *clients = NULL, *reviews = NULL, walk_id, meal_id;
	size_t nclients = 0, nreviews = 0, nwalk = 0, nmeal = 0, i;
	uint64_t s = 18011930u;
	enum pd_status st;
	pd_date day, jan;
	int y, mo, dd, week_no;

	if ((st = db_demo_active_clients(db, 24, &clients, &nclients, err))
	    != PD_OK)
		return st;
	/* The walk: twelve clients and six others, joining over the first
	 * weeks; the meal: twelve clients and four others from the start. */
	for (i = 0; i < nclients && nwalk < 12; i++, nwalk++) {
		walk[nwalk].client_id = clients[i];
		walk[nwalk].first = NULL;
		walk[nwalk].joins = (int)(rnd(&s) % 14);
		walk[nwalk].likely = 25 + (int)(rnd(&s) % 50);
	}
	for (i = 0; i < sizeof walk_firsts / sizeof walk_firsts[0]; i++,
	    nwalk++) {
		walk[nwalk].client_id = 0;
		walk[nwalk].first = walk_firsts[i];
		walk[nwalk].joins = (int)(rnd(&s) % 20);
		walk[nwalk].likely = 20 + (int)(rnd(&s) % 40);
	}
	for (i = 12; i < nclients && nmeal < 12; i++, nmeal++) {
		meal[nmeal].client_id = clients[i];
		meal[nmeal].first = NULL;
		meal[nmeal].joins = (int)(rnd(&s) % 60);
		meal[nmeal].likely = 30 + (int)(rnd(&s) % 50);
	}
	for (i = 0; i < sizeof meal_firsts / sizeof meal_firsts[0]; i++,
	    nmeal++) {
		meal[nmeal].client_id = 0;
		meal[nmeal].first = meal_firsts[i];
		meal[nmeal].joins = 0;
		meal[nmeal].likely = 60;
	}

	st = add_group(db, "Thursday walking group", GROUP_WALK, 4, "13:30",
	    "meet at the café", by, staff_id, walk_pal, &walk_id, err);
	if (st == PD_OK)
		st = add_group(db, "Communal meal", GROUP_MEAL, 3, "18:00",
		    "the café", by, staff_id, meal_pal, &meal_id, err);
	if (st != PD_OK)
		goto out;

	/* Walks: every Thursday from the first in January, but a few lost
	 * to the weather and to holidays. */
	date_to_ymd(today, &y, &mo, &dd);
	date_from_ymd(y, 1, 1, &jan, NULL);
	day = jan;
	while (date_weekday(day) != 4)
		day = date_add_days(day, 1);
	for (week_no = 0; st == PD_OK && day < today; day = date_add_days(day,
	    7), week_no++) {
		if (week_no > 0 && chance(&s, 12))
			continue;
		st = meet(db, &s, walk_id, "Thursday walking group", day,
		    "13:30", 90, walk_notes[rnd(&s) % 5], week_no, walk, nwalk,
		    1, week_wd, by, staff_id, walk_pal, err);
	}

	/* Meals: every Wednesday evening through the demo's two years. */
	day = start;
	while (date_weekday(day) != 3)
		day = date_add_days(day, 1);
	for (week_no = 0; st == PD_OK && day < today; day = date_add_days(day,
	    7), week_no++) {
		if (chance(&s, 6))
			continue;	/* the café closed */
		st = meet(db, &s, meal_id, "Communal meal", day, "18:00", 150,
		    NULL, week_no, meal, nmeal, 5, week_wd, by, staff_id,
		    meal_pal, err);
	}

	/* "Connect: go to the Thursday walking group" names the walk. */
	if (st == PD_OK)
		st = db_demo_goal_group(db, "%walking group%", walk_id, err);
	/* Words from reviews that clients let us quote. */
	if (st == PD_OK)
		st = db_demo_reviews(db, &reviews, &nreviews, err);
	for (i = 0; st == PD_OK && i < nreviews && i / 5 < 5; i += 5)
		st = db_demo_review_words(db, reviews[i], quotes[i / 5], err);
out:
	free(clients);
	free(reviews);
	return st;
}
