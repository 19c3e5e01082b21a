/* timesheet.c - fini functions and names for the records in
 * timesheet.h, and adding up a week. */
#include "peerdesk/model/timesheet.h"

#include "record_priv.h"

static const char *const place_names[] = {
	"home", "town", "cafe", "phone", "online", "other"
};
static const char *const place_labels[] = {
	"home", "town", "café", "phone", "online", "other"
};
RECORD_STR(place_str, enum place, place_names)
RECORD_FROM_STR(place_from_str, enum place, place_names)
RECORD_LABEL(place_label, enum place, place_labels)

static const char *const line_names[] = {
	"session", "supervision", "training", "travel", "shadowing", "admin"
};
static const char *const line_labels[] = {
	"session", "supervision", "training", "travel between clients",
	"shadowing", "admin"
};
RECORD_STR(line_kind_str, enum line_kind, line_names)
RECORD_FROM_STR(line_kind_from_str, enum line_kind, line_names)
RECORD_LABEL(line_kind_label, enum line_kind, line_labels)

static const char *const week_names[] = {
	"open", "submitted", "approved", "locked"
};
RECORD_STR(week_status_str, enum week_status, week_names)
RECORD_FROM_STR(week_status_from_str, enum week_status, week_names)

int
week_totals_add(struct week_totals *t, enum line_kind kind,
    int64_t rate_pence, int minutes)
{
	int i, j;

	if ((int)kind < 0 || (int)kind >= LINE_KINDS)
		return -1;
	if (rate_pence < 0)
		rate_pence = -1;
	for (i = 0; i < t->nbands && t->bands[i].rate_pence < rate_pence; i++)
		;
	if (i == t->nbands || t->bands[i].rate_pence != rate_pence) {
		if (t->nbands == WEEK_BANDS_MAX)
			return -1;
		for (j = t->nbands; j > i; j--)
			t->bands[j] = t->bands[j - 1];
		t->bands[i].rate_pence = rate_pence;
		t->bands[i].minutes = 0;
		t->nbands++;
	}
	t->bands[i].minutes += minutes;
	t->minutes_by_kind[kind] += minutes;
	t->minutes += minutes;
	return 0;
}

void
session_fini(struct session *s)
{
	FREES(&s->did, &s->went_well, &s->follow_up);
}

void
ts_line_fini(struct ts_line *l)
{
	FREES(&l->note);
}

void
report_row_fini(struct report_row *r)
{
	FREES(&r->login, &r->name);
}
