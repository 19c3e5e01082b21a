#include "support/dbfix.h"

#include <check.h>
#include <stdlib.h>
#include <unistd.h>

#include "peerdesk/core/xalloc.h"
#include "support/dbtest.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "support/testlib.h"

#define DBFIX_OK(call) do { \
	struct pd_err e_; \
	enum pd_status s_ = (call); \
	ck_assert_msg(s_ == PD_OK, "dbfix: %s failed: %s", #call, \
	    s_ == PD_OK ? "" : e_.msg); \
} while (0)

struct db *
dbfix_open(void)
{
	static int n;
	struct db *db = NULL;
	struct pd_err e;
	char *name = xasprintf("dbfix-%ld-%d.db", (long)getpid(), ++n);
	char *path = test_path(name);
	enum pd_status s = db_open(path, DB_OPEN_CREATE, &db, &e);

	ck_assert_msg(s == PD_OK, "dbfix: cannot open %s: %s", path,
	    s == PD_OK ? "" : e.msg);
	free(name);
	free(path);
	return db;
}

int64_t
dbfix_staff(struct db *db, const char *login, const char *name,
    enum role role)
{
	int64_t id = 0;

	DBFIX_OK(dbtest_staff(db, login, name, role_str(role), &id, &e_));
	return id;
}

int64_t
dbfix_pal(struct db *db, const char *login, const char *name)
{
	int64_t id = dbfix_staff(db, login, name, ROLE_PAL);

	DBFIX_OK(dbtest_pal(db, id, DBFIX_RATE_PENCE,
	    benefit_rule_str(DBFIX_RULE), DBFIX_FROM, &e_));
	return id;
}

int64_t
dbfix_client(struct db *db, const char *name)
{
	int64_t id = 0;

	DBFIX_OK(dbtest_client(db, name, &id, &e_));
	return id;
}

int64_t
dbfix_assign(struct db *db, int64_t client_id, int64_t pal_id,
    const char *started_on)
{
	int64_t id = 0;

	DBFIX_OK(dbtest_assign(db, client_id, pal_id, started_on, &id, &e_));
	return id;
}

void
dbfix_end(struct db *db, int64_t assignment_id, const char *ended_on)
{
	DBFIX_OK(dbtest_end_assignment(db, assignment_id, ended_on, &e_));
}

void
dbfix_today(const char *ymd)
{
	pd_date d;

	if (ymd == NULL) {
		today_clear();
		return;
	}
	DBFIX_OK(date_parse(ymd, &d, &e_));
	today_set(d);
}

int64_t
dbfix_count(struct db *db, const char *table)
{
	int64_t n = -1;

	DBFIX_OK(dbtest_count(db, table, &n, &e_));
	return n;
}

void
dbfix_world(struct db *db, struct dbfix_world *w)
{
	w->office = dbfix_staff(db, "olive", "Olive Okafor", ROLE_OFFICE);
	w->manager = dbfix_staff(db, "maya", "Maya Shah", ROLE_MANAGER);
	w->sam = dbfix_pal(db, "sam", "Sam Reid");
	w->jo = dbfix_pal(db, "jo", "Jo Evans");
	w->ana = dbfix_client(db, "Ana Silva");
	w->ben = dbfix_client(db, "Ben Carter");
	w->chloe = dbfix_client(db, "Chlo\xc3\xa9 Dubois");
	w->ana_sam = dbfix_assign(db, w->ana, w->sam, "2026-01-05");
	w->ben_jo = dbfix_assign(db, w->ben, w->jo, "2026-01-05");
}
