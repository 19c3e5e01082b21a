/* draft.h - one saved draft of half-written form text, as the lists
 * of kept drafts show it (db/draft.h stores them). */
#ifndef PEERDESK_MODEL_DRAFT_H
#define PEERDESK_MODEL_DRAFT_H

/* One saved draft, for db_draft_list: valid only during the call. */
struct draft_row {
	const char *form;	/* form id, e.g. "session" */
	const char *key;	/* which record ("" for a new one) */
	const char *content;
	char saved_at[21];	/* UTC moment */
};

#endif
