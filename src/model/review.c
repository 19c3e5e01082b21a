#include "peerdesk/model/review.h"

struct review_window
review_window_for(pd_date first_meeting, int due_days, int overdue_days)
{
	struct review_window w;

	if (due_days < 0)
		due_days = 0;
	if (overdue_days < due_days)
		overdue_days = due_days;
	w.first_meeting = first_meeting;
	w.due_on = date_add_days(first_meeting, due_days);
	w.overdue_on = date_add_days(first_meeting, overdue_days);
	return w;
}

enum review_state
review_state(pd_date today, pd_date due_on, pd_date overdue_on,
    int upcoming_days, int reviewed)
{
	if (reviewed)
		return REVIEW_DONE;
	if (upcoming_days < 0)
		upcoming_days = 0;
	if (today >= overdue_on)
		return REVIEW_OVERDUE;
	if (today >= due_on)
		return REVIEW_DUE;
	if (date_diff_days(due_on, today) <= upcoming_days)
		return REVIEW_UPCOMING;
	return REVIEW_NONE;
}

const char *
review_state_str(enum review_state s)
{
	static const char *const names[] = {
		"none", "upcoming", "due", "overdue", "done"
	};

	if ((int)s < 0 || (int)s > REVIEW_DONE)
		return NULL;
	return names[s];
}

const char *
review_state_label(enum review_state s)
{
	static const char *const labels[] = {
		"", "review coming up", "review due", "review overdue",
		"reviewed"
	};

	if ((int)s < 0 || (int)s > REVIEW_DONE)
		return "?";
	return labels[s];
}
