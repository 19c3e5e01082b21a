/* timesheet.h - time worked: sessions with clients, timesheet lines
 * and weeks, and a week's totals (conventions in model/people.h). */
#ifndef PEERDESK_MODEL_TIMESHEET_H
#define PEERDESK_MODEL_TIMESHEET_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/model/enumlist.h"
#include "peerdesk/model/permitted.h"
#include "peerdesk/model/week.h"

#define PLACE_LIST(X) \
	X(PLACE_HOME,   "home",   "home") \
	X(PLACE_TOWN,   "town",   "town") \
	X(PLACE_CAFE,   "cafe",   "café") \
	X(PLACE_PHONE,  "phone",  "phone") \
	X(PLACE_ONLINE, "online", "online") \
	X(PLACE_OTHER,  "other",  "other")

enum place { PLACE_LIST(ENUM_VALUE) };

struct session {
	int64_t id;
	int64_t client_id;
	int64_t pal_id;
	char date[11];
	char start_time[6];	/* "HH:MM" or "" */
	int minutes;
	enum place place;
	char *did, *went_well, *follow_up;
	bool booked;		/* a future session, not yet done */
	int version;
};

#define LINE_KIND_LIST(X) \
	X(LINE_SESSION,     "session",     "session") \
	X(LINE_SUPERVISION, "supervision", "supervision") \
	X(LINE_TRAINING,    "training",    "training") \
	X(LINE_TRAVEL,      "travel",      "travel between clients") \
	X(LINE_SHADOWING,   "shadowing",   "shadowing") \
	X(LINE_ADMIN,       "admin",       "admin")

enum line_kind { LINE_KIND_LIST(ENUM_VALUE) };

#define WEEK_STATUS_LIST(X) \
	X(WEEK_OPEN,      "open") \
	X(WEEK_SUBMITTED, "submitted") \
	X(WEEK_APPROVED,  "approved") \
	X(WEEK_LOCKED,    "locked")

enum week_status { WEEK_STATUS_LIST(ENUM_VALUE) };

struct ts_line {
	int64_t id;
	int64_t week_id;
	int64_t pal_id;
	char date[11];
	int minutes;
	enum line_kind kind;
	int64_t client_id;	/* 0 = none */
	int64_t session_id;	/* 0 = none */
	int64_t supervision_id;	/* 0 = none (pal_supervision row) */
	int64_t training_id;	/* 0 = none (pal_training row) */
	char *note;
	int version;
	int64_t import_id;	/* 0 = typed in; else the import_log row
				 * (written on insert only) */
};

struct ts_week {
	int64_t id;
	int64_t pal_id;
	char week_start[11];
	enum week_status status;
	char submitted_at[21];	/* "" = not submitted */
	int64_t submitted_by;
	char approved_at[21];	/* "" = not approved */
	int64_t approved_by;
	int version;
};

#define LINE_KINDS (0 LINE_KIND_LIST(ENUM_COUNT))
#define WEEK_BANDS_MAX 8

/* Minutes grouped by the hourly rate in force on each line's date, so
 * pay is computed per band (rate_pence -1: no rate recorded then). */
struct week_band {
	int64_t rate_pence;
	int minutes;
};

struct week_totals {
	int minutes_by_kind[LINE_KINDS];	/* indexed by enum line_kind */
	int minutes;
	struct week_band bands[WEEK_BANDS_MAX];	/* by rate, lowest first */
	int nbands;
};

/* One PAL's row of the weekly hours summary. */
struct report_row {
	int64_t pal_id;
	char *login;		/* NULL if the person has no login */
	char *name;
	int64_t week_id;	/* 0 = no timesheet week started */
	enum week_status week_status;	/* WEEK_OPEN when week_id is 0 */
	struct week_totals totals;
};

void session_fini(struct session *s);
void ts_line_fini(struct ts_line *l);
void report_row_fini(struct report_row *r);

/* Add minutes of one kind at one rate to t, keeping bands sorted by
 * rate; returns -1 (and adds nothing) when a new band would exceed
 * WEEK_BANDS_MAX, else 0.  kind out of range also returns -1. */
int week_totals_add(struct week_totals *t, enum line_kind kind,
    int64_t rate_pence, int minutes);

/* Stored names ("cafe", "travel", "submitted"). */
const char *place_str(enum place p);
int place_from_str(const char *s, enum place *out);
const char *line_kind_str(enum line_kind k);
int line_kind_from_str(const char *s, enum line_kind *out);
const char *week_status_str(enum week_status s);
int week_status_from_str(const char *s, enum week_status *out);

/* Words for people: "café", "travel between clients", ... */
const char *place_label(enum place p);
const char *line_kind_label(enum line_kind k);

#define TIME_SENTENCE_LEN (2 * PERMITTED_SENTENCE_LEN)

/* What saving a line or session would do to the PAL's week, worked out
 * before saving (app/timesheets.c) so a screen can show it. */
struct time_preview {
	int64_t pal_id;
	char label[WEEK_LABEL_LEN];	/* "2026-W48" */
	char first[11], last[11];	/* the week's first and last day */
	enum week_status status;	/* WEEK_OPEN when not started yet */
	bool locked;		/* approved: a change needs the manager and a
				 * reason */
	bool shows_pay;		/* the actor may see pay, rule and limits */
	int add_minutes;	/* what saving adds (negative: takes off) */
	int64_t add_pence;	/* gross, holiday pay included; 0 unless
				 * shows_pay */
	struct permitted_change change;	/* before and after; only when
					 * shows_pay */
	bool needs_override;	/* the week would be over a limit and this
				 * adds to it: the manager must agree */
	bool needs_reason;	/* locked or needs_override */
	char now[PERMITTED_SENTENCE_LEN];	/* "This week: 13h 30m of ..." */
	char sentence[TIME_SENTENCE_LEN];	/* what to show before saving:
						 * the week now, and what
						 * adding would do */
};

#endif
