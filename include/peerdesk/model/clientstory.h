/* clientstory.h - a client's story: the reasons a client is closed, one
 * dated change of status, and which changes make sense (pure rules).
 *
 * A client is referred, then at intake, active (a PAL supports them),
 * paused, and at last closed with a reason.  A closed client is only
 * ever reopened, which starts a new episode at "referred"; the earlier
 * history is kept.  docs/model-rules.md says the same in words.
 */
#ifndef PEERDESK_MODEL_CLIENTSTORY_H
#define PEERDESK_MODEL_CLIENTSTORY_H

#include <stdint.h>

#include "peerdesk/model/client.h"

enum closed_reason {
	CLOSED_NONE = -1, CLOSED_SUPPORT_ENDED, CLOSED_MOVED_AWAY,
	CLOSED_DECLINED, CLOSED_NOT_REACHED, CLOSED_DIED, CLOSED_OTHER,
	CLOSED_MERGED
};
#define CLOSED_REASONS 7	/* CLOSED_MERGED is never chosen by hand */

/* As stored ("support_ended", ...; NULL for CLOSED_NONE). */
const char *closed_reason_str(enum closed_reason r);
/* The stored name, or the same with '-' for '_' ("moved-away"):
 * 0 and *out, or -1. */
int closed_reason_from_str(const char *s, enum closed_reason *out);
/* Words: "support ended", "moved away", "declined", "could not be
 * reached", "died", "other", "merged into another record". */
const char *closed_reason_label(enum closed_reason r);

/* One dated line of a client's status history. */
struct status_change {
	int64_t id;
	int64_t client_id;
	int episode;
	enum client_status status;
	char on_date[11];
	enum closed_reason reason;	/* CLOSED_NONE unless closed */
	char *note;			/* NULL when none */
	char created_at[21];
	char *by_name;			/* who made it; NULL = the system */
};

void status_change_fini(struct status_change *c);

/* NULL when a client at `from` may be moved to `to` by hand (client
 * status), else the words that say why not.  Closed is left only by
 * reopening; "referred" is only where a client (or an episode) starts. */
const char *client_status_refusal(enum client_status from,
    enum client_status to);

#endif
