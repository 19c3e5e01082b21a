/* demo_common.c - what every part of the demo generator uses (see
 * demo_common_priv.h): seeded randomness, and the PALs' weeks and paid
 * lines with the minutes each week still has room for. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/timesheet.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/week.h"
#include "demo_common_priv.h"

/* ---- randomness (splitmix64: small, fast, reproducible) -------------- */

uint64_t
demo_next(struct demo *d)
{
	uint64_t z = (d->rng += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* A number in [lo, hi]. */
int
demo_range(struct demo *d, int lo, int hi)
{
	return lo + (int)(demo_next(d) % (uint64_t)(hi - lo + 1));
}

bool
demo_chance(struct demo *d, int percent)
{
	return demo_range(d, 1, 100) <= percent;
}

void
demo_fmt(pd_date day, char out[11])
{
	date_format(day, out);
}

/* ---- weeks and timesheet lines --------------------------------------- */

int
demo_week_index(struct demo *d, pd_date day)
{
	pd_date ws = week_start_of(day, d->week_wd);

	return (int)(date_diff_days(ws, week_start_of(d->start, d->week_wd)) / 7);
}

enum pd_status
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
enum pd_status
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
	l.note = xstrdup(note);
	s = db_line_insert(d->db, &l, d->manager_id, err);
	ts_line_fini(&l);
	d->minutes[(size_t)p * d->nweeks + w] += minutes;
	d->st->lines++;
	return s;
}

int
demo_room(struct demo *d, int p, pd_date day)
{
	int w = demo_week_index(d, day);

	if (w < 0 || w >= d->nweeks)
		return 0;
	return d->pals[p].cap - d->minutes[(size_t)p * d->nweeks + w];
}

char *
demo_copy(char *buf, size_t n, const char *s)
{
	snprintf(buf, n, "%s", s);
	return buf;
}
