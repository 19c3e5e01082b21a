/* plans.h - the client's Wellness and Safety Plan (the Green Book):
 * reading it whole, saving its sections as a new version (never over
 * someone else's), goals with their steps, scores at reviews, dated
 * notes, its history, "what changed since the last review", marking it
 * established, and every plan's progress at a glance.
 *
 * Who may do what: office staff, managers and the client's own PALs may
 * read and write a plan (a PAL's scope is passed down, so another PAL's
 * client is "not found"); only a manager (the Operations Manager) marks
 * a plan established.  Every change writes an audit row in its
 * transaction; reading the plan for the screens is audited as "open".
 */
#ifndef PEERDESK_APP_PLANS_H
#define PEERDESK_APP_PLANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plandiff.h"
#include "peerdesk/model/plandoc.h"

#define PLAN_TEXT_MAX 20000	/* bytes in one section or note */

/* ---- reading and saving ----------------------------------------------- */

/* The client's whole plan into *out (plan_doc_fini it): sections of the
 * current version, goals with steps and scores, notes, names.  A client
 * with no plan yet gives an empty doc with info.id 0.  Audited as
 * "open".  PD_NOT_FOUND when there is no such client; PD_DENIED (and a
 * "refused" audit row) when a PAL asks for a client not theirs today. */
enum pd_status app_plan_open(struct app *app, int64_t client_id,
    struct plan_doc *out, struct pd_err *err);

/* The same as app_plan_open, audited the same way (every read of a
 * plan is; the name stays for the screens that reload after a save). */
enum pd_status app_plan_load(struct app *app, int64_t client_id,
    struct plan_doc *out, struct pd_err *err);

/* Save s (sections 1-7 and s->note, what changed) as the plan's next
 * version, if the plan is still at version `expected` (what the editor
 * loaded; 0 for a plan never saved).  When nothing differs from the
 * current version no version is made.  *now gets the plan's current
 * version afterwards (may be NULL).  PD_CONFLICT, nothing written, when
 * someone saved a newer version: err->msg says who and when.
 * PD_INVALID with err->field = the section's key for text too long. */
enum pd_status app_plan_save(struct app *app, int64_t client_id,
    const struct plan_sections *s, int expected, int *now,
    struct pd_err *err);

/* After a conflict: merge mine (edited from base) with the plan's
 * current sections into *merged (plan_sections_fini it): sections only
 * one side changed take that side's words; sections both changed keep
 * mine and set a bit (1u << field) in *both.  *theirs_version gets the
 * current version, to save against next; *theirs (may be NULL) a copy
 * of the current sections. */
enum pd_status app_plan_merge(struct app *app, int64_t client_id,
    const struct plan_sections *base, const struct plan_sections *mine,
    struct plan_sections *merged, struct plan_sections *theirs,
    int *theirs_version, unsigned *both, struct pd_err *err);

/* ---- goals, scores, notes ---------------------------------------------- */

/* Save g and its steps in the client's plan (the plan is made when there
 * is none).  g->goal.id 0 adds a goal (sets id and version); otherwise
 * the goal is changed if nobody saved it since g->goal.version was read
 * (PD_CONFLICT).  Steps with id 0 are added, with an id changed, and the
 * goal's steps not in g are removed.  PD_INVALID with err->field
 * ("title", "area", "target_date", "closed_on", "steps"). */
enum pd_status app_goal_save(struct app *app, int64_t client_id,
    struct plan_doc_goal *g, struct pd_err *err);

/* One goal's score at a review. */
struct goal_score_in {
	int64_t goal_id;
	int score;		/* -2 .. +2; GOAL_SCORE_NONE skips the goal */
};

/* Record a review of the client's plan on day `on` ("" = today, never
 * later than today): the scores given, at review review_id (0 = a review
 * of the plan alone), in one transaction with one audit row.  A goal
 * scored again the same day has its score put right (audited before and
 * after).  PD_INVALID (field "score" or "on"), PD_NOT_FOUND for a goal
 * that is not in this plan. */
enum pd_status app_plan_review(struct app *app, int64_t client_id,
    const char *on, int64_t review_id, const struct goal_score_in *scores,
    size_t n, struct pd_err *err);

/* Add a dated note (section 9) written on `on` ("" = today) by the
 * actor; *id gets its id (may be NULL).  PD_INVALID for an empty note. */
enum pd_status app_plan_note_add(struct app *app, int64_t client_id,
    const char *on, const char *text, int64_t *id, struct pd_err *err);

/* Bring back version version_no of the client's plan: its sections are
 * saved as the next version, with the note "brought back version N";
 * every version stays in the history.  expected is the version the
 * person saw as current (the history screen), or -1 for whatever is
 * current now (the command).  *now (may be NULL) gets the new version.
 * Audited ("update" plan) in the same transaction.  PD_CONFLICT,
 * nothing written, when someone saved since expected (err says who and
 * when); PD_INVALID (field "version") for the current version or a
 * number below 1; PD_NOT_FOUND for a version the plan does not have. */
enum pd_status app_plan_restore(struct app *app, int64_t client_id,
    int version_no, int expected, int *now, struct pd_err *err);

/* Remove note note_id (section 9) from the client's plan, saying why
 * (reason, required).  Notes belong to whoever wrote them: office
 * staff and managers may remove any note, a PAL only one they wrote
 * (else PD_DENIED).  Audited ("delete" plan_note) with the reason; the
 * note's words go to the audit row's before (audit_detail), which
 * erase clears with the client.  PD_INVALID (field "reason"),
 * PD_NOT_FOUND for a note not in this client's plan. */
enum pd_status app_plan_note_remove(struct app *app, int64_t client_id,
    int64_t note_id, const char *reason, struct pd_err *err);

/* ---- established (the intake rule) ----------------------------------- */

/* Mark the client's plan established on `on` ("" = today): a client is
 * handed to a PAL only then.  Managers only; the plan needs a saved
 * version.  PD_DUPLICATE when it already is (err->msg says since when). */
enum pd_status app_plan_establish(struct app *app, int64_t client_id,
    const char *on, struct pd_err *err);

/* Is the client's plan established?  *yes true or false; on (may be NULL)
 * gets the date or "".  PD_NOT_FOUND: no such client in scope. */
enum pd_status app_plan_is_established(struct app *app, int64_t client_id,
    bool *yes, char on[11], struct pd_err *err);

/* ---- history and what changed ---------------------------------------- */

enum plan_event_kind {
	PLAN_EVENT_VERSION,	/* sections saved: version_no says which */
	PLAN_EVENT_OTHER	/* a goal, a score, a note, established */
};

/* One line of the plan's history: who changed what and when. */
struct plan_event {
	enum plan_event_kind kind;
	char at[21];		/* UTC moment */
	char when[24];		/* local "Wed 25 Nov 2026 14:02" */
	char *who;		/* a name, or a login, or NULL */
	char *what;		/* "Sections: What keeps me well, Triggers" */
	int version_no;		/* for PLAN_EVENT_VERSION */
	int64_t goal_id;	/* a goal written or changed, else 0 */
	char *before, *after;	/* that goal's words and steps before and
				 * after ("area: ...\ngoal: ...\nstep: ..."),
				 * or NULL */
};

struct plan_history {
	struct plan_event *events;	/* newest first */
	size_t n;
	struct plan_sections *versions;	/* every version, oldest first */
	char **saved_by;		/* the savers' names, per version */
	size_t nv;
	char **review_days;		/* oldest first */
	size_t n_reviews;
};

void plan_history_fini(struct plan_history *h);

/* The plan's history: saved versions (with the sections each changed)
 * and, from the audit trail, goals (with their words before and after
 * each change), scores, notes and establishing.  Every moment is one
 * from plans' own clock, which follows --today, so versions, goal
 * changes and review days sort and compare as one story. */
enum pd_status app_plan_history(struct app *app, int64_t client_id,
    struct plan_history *out, struct pd_err *err);

/* What one version changed against the one before, as text wrapped at
 * width (0 = none).  PD_NOT_FOUND for no such version. */
enum pd_status app_plan_version_text(struct app *app, int64_t client_id,
    int version_no, int width, struct strbuf *out, struct pd_err *err);

struct plan_changes {
	struct plan_doc doc;
	struct plan_history hist;
	struct plan_delta delta;
};

void plan_changes_fini(struct plan_changes *c);

/* What changed since day `since`; NULL or "" means since the last
 * review before today (or since the plan began when there was none).
 * A version or goal change counts as after `since` when its moment's
 * local day is later (days follow --today as review dates do). */
enum pd_status app_plan_changes(struct app *app, int64_t client_id,
    const char *since, struct plan_changes *out, struct pd_err *err);

/* The changes as text for people, wrapped at width (0 = none). */
void plan_changes_text(const struct plan_changes *c, int width,
    struct strbuf *out);

/* ---- every plan at a glance ------------------------------------------- */

struct plan_progress_row {
	int64_t client_id;
	char *client_name;
	enum plan_status status;
	int current_version;
	struct plan_progress progress;
};

/* One row per plan of a client who is not closed, by name (a PAL gets
 * their own clients only): how many goals moved up, stayed, moved down
 * at the last review.  *rows is the caller's (plan_progress_rows_free). */
enum pd_status app_plan_progress_list(struct app *app,
    struct plan_progress_row **rows, size_t *n, struct pd_err *err);
void plan_progress_rows_free(struct plan_progress_row *rows, size_t n);

/* The rows as a plain table for the command line. */
void plan_progress_text(const struct plan_progress_row *rows, size_t n,
    struct strbuf *out);

/* ---- the plan as a file (config/plan_yaml.h) ------------------------- */

/* Write the client's plan as a plan file to path ("-": standard output)
 * through userfile (never onto the database).  Audited ("export"), with
 * the path. */
enum pd_status app_plan_export(struct app *app, int64_t client_id,
    const char *path, struct pd_err *err);

/* The same plan file appended to out, for standard output.  Audited
 * ("export", to standard output). */
enum pd_status app_plan_export_text(struct app *app, int64_t client_id,
    struct strbuf *out, struct pd_err *err);

/* What an import did. */
struct plan_import_result {
	int64_t client_id;
	char client_name[128];
	int version_before, version_after;	/* differ: a new version */
	int goals_added, goals_changed;
	int scores_added, scores_changed;
	int notes_added;
	int goals_not_in_file;	/* left as they are */
};

/* Bring a plan file back in: the file's sections become a new version
 * when they differ; goals with an id are changed to match the file (and
 * their steps), goals without one are added; scores and notes not yet
 * there are added (a score on a day already scored puts it right).
 * Nothing is removed but steps left out of a goal.  All or nothing, in
 * one transaction.  Errors name the file, line and column:
 * PD_PARSE for a broken file; PD_INVALID for a wrong client name, an id
 * that is not this plan's, or a bad value; PD_NOT_FOUND for no such
 * client; PD_CONFLICT when the plan has a newer version than the file
 * (unless force: then the file's sections are saved on top, and the
 * newer version stays in the history).  text is len bytes; name is
 * used in messages. */
enum pd_status app_plan_import_text(struct app *app, const char *text,
    size_t len, const char *name, bool force,
    struct plan_import_result *res, struct pd_err *err);

/* app_plan_import_text() of the file at path. */
enum pd_status app_plan_import_file(struct app *app, const char *path,
    bool force, struct plan_import_result *res, struct pd_err *err);

/* ---- the client's copy (report/plan_text.h, report/plan_pdf.h) ------- */

struct print_outcome;

/* The client's copy as text wrapped at width, appended to out.  Audited
 * ("print"). */
enum pd_status app_plan_copy_text(struct app *app, int64_t client_id,
    int width, struct strbuf *out, struct pd_err *err);

/* The client's copy as a PDF written to path.  Audited ("print"). */
enum pd_status app_plan_pdf(struct app *app, int64_t client_id,
    const char *path, struct pd_err *err);

/* Print the client's copy (the PDF) with the configured print command
 * (settings print_command; see app/print.h).  out (may be NULL) gets
 * what the command said.  Audited ("print").  Errors as
 * app_print_file(). */
enum pd_status app_plan_print(struct app *app, int64_t client_id,
    struct print_outcome *out, struct pd_err *err);

#endif
