/* settings.h - the organisation's settings, read from YAML.
 *
 * Search order (settings_resolve): --config FILE, then $PEERDESK_CONFIG,
 * then /etc/peerdesk/config.yaml if it exists, else the defaults below.
 * Every key, its default and its limits: docs/configuration.md.
 * Strings are UTF-8, owned by the struct, freed by settings_fini().
 */
#ifndef PEERDESK_CONFIG_SETTINGS_H
#define PEERDESK_CONFIG_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/status.h"

/* The system settings file (SYSCONFDIR/peerdesk/config.yaml) and the
 * database when the settings name none (STATEDIR/peerdesk.db), built in:
 * `make SYSCONFDIR=... STATEDIR=...` (the Makefile's gen/paths.h, which
 * only settings.c includes, so a change rebuilds only that). */
extern const char settings_system_path[];
extern const char settings_default_db[];
#define SETTINGS_SYSTEM_PATH settings_system_path
#define SETTINGS_DEFAULT_DB settings_default_db

/* What Ctrl-E (edit in an editor) may start: the person's own editor
 * ($VISUAL, $EDITOR, else vi), a restricted one that can open no other
 * file and run no command (rnano), or nothing at all. */
enum settings_editor {
	SETTINGS_EDITOR_OWN,		/* "own" */
	SETTINGS_EDITOR_RESTRICTED,	/* "restricted" */
	SETTINGS_EDITOR_OFF		/* "off" */
};

/* Where the settings in use came from. */
enum settings_origin {
	SETTINGS_FROM_DEFAULTS,	/* no file: built-in defaults */
	SETTINGS_FROM_OPTION,	/* --config FILE */
	SETTINGS_FROM_ENV,	/* PEERDESK_CONFIG */
	SETTINGS_FROM_SYSTEM,	/* /etc/peerdesk/config.yaml */
	SETTINGS_FROM_FILE	/* settings_load_file() called directly */
};

struct settings {
	char *org_name;			/* "peerdesk" */
	char *db_path;			/* SETTINGS_DEFAULT_DB */
	int week_start;			/* 1 = Monday (default) .. 7 */
	int review_due_days;		/* 28: review due this many days
					 * after the first meeting */
	int review_overdue_days;	/* 42: overdue after this; always
					 * more than review_due_days */
	int review_upcoming_days;	/* 7: show reminders this far ahead */
	int near_percent;		/* 10: warn within this % of a limit */
	char *print_command;		/* "lp" */
	int idle_lock_minutes;		/* 10 */
	bool holiday_pay;		/* false: rolled-up holiday pay off */
	int holiday_pay_rate;		/* 1207 = 12.07% (hundredths) */
	char **shared_accounts;		/* Unix logins of shared office
					 * accounts (none by default) */
	size_t n_shared_accounts;
	int supervision_due_weeks;	/* 6 */
	int dbs_recheck_months;		/* 36 */
	int dbs_recheck_months_update_service; /* 12 */
	int retention_years;		/* 6 */
	int draft_autosave_seconds;	/* 5 */
	char *rules_file;		/* NULL: the built-in rules.yaml */
	enum settings_editor editor;	/* office staff and managers at a
					 * terminal of this computer: own */
	bool mouse;			/* true: clicks and the wheel where
					 * the terminal has them */
	enum settings_editor pal_editor; /* PALs: restricted (never own);
					 * over SSH everyone is at most
					 * restricted */
	char *file;			/* the settings file read, NULL if
					 * none */
	enum settings_origin origin;
};

/* Fill *s with the defaults (overwrites *s without freeing it). */
void settings_defaults(struct settings *s);

/* Free what *s owns; it is then all zeros.  NULL allowed. */
void settings_fini(struct settings *s);

/* Read the settings file at path.  *s is overwritten (not freed first):
 * on success, the defaults with the file's values on top; on failure,
 * the defaults, and err says file:line:column, the key and what was
 * expected.  Relative rules_file paths are taken from path's folder. */
enum pd_status settings_load_file(const char *path, struct settings *s,
    struct pd_err *err);

/* As settings_load_file() for text in memory (len bytes); name is used
 * in messages only.  An empty text gives the defaults. */
enum pd_status settings_load_text(const char *text, size_t len,
    const char *name, struct settings *s, struct pd_err *err);

/* Apply the search order: cli_path (--config) if not NULL, else env_path
 * (PEERDESK_CONFIG) if not NULL or "", else SETTINGS_SYSTEM_PATH if it
 * exists, else the defaults.  s->file and s->origin say which was used.
 * A named file that is missing is an error; *s is as settings_load_file. */
enum pd_status settings_resolve(const char *cli_path, const char *env_path,
    struct settings *s, struct pd_err *err);

/* settings_resolve() with another system path (for tests). */
enum pd_status settings_resolve_with(const char *cli_path,
    const char *env_path, const char *system_path, struct settings *s,
    struct pd_err *err);

/* Is login one of the shared office accounts? */
bool settings_is_shared_account(const struct settings *s, const char *login);

/* "own", "restricted" or "off". */
const char *settings_editor_name(enum settings_editor e);

/* "monday" .. "sunday" for 1..7; "" otherwise. */
const char *settings_day_name(int day);

/* Plain words for an origin ("--config", "PEERDESK_CONFIG", ...). */
const char *settings_origin_str(enum settings_origin o);

#endif
