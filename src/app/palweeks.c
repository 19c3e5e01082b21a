/* palweeks.c - one PAL's weeks against the limit (see palweeks.h). */
#include "peerdesk/app/palweeks.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/today.h"
#include "peerdesk/report/palweeks.h"
#include "time_priv.h"

/* Which weeks count in the averages: from the PAL's Started date (else
 * their first week with paid time in the weeks loaded) to their Left
 * date.  Without either, every week counts. */
static void
pw_counted(struct palweeks *p, const struct pal_profile *prof)
{
	pd_date from = 0, to = 0;
	bool has_from = false, has_to = false;
	size_t i;

	if (prof->started_on[0] != '\0' &&
	    date_parse(prof->started_on, &from, NULL) == PD_OK)
		has_from = true;
	if (prof->left_on[0] != '\0' &&
	    date_parse(prof->left_on, &to, NULL) == PD_OK)
		has_to = true;
	for (i = 0; !has_from && i < p->n; i++)
		if (p->v[i].minutes > 0) {
			from = p->v[i].first;
			has_from = 1;
		}
	p->has_counted_from = has_from;
	p->counted_from = from;
	for (i = 0; i < p->n; i++)
		p->v[i].counted = (!has_from || p->v[i].last >= from) &&
		    (!has_to || p->v[i].first <= to);
}

/* pal_id's week holding day, judged, added to out. */
static enum pd_status
pw_add_week(struct app *app, int64_t pal_id, pd_date day,
    struct palweeks *out, struct pd_err *err)
{
	struct time_week w;
	struct hours_row row;
	struct palweeks_week pw;
	enum pd_status s;

	memset(&row, 0, sizeof row);
	/* judged as the weekly summary judges it: time_week_basis and
	 * time_row are what the summary, the approval and the payroll
	 * export use (every day's rule and the limit DWP applies) */
	s = time_week_basis(app, pal_id, day, &w, err);
	if (s == PD_OK)
		s = time_row(app, &w, &w.totals, &row, err);
	if (s == PD_OK) {
		memset(&pw, 0, sizeof pw);
		pw.first = w.wk.first;
		pw.last = w.wk.last;
		memcpy(pw.label, w.label, sizeof pw.label);
		pw.minutes = row.minutes;
		pw.gross_pence = row.gross_pence;
		pw.unrated_minutes = row.unrated_minutes;
		pw.check = row.check;
		palweeks_add(out, &pw);
	}
	hours_row_fini(&row);
	return s;
}

enum pd_status
app_pal_weeks(struct app *app, int64_t pal_id, int weeks,
    struct palweeks *out, struct pd_err *err)
{
	struct staff st;
	struct pal_profile prof;
	struct week_range now;
	char today[11], gen[32];
	char *name = NULL;
	pd_date t, first;
	enum pd_status s;
	int i, total;

	memset(out, 0, sizeof *out);
	if (weeks != 13 && weeks != 52)
		return pd_fail(err, PD_INVALID, "weeks", "please ask for 13 or "
		    "52 weeks, not %d", weeks);
	if ((s = time_pal_resolve(app, &pal_id, &name, err)) != PD_OK)
		return s;
	free(name);
	if (!access_sees_pay(app, pal_id))
		return pd_fail(err, PD_DENIED, "pal", "only a manager, or the "
		    "PAL themselves, may see a PAL's weeks against the benefit "
		    "limit");
	memset(&st, 0, sizeof st);
	memset(&prof, 0, sizeof prof);
	if ((s = db_staff_get(app->db, pal_id, &st, err)) != PD_OK)
		return s;
	s = db_pal_get(app->db, pal_id, &prof, err);
	if (s == PD_NOT_FOUND)
		s = PD_OK;	/* no profile yet: no Started date */
	if (s != PD_OK) {
		staff_fini(&st);
		return s;
	}
	app_today(today);
	if (date_parse(today, &t, err) != PD_OK) {
		staff_fini(&st);
		pal_profile_fini(&prof);
		return PD_INVALID;
	}
	report_generated_at(gen, sizeof gen);
	palweeks_init(out, app->settings->org_name, st.name, st.login, gen,
	    weeks);
	out->pal_id = pal_id;
	now = week_of(t, app->settings->week_start);
	/* the weeks before the first shown give its average weeks to count */
	total = weeks + PALWEEKS_AVG_WEEKS - 1;
	first = date_add_days(now.first, -7 * (total - 1));
	for (i = 0; s == PD_OK && i < total; i++)
		s = pw_add_week(app, pal_id, date_add_days(first, 7 * i), out,
		    err);
	if (s == PD_OK) {
		pw_counted(out, &prof);
		palweeks_finish(out);
	} else
		palweeks_fini(out);
	staff_fini(&st);
	pal_profile_fini(&prof);
	return s;
}

enum pd_status
app_pal_weeks_render(const struct palweeks *p, enum report_format f,
    unsigned csv_flags, struct strbuf *out, struct pd_err *err)
{
	switch (f) {
	case REPORT_CSV:
		palweeks_csv_render(p, csv_flags, out);
		return PD_OK;
	case REPORT_PDF:
		return palweeks_pdf_render(p, out, err);
	default:
		palweeks_text_render(p, out);
		return PD_OK;
	}
}

enum pd_status
app_pal_weeks_save(struct app *app, const struct palweeks *p,
    enum report_format f, unsigned csv_flags, const char *path,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;

	if ((s = app_pal_weeks_render(p, f, csv_flags, &sb, err)) != PD_OK) {
		strbuf_fini(&sb);
		return s;
	}
	if (app == NULL || userfile_is_std(path))
		s = userfile_save(path, sb.buf, sb.len, 0, err);
	else {
		char *what = xasprintf("%s's last %d weeks against the limit",
		    p->pal_name, p->weeks);

		s = userfile_save_audited(app, path, sb.buf, sb.len, 0,
		    "export", "pal", p->pal_id, 0, what, err);
		free(what);
	}
	strbuf_fini(&sb);
	return s;
}
