/* status_ui.h - the dialogs of a client's story in the screens: change
 * status (with the reason and the day), reopen, ask what becomes of the
 * client when their last support ends, merge another record into this
 * one (managers).  One story at a time: the state is kept here between
 * the dialogs.  The calling screen passes its results on to
 * status_ui_result() first. */
#ifndef PEERDESK_TUI_SCREENS_STATUS_UI_H
#define PEERDESK_TUI_SCREENS_STATUS_UI_H

#include <stdint.h>

#include "peerdesk/model/client.h"
#include "peerdesk/model/clientstory.h"
#include "peerdesk/model/date.h"
#include "peerdesk/tui/screen.h"

/* What the dialogs have asked so far, kept in the state of the screen
 * that opened them (its on_result passes it back to status_ui_result),
 * so each open record has its own. */
struct status_ui {
	int64_t id, other;
	char name[128];
	enum client_status to;
	enum closed_reason reason;
	char day[11];		/* YYYY-MM-DD, as the app takes it */
	char day_shown[DATE_LONG_LEN];	/* "Wed 25 Nov 2026" */
	int end_support;
	char pals[200];
	enum client_status offered[4];	/* the statuses in the list */
};

/* Tags status_ui uses: STATUS_UI_TAG .. STATUS_UI_TAG + 9. */
#define STATUS_UI_TAG 700

/* From the record: change the status (a closed client: reopen). */
void status_ui_change(struct screen *s, struct status_ui *su,
    int64_t client_id);

/* After "End this support" ended the client's last one on `day`: ask
 * whether to pause them, close them (and why) or leave them active. */
void status_ui_after_end(struct screen *s, struct status_ui *su,
    int64_t client_id, const char *day);

/* From the record (managers): merge another record into this one. */
void status_ui_merge(struct screen *s, struct status_ui *su,
    int64_t keep_id);

/* 0: not one of ours; 1: handled; 2: handled and the client changed
 * (reload what is shown). */
int status_ui_result(struct screen *s, struct status_ui *su,
    const struct screen_result *r);

#endif
