#include "support/workfix.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/audit.h"
#include "support/dbtest.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/funding.h"
#include "peerdesk/db/pal.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/audit.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/people.h"
#include "support/dbfix.h"

#define WORKFIX_OK(call) do { \
	struct pd_err e_; \
	enum pd_status s_ = (call); \
	ck_assert_msg(s_ == PD_OK, "workfix: %s failed: %s", #call, \
	    s_ == PD_OK ? "" : e_.msg); \
} while (0)

int64_t
workfix_pal(struct db *db, const char *login, const char *name, int active)
{
	int64_t id = dbfix_staff(db, login, name, ROLE_PAL);
	struct pal_profile p;
	struct staff s;

	memset(&p, 0, sizeof p);
	p.staff_id = id;
	memcpy(p.started_on, "2023-01-01", 11);
	p.max_clients = -1;
	WORKFIX_OK(db_pal_insert(db, &p, &e_));
	if (!active) {
		WORKFIX_OK(db_staff_get(db, id, &s, &e_));
		s.active = 0;
		WORKFIX_OK(db_staff_update(db, &s, &e_));
		staff_fini(&s);
	}
	return id;
}

void
workfix_rate(struct db *db, int64_t pal, int64_t rate_pence,
    const char *from)
{
	WORKFIX_OK(db_pal_rate_add(db, pal, rate_pence, from, 0, &e_));
}

void
workfix_dbs(struct db *db, int64_t pal, const char *issued,
    const char *recheck_due)
{
	WORKFIX_OK(db_pal_dbs_add(db, pal, "enhanced", NULL, issued, 0,
	    recheck_due, &e_));
}

void
workfix_supervision(struct db *db, int64_t pal, const char *date)
{
	WORKFIX_OK(db_pal_supervision_add(db, pal, date, 0, 60, 1, NULL, NULL,
	    &e_));
}

int64_t
workfix_funding(struct db *db, int64_t client, const char *review_due,
    const char *ends_on)
{
	struct funding f;

	memset(&f, 0, sizeof f);
	f.client_id = client;
	f.kind = FUNDING_PERSONAL_BUDGET;
	f.contracted_minutes_per_week = -1;
	f.hourly_charge_pence = -1;
	snprintf(f.review_due, sizeof f.review_due, "%s",
	    review_due ? review_due : "");
	snprintf(f.ends_on, sizeof f.ends_on, "%s", ends_on ? ends_on : "");
	WORKFIX_OK(db_funding_insert(db, &f, 0, &e_));
	return f.id;
}

void
workfix_pal_left(struct db *db, int64_t pal, const char *left_on)
{
	struct pal_profile p;

	WORKFIX_OK(db_pal_get(db, pal, &p, &e_));
	snprintf(p.left_on, sizeof p.left_on, "%s", left_on ? left_on : "");
	WORKFIX_OK(db_pal_update(db, &p, &e_));
	pal_profile_fini(&p);
}

int64_t
workfix_closed_client(struct db *db, const char *name)
{
	int64_t id = dbfix_client(db, name);
	struct client c;

	WORKFIX_OK(db_client_get(db, id, 0, &c, &e_));
	c.status = CLIENT_CLOSED;
	memcpy(c.closed_on, "2024-01-31", 11);
	WORKFIX_OK(db_client_update(db, &c, 0, &e_));
	client_fini(&c);
	return id;
}

void
workfix_audit(struct db *db, int64_t actor, const char *entity,
    int64_t entity_id, const char *at)
{
	struct audit_entry a;

	memset(&a, 0, sizeof a);
	a.actor_id = actor;
	a.action = xstrdup("update");
	a.entity = xstrdup(entity);
	a.entity_id = entity_id;
	/* db_audit_insert keeps the real time: a row at a set time is a
	 * fixture's, through dbtest */
	WORKFIX_OK(dbtest_audit_insert_at(db, &a, at, &e_));
	audit_entry_fini(&a);
}

void
workfix_open(struct workfix *f)
{
	memset(f, 0, sizeof *f);
	f->db = dbfix_open();
	dbfix_today("2024-03-04");
	f->manager = dbfix_staff(f->db, "mia", "Mia Manager", ROLE_MANAGER);
	f->office = dbfix_staff(f->db, "oli", "Oli Office", ROLE_OFFICE);
	f->ann = workfix_pal(f->db, "ann", "Ann Able", 1);
	f->bob = workfix_pal(f->db, "bob", "Bob Brown", 1);
	f->cat = workfix_pal(f->db, "cat", "Cat Cole", 1);
	f->dee = dbfix_client(f->db, "Dee Dale");
	f->eve = dbfix_client(f->db, "Eve Ellis");
	f->fay = dbfix_client(f->db, "Fay Ford");
}

void
workfix_close(struct workfix *f)
{
	db_close(&f->db);
	dbfix_today(NULL);
}
