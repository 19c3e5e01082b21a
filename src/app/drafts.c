/* drafts.c - the signed-in person's kept drafts (see drafts.h). */
#include "peerdesk/app/drafts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/draftfile.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/db/draft.h"

struct draft_filter {
	const char *prefix;
	int (*cb)(void *arg, const struct draft_row *row);
	void *arg;
	/* the drafts kept in files: (form, key), which win over the
	 * database's copy (a file is only ever the newer one) */
	char **files;
	size_t nfiles;
	bool in_db;
	int stop;
};

static int
draft_filter_row(void *argv, const struct draft_row *row)
{
	struct draft_filter *f = argv;
	size_t i;

	if (strncmp(row->form, f->prefix, strlen(f->prefix)) != 0)
		return 0;
	if (f->in_db)
		for (i = 0; i + 1 < f->nfiles; i += 2)
			if (strcmp(f->files[i], row->form) == 0 &&
			    strcmp(f->files[i + 1], row->key) == 0)
				return 0;
	return f->stop = f->cb(f->arg, row);
}

static int
draft_file_key(void *argv, const struct draft_row *row)
{
	struct draft_filter *f = argv;

	f->files = xreallocarray(f->files, f->nfiles + 2, sizeof *f->files);
	f->files[f->nfiles++] = xstrdup(row->form);
	f->files[f->nfiles++] = xstrdup(row->key);
	return 0;
}

enum pd_status
app_draft_list(struct app *app, const char *prefix,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err)
{
	struct draft_filter f;
	enum pd_status s;
	size_t i;

	if (!app_actor_signed_in(app))
		return PD_OK;
	memset(&f, 0, sizeof f);
	f.prefix = prefix ? prefix : "";
	f.cb = cb;
	f.arg = arg;
	(void)draftfile_list(app_actor_login(app), draft_file_key, &f, NULL);
	f.in_db = true;
	s = db_draft_list(app->db, access_staff_id(app), draft_filter_row,
	    &f, err);
	f.in_db = false;
	if (!f.stop)
		(void)draftfile_list(app_actor_login(app), draft_filter_row, &f,
		    NULL);
	for (i = 0; i < f.nfiles; i++)
		free(f.files[i]);
	free(f.files);
	return s;
}

enum pd_status
app_draft_peek(struct app *app, const char *form, const char *key,
    char **content, char saved_at[21], struct pd_err *err)
{
	*content = NULL;
	if (!app_actor_signed_in(app))
		return pd_fail(err, PD_NOT_FOUND, NULL, "nobody is signed in");
	if (draftfile_load(app_actor_login(app), form, key, content, saved_at,
	    NULL) == PD_OK)
		return PD_OK;
	return db_draft_load(app->db, access_staff_id(app), form, key, content,
	    saved_at, err);
}

enum pd_status
app_draft_drop(struct app *app, const char *form, const char *key,
    struct pd_err *err)
{
	enum pd_status s;

	if (!app_actor_signed_in(app))
		return PD_OK;
	s = db_draft_delete(app->db, access_staff_id(app), form, key, err);
	if (draftfile_delete(app_actor_login(app), form, key,
	    s == PD_OK ? err : NULL) != PD_OK && s == PD_OK)
		s = PD_IO;
	return s;
}
