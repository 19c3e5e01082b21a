/* timeform.h - a form with the PAL's week above it (private to the
 * session and timesheet-line screens).
 *
 * The form engine does the fields; above them sits the week as it would
 * be once this is saved ("This week: 13h 30m of less than 16h; ..."),
 * worked out again whenever a field that matters changes, and a plain
 * warning when saving would go over a limit or change an approved week.
 * Saving such a thing asks the manager for a reason first (kept in the
 * audit); anyone else is told that the manager must agree, and nothing
 * is saved.
 */
#ifndef PEERDESK_TUI_SCREENS_TIMEFORM_H
#define PEERDESK_TUI_SCREENS_TIMEFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "peerdesk/app/timesheets.h"
#include "peerdesk/tui/form.h"

/* Every record of a time form starts with this. */
struct timeform_head {
	int64_t pal_id;		/* whose week; 0 = the actor */
	char *reason;		/* the manager's reason, once given */
};

struct timeform_def {
	struct form_def form;	/* first: what the form engine reads */
	/* What saving the form as it stands would do: PD_OK and *p, or
	 * another status when it cannot be worked out yet. */
	enum pd_status (*preview)(struct screen *s, struct time_preview *p);
	const char *minutes_field;	/* the field for the limit warning */
};

/* A time form screen's state. */
struct timeform {
	struct form fm;		/* first: the form engine's state */
	bool have_preview;
	struct time_preview p;
	char key[256];		/* the field text the preview was made for */
	char info[TIME_SENTENCE_LEN];
	char warn[200];
	enum style info_style;
	int info_rows, warn_rows, sep;
};

enum pd_status timeform_enter(struct screen *s, const void *arg,
    struct pd_err *err);
void timeform_leave(struct screen *s);
void timeform_layout(struct screen *s);
void timeform_draw(const struct screen *s, struct tui_cursor *cur);
enum tui_result timeform_on_action(struct screen *s, enum action a);
enum tui_result timeform_on_text(struct screen *s, struct tui_key k);
void timeform_on_result(struct screen *s, const struct screen_result *r);
bool timeform_is_dirty(const struct screen *s);
const char *timeform_context(const struct screen *s);
bool timeform_text_focus(const struct screen *s);
void timeform_help_more(const struct screen *s, struct strbuf *out);

#define TIMEFORM_SCREEN_CALLBACKS \
	.sections = form_sections, \
	.state_size = sizeof(struct timeform), \
	.hints = form_hints, \
	.enter = timeform_enter, \
	.leave = timeform_leave, \
	.layout = timeform_layout, \
	.draw = timeform_draw, \
	.on_action = timeform_on_action, \
	.on_text = timeform_on_text, \
	.on_result = timeform_on_result, \
	.is_dirty = timeform_is_dirty, \
	.context = timeform_context, \
	.text_focus = timeform_text_focus, \
	.help_more = timeform_help_more, \
	.on_mouse = form_on_mouse

/* The week "now" sentence for pal_id's week holding date (a PAL's own,
 * or as the actor may see it) into out; "" when it cannot be read. */
void timeform_week_now(struct screen *s, int64_t pal_id, const char *date,
    char *out, size_t n);

/* The text of field id, tidied as the form would store it: a date
 * ("today", "-1") as YYYY-MM-DD, a duration as minutes.  False when the
 * field is empty or does not read. */
bool timeform_date(struct screen *s, const char *id, char out[11]);
bool timeform_minutes(struct screen *s, const char *id, int *minutes);

#endif
