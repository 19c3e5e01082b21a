/* privacy.c - subject access requests, erasure and retention. */
#include "peerdesk/app/privacy.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/app/userfile.h"
#include "peerdesk/config/sar_yaml.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/model/date.h"
#include "peerdesk/report/sar_pdf.h"

enum pd_status
app_sar_collect(struct app *app, int64_t id, struct sar_bundle *b,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "see everything held about a "
	    "client", err)) != PD_OK)
		return s;
	memset(b, 0, sizeof *b);
	app_today(b->made_on);
	b->org_name = xstrdup(app->settings != NULL &&
	    app->settings->org_name != NULL ? app->settings->org_name :
	    "peerdesk");
	s = db_privacy_read(app->db, id, b, err);
	if (s != PD_OK)
		sar_bundle_fini(b);
	return s;
}


enum pd_status
app_sar_write(struct app *app, int64_t id, const char *dir,
    char **yaml_out, char **pdf_out, struct pd_err *err)
{
	struct strbuf y = STRBUF_INIT, p = STRBUF_INIT;
	struct sar_bundle b;
	enum pd_status s;
	char *yaml, *pdf;
	bool wrote_yaml = false, wrote_pdf = false;

	if ((s = app_require(app, APP_MANAGER, "see everything held about a "
	    "client", err)) != PD_OK)
		return s;
	if (dir == NULL || dir[0] == '\0')
		dir = ".";
	yaml = xasprintf("%s/client-%lld.yaml", dir, (long long)id);
	pdf = xasprintf("%s/client-%lld.pdf", dir, (long long)id);
	s = userfile_check_target(yaml, err);
	if (s == PD_OK)
		s = userfile_check_target(pdf, err);
	if (s == PD_OK && (s = app_sar_collect(app, id, &b, err)) == PD_OK) {
		s = sar_yaml_render(&b, &y, err);
		if (s == PD_OK)
			s = sar_pdf_render(&b, &p, err);
		sar_bundle_fini(&b);
	}
	/* never overwritten; both files or neither */
	if (s == PD_OK) {
		s = userfile_save(yaml, y.buf, y.len, USERFILE_NEW, err);
		wrote_yaml = s == PD_OK;
	}
	if (s == PD_OK) {
		s = userfile_save(pdf, p.buf, p.len, USERFILE_NEW, err);
		wrote_pdf = s == PD_OK;
	}
	strbuf_fini(&y);
	strbuf_fini(&p);
	if (s == PD_OK) {
		char *sum = xasprintf("copy of everything held made for a "
		    "subject access request: %s and %s", yaml, pdf);

		s = app_audit_one(app, "sar", "client", id, id, sum, err);
		free(sum);
	}
	if (s != PD_OK) {
		/* no copy without its audit row */
		if (wrote_yaml)
			unlink(yaml);
		if (wrote_pdf)
			unlink(pdf);
	}
	if (s == PD_OK && yaml_out != NULL) {
		*yaml_out = yaml;
		yaml = NULL;
	}
	if (s == PD_OK && pdf_out != NULL) {
		*pdf_out = pdf;
		pdf = NULL;
	}
	free(yaml);
	free(pdf);
	return s;
}

static enum pd_status
privacy_erasable(const struct privacy_client *c, struct pd_err *err)
{
	if (c->anonymised_at[0] != '\0')
		return pd_fail(err, PD_INVALID, NULL, "client %lld was already "
		    "erased on %.10s", (long long)c->id, c->anonymised_at);
	if (strcmp(c->status, "closed") != 0 || c->closed_on[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL, "%s is not closed; only "
		    "a closed client can be erased", c->name ? c->name : "?");
	return PD_OK;
}

enum pd_status
app_erase_check(struct app *app, int64_t id, struct privacy_client *out,
    struct pd_err *err)
{
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if ((s = app_require(app, APP_MANAGER, "erase a client", err)) != PD_OK)
		return s;
	if ((s = db_privacy_client(app->db, id, out, err)) != PD_OK)
		return s;
	if ((s = privacy_erasable(out, err)) != PD_OK)
		privacy_client_fini(out);
	return s;
}

enum pd_status
app_erase_mentions(struct app *app, int64_t id,
    int (*cb)(void *arg, const struct privacy_mention *m), void *arg,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "erase a client", err)) != PD_OK)
		return s;
	return db_privacy_mentions(app->db, id, cb, arg, err);
}

enum pd_status
app_erase(struct app *app, int64_t id, struct pd_err *err)
{
	struct privacy_client c;
	enum pd_status s;

	if ((s = app_require(app, APP_MANAGER, "erase a client", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = db_privacy_client(app->db, id, &c, err);
	if (s == PD_OK) {
		s = privacy_erasable(&c, err);
		privacy_client_fini(&c);
	}
	if (s == PD_OK)
		s = db_privacy_erase(app->db, id,
		    access_staff_id(app), err);
	if (s == PD_OK)
		s = app_audit(app, "erase", "client", id, id,
		    "client anonymised (personal details and notes removed)",
		    NULL, NULL, NULL, err);
	if (s == PD_OK)
		s = db_commit(app->db, err);
	else
		db_rollback(app->db);
	return s;
}

struct privacy_ret {
	pd_date today;
	int (*cb)(void *arg, const struct retention_row *row);
	void *arg;
};

static int
privacy_ret_cb(void *arg, const struct privacy_client *c)
{
	struct privacy_ret *pr = arg;
	struct retention_row row;
	int y1, m1, d1, y2, m2, d2;
	pd_date closed;

	memset(&row, 0, sizeof row);
	row.id = c->id;
	row.name = c->name;
	row.closed_on = c->closed_on;
	if (date_parse(c->closed_on, &closed, NULL) == PD_OK) {
		date_to_ymd(closed, &y1, &m1, &d1);
		date_to_ymd(pr->today, &y2, &m2, &d2);
		row.years = y2 - y1 - (m2 < m1 || (m2 == m1 && d2 < d1));
	}
	return pr->cb(pr->arg, &row);
}

enum pd_status
app_retention_list(struct app *app, const char *today,
    int (*cb)(void *arg, const struct retention_row *row), void *arg,
    struct pd_err *err)
{
	struct privacy_ret pr;
	char buf[11], cutoff[DATE_STR_LEN];
	enum pd_status s;
	int years = app->settings != NULL ? app->settings->retention_years : 6;

	if ((s = app_require(app, APP_MANAGER, "look after retention", err))
	    != PD_OK)
		return s;
	if (today == NULL || today[0] == '\0') {
		app_today(buf);
		today = buf;
	}
	if ((s = date_parse(today, &pr.today, err)) != PD_OK)
		return s;
	date_format(date_add_months(pr.today, -12 * years), cutoff);
	pr.cb = cb;
	pr.arg = arg;
	return db_privacy_past(app->db, cutoff, privacy_ret_cb, &pr, err);
}
