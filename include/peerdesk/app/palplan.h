/* palplan.h - a PAL's own Wellness and Development Plan: aspirations,
 * other commitments, how they will know they are struggling at work,
 * what they will do, what the Operations Manager can do, reasonable
 * adjustments agreed, career development.  Every save is a new version.
 *
 * Only that PAL and managers may see or change it: office staff and
 * other PALs are refused (PD_DENIED), whatever they ask for.
 */
#ifndef PEERDESK_APP_PALPLAN_H
#define PEERDESK_APP_PALPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plandoc.h"

/* A PAL and their plan's newest version, for the manager's list. */
struct pal_plan_row {
	int64_t pal_id;
	char *name;
	bool active;
	int version_no;		/* 0 = no plan yet */
	char saved_at[21];
};

/* The newest version of PAL pal_id's plan (0 = the actor's own) into
 * *out (pal_plan_fini it): version_no 0 and no text when nothing is
 * saved yet.  *pal_name (may be NULL) gets the PAL's name.  Audited as
 * "open".  PD_DENIED for anyone but that PAL and managers; PD_NOT_FOUND
 * when pal_id is not a PAL. */
enum pd_status app_pal_plan_open(struct app *app, int64_t pal_id,
    struct pal_plan *out, char **pal_name, struct pd_err *err);

/* Save p as PAL p->pal_id's next version if the newest is still
 * `expected` (0 for a first plan).  Nothing different from the newest:
 * no version is made.  *now (may be NULL) gets the newest version after.
 * PD_CONFLICT (who and when in err->msg; nothing written), PD_DENIED,
 * PD_INVALID (err->field = the field's key) for text too long. */
enum pd_status app_pal_plan_save(struct app *app, struct pal_plan *p,
    int expected, int *now, struct pd_err *err);

/* Every version of the PAL's plan (0 = the actor's), newest first, into
 * *out (pal_plan_list_free). */
enum pd_status app_pal_plan_history(struct app *app, int64_t pal_id,
    struct pal_plan **out, size_t *n, struct pd_err *err);
void pal_plan_list_free(struct pal_plan *v, size_t n);

/* Managers: every PAL, by name, with their plan's newest version. */
enum pd_status app_pal_plan_people(struct app *app,
    struct pal_plan_row **rows, size_t *n, struct pd_err *err);
void pal_plan_rows_free(struct pal_plan_row *rows, size_t n);

/* What cur changed against prev (NULL = nothing before), as text for
 * people wrapped at width (0 = none). */
void pal_plan_version_text(const struct pal_plan *prev,
    const struct pal_plan *cur, int width, struct strbuf *out);

#endif
