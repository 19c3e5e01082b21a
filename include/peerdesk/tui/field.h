/* field.h - form field definitions, and reading and writing their text.
 *
 * A form is a table of struct field_def.  Each field is edited as text;
 * these functions turn that text into a value (checking it) and back.
 * None of them use curses, so they are tested on their own.
 *
 * Where a field's value lives in the record (field_def.offset), by kind:
 *   FIELD_TEXT, FIELD_MULTILINE  char *   owned UTF-8, NULL when empty
 *   FIELD_DATE                   char[11] "YYYY-MM-DD", "" when empty
 *   FIELD_CHOICE                 int      the chosen field_choice.value,
 *                                         -1 when none
 *   FIELD_NUMBER                 int      -1 when empty
 *   FIELD_MONEY                  int64_t  pence, -1 when empty
 *   FIELD_DURATION               int      minutes, -1 when empty
 * or give get/set adapters instead of an offset.
 *
 * What people may type:
 *   date      2025-12-31, 31/12/2025, 31/12/25 (model/date.c's
 *             date_parse_typed: day first), today, yesterday, tomorrow,
 *             +3 or -1 (days from today); kept as YYYY-MM-DD
 *   money     12.71, £12.71, 1,234.50, 12
 *   duration  1:30, 90m, 1.5h, 2h, 1h30, 1h 30m (a bare number is
 *             refused: it could mean hours or minutes)
 *
 * Dates, money and durations are read and written by the model
 * (model/date.c, money.c, duration.c: one rule for forms and files);
 * forms add only the words for a day near today ("today", "+3") and
 * blanks after a sign or the pound sign ("£ 12.50").
 */
#ifndef PEERDESK_TUI_FIELD_H
#define PEERDESK_TUI_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"

enum field_kind {
	FIELD_TEXT,
	FIELD_MULTILINE,
	FIELD_DATE,
	FIELD_CHOICE,
	FIELD_NUMBER,
	FIELD_MONEY,
	FIELD_DURATION
};

/* One choice of a FIELD_CHOICE; a table ends with label NULL. */
struct field_choice {
	int value;
	const char *label;
};

struct field_def {
	const char *id;		/* matches pd_err.field from the app layer */
	const char *label;
	enum field_kind kind;
	size_t offset;		/* offsetof(struct ..., member); see above */
	bool required;
	long long min, max;	/* number, pence, minutes; 0,0 = defaults */
	size_t max_len;		/* text: most characters, 0 = 500 / 5000 */
	int width;		/* columns for the value, 0 = all there is */
	int height;		/* multi-line rows, 0 = 4 */
	const struct field_choice *choices;	/* FIELD_CHOICE */
	/* FIELD_CHOICE whose choices change (people, clients): the
	 * record's own table, ending with label NULL, filled by the
	 * form's load and living as long as rec.  Used instead of
	 * choices when set. */
	const struct field_choice *(*choices_of)(const void *rec);
	const char *help;	/* a line for the help screen, or NULL */
	/* Adapters used instead of offset when set (both together): */
	void (*get)(const void *rec, const struct field_def *f,
	    struct strbuf *out);
	enum pd_status (*set)(void *rec, const struct field_def *f,
	    const char *text, struct pd_err *err);
};

/* ---- the small parsers (through the model, see above) --------------- */

/* Parse a date as people type it (see above) relative to today
 * ("YYYY-MM-DD"; may be NULL, then only full dates work).  out gets
 * "YYYY-MM-DD".  PD_INVALID with a plain message otherwise. */
enum pd_status field_parse_date(const char *text, const char *today,
    char out[11], struct pd_err *err);

/* Parse money into pence. PD_INVALID with a message otherwise. */
enum pd_status field_parse_money(const char *text, int64_t *pence,
    struct pd_err *err);

/* The longest length of time a form field takes: a week. */
#define FIELD_DURATION_MAX (7 * 24 * 60)

/* Parse a duration into minutes with the model's rules (duration.h):
 * hours must come to whole minutes; a bare number is refused.
 * PD_INVALID with a message otherwise. */
enum pd_status field_parse_duration(const char *text, int *minutes,
    struct pd_err *err);

/* Parse a whole number (optional sign). */
enum pd_status field_parse_number(const char *text, long long *out,
    struct pd_err *err);

/* "£1,234.50"; negative amounts as "-£3.00".  Returns buf. */
const char *field_format_money(int64_t pence, char buf[32]);

/* "1h 30m", "2h", "45m", "0m".  Returns buf. */
const char *field_format_duration(int minutes, char buf[32]);

/* True when date is a real calendar date written YYYY-MM-DD. */
bool field_date_valid(const char *date);

/* Index in choices of text: an exact label (ignoring case and accents),
 * else the one label it is the start of; -1 when none or several. */
int field_choice_find(const struct field_choice *choices, const char *text);

/* Index of the choice with this value, or -1. */
int field_choice_index(const struct field_choice *choices, int value);

/* The choices of f for the record rec (choices_of, else choices). */
const struct field_choice *field_choices(const struct field_def *f,
    const void *rec);

/* Number of choices in a table. */
size_t field_choice_count(const struct field_choice *choices);

/* ---- whole fields --------------------------------------------------- */

/* Check text for f (required, format, limits).  On success append the
 * tidy form of it to canon when canon is not NULL ("90m" -> "1h 30m",
 * "today" -> the date).  On failure PD_INVALID with err->field = f->id
 * and a message meant to sit beside the field. */
enum pd_status field_check(const struct field_def *f, const char *text,
    const char *today, struct strbuf *canon, struct pd_err *err);

/* The text to show for f's value in rec. */
void field_load(const struct field_def *f, const void *rec,
    struct strbuf *out);

/* Check text and store the value in rec (replacing and freeing an old
 * string).  Errors as field_check; rec is unchanged then. */
enum pd_status field_store(const struct field_def *f, void *rec,
    const char *text, const char *today, struct pd_err *err);

/* Free the strings a record holds for these fields (TEXT/MULTILINE with
 * an offset); the table ends with id NULL. */
void field_free_strings(const struct field_def *fields, void *rec);

#endif
