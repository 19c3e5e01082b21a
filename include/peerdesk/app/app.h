/* app.h - the use cases' shared context: who is acting, on which
 * database, under which settings and rules.
 *
 * tui/ and cli/ hold one struct app and pass it to every app_* call;
 * they never touch the database themselves.  Each app_* function checks
 * that app->actor may do what is asked, validates, runs one
 * transaction and writes its audit row inside it.
 */
#ifndef PEERDESK_APP_APP_H
#define PEERDESK_APP_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/core/status.h"

struct app_actor;
struct db;
struct settings;
struct rules;

struct app {
	struct db *db;
	struct settings *settings;	/* owned */
	struct rules *rules;		/* owned */
	struct app_actor *actor;	/* owned; opaque: see app/access.h */
	char *db_path;			/* owned */
	char *config_used;		/* owned; NULL when built-in defaults */
	/* The audit chain as last found whole in this run (admin.c). */
	int64_t audit_ok_id;		/* 0: not checked yet */
	char audit_ok_hash[65];
};

struct app_options {
	const char *config_path;	/* --config, or NULL */
	const char *config_env;		/* PEERDESK_CONFIG, or NULL */
	const char *db_path;		/* --db, or NULL for the settings' */
	bool create;			/* create the database if missing */
	bool privileged;		/* setgid: ignore config_env and db_path */
};

/* Load settings and rules, open (and upgrade) the database.  On error
 * nothing is left open.  app_close frees everything. */
enum pd_status app_open(struct app *app, const struct app_options *o,
    struct pd_err *err);
void app_close(struct app *app);

/* Settings and rules only (no database): for --help and checks. */
enum pd_status app_load_settings(struct app *app, const struct app_options *o,
    struct pd_err *err);

/* Who is at the keyboard: the Unix login of the real uid, mapped to a
 * staff user.  Root counts as the system (may do anything from the
 * command line).  PD_DENIED with a plain message when the login is not
 * a peerdesk user. */
enum pd_status app_identify(struct app *app, struct pd_err *err);

/* The Unix login name of the real uid into buf (never from the
 * environment).  Returns 0, or -1 when the uid has no name. */
int app_unix_login(char *buf, size_t n);

/* Write one audit row for the actor (inside the caller's transaction). */
enum pd_status app_audit(struct app *app, const char *action,
    const char *entity, int64_t entity_id, int64_t client_id,
    const char *summary, const char *before, const char *after,
    const char *reason, struct pd_err *err);

/* app_audit in a transaction of its own (a file written, a job printed:
 * things done outside the database that are recorded once done). */
enum pd_status app_audit_one(struct app *app, const char *action,
    const char *entity, int64_t entity_id, int64_t client_id,
    const char *summary, struct pd_err *err);

/* Today as YYYY-MM-DD (honours --today / PEERDESK_TODAY). */
void app_today(char out[11]);

#endif
