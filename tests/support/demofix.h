/* demofix.h - the small demo organisation for screen tests: made once per
 * test program (in the parent, as an unchecked fixture), then copied for
 * each test so every test starts from the same organisation.
 *
 *   static void made(void) { demofix_make("drafts", NULL, NULL); }
 *   tcase_add_unchecked_fixture(tc, made, demofix_remove);
 *   ... in setup: demofix_open_copy(&app, "drafts.db");
 *
 * "Today" is DEMOFIX_TODAY throughout (model/today.h).
 */
#ifndef PEERDESK_TEST_DEMOFIX_H
#define PEERDESK_TEST_DEMOFIX_H

#include "peerdesk/app/app.h"

#define DEMOFIX_TODAY "2026-11-25"

/* Make the demo in a new folder named after tag, with a config.yaml of
 * config_text (NULL: just the organisation's name).  extra, when given,
 * runs on the new database as the system (to set passphrases, say).
 * Aborts if anything fails: nothing can be tested then. */
void demofix_make(const char *tag, const char *config_text,
    enum pd_status (*extra)(struct app *a, struct pd_err *err));

/* Remove the folder (unless PEERDESK_KEEP_TMP is set). */
void demofix_remove(void);

/* A path in the demo's folder (caller frees). */
char *demofix_path(const char *name);

/* Set today to DEMOFIX_TODAY. */
void demofix_today(void);

/* Open a with the demo's config.yaml on the database db. */
void demofix_open(struct app *a, const char *db, int create);

/* Copy the demo database to test_path(name), set today and open a on
 * the copy: each test's own organisation. */
void demofix_open_copy(struct app *a, const char *name);

#endif
