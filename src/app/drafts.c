/* drafts.c - the signed-in person's kept drafts (see drafts.h). */
#include "peerdesk/app/drafts.h"

#include <string.h>

#include "peerdesk/core/xalloc.h"

struct draft_filter {
	const char *prefix;
	int (*cb)(void *arg, const struct draft_row *row);
	void *arg;
};

static int
draft_filter_row(void *argv, const struct draft_row *row)
{
	struct draft_filter *f = argv;

	if (strncmp(row->form, f->prefix, strlen(f->prefix)) != 0)
		return 0;
	return f->cb(f->arg, row);
}

enum pd_status
app_draft_list(struct app *app, const char *prefix,
    int (*cb)(void *arg, const struct draft_row *row), void *arg,
    struct pd_err *err)
{
	struct draft_filter f = { prefix ? prefix : "", cb, arg };

	if (!app_actor_signed_in(app))
		return PD_OK;
	return db_draft_list(app->db, access_staff_id(app), draft_filter_row,
	    &f, err);
}

enum pd_status
app_draft_peek(struct app *app, const char *form, const char *key,
    char **content, char saved_at[21], struct pd_err *err)
{
	*content = NULL;
	if (!app_actor_signed_in(app))
		return pd_fail(err, PD_NOT_FOUND, NULL, "nobody is signed in");
	return db_draft_load(app->db, access_staff_id(app), form, key, content,
	    saved_at, err);
}

enum pd_status
app_draft_drop(struct app *app, const char *form, const char *key,
    struct pd_err *err)
{
	if (!app_actor_signed_in(app))
		return PD_OK;
	return db_draft_delete(app->db, access_staff_id(app), form, key, err);
}
