/* appfix.h - a struct app over a fresh test database (tier-2 tests).
 * Fails the running test on any error. */
#ifndef PEERDESK_TESTS_APPFIX_H
#define PEERDESK_TESTS_APPFIX_H

#include "peerdesk/app/app.h"
#include "peerdesk/model/people.h"

/* Defaults for settings, the built-in rules, dbfix_open(); acting as
 * the system (root-like) until appfix_act_as. app_close() frees it. */
void appfix_open(struct app *app);

/* Act as staff member id with role (as if signed in). */
void appfix_act_as(struct app *app, int64_t id, enum role role,
    const char *login);

#endif
