/* timesheet.c - fini functions and names for the records in
 * timesheet.h, and adding up a week. */
#include "peerdesk/model/timesheet.h"

#include "record_priv.h"

RECORD_NAMES(place, enum place, PLACE_LIST, RECORD_NAME_OF)
RECORD_LABELS(place, enum place, PLACE_LIST)
RECORD_NAMES(line_kind, enum line_kind, LINE_KIND_LIST, RECORD_NAME_OF)
RECORD_LABELS(line_kind, enum line_kind, LINE_KIND_LIST)
RECORD_NAMES(week_status, enum week_status, WEEK_STATUS_LIST,
    RECORD_NAME_ONLY)

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
