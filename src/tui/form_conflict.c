/* form_conflict.c - the form engine when two people save the same
 * record.
 *
 * The save found someone else's newer version.  base is the text each
 * field had when the form opened (or was last merged: f[i].initial),
 * theirs the record as saved now (def->fetch), mine what is on the
 * form.  model/fieldmerge decides each field; the form's record becomes
 * theirs (so the next save is against their version, and whatever the
 * form does not show is theirs too), their changes come into the form,
 * and the fields we both changed are asked about (form_merge.c). */
#include "form_conflict.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/fieldmerge.h"
#include "peerdesk/tui/tui.h"
#include "peerdesk/tui/form_layout.h"
#include "peerdesk/tui/form_merge.h"

#define FORM_MERGE_ROUNDS 3	/* merged saves in a row before giving up */

/* Each field's text three ways, for model/fieldmerge. */
struct form_sides {
	size_t n;
	const char **base, **mine, **their, **labels;
	struct strbuf *tt, *mt;	/* the text mine and their point into */
	enum fieldmerge *how;
};

void
form_conflict_clear(struct form *fm)
{
	size_t k;

	for (k = 0; k < fm->merge_n; k++)
		free(fm->merge_theirs[k]);
	FREE(&fm->merge_theirs);
	FREE(&fm->merge_idx);
	fm->merge_n = 0;
}

/* The conflict's words without the advice the db layer adds. */
static char *
form_conflict_why(const struct pd_err *why)
{
	char *msg = xstrdup(why->msg[0] ? why->msg : "Someone else saved "
	    "this first.");
	char *cut = strstr(msg, " Reload to see");

	if (cut != NULL)
		*cut = '\0';
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	return msg;
}

/* Their record as saved now, or NULL (said on the status line). */
static void *
form_conflict_fetch(struct screen *s, const char *intro)
{
	struct form *fm = s->state;
	const struct form_def *def = fm->def;
	void *theirs = form_rec_new(def);
	struct pd_err err;
	enum pd_status st;

	pd_err_clear(&err);
	/* Once fetched, their record is always taken in (a screen's fetch
	 * may hand the form's choices over to it). */
	st = ++fm->merge_rounds > FORM_MERGE_ROUNDS ? PD_CONFLICT :
	    def->fetch(s->app, fm->rec, theirs, &err);
	if (st == PD_OK)
		return theirs;
	form_rec_fini(def, theirs);
	free(theirs);
	if (st == PD_CONFLICT)
		tui_error(s->ui, "Not saved: others keep saving this "
		    "record; please try again in a moment");
	else
		tui_error(s->ui, "Not saved: %s Their version could not "
		    "be read: %s", intro, err.msg);
	fm->merge_rounds = 0;
	return NULL;
}

static void
form_sides_init(struct form_sides *x, const struct form *fm,
    const void *theirs)
{
	size_t i, n = fm->n;

	x->n = n;
	x->base = xcalloc(n + 1, sizeof *x->base);
	x->mine = xcalloc(n + 1, sizeof *x->mine);
	x->their = xcalloc(n + 1, sizeof *x->their);
	x->labels = xcalloc(n + 1, sizeof *x->labels);
	x->how = xcalloc(n + 1, sizeof *x->how);
	x->tt = xcalloc(n + 1, sizeof *x->tt);
	x->mt = xcalloc(n + 1, sizeof *x->mt);
	for (i = 0; i < n; i++) {
		const struct field_def *fd = form_fdef(fm, i);
		struct field_def theirs_fd = *fd;

		theirs_fd.choices = field_choices(fd, theirs);
		strbuf_init(&x->tt[i]);
		strbuf_init(&x->mt[i]);
		field_load(&theirs_fd, theirs, &x->tt[i]);
		form_text(fm, i, &x->mt[i]);
		x->base[i] = fm->f[i].initial;
		x->mine[i] = strbuf_str(&x->mt[i]);
		x->their[i] = strbuf_str(&x->tt[i]);
		x->labels[i] = fd->label ? fd->label : fd->id;
	}
}

static void
form_sides_fini(struct form_sides *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		strbuf_fini(&x->tt[i]);
		strbuf_fini(&x->mt[i]);
	}
	free(x->tt);
	free(x->mt);
	free(x->base);
	free(x->mine);
	free(x->their);
	free(x->labels);
	free(x->how);
}

/* The record becomes theirs; the form keeps the merged text: what only
 * they changed comes in, the fields we both changed are noted in
 * fm->merge_*.  Returns how many those are. */
static size_t
form_conflict_take(struct form *fm, void *theirs, struct form_sides *x)
{
	struct strbuf names = STRBUF_INIT;
	size_t i, k, nconf;

	nconf = fieldmerge_record(x->n, x->base, x->mine, x->their, x->how,
	    NULL);
	form_rec_fini(fm->def, fm->rec);
	memcpy(fm->rec, theirs, fm->def->rec_size);
	form_choices_refresh(fm);
	form_conflict_clear(fm);
	fm->merge_idx = xcalloc(nconf + 1, sizeof *fm->merge_idx);
	fm->merge_theirs = xcalloc(nconf + 1, sizeof *fm->merge_theirs);
	for (i = 0, k = 0; i < fm->n; i++) {
		if (x->how[i] == FIELDMERGE_THEIRS)
			form_put_text(fm, i, x->their[i]);
		if (x->how[i] == FIELDMERGE_CONFLICT) {
			fm->merge_idx[k] = i;
			fm->merge_theirs[k++] = xstrdup(x->their[i]);
		}
	}
	fm->merge_n = k;
	FREE(&fm->merge_note);
	if (fieldmerge_labels(fm->n, x->labels, x->how, FIELDMERGE_THEIRS,
	    &names) > 0)
		fm->merge_note = xasprintf("Their changes made meanwhile are "
		    "kept too: %s.", strbuf_str(&names));
	strbuf_fini(&names);
	for (i = 0; i < fm->n; i++) {
		free(fm->f[i].initial);
		fm->f[i].initial = xstrdup(x->their[i]);
	}
	return nconf;
}

/* "You both changed these": the fields noted, theirs beside mine. */
static void
form_conflict_ask(struct screen *s, const struct form_sides *x,
    const char *intro)
{
	struct form *fm = s->state;
	size_t k, nconf = fm->merge_n;
	const char **cm = xcalloc(nconf + 1, sizeof *cm);
	const char **cl = xcalloc(nconf + 1, sizeof *cl);
	struct form_merge_arg a;
	struct pd_err err;

	for (k = 0; k < nconf; k++) {
		cm[k] = x->mine[fm->merge_idx[k]];
		cl[k] = x->labels[fm->merge_idx[k]];
	}
	a.intro = intro;
	a.n = nconf;
	a.labels = cl;
	a.theirs = (const char *const *)fm->merge_theirs;
	a.mine = cm;
	if (tui_push(s->ui, &form_merge_screen, &a, FORM_TAG_MERGE,
	    &err) != PD_OK)
		tui_error(s->ui, "%s", err.msg);
	free(cm);
	free(cl);
}

bool
form_conflict(struct screen *s, const struct pd_err *why)
{
	struct form *fm = s->state;
	struct form_sides x;
	char *intro = form_conflict_why(why);
	void *theirs = form_conflict_fetch(s, intro);
	bool again = false;

	if (theirs == NULL) {
		free(intro);
		return false;
	}
	form_sides_init(&x, fm, theirs);
	if (form_conflict_take(fm, theirs, &x) == 0) {
		free(theirs);
		form_relayout(s);
		again = true;
	} else {
		free(theirs);
		form_relayout(s);
		form_conflict_ask(s, &x, intro);
	}
	form_sides_fini(&x);
	free(intro);
	return again;
}

/* The answer of form_merge_screen: theirs into the fields chosen so,
 * and true (save now); Esc keeps mine on the form, theirs shown under
 * each. */
bool
form_conflict_chosen(struct screen *s, const struct screen_result *r)
{
	struct form *fm = s->state;
	size_t k, i;
	int t;

	if (fm->merge_n == 0)
		return false;
	if (r->code == SCREEN_OK) {
		for (k = 0; k < fm->merge_n; k++)
			if (fieldmerge_choice(r->text, k, &t) && t)
				form_put_text(fm, fm->merge_idx[k],
				    fm->merge_theirs[k]);
		form_conflict_clear(fm);
		fm->merge_rounds = 0;
		return true;
	}
	for (k = fm->merge_n; k-- > 0;) {
		char *msg;

		i = fm->merge_idx[k];
		msg = xasprintf("They saved: \"%s\". Yours is here; saving "
		    "keeps what is here.", fm->merge_theirs[k][0] ?
		    fm->merge_theirs[k] : "(nothing)");
		form_set_field_error(fm, i, msg);
		free(msg);
		fm->focus = i;
	}
	tui_message(s->ui, "Not saved yet: their other changes are in; "
	    "theirs is shown under the fields you both changed");
	form_conflict_clear(fm);
	fm->merge_rounds = 0;
	form_relayout(s);
	return false;
}
