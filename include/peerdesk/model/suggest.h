/* suggest.h - which PALs to suggest to a client, and why, in words.
 *
 * Pure ranking: the caller gathers, for each candidate PAL, what the PAL
 * shares on their profile and how much room they have (clients against
 * their limit, time and pay left this week under their benefit rule),
 * and what the client asked for (free text preferences such as "a male
 * PAL" or "someone who speaks Polish", interests, skills they want to
 * learn).  Each PAL gets a score and a short list of reasons people can
 * read ("shares: walking, music", "has 4 of 5 clients").  A PAL with no
 * room (a full caseload, or no time or pay left this week) always ranks
 * below every PAL with room.  Matching is by whole words, ignoring case
 * (ASCII) and simple endings: "walks", "walking" and "walk" match.
 * docs/model-rules.md has the points.
 */
#ifndef PEERDESK_MODEL_SUGGEST_H
#define PEERDESK_MODEL_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SUGGEST_REASONS_MAX 8
#define SUGGEST_REASON_LEN 112
#define SUGGEST_LITTLE_ROOM_MINUTES 120	/* less than this: "little room" */

/* What the client asked for.  Strings are borrowed; NULL = not said.
 * Lists are separated by commas, semicolons, slashes, new lines or the
 * word "and". */
struct suggest_client {
	const char *preferences;	/* free text: "a male PAL", ... */
	const char *interests;
	const char *skills_wanted;
};

/* One candidate PAL.  Strings are borrowed; NULL = not shared. */
struct suggest_pal {
	int64_t pal_id;
	const char *name;
	const char *gender;		/* as the PAL describes themselves */
	const char *interests, *activities, *likes;
	const char *skills, *work_experience, *my_story;
	const char *languages;
	int caseload;			/* clients they support now */
	int max_clients;		/* -1 = no limit set */
	bool has_limit;			/* a benefit limit applies this week */
	int minutes_left;		/* -1 = no hours limit */
	int64_t pence_left;		/* -1 = no pay limit */
	int64_t rate_pence;		/* hourly rate now; <= 0 unknown */
	int week_minutes;		/* worked so far this week */
	char changed_from_on[11];	/* the client changed from this PAL
					 * on this date; "" = never */
};

struct suggest_reason {
	bool good;			/* for, else against */
	char text[SUGGEST_REASON_LEN];
};

struct suggestion {
	size_t index;			/* into the candidates given */
	int64_t pal_id;
	int score;
	bool has_room;			/* 0: full caseload or no room */
	int room_minutes;		/* time they could still give this
					 * week; -1 = no limit known */
	struct suggest_reason reasons[SUGGEST_REASONS_MAX];
	int nreasons;
};

/* Score every one of the n pals for client c and write them to out[]
 * (n entries), best first: PALs with room before those without, then by
 * score, then fewer clients, then name.  Cannot fail. */
void suggest_rank(const struct suggest_client *c,
    const struct suggest_pal *pals, size_t n, struct suggestion *out);

/* The reasons of s joined with "; " (those against start "but "), cut
 * to fit n bytes at a character boundary.  Returns buf. */
char *suggest_reasons_text(const struct suggestion *s, char *buf, size_t n);

/* The gender a preference text asks for: "male", "female" or NULL
 * ("a male PAL", "a man", "a woman", "female PAL please"). */
const char *suggest_wanted_gender(const char *preferences);

/* True when the word lists a and b share an item (e.g. "walking" and
 * "walks, music"), writing the shared items of a, ", "-joined, into buf. */
bool suggest_shared(const char *a, const char *b, char *buf, size_t n);

#endif
