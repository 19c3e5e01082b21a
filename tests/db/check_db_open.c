/* Tier 2: opening, migrating and refusing databases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "support/testlib.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"

START_TEST(test_create_and_reopen)
{
	char *path = test_path("new.db");
	struct db *db = NULL;
	struct pd_err err;

	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_NOT_FOUND);
	ck_assert_ptr_null(db);
	ck_assert_ptr_nonnull(strstr(err.msg, "init"));
	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	ck_assert_int_eq(db_schema_version(db), db_schema_latest());
	ck_assert_int_ge(db_schema_latest(), 1);
	ck_assert_int_eq(db_check(db, &err), PD_OK);
	db_close(&db);
	ck_assert_ptr_null(db);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	db_close(&db);
	free(path);
}
END_TEST

/* Each earlier schema version, made by applying migrations one at a
 * time, upgrades to the latest on open and checks clean. */
START_TEST(test_migrate_from_each_version)
{
	int v, latest = db_schema_latest();
	struct pd_err err;

	for (v = 0; v <= latest; v++) {
		char name[32];
		char *path;
		struct db *db = NULL;

		snprintf(name, sizeof name, "v%d.db", v);
		path = test_path(name);
		ck_assert_int_eq(db_open(path, DB_OPEN_NO_UPGRADE, &db, &err), PD_OK);
		ck_assert_int_eq(db_schema_version(db), 0);
		ck_assert_int_eq(db_migrate_to(db, v, &err), PD_OK);
		ck_assert_int_eq(db_schema_version(db), v);
		db_close(&db);
		if (v == 0) {
			/* no tables at all: damaged, never made afresh */
			ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db,
			    &err), PD_DAMAGED);
			ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db,
			    &err), PD_DAMAGED);
			ck_assert_ptr_nonnull(strstr(err.msg,
			    "peerdesk restore FILE"));
			free(path);
			continue;
		}
		ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
		ck_assert_int_eq(db_schema_version(db), latest);
		ck_assert_int_eq(db_check(db, &err), PD_OK);
		db_close(&db);
		free(path);
	}
}
END_TEST

START_TEST(test_refuse_newer)
{
	char *path = test_path("newer.db");
	struct db *db = NULL;
	struct pd_err err;
	sqlite3 *h;
	char *before, *after;
	int latest = db_schema_latest();
	char sql[64];

	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	db_close(&db);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest + 1);
	ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	before = xasprintf("%d", latest + 1);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_TOO_NEW);
	ck_assert_ptr_null(db);
	ck_assert_ptr_nonnull(strstr(err.msg, "newer"));
	/* untouched */
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	{
		sqlite3_stmt *st;
		sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		after = xasprintf("%d", sqlite3_column_int(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	free(path);
}
END_TEST

START_TEST(test_not_a_database)
{
	char *path = test_write_file("junk.db", "this is not a database at all, "
	    "just some text that is long enough to fill a header..........");
	struct db *db = NULL;
	struct pd_err err;

	ck_assert_int_ne(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	ck_assert_ptr_null(db);
	ck_assert_ptr_nonnull(strstr(err.msg, "not a peerdesk database"));
	free(path);
}
END_TEST

/* A database's tables, indexes and triggers are compared exactly with
 * what the migrations make for its version (restore's check). */
START_TEST(test_schema_check)
{
	char *path = test_path("schema.db");
	struct db *db = NULL;
	struct pd_err err;
	sqlite3 *h;
	int v;

	for (v = 1; v <= db_schema_latest(); v++) {
		ck_assert_int_eq(db_open(":memory:", DB_OPEN_NO_UPGRADE, &db,
		    &err), PD_OK);
		ck_assert_int_eq(db_migrate_to(db, v, &err), PD_OK);
		ck_assert_msg(db_schema_check(db, &err) == PD_OK, "v%d: %s", v,
		    err.msg);
		db_close(&db);
	}
	unlink(path);
	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	db_close(&db);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "CREATE INDEX sneaky ON client(name)",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	ck_assert_int_eq(db_schema_check(db, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "index sneaky"));
	db_close(&db);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "DROP INDEX sneaky; "
	    "DROP TRIGGER audit_no_delete", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	ck_assert_int_eq(db_schema_check(db, &err), PD_INVALID);
	ck_assert_ptr_nonnull(strstr(err.msg, "trigger audit_no_delete"));
	db_close(&db);
	free(path);
}
END_TEST

/* An empty file is damaged, never a new database; only a scratch file
 * this program made may be empty. */
START_TEST(test_empty_file_damaged)
{
	char *path = test_write_file("empty.db", "");
	struct db *db = NULL;
	struct pd_err err;

	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err),
	    PD_DAMAGED);
	ck_assert_ptr_nonnull(strstr(err.msg, "0 bytes"));
	ck_assert_ptr_nonnull(strstr(err.msg, "peerdesk restore FILE"));
	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_DAMAGED);
	ck_assert_int_eq(db_open(path, DB_OPEN_READONLY, &db, &err),
	    PD_DAMAGED);
	ck_assert_ptr_null(db);
	ck_assert_int_eq(db_open(path, DB_OPEN_SCRATCH, &db, &err), PD_OK);
	ck_assert_int_eq(db_migrate_to(db, db_schema_latest(), &err), PD_OK);
	db_close(&db);
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	db_close(&db);
	free(path);
}
END_TEST

START_TEST(test_nested_transactions)
{
	char *path = test_path("tx.db");
	struct db *db = NULL;
	struct pd_err err;

	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	ck_assert_int_eq(db_begin(db, &err), PD_OK);
	ck_assert_int_eq(db_begin(db, &err), PD_OK);
	db_rollback(db);	/* inner failure dooms the outer commit */
	ck_assert_int_eq(db_commit(db, &err), PD_DB);
	ck_assert_int_eq(db_commit(db, &err), PD_DB);	/* none open now */
	ck_assert_int_eq(db_begin(db, &err), PD_OK);
	ck_assert_int_eq(db_commit(db, &err), PD_OK);
	db_close(&db);
	free(path);
}
END_TEST

static Suite *
db_open_suite(void)
{
	Suite *s = suite_create("db_open");
	TCase *tc = tcase_create("open");

	/* every schema version, synced, under sanitizers on a busy machine */
	tcase_set_timeout(tc, 60);

	tcase_add_test(tc, test_create_and_reopen);
	tcase_add_test(tc, test_migrate_from_each_version);
	tcase_add_test(tc, test_refuse_newer);
	tcase_add_test(tc, test_not_a_database);
	tcase_add_test(tc, test_nested_transactions);
	tcase_add_test(tc, test_schema_check);
	tcase_add_test(tc, test_empty_file_damaged);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(db_open_suite)
