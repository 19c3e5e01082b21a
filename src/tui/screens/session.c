/* session.c - "Log a session": a PAL's note of a session with one of
 * their clients, with the week as it would be once saved shown above
 * the fields.  Works at 40x15 (a phone over SSH). */
#include "peerdesk/tui/screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/app.h"
#include "peerdesk/app/sessions.h"
#include "peerdesk/core/xalloc.h"
#include "timeform.h"

struct slog {
	struct timeform_head head;	/* first */
	int client;		/* index into choices, -1 = none */
	char date[11];
	char *start;
	int minutes;
	int place;
	char *did, *went_well, *follow_up;
	/* not fields */
	int64_t session_id;	/* 0 = new */
	int version;
	struct session_client *clients;
	size_t nclients;
	struct field_choice *choices;	/* the client field's (slog_choices) */
};

static const struct field_choice slog_places[] = {
	{ PLACE_HOME, "Home" }, { PLACE_TOWN, "Town" },
	{ PLACE_CAFE, "Caf\u00e9" }, { PLACE_PHONE, "Phone" },
	{ PLACE_ONLINE, "Online" }, { PLACE_OTHER, "Other" }, { 0, NULL }
};

/* The client choices: the PAL's own, read when the form opens. */
static const struct field_choice *
slog_choices(const void *rec)
{
	return ((const struct slog *)rec)->choices;
}

static const struct field_def slog_fields[] = {
	{ .id = "client", .label = "Client", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct slog, client), .required = true,
	  .choices_of = slog_choices,
	  .help = "One of your clients: type the first letter, or Enter for "
	  "the list (type to narrow it)." },
	{ .id = "date", .label = "Date", .kind = FIELD_DATE,
	  .offset = offsetof(struct slog, date), .required = true,
	  .width = 12, .help = "today, yesterday, -1 (a day ago) or a date." },
	{ .id = "start", .label = "Start (if you like)", .kind = FIELD_TEXT,
	  .offset = offsetof(struct slog, start), .max_len = 5, .width = 6,
	  .help = "The time it started, like 14:30." },
	{ .id = "minutes", .label = "How long", .kind = FIELD_DURATION,
	  .offset = offsetof(struct slog, minutes), .required = true,
	  .min = 1, .max = 24 * 60, .width = 10,
	  .help = "1:30, 90m or 2h." },
	{ .id = "place", .label = "Where", .kind = FIELD_CHOICE,
	  .offset = offsetof(struct slog, place), .required = true,
	  .choices = slog_places, .width = 10 },
	{ .id = "did", .label = "What we did", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct slog, did), .height = 3 },
	{ .id = "went_well", .label = "What went well", .kind = FIELD_MULTILINE,
	  .offset = offsetof(struct slog, went_well), .height = 2 },
	{ .id = "follow_up", .label = "Anything to follow up",
	  .kind = FIELD_MULTILINE, .offset = offsetof(struct slog, follow_up),
	  .height = 2 },
	{ .id = NULL }
};

static void
slog_init(void *rec)
{
	struct slog *r = rec;

	r->client = -1;
	r->minutes = -1;
	r->place = -1;
}

static void
slog_fini(void *rec)
{
	struct slog *r = rec;

	FREE(&r->start);
	FREE(&r->did);
	FREE(&r->went_well);
	FREE(&r->follow_up);
	FREE(&r->head.reason);
	session_clients_free(r->clients, r->nclients);
	r->clients = NULL;
	r->nclients = 0;
	FREE(&r->choices);
}

/* The client choices: the PAL's clients, and extra (a client of an old
 * session the PAL no longer works with) when not among them. */
static enum pd_status
slog_clients(struct app *app, struct slog *r, int64_t extra,
    const char *extra_name, struct pd_err *err)
{
	enum pd_status st;
	size_t i;

	st = app_session_clients(app, r->head.pal_id, &r->clients,
	    &r->nclients, err);
	if (st != PD_OK)
		return st;
	if (extra != 0) {
		for (i = 0; i < r->nclients; i++)
			if (r->clients[i].client_id == extra)
				break;
		if (i == r->nclients) {
			r->clients = xreallocarray(r->clients, r->nclients + 1,
			    sizeof *r->clients);
			r->clients[r->nclients].client_id = extra;
			r->clients[r->nclients].name = xstrdup(extra_name ?
			    extra_name : "(a former client)");
			r->clients[r->nclients].contracted_minutes = -1;
			r->nclients++;
		}
	}
	if (r->nclients == 0)
		return pd_fail(err, PD_NOT_FOUND, NULL, "there are no clients "
		    "to log a session with yet");
	r->choices = xcalloc(r->nclients + 1, sizeof *r->choices);
	for (i = 0; i < r->nclients; i++) {
		r->choices[i].value = (int)i;
		r->choices[i].label = r->clients[i].name;
	}
	return PD_OK;
}

static int
slog_index_of(const struct slog *r, int64_t client_id)
{
	size_t i;

	for (i = 0; i < r->nclients; i++)
		if (r->clients[i].client_id == client_id)
			return (int)i;
	return -1;
}

/* The fields of a saved session s into r (its texts are r's now). */
static void
slog_take(struct slog *r, struct session *s)
{
	r->client = slog_index_of(r, s->client_id);
	memcpy(r->date, s->date, sizeof r->date);
	r->start = s->start_time[0] ? xstrdup(s->start_time) : NULL;
	r->minutes = s->minutes;
	r->place = (int)s->place;
	r->did = s->did;
	r->went_well = s->went_well;
	r->follow_up = s->follow_up;
	s->did = s->went_well = s->follow_up = NULL;
}

static enum pd_status
slog_load_new(struct app *app, struct slog *r, int64_t pal_id,
    int64_t client_id, struct pd_err *err)
{
	enum pd_status st;

	r->head.pal_id = pal_id;
	if (pal_id == 0 && !app_actor_is_pal(app))
		return pd_fail(err, PD_INVALID, NULL, "Log a session is for "
		    "PALs; open a PAL's week to log one for them");
	if ((st = slog_clients(app, r, 0, NULL, err)) != PD_OK)
		return st;
	r->client = client_id != 0 ? slog_index_of(r, client_id) :
	    r->nclients == 1 ? 0 : -1;
	app_today(r->date);
	return PD_OK;
}

static enum pd_status
slog_load_old(struct app *app, struct slog *r, int64_t id,
    struct pd_err *err)
{
	struct session s;
	enum pd_status st;

	if ((st = app_session_get(app, id, &s, err)) != PD_OK)
		return st;
	r->head.pal_id = s.pal_id;
	r->session_id = s.id;
	r->version = s.version;
	st = slog_clients(app, r, s.client_id, NULL, err);
	if (st == PD_OK)
		slog_take(r, &s);
	session_fini(&s);
	return st;
}

static enum pd_status
slog_load(void *app, const void *arg, void *rec, struct pd_err *err)
{
	const struct session_screen_arg *a = arg;

	if (a != NULL && a->session_id != 0)
		return slog_load_old(app, rec, a->session_id, err);
	return slog_load_new(app, rec, a != NULL ? a->pal_id : 0,
	    a != NULL ? a->client_id : 0, err);
}

static enum pd_status
slog_load_client(void *app, const void *arg, void *rec, struct pd_err *err)
{
	const int64_t *client = arg;

	return slog_load_new(app, rec, 0, client != NULL ? *client : 0, err);
}

/* The session the record describes. */
static void
slog_session(const struct slog *r, struct session *s)
{
	memset(s, 0, sizeof *s);
	s->id = r->session_id;
	s->version = r->version;
	s->pal_id = r->head.pal_id;
	if (r->client >= 0 && (size_t)r->client < r->nclients)
		s->client_id = r->clients[r->client].client_id;
	memcpy(s->date, r->date, sizeof s->date);
	if (r->start != NULL)
		snprintf(s->start_time, sizeof s->start_time, "%s", r->start);
	s->minutes = r->minutes;
	s->place = r->place >= 0 ? (enum place)r->place : PLACE_OTHER;
	s->did = r->did;
	s->went_well = r->went_well;
	s->follow_up = r->follow_up;
}

static enum pd_status
slog_save(void *app, void *rec, struct pd_err *err)
{
	struct slog *r = rec;
	struct session s;
	enum pd_status st;

	if (r->start != NULL && strlen(r->start) > 5)
		return pd_fail(err, PD_INVALID, "start",
		    "the start should be a time like 14:30");
	slog_session(r, &s);
	if (r->session_id == 0)
		st = app_session_log(app, &s, r->head.reason, err);
	else
		st = app_session_update(app, &s, r->head.reason, err);
	if (st == PD_OK) {
		r->session_id = s.id;
		r->version = s.version;
	}
	return st;
}

/* The session as saved now, for a merge when someone saved it first:
 * the same client choices as mine (copied), the rest read again. */
static enum pd_status
slog_fetch(void *app, const void *mine, void *theirs, struct pd_err *err)
{
	const struct slog *m = mine;
	struct slog *r = theirs;
	struct session s;
	enum pd_status st;
	size_t i;

	if ((st = app_session_get(app, m->session_id, &s, err)) != PD_OK)
		return st;
	r->head.pal_id = m->head.pal_id;
	r->head.reason = m->head.reason ? xstrdup(m->head.reason) : NULL;
	r->session_id = s.id;
	r->version = s.version;
	r->nclients = m->nclients;
	r->clients = xcalloc(m->nclients + 1, sizeof *r->clients);
	r->choices = xcalloc(m->nclients + 1, sizeof *r->choices);
	for (i = 0; i < m->nclients; i++) {
		r->clients[i] = m->clients[i];
		r->clients[i].name = xstrdup(m->clients[i].name);
		r->choices[i].value = (int)i;
		r->choices[i].label = r->clients[i].name;
	}
	slog_take(r, &s);
	session_fini(&s);
	return PD_OK;
}

static enum pd_status
slog_preview(struct screen *s, struct time_preview *p)
{
	struct slog *r = form_record(s);
	struct strbuf sb = STRBUF_INIT;
	struct session se;
	struct ts_line l;
	int minutes, c;
	char date[11];

	if (!timeform_date(s, "date", date) ||
	    !timeform_minutes(s, "minutes", &minutes))
		return PD_INVALID;
	if (r->session_id == 0) {
		memset(&l, 0, sizeof l);
		l.pal_id = r->head.pal_id;
		memcpy(l.date, date, sizeof l.date);
		l.minutes = minutes;
		l.kind = LINE_SESSION;
		return app_line_preview(s->app, &l, p, NULL);
	}
	slog_session(r, &se);
	form_get_text(s, "client", &sb);
	c = field_choice_find(r->choices, strbuf_str(&sb));
	strbuf_fini(&sb);
	if (c >= 0)
		se.client_id = r->clients[c].client_id;
	memcpy(se.date, date, sizeof se.date);
	se.minutes = minutes;
	se.start_time[0] = '\0';
	return app_session_preview(s->app, &se, p, NULL);
}

/* The session form, opened by load (and merging with fetch). */
#define SLOG_DEF(load_fn, fetch_fn) { \
	.form = { \
		.fields = slog_fields, \
		.rec_size = sizeof(struct slog), \
		.rec_init = slog_init, \
		.rec_fini = slog_fini, \
		.load = load_fn, \
		.save = slog_save, \
		.fetch = fetch_fn, \
		.save_label = "Save the session", \
		.saved_message = "Session saved.", \
	}, \
	.preview = slog_preview, \
	.minutes_field = "minutes", \
}

static const struct timeform_def slog_def = SLOG_DEF(slog_load, slog_fetch);
static const struct timeform_def slog_client_def =
    SLOG_DEF(slog_load_client, NULL);

#define SLOG_HELP "A note of a session with one of your clients: who, " \
	"when, how long, where, and in a few words what you did, what went " \
	"well and anything to follow up. Saving adds it to your timesheet. " \
	"The top lines show your week with this session in it, and the room " \
	"left under your limit; if it would go over, the manager must agree " \
	"first."

const struct screen_ops session_screen = {
	.name = "session",
	.title = "Log a session",
	.help = SLOG_HELP,
	.def = &slog_def,
	TIMEFORM_SCREEN_CALLBACKS
};

const struct screen_ops session_client_screen = {
	.name = "session",
	.title = "Log a session",
	.help = SLOG_HELP,
	.def = &slog_client_def,
	TIMEFORM_SCREEN_CALLBACKS
};
