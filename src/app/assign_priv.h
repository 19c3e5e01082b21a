/* assign_priv.h - shared by pals.c, choose.c, assignments.c and
 * reminders.c (private to app/; defined in assignments.c). */
#ifndef PEERDESK_APP_ASSIGN_PRIV_H
#define PEERDESK_APP_ASSIGN_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/app/pals.h"

/* The PAL id a signed-in PAL is limited to, else 0 (everyone). */
int64_t assign_scope(const struct app *app);

/* Is the actor a manager (or the system)? */
bool assign_is_manager(const struct app *app);

/* "" or NULL -> today; else the date must parse.  Writes out. */
enum pd_status assign_date_or_today(const char *in, char out[11],
    const char *field, const char *what, struct pd_err *err);

/* How many clients worker_id supports now (active assignments). */
enum pd_status assign_caseload(struct app *app, int64_t worker_id, int *n,
    struct pd_err *err);

/* The week of pal_id holding date (no permission check). */
enum pd_status assign_pal_week(struct app *app, int64_t pal_id,
    const char *date, struct pal_week *out, struct pd_err *err);

struct assignment_start;
struct assignment;
struct shortlist_entry;

/* app_assignment_start inside the caller's transaction (no audit of
 * its own beyond the assignment row's). */
enum pd_status assign_start_tx(struct app *app,
    const struct assignment_start *in, int64_t *id, struct pd_err *err);

/* Deep copies (the copy is the caller's to fini). */
void assign_copy(struct assignment *dst, const struct assignment *src);
void assign_copy_entry(struct shortlist_entry *dst,
    const struct shortlist_entry *src);

#endif
