/* group_priv.h - shared by groups.c, group_meeting.c and group_register.c
 * (private to app/). */
#ifndef PEERDESK_APP_GROUP_PRIV_H
#define PEERDESK_APP_GROUP_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/groups.h"
#include "peerdesk/app/app.h"

struct staff;

/* The longest first name a register keeps for someone not a client. */
#define FIRST_NAME_MAX 40

/* A PAL sees only the groups they facilitate; the same words whether
 * the group is missing or not theirs. */
enum pd_status groups_may_see(struct app *app, int64_t id,
    struct pd_err *err);

/* staff_id is an active PAL or member of staff; *out (may be NULL) gets
 * the record. */
enum pd_status groups_staff_ok(struct app *app, int64_t staff_id,
    struct staff *out, struct pd_err *err);

/* One person in the register as a client id or a first name (into
 * *client or first[], one of them). */
enum pd_status groups_came_resolve(struct app *app,
    const struct group_came *c, const struct group_regular *regs,
    size_t nregs, int64_t *client, char first[FIRST_NAME_MAX + 1],
    struct pd_err *err);

/* The stored meeting id, when the actor may change it. */
enum pd_status groups_meeting_own(struct app *app, int64_t id,
    struct group_meeting *old, struct pd_err *err);

#endif
