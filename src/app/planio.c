/* planio.c - the plan as a YAML file: export, and import as changes. */
#include "peerdesk/app/plans.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/print.h"
#include "peerdesk/app/userfile.h"
#include "peerdesk/config/plan_yaml.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/db.h"
#include "peerdesk/db/group.h"
#include "peerdesk/report/plan_pdf.h"
#include "peerdesk/report/plan_text.h"
#include "plans_priv.h"

enum pd_status
app_plan_export_text(struct app *app, int64_t client_id, struct strbuf *out,
    struct pd_err *err)
{
	struct plan_doc doc;
	enum pd_status s;

	if ((s = plans_may(app, client_id, "export wellness plans",
	    "export the wellness plan", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_read(app, client_id, &doc, err);
	if (s == PD_OK)
		s = plan_yaml_write(&doc, out, err);
	if (s == PD_OK)
		s = app_audit(app, "export", "plan", doc.info.id, client_id,
		    "wrote the wellness plan as a plan file to standard output",
		    NULL, NULL, NULL, err);
	plan_doc_fini(&doc);
	return plans_finish(app, s, err);
}

enum pd_status
app_plan_export(struct app *app, int64_t client_id, const char *path,
    struct pd_err *err)
{
	struct strbuf out = STRBUF_INIT;
	struct plan_doc doc;
	enum pd_status s;
	int64_t plan_id = 0;

	if ((s = app_require(app, APP_ANYONE, "export wellness plans", err))
	    != PD_OK)
		return s;
	if ((s = userfile_check_target(path, err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_read(app, client_id, &doc, err);
	if (s == PD_OK) {
		plan_id = doc.info.id;
		s = plan_yaml_write(&doc, &out, err);
		plan_doc_fini(&doc);
	}
	s = plans_finish(app, s, err);
	if (s == PD_OK)
		s = userfile_save_audited(app, path, out.buf, out.len, 0,
		    "export", "plan", plan_id, client_id,
		    "the wellness plan as a plan file", err);
	strbuf_fini(&out);
	return s;
}

/* Put the file and line on an error from a use case, keeping its words. */
static enum pd_status
import_at(struct pd_err *err, enum pd_status s, const char *file, int line)
{
	if (err != NULL && s != PD_OK) {
		snprintf(err->file, sizeof err->file, "%s", file);
		err->line = line;
		err->column = 0;
		err->code = s;
	}
	return s;
}

/* Notes ordered by day, then words (none as ""), to find a file's note
 * among the plan's by bisection: a file of many notes brought back into
 * a plan of many costs n log n, not n times n. */
static int
import_note_cmp(const void *a, const void *b)
{
	const struct plan_note *x = *(const struct plan_note *const *)a;
	const struct plan_note *y = *(const struct plan_note *const *)b;
	int c = strcmp(x->written_on, y->written_on);

	return c != 0 ? c : strcmp(x->text ? x->text : "",
	    y->text ? y->text : "");
}

/* The file's goal g over the plan's goal have (NULL for a new one): a
 * record to save, with have's version and (when the file leaves it out)
 * its created_on. */
static void
import_goal_record(const struct plan_doc_goal *g,
    const struct plan_doc_goal *have, struct plan_doc_goal *out)
{
	size_t i;

	memset(out, 0, sizeof *out);
	plan_goal_copy(&out->goal, &g->goal);
	if (have != NULL) {
		out->goal.version = have->goal.version;
		if (out->goal.created_on[0] == '\0')
			memcpy(out->goal.created_on, have->goal.created_on, 11);
	}
	for (i = 0; i < g->n_steps; i++)
		plan_doc_goal_add_step(out, &g->steps[i], g->step_line[i]);
}

static void
import_goal_free(struct plan_doc_goal *g)
{
	size_t i;

	plan_goal_fini(&g->goal);
	for (i = 0; i < g->n_steps; i++)
		goal_step_fini(&g->steps[i]);
	free(g->steps);
	free(g->step_line);
	memset(g, 0, sizeof *g);
}

/* One goal of the file: add or change it, then its scores. */
static enum pd_status
import_goal(struct app *app, const struct plan_doc *cur,
    const struct plan_doc_goal *g, const char *file,
    struct plan_import_result *res, struct pd_err *err)
{
	const struct plan_doc_goal *have = plan_doc_goal_by_id(cur, g->goal.id);
	struct plan_doc_goal rec;
	enum pd_status s = PD_OK;
	size_t i, j;

	if (g->goal.id > 0 && have == NULL)
		return pd_fail_at(err, PD_INVALID, file, g->line, 0, "id",
		    "goal %lld is not part of this plan; leave out 'id:' for "
		    "a new goal", (long long)g->goal.id);
	import_goal_record(g, have, &rec);
	if (have == NULL) {
		s = app_goal_save(app, cur->client_id, &rec, err);
		res->goals_added++;
	} else {
		char *a = plans_goal_describe(have);
		char *b = plans_goal_describe(&rec);

		if (strcmp(a, b) != 0) {
			s = app_goal_save(app, cur->client_id, &rec, err);
			res->goals_changed++;
		}
		free(a);
		free(b);
	}
	if (s != PD_OK) {
		import_goal_free(&rec);
		return import_at(err, s, file, g->line);
	}
	for (i = 0; i < g->n_scores; i++) {
		const struct goal_score *sc = &g->scores[i];
		struct goal_score_in in;
		int known = 0;

		for (j = 0; have != NULL && j < have->n_scores; j++) {
			if (strcmp(have->scores[j].scored_on,
			    sc->scored_on) != 0)
				continue;
			known = have->scores[j].score == sc->score ? 1 : 2;
		}
		if (known == 1)
			continue;
		in.goal_id = rec.goal.id;
		in.score = sc->score;
		s = app_plan_review(app, cur->client_id, sc->scored_on, 0, &in,
		    1, err);
		if (s != PD_OK) {
			import_goal_free(&rec);
			return import_at(err, s, file, g->score_line[i]);
		}
		if (known == 2)
			res->scores_changed++;
		else
			res->scores_added++;
	}
	import_goal_free(&rec);
	return PD_OK;
}

static enum pd_status
import_apply(struct app *app, const struct plan_doc *doc, const char *file,
    bool force, struct plan_import_result *res, struct pd_err *err)
{
	struct plan_doc cur;
	const struct plan_note **have = NULL;
	enum pd_status s;
	size_t i, j;
	int now;

	s = plans_read(app, doc->client_id, &cur, err);
	if (s != PD_OK) {
		plan_doc_fini(&cur);
		return import_at(err, s, file, 0);
	}
	res->client_id = cur.client_id;
	snprintf(res->client_name, sizeof res->client_name, "%s",
	    cur.client_name);
	res->version_before = res->version_after = cur.info.current_version;
	if (doc->client_name != NULL &&
	    strcmp(doc->client_name, cur.client_name) != 0) {
		s = pd_fail_at(err, PD_INVALID, file, 0, 0, "name", "this file "
		    "is for \"%s\", but client %lld is \"%s\"; check the "
		    "client number", doc->client_name,
		    (long long)doc->client_id, cur.client_name);
		goto out;
	}
	if (doc->info.current_version != cur.info.current_version && !force) {
		s = pd_fail_at(err, PD_CONFLICT, file, doc->version_line, 0,
		    "version", "the plan has changed since this file was "
		    "written: it is at version %d%s%s, the file is from "
		    "version %d. Export it again and make your changes there, "
		    "or use --force to save the file's sections as a new "
		    "version on top (version %d stays in the history)",
		    cur.info.current_version,
		    cur.saved_by_name ? ", saved by " : "",
		    cur.saved_by_name ? cur.saved_by_name : "",
		    doc->info.current_version, cur.info.current_version);
		goto out;
	}
	if (plan_sections_changed(&cur.sections, &doc->sections) != 0) {
		s = app_plan_save(app, doc->client_id, &doc->sections,
		    cur.info.current_version, &now, err);
		if (s != PD_OK) {
			s = import_at(err, s, file, doc->sections_line);
			goto out;
		}
		res->version_after = now;
	}
	for (i = 0; i < doc->n_goals && s == PD_OK; i++)
		s = import_goal(app, &cur, &doc->goals[i], file, res, err);
	for (i = 0; i < cur.n_goals; i++) {
		int found = 0;

		for (j = 0; j < doc->n_goals; j++)
			found |= doc->goals[j].goal.id == cur.goals[i].goal.id;
		res->goals_not_in_file += !found;
	}
	have = xcalloc(cur.n_notes ? cur.n_notes : 1, sizeof *have);
	for (j = 0; j < cur.n_notes; j++)
		have[j] = &cur.notes[j];
	qsort(have, cur.n_notes, sizeof *have, import_note_cmp);
	for (i = 0; i < doc->n_notes && s == PD_OK; i++) {
		const struct plan_note *n = &doc->notes[i];

		if (cur.n_notes > 0 && bsearch(&n, have, cur.n_notes,
		    sizeof *have, import_note_cmp) != NULL)
			continue;	/* already there, same day, same words */
		s = app_plan_note_add(app, doc->client_id, n->written_on,
		    n->text, NULL, err);
		if (s != PD_OK)
			s = import_at(err, s, file, doc->note_line[i]);
		else
			res->notes_added++;
	}
out:
	free(have);
	plan_doc_fini(&cur);
	return s;
}

enum pd_status
app_plan_import_text(struct app *app, const char *text, size_t len,
    const char *name, bool force, struct plan_import_result *res,
    struct pd_err *err)
{
	struct plan_doc doc;
	enum pd_status s;
	char *sum;

	memset(res, 0, sizeof *res);
	if ((s = app_require(app, APP_ANYONE, "import wellness plans", err))
	    != PD_OK)
		return s;
	s = plan_yaml_read(text, len, name, &doc, err);
	if (s == PD_OK && (s = db_begin(app->db, err)) == PD_OK) {
		s = import_apply(app, &doc, name, force, res, err);
		if (s == PD_OK) {
			sum = xasprintf("imported a plan file: version %d to "
			    "%d, %d goals added, %d changed, %d scores, %d "
			    "notes", res->version_before, res->version_after,
			    res->goals_added, res->goals_changed,
			    res->scores_added + res->scores_changed,
			    res->notes_added);
			s = app_audit(app, "import", "plan", 0, res->client_id,
			    sum, NULL, NULL, force ? "--force" : NULL, err);
			free(sum);
		}
		s = plans_finish(app, s, err);
	}
	plan_doc_fini(&doc);
	return s;
}

enum pd_status
app_plan_import_file(struct app *app, const char *path, bool force,
    struct plan_import_result *res, struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum pd_status s;

	memset(res, 0, sizeof *res);
	if ((s = userfile_read_all(path, 8u << 20, &sb, err)) != PD_OK) {
		strbuf_fini(&sb);
		if (err != NULL && err->file[0] == '\0')
			snprintf(err->file, sizeof err->file, "%s", path);
		return s;
	}
	s = app_plan_import_text(app, sb.buf != NULL ? sb.buf : "", sb.len,
	    userfile_is_std(path) ? "standard input" : path, force, res, err);
	strbuf_fini(&sb);
	return s;
}

/* ---- the client's copy ------------------------------------------------ */

/* The names of the groups the goals name (the client's copy shows
 * them; a group that cannot be read is left out). */
static void
copy_groups(struct app *app, struct plan_doc *doc)
{
	struct group_row r;
	size_t i;

	for (i = 0; i < doc->n_goals; i++) {
		if (doc->goals[i].goal.group_id == 0)
			continue;
		memset(&r, 0, sizeof r);
		if (db_group_get(app->db, doc->goals[i].goal.group_id, &r,
		    NULL) == PD_OK && r.g.name != NULL)
			doc->goals[i].group_name = xstrdup(r.g.name);
		group_row_fini(&r);
	}
}

/* Read the plan for a copy; the copy is audited once it is made. */
static enum pd_status
copy_read(struct app *app, int64_t client_id, struct plan_doc *doc,
    struct pd_err *err)
{
	enum pd_status s;

	if ((s = plans_may(app, client_id, "print wellness plans",
	    "make a copy of the wellness plan", err)) != PD_OK)
		return s;
	if ((s = db_begin(app->db, err)) != PD_OK)
		return s;
	s = plans_read(app, client_id, doc, err);
	s = plans_finish(app, s, err);
	if (s != PD_OK) {
		plan_doc_fini(doc);
		return s;
	}
	copy_groups(app, doc);
	return s;
}

static void
copy_setup(struct app *app, const struct plan_doc *doc, char today[11],
    struct plan_copy *c)
{
	app_today(today);
	memset(c, 0, sizeof *c);
	c->doc = doc;
	c->org_name = app->settings ? app->settings->org_name : NULL;
	c->printed_on = today;
}

enum pd_status
app_plan_copy_text(struct app *app, int64_t client_id, int width,
    struct strbuf *out, struct pd_err *err)
{
	struct plan_doc doc;
	struct plan_copy c;
	char today[11];
	enum pd_status s;

	if ((s = copy_read(app, client_id, &doc, err)) != PD_OK)
		return s;
	copy_setup(app, &doc, today, &c);
	plan_text_render(&c, width, out);
	s = app_audit_one(app, "print", "plan", doc.info.id, client_id,
	    "made the client's copy of the plan (text)", err);
	plan_doc_fini(&doc);
	return s;
}

enum pd_status
app_plan_pdf(struct app *app, int64_t client_id, const char *path,
    struct pd_err *err)
{
	struct strbuf pdf = STRBUF_INIT;
	struct plan_doc doc;
	struct plan_copy c;
	char today[11];
	enum pd_status s;

	if ((s = userfile_check_target(path, err)) != PD_OK)
		return s;
	if ((s = copy_read(app, client_id, &doc, err)) != PD_OK)
		return s;
	copy_setup(app, &doc, today, &c);
	s = plan_pdf_render(&c, &pdf, err);
	if (s == PD_OK)
		s = userfile_save_audited(app, path, pdf.buf, pdf.len, 0,
		    "print", "plan", doc.info.id, client_id,
		    "the client's copy of the plan as a PDF", err);
	strbuf_fini(&pdf);
	plan_doc_fini(&doc);
	return s;
}

enum pd_status
app_plan_print(struct app *app, int64_t client_id, struct print_outcome *out,
    struct pd_err *err)
{
	struct strbuf pdf = STRBUF_INIT;
	struct print_outcome mine;
	struct plan_doc doc;
	struct plan_copy c;
	char today[11], job[64], *sum;
	enum pd_status s;

	if (out == NULL)
		out = &mine;
	if ((s = copy_read(app, client_id, &doc, err)) != PD_OK)
		return s;
	copy_setup(app, &doc, today, &c);
	s = plan_pdf_render(&c, &pdf, err);
	if (s == PD_OK)
		s = app_print_bytes(app->settings ?
		    app->settings->print_command : NULL, "peerdesk-plan", "pdf",
		    pdf.buf, pdf.len, out, err);
	if (s == PD_OK) {	/* only a job the print command took */
		print_job_id(out, job, sizeof job);
		sum = xasprintf("printed the client's copy of the plan%s%s",
		    job[0] ? ", print job " : "", job);
		s = app_audit_one(app, "print", "plan", doc.info.id,
		    client_id, sum, err);
		free(sum);
	}
	strbuf_fini(&pdf);
	plan_doc_fini(&doc);
	return s;
}
