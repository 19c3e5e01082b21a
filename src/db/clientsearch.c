/* clientsearch.c - the clients' search index (0012_client_search.sql):
 * folding a client's words into it, and turning what a person typed into
 * an FTS5 query. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db_priv.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/textfold.h"
#include "peerdesk/core/xalloc.h"

static const char sql_stale_any[] =
	"SELECT 1 FROM client_search_stale LIMIT 1";
static const char sql_stale_next[] =
	"SELECT s.client_id, c.id, c.name, c.preferred_name, c.phone, "
	"c.email, c.address FROM client_search_stale s "
	"LEFT JOIN client c ON c.id = s.client_id "
	"ORDER BY s.client_id LIMIT 1";
static const char sql_fts_delete[] =
	"DELETE FROM client_search WHERE rowid = :id";
static const char sql_fts_insert[] =
	"INSERT INTO client_search (rowid, names, phone, email, address) "
	"VALUES (:id, :names, :phone, :email, :address)";
static const char sql_key_put[] =
	"INSERT OR REPLACE INTO client_search_key (client_id, name_key) "
	"VALUES (:id, :key)";
static const char sql_key_delete[] =
	"DELETE FROM client_search_key WHERE client_id = :id";
static const char sql_stale_delete[] =
	"DELETE FROM client_search_stale WHERE client_id = :id";
static const char sql_optimize[] =
	"INSERT INTO client_search (client_search) VALUES ('optimize')";

/* ---- what goes into the index ---------------------------------------- */

/* The digits of one number: as typed, with 44 for a leading 0 (and 0 for
 * a leading 44), and without the leading 0 or 44. */
static void
search_phone_forms(const char *digits, size_t n, struct strbuf *out)
{
	if (n == 0)
		return;
	if (out->len > 0)
		strbuf_addc(out, ' ');
	strbuf_add(out, digits, n);
	if (n > 1 && digits[0] == '0') {
		strbuf_adds(out, " 44");
		strbuf_add(out, digits + 1, n - 1);
		strbuf_addc(out, ' ');
		strbuf_add(out, digits + 1, n - 1);
	} else if (n > 2 && digits[0] == '4' && digits[1] == '4') {
		strbuf_adds(out, " 0");
		strbuf_add(out, digits + 2, n - 2);
		strbuf_addc(out, ' ');
		strbuf_add(out, digits + 2, n - 2);
	}
}

/* The phone column: each number in the field (numbers are parted by
 * anything but digits, spaces, + - ( ) and .), in its digit forms. */
static void
search_phone(const char *phone, struct strbuf *out)
{
	char digits[64];
	size_t n = 0;
	const char *p;

	for (p = phone != NULL ? phone : ""; ; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n < sizeof digits)
				digits[n++] = *p;
		} else if (*p != '\0' && strchr(" +-().\t", *p) != NULL) {
			continue;
		} else {
			search_phone_forms(digits, n, out);
			n = 0;
			if (*p == '\0')
				break;
		}
	}
}

static bool
search_outward(const char *w, size_t n)
{
	size_t i = 0;

	/* A9, A9A, A99, AA9, AA9A, AA99 */
	if (n < 2 || n > 4 || !islower((unsigned char)w[0]))
		return false;
	i = islower((unsigned char)w[1]) ? 2 : 1;
	if (i >= n || !isdigit((unsigned char)w[i]))
		return false;
	i++;
	return i == n || (i + 1 == n && isalnum((unsigned char)w[i]));
}

static bool
search_inward(const char *w, size_t n)
{
	return n == 3 && isdigit((unsigned char)w[0]) &&
	    islower((unsigned char)w[1]) && islower((unsigned char)w[2]);
}

/* The address column: the folded address, then each UK postcode in it
 * written without its space ("sw1a 1aa" also as "sw1a1aa"). */
static void
search_address(const char *folded, struct strbuf *out)
{
	const char *p = folded, *prev = NULL;
	size_t prevn = 0;

	strbuf_adds(out, folded);
	while (*p != '\0') {
		const char *w;
		size_t n;

		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		w = p;
		while (isalnum((unsigned char)*p))
			p++;
		n = (size_t)(p - w);
		if (n == 0)
			break;
		if (prev != NULL && search_outward(prev, prevn) &&
		    search_inward(w, n)) {
			strbuf_addc(out, ' ');
			strbuf_add(out, prev, prevn);
			strbuf_add(out, w, n);
		}
		prev = w;
		prevn = n;
		/* a word that runs on into other letters is not one */
		if ((unsigned char)*p >= 0x80) {
			prev = NULL;
			while ((unsigned char)*p >= 0x80 ||
			    isalnum((unsigned char)*p))
				p++;
		}
	}
}

static enum pd_status
search_put(struct db *db, sqlite3_stmt *row, int64_t id,
    struct pd_err *err)
{
	struct strbuf names = STRBUF_INIT, phone = STRBUF_INIT,
	    address = STRBUF_INIT;
	char *name = textfold((const char *)sqlite3_column_text(row, 2));
	char *pref = textfold((const char *)sqlite3_column_text(row, 3));
	char *email = textfold((const char *)sqlite3_column_text(row, 5));
	char *addr = textfold((const char *)sqlite3_column_text(row, 6));
	sqlite3_stmt *st;
	enum pd_status s;

	strbuf_adds(&names, name);
	if (pref[0] != '\0' && strcmp(pref, name) != 0) {
		strbuf_addc(&names, ' ');
		strbuf_adds(&names, pref);
	}
	search_phone((const char *)sqlite3_column_text(row, 4), &phone);
	search_address(addr, &address);
	s = PD_DB;
	if ((st = db_stmt(db, sql_fts_insert, err)) != NULL) {
		db_bind_int64(st, ":id", id);
		db_bind_text(st, ":names", names.buf ? names.buf : "");
		db_bind_text(st, ":phone", phone.buf ? phone.buf : "");
		db_bind_text(st, ":email", email);
		db_bind_text(st, ":address", address.buf ? address.buf : "");
		s = db_exec_stmt(db, st, err);
	}
	if (s == PD_OK) {
		s = PD_DB;
		if ((st = db_stmt(db, sql_key_put, err)) != NULL) {
			db_bind_int64(st, ":id", id);
			db_bind_text(st, ":key", name);
			s = db_exec_stmt(db, st, err);
		}
	}
	strbuf_fini(&names);
	strbuf_fini(&phone);
	strbuf_fini(&address);
	free(name);
	free(pref);
	free(email);
	free(addr);
	return s;
}

static enum pd_status
search_exec_id(struct db *db, const char *sql, int64_t id,
    struct pd_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	if (st == NULL)
		return PD_DB;
	db_bind_int64(st, ":id", id);
	return db_exec_stmt(db, st, err);
}

enum pd_status
db_client_search_sync(struct db *db, struct pd_err *err)
{
	enum pd_status s = PD_OK;

	for (;;) {
		sqlite3_stmt *st = db_stmt(db, sql_stale_next, err);
		int64_t id;
		int rc;

		if (st == NULL)
			return PD_DB;
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE) {
			db_done(st);
			return PD_OK;
		}
		if (rc != SQLITE_ROW) {
			s = db_error(db, rc, err);
			db_done(st);
			return s;
		}
		id = sqlite3_column_int64(st, 0);
		s = search_exec_id(db, sql_fts_delete, id, err);
		if (s == PD_OK)
			s = search_exec_id(db, sql_key_delete, id, err);
		/* a client that is gone only leaves the list of stale ones */
		if (s == PD_OK && sqlite3_column_type(st, 1) != SQLITE_NULL)
			s = search_put(db, st, id, err);
		db_done(st);
		if (s == PD_OK)
			s = search_exec_id(db, sql_stale_delete, id, err);
		if (s != PD_OK)
			return s;
	}
}

enum pd_status
db_client_search_catch_up(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, sql_stale_any, NULL);
	enum pd_status s;
	int rc;

	if (st == NULL)
		return PD_DB;
	rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? PD_OK : PD_DB;
	if ((s = db_begin(db, NULL)) != PD_OK)
		return s;
	s = db_client_search_sync(db, NULL);
	if (s == PD_OK)
		s = db_commit(db, NULL);
	else
		db_rollback(db);
	return s;
}

enum pd_status
db_client_search_forget(struct db *db, struct pd_err *err)
{
	enum pd_status s = db_client_search_sync(db, err);
	sqlite3_stmt *st;

	if (s != PD_OK)
		return s;
	if ((st = db_stmt(db, sql_optimize, err)) == NULL)
		return PD_DB;
	return db_exec_stmt(db, st, err);
}

/* ---- what a person typed ----------------------------------------------- */

static bool
search_phoneish(const char *s)
{
	int digits = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (strchr(" +-().", *s) == NULL)
			return false;
	}
	return digits >= 3;
}

char *
db_client_search_expr(const char *filter)
{
	struct strbuf sb = STRBUF_INIT;
	char *f = textfold(filter);
	const char *p = f;
	int words = 0;

	if (search_phoneish(f)) {
		/* "07700 900 123": the digits together, in the phone column,
		 * or each group as a word anywhere (a house number) */
		strbuf_adds(&sb, "phone : \"");
		for (p = f; *p != '\0'; p++)
			if (*p >= '0' && *p <= '9')
				strbuf_addc(&sb, *p);
		strbuf_adds(&sb, "\"* OR (");
		p = f;
	}
	while (*p != '\0') {
		const char *w;

		/* a word: ASCII letters and digits, and any character that is
		 * not ASCII (the tokenizer splits those further) */
		while (*p != '\0' && (unsigned char)*p < 0x80 &&
		    !isalnum((unsigned char)*p))
			p++;
		w = p;
		while ((unsigned char)*p >= 0x80 || isalnum((unsigned char)*p))
			p++;
		if (p == w)
			break;
		if (words++ > 0)
			strbuf_adds(&sb, " AND ");
		strbuf_addc(&sb, '"');
		strbuf_add(&sb, w, (size_t)(p - w));
		strbuf_adds(&sb, "\"*");
	}
	free(f);
	if (words == 0) {
		strbuf_fini(&sb);
		return NULL;
	}
	if (sb.buf[0] == 'p')
		strbuf_addc(&sb, ')');
	return strbuf_detach(&sb);
}
