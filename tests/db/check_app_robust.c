/* Tier 2: nothing is lost.  Many writers at once, SIGKILL in the middle
 * of saves, a full disk, a read-only database, hostile text. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/dbfix.h"
#include "support/testlib.h"
#include "peerdesk/app/access.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/import.h"
#include "peerdesk/config/rules.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/client.h"
#include "peerdesk/db/db.h"
#include "support/dbtest_limits.h"
#include "peerdesk/db/staff.h"
#include "peerdesk/model/rules.h"

/* An app over the database at path, acting as staff member id. */
static void
robust_open(struct app *app, const char *path, enum db_open_mode mode,
    int64_t id)
{
	struct pd_err err;

	memset(app, 0, sizeof *app);
	app->settings = xcalloc(1, sizeof *app->settings);
	settings_defaults(app->settings);
	app->rules = xcalloc(1, sizeof *app->rules);
	rules_init(app->rules);
	if (rules_load_default(app->rules, &err) != PD_OK)
		ck_abort_msg("rules: %s", err.msg);
	if (db_open(path, mode, &app->db, &err) != PD_OK)
		ck_abort_msg("open %s: %s", path, err.msg);
	app->db_path = xstrdup(path);
	access_set_user(app, id, ROLE_OFFICE, "olive");
}

/* A fresh database file with an office user and a PAL called sam. */
static char *
robust_setup(const char *name, int64_t *office)
{
	char *path = test_path(name);
	struct db *db = NULL;
	struct pd_err err;

	ck_assert_int_eq(db_open(path, DB_OPEN_CREATE, &db, &err), PD_OK);
	*office = dbfix_staff(db, "olive", "Olive Okafor", ROLE_OFFICE);
	dbfix_pal(db, "sam", "Sam Reid");
	db_close(&db);
	return path;
}

static void
robust_log(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
robust_log(int fd, const char *fmt, ...)
{
	char buf[700];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0 && write(fd, buf, (size_t)n) != n)
		_exit(3);
}

static int
robust_seconds(void)
{
	const char *s = getenv("PEERDESK_STRESS_SECONDS");

	return s && atoi(s) > 0 ? atoi(s) : 30;
}

/* ---- many writers --------------------------------------------------- */

#define WRITERS 20

/* One writer: new clients, changes to its own clients, timesheet lines
 * through the import; every save it reports done goes to its log. */
static void
robust_writer(const char *path, int64_t office, int k, int logfd, time_t end)
{
	struct app app;
	struct pd_err err;
	int64_t mine[4096];
	int nmine = 0, n;

	robust_open(&app, path, DB_OPEN_EXISTING, office);
	srand((unsigned)k * 7919u);
	for (n = 0; time(NULL) < end && nmine < 4096; n++) {
		struct intake in;
		int64_t id;
		enum pd_status s;

		intake_init(&in);
		in.client.name = xasprintf("writer %d client %d", k, n);
		s = app_client_create(&app, &in, &id, &err);
		if (s == PD_OK) {
			robust_log(logfd, "C %lld %s\n", (long long)id,
			    in.client.name);
			mine[nmine++] = id;
		} else
			robust_log(logfd, "E create %d %s\n", s, err.msg);
		intake_fini(&in);

		if (n % 2 == 1 && nmine > 0) {
			struct client_record rec;
			int64_t which = mine[rand() % nmine];

			s = app_client_open(&app, which, &rec, &err);
			if (s == PD_OK) {
				free(rec.client.phone);
				rec.client.phone = xasprintf("p%d-%d", k, n);
				s = app_client_save(&app, &rec, &err);
				if (s == PD_OK)
					robust_log(logfd, "P %lld %s\n",
					    (long long)which, rec.client.phone);
				client_record_fini(&rec);
			}
			if (s != PD_OK)
				robust_log(logfd, "E save %d %s\n", s, err.msg);
		}
		if (n % 3 == 2) {
			struct import_result res;
			/* spread over ten months, so no week holds more
			 * minutes than a week has (the import judges each
			 * week it touches) */
			char *csv = xasprintf("pal_login,date,minutes,kind,note\n"
			    "sam,2026-%02d-%02d,%d,admin,L%d-%d\n", 1 + n % 10,
			    1 + (k + n) % 28, 1 + (k * 37 + n) % 60, k, n);

			s = app_import_text(&app, IMPORT_TIMESHEET, csv,
			    strlen(csv), "line.csv", 0, NULL, NULL, &res, &err);
			if (s == PD_OK)
				robust_log(logfd, "L L%d-%d\n", k, n);
			else
				robust_log(logfd, "E line %d %s\n", s, err.msg);
			free(csv);
		}
	}
	app_close(&app);
}

START_TEST(test_many_writers)
{
	int64_t office;
	char *path = robust_setup("stress.db", &office);
	time_t end = time(NULL) + robust_seconds();
	pid_t pids[WRITERS];
	char *logs[WRITERS];
	struct db *db = NULL;
	struct pd_err err;
	long creates = 0, saves = 0, lines = 0;
	int k;

	for (k = 0; k < WRITERS; k++) {
		char name[32];
		int fd;

		snprintf(name, sizeof name, "writer%d.log", k);
		logs[k] = test_path(name);
		fd = open(logs[k], O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
		ck_assert_int_ge(fd, 0);
		pids[k] = fork();
		ck_assert_int_ge(pids[k], 0);
		if (pids[k] == 0) {
			robust_writer(path, office, k, fd, end);
			_exit(0);
		}
		close(fd);
	}
	for (k = 0; k < WRITERS; k++) {
		int st;

		ck_assert_int_eq(waitpid(pids[k], &st, 0), pids[k]);
		ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		    "writer %d ended badly (status %d)", k, st);
	}
	/* every save reported done is there, exactly */
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	for (k = 0; k < WRITERS; k++) {
		FILE *f = fopen(logs[k], "r");
		char line[800];

		ck_assert_ptr_nonnull(f);
		while (fgets(line, sizeof line, f) != NULL) {
			long long id;
			char text[600];
			struct client c;

			line[strcspn(line, "\n")] = '\0';
			ck_assert_msg(line[0] != 'E', "writer %d: %s", k, line);
			if (sscanf(line, "C %lld %599[^\n]", &id, text) == 2) {
				memset(&c, 0, sizeof c);
				ck_assert_int_eq(db_client_get(db, id, 0, &c, &err), PD_OK);
				ck_assert_str_eq(c.name, text);
				client_fini(&c);
				creates++;
			} else if (sscanf(line, "P %lld %599s", &id, text) == 2) {
				saves++;	/* checked below: the last one wins */
			} else if (sscanf(line, "L %599s", text) == 1)
				lines++;
		}
		fclose(f);
	}
	ck_assert_int_gt(creates, WRITERS);
	ck_assert_int_eq(dbfix_count(db, "client"), creates);
	ck_assert_int_eq(dbfix_count(db, "timesheet_line"), lines);
	ck_assert_int_eq(db_check(db, &err), PD_OK);
	/* the last phone each writer saved for a client is the one kept */
	for (k = 0; k < WRITERS; k++) {
		FILE *f = fopen(logs[k], "r");
		char line[800];
		long long id;
		char text[600];

		while (fgets(line, sizeof line, f) != NULL)
			if (sscanf(line, "P %lld %599s", &id, text) == 2) {
				char later[800];
				long pos = ftell(f);
				int newer = 0;
				long long id2;
				char t2[600];

				while (fgets(later, sizeof later, f) != NULL)
					if (sscanf(later, "P %lld %599s", &id2, t2) == 2 &&
					    id2 == id)
						newer = 1;
				fseek(f, pos, SEEK_SET);
				if (!newer) {
					struct client c;

					memset(&c, 0, sizeof c);
					db_client_get(db, id, 0, &c, &err);
					ck_assert_str_eq(c.phone, text);
					client_fini(&c);
				}
			}
		fclose(f);
		free(logs[k]);
	}
	fprintf(stderr, "many writers: %ld new clients, %ld changes, %ld lines "
	    "in %d s, none lost\n", creates, saves, lines, robust_seconds());
	db_close(&db);
	free(path);
}
END_TEST

/* ---- SIGKILL during saves --------------------------------------------- */

START_TEST(test_kill_during_saves)
{
	int64_t office;
	char *path = robust_setup("crash.db", &office);
	int reported[1100];
	int next = 0, kills = 0;
	struct db *db = NULL;
	struct pd_err err;
	int i;

	memset(reported, 0, sizeof reported);
	srand(42);
	while (next < 1000) {
		int pfd[2];
		pid_t pid;
		FILE *in;
		int n, stop_after = 1 + rand() % 60, got = 0;

		ck_assert_int_eq(pipe(pfd), 0);
		pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			struct app app;

			close(pfd[0]);
			robust_open(&app, path, DB_OPEN_EXISTING, office);
			for (n = next; n < 1100; n++) {
				struct intake ik;
				int64_t id;

				intake_init(&ik);
				ik.client.name = xasprintf("saved %d", n);
				if (app_client_create(&app, &ik, &id, &err) != PD_OK)
					_exit(4);
				robust_log(pfd[1], "%d\n", n);
				intake_fini(&ik);
			}
			_exit(0);
		}
		close(pfd[1]);
		in = fdopen(pfd[0], "r");
		while (fscanf(in, "%d", &n) == 1) {
			ck_assert_int_lt(n, 1100);
			reported[n] = 1;
			if (n + 1 > next)
				next = n + 1;
			if (++got >= stop_after || next >= 1000) {
				kill(pid, SIGKILL);	/* wherever it is */
				kills++;
				break;
			}
		}
		fclose(in);
		waitpid(pid, NULL, 0);
	}
	ck_assert_int_eq(db_open(path, DB_OPEN_EXISTING, &db, &err), PD_OK);
	ck_assert_int_eq(db_check(db, &err), PD_OK);
	for (i = 0; i < 1100; i++)
		if (reported[i]) {
			struct client_query q;
			struct client_row row;
			char name[32];
			int nrow = 0;

			memset(&q, 0, sizeof q);
			snprintf(name, sizeof name, "saved %d", i);
			q.filter = name;
			q.status_or_minus1 = -1;
			ck_assert_int_eq(db_client_page(db, &q, &row, 1, &nrow, &err),
			    PD_OK);
			ck_assert_msg(nrow == 1, "save %d was reported done but "
			    "is missing", i);
		}
	fprintf(stderr, "SIGKILL %d times during %d saves: none lost\n", kills,
	    next);
	ck_assert_int_gt(kills, 10);
	db_close(&db);
	free(path);
}
END_TEST

/* ---- full disk, read-only database, hostile text -------------------------- */

START_TEST(test_disk_full_keeps_text)
{
	int64_t office;
	char *path = robust_setup("full.db", &office);
	struct app app;
	struct intake in;
	struct pd_err err;
	int64_t id, before;
	char *big = xmalloc(200001);

	robust_open(&app, path, DB_OPEN_EXISTING, office);
	memset(big, 'x', 200000);
	big[200000] = '\0';
	before = dbfix_count(app.db, "client");
	ck_assert_int_eq(dbtest_fill_disk(app.db, 0, &err), PD_OK);
	intake_init(&in);
	in.client.name = xstrdup("Typed With Care");
	in.client.address = big;
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_FULL);
	ck_assert_ptr_nonnull(strstr(err.msg, "disk is full"));
	ck_assert_ptr_nonnull(strstr(err.msg, "nothing was saved"));
	/* what was typed is still there for the screen to keep */
	ck_assert_str_eq(in.client.name, "Typed With Care");
	ck_assert_uint_eq(strlen(in.client.address), 200000);
	ck_assert_int_eq(dbfix_count(app.db, "client"), before);
	intake_fini(&in);
	app_close(&app);
	free(path);
}
END_TEST

START_TEST(test_read_only_database)
{
	int64_t office;
	char *path = robust_setup("ro.db", &office);
	struct app app;
	struct intake in;
	struct pd_err err;
	int64_t id;

	robust_open(&app, path, DB_OPEN_READONLY, office);
	intake_init(&in);
	in.client.name = xstrdup("Still Here");
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_READONLY);
	ck_assert_ptr_nonnull(strstr(err.msg, "read-only"));
	ck_assert_str_eq(in.client.name, "Still Here");
	intake_fini(&in);
	app_close(&app);
	free(path);
}
END_TEST

START_TEST(test_hostile_text_round_trips)
{
	int64_t office;
	char *path = robust_setup("hostile.db", &office);
	struct app app;
	struct intake in;
	struct client_record rec;
	struct pd_err err;
	int64_t id;
	struct strbuf sb = STRBUF_INIT;
	int i;

	robust_open(&app, path, DB_OPEN_EXISTING, office);
	/* 100,000 characters with control bytes, invalid UTF-8, quotes and
	 * SQL-looking text: stored and read back byte for byte */
	for (i = 0; sb.len < 100000; i++)
		strbuf_addf(&sb, "line %d \x01\x07\x1b[31m \xff\xfe \xc3( 'x'); "
		    "DROP TABLE client;-- Zoë 日本\n", i);
	intake_init(&in);
	in.client.name = xstrdup("Ann \x1b]0;owned\x07 O'Neill");
	in.client.contact_notes = xstrdup(sb.buf);
	ck_assert_int_eq(app_client_create(&app, &in, &id, &err), PD_OK);
	ck_assert_int_eq(app_client_open(&app, id, &rec, &err), PD_OK);
	ck_assert_str_eq(rec.client.name, in.client.name);
	ck_assert_str_eq(rec.client.contact_notes, sb.buf);
	ck_assert_int_eq(dbfix_count(app.db, "client"), 1);
	client_record_fini(&rec);
	intake_fini(&in);
	strbuf_fini(&sb);
	app_close(&app);
	free(path);
}
END_TEST

static Suite *
app_robust_suite(void)
{
	Suite *s = suite_create("app_robust");
	TCase *tc = tcase_create("robust");

	tcase_set_timeout(tc, (double)robust_seconds() * 4 + 120);
	tcase_add_test(tc, test_disk_full_keeps_text);
	tcase_add_test(tc, test_read_only_database);
	tcase_add_test(tc, test_hostile_text_round_trips);
	tcase_add_test(tc, test_kill_during_saves);
	tcase_add_test(tc, test_many_writers);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(app_robust_suite)
