/* demo_plans.c - a demo client's Wellness and Safety Plan: its sections,
 * goals, steps and scores (demo.h). */
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
	sec.ambitions = xstrdup(PICK(d, demo_ambitions));
	sec.support_wanted = xstrdup("Someone to go out with, once or twice a week.");
	sec.support_hopes = xstrdup("More confidence, and a reason to get up.");
	sec.keeps_me_well = xstrdup(PICK(d, demo_keeps_well));
	sec.triggers = xstrdup(PICK(d, demo_triggers));
	sec.triggers_plan = xstrdup("Open letters with someone; plan quiet times to shop.");
	sec.warning_signs = xstrdup(PICK(d, demo_warning_signs));
	sec.warning_plan = xstrdup("Text my PAL or my sister; keep to my morning routine.");
	sec.crisis_plan = xstrdup("Call the crisis line; ask my sister to come round.");
	sec.crisis_contacts = xstrdup("Sister: 07700 900123. Crisis line: 0800 000 0000.");
	sec.crisis_helps = xstrdup("Someone sitting with me; a cup of tea; being listened to.");
	sec.crisis_avoid = xstrdup("Being told to calm down; lots of questions at once.");
	sec.unsafe_places = xstrdup("Busy pubs late at night; the underpass by the station.");
	demo_fmt(written, ds);		/* saved that morning */
	snprintf(sec.saved_at, sizeof sec.saved_at, "%sT10:00:00Z", ds);
	if ((s = db_plan_version_insert(d->db, plan.id, &sec, 0, d->ops_id, err))
	    != PD_OK)
		goto out;
	d->st->plans++;
	demo_fmt(established, ds);
	if ((s = db_plan_set_established(d->db, plan.id, ds, d->ops_id, err))
	    != PD_OK)
		goto out;
	for (k = 0; k < 2; k++) {
		const struct demo_goal_seed *gs =
		    &demo_goals[(first + k * 3) % NELEM(demo_goals)];

		memset(&g, 0, sizeof g);
		g.plan_id = plan.id;
		goal_area_from_str(gs->area, &g.area);
		g.title = xstrdup(gs->title);
		g.detail = xstrdup(gs->detail);
		g.set_by = xstrdup("me, with the Operations Manager");
		demo_fmt(written, g.created_on);
		g.position = k;
		s = db_goal_insert(d->db, &g, err);
		plan_goal_fini(&g);
		if (s != PD_OK)
			goto out;
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
			goto out;
	}
	if (review_id > 0) {
		free(sec.ambitions);
		sec.ambitions = xstrdup("Still the same: get out more. I go to the "
		    "walking group now and want to try the Recovery College.");
		demo_fmt(reviewed, ds);
		snprintf(sec.saved_at, sizeof sec.saved_at, "%sT11:00:00Z", ds);
		s = db_plan_version_insert(d->db, plan.id, &sec, 1, d->ops_id, err);
	}
out:
	plan_sections_fini(&sec);
	return s;
}

/* Pick a PAL with room at day (fewest current clients, from a sample). */
