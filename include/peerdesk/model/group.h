/* group.h - groups and drop-ins (the walking group, the communal meal):
 * the records and their words.  Pure: no I/O. */
#ifndef PEERDESK_MODEL_GROUP_H
#define PEERDESK_MODEL_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum group_kind {
	GROUP_WALK, GROUP_MEAL, GROUP_DROP_IN, GROUP_PEER, GROUP_COURSE
};
#define GROUP_KINDS 5

/* A group: name, kind, when and where it usually meets. */
struct group {
	int64_t id;
	char *name;
	enum group_kind kind;
	int usual_day;		/* 1 Monday .. 7 Sunday; 0 = not fixed */
	char usual_time[6];	/* "HH:MM" or "" */
	char *place;		/* may be NULL */
	bool active;
	int version;
};

/* A group as lists show it, with its counts over all its meetings. */
struct group_row {
	struct group g;
	char *facilitators;	/* names, ", " between; never NULL */
	int meetings;
	int people;		/* different clients and first names */
	int attendances;	/* everyone who came, the unnamed too */
	char last[11];		/* the latest meeting, "" when none */
};

/* One meeting of a group. */
struct group_meeting {
	int64_t id;
	int64_t group_id;
	char date[11];
	char start_time[6];	/* "HH:MM" or "" */
	int minutes;
	char *notes;		/* may be NULL */
	int extra_count;	/* people who came, not named */
	int came;		/* read only: everyone who came */
	int version;
};

/* Someone who came.  client_id 0 with a name: a first name only, or a
 * client the reader may not see (a PAL sees only the first name of a
 * client who is not theirs, never the record). */
struct group_attendee {
	int64_t client_id;
	char *name;
};

/* Someone who comes to a group (a "regular"): the numbers are what a
 * register is taken with.  client_id 0 when the reader may not see the
 * record (or the person has none). */
struct group_regular {
	int no;			/* 1, 2, ... stable for the group */
	int64_t client_id;
	char *name;
	int times;		/* meetings they came to */
};

/* A person at a meeting, as the register is given: exactly one of
 * client_id (a client's record), regular (a number from the group's
 * regulars) or first_name. */
struct group_came {
	int64_t client_id;
	int regular;
	const char *first_name;
};

void group_fini(struct group *g);
void group_row_fini(struct group_row *r);
void group_rows_free(struct group_row *v, size_t n);
void group_meeting_fini(struct group_meeting *m);
void group_attendees_free(struct group_attendee *v, size_t n);
void group_regulars_free(struct group_regular *v, size_t n);

/* "walk", "meal", "drop_in", "peer_group", "course"; NULL when out of
 * range. */
const char *group_kind_str(enum group_kind k);
/* The words: "walk", "meal", "drop-in", "peer group", "course". */
const char *group_kind_label(enum group_kind k);
/* Either form ("drop-in", "drop_in", "peer group"); 0 on success. */
int group_kind_from_str(const char *s, enum group_kind *out);

/* "Monday" .. "Sunday" for 1..7; "" otherwise. */
const char *group_day_label(int day);
/* "monday"/"mon"/"Thursday"/"thu" ... or "1".."7" -> 1..7; 0 when not
 * a day. */
int group_day_from_str(const char *s);

/* The first name to show for a full name: the preferred name when there
 * is one, else the first word of name.  Copied into buf (n bytes). */
void group_first_name(const char *name, const char *preferred, char *buf,
    size_t n);

#endif
