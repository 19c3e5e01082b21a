/* assign_ui.h - private to the PAL, shortlist, assignment and review
 * screens: small shared helpers (their pages are tui/page.h).
 */
#ifndef PEERDESK_TUI_SCREENS_ASSIGN_UI_H
#define PEERDESK_TUI_SCREENS_ASSIGN_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/tui/field.h"
#include "peerdesk/tui/screen.h"
#include "peerdesk/tui/screens.h"

/* The app the screens were given. */
struct app *assign_app(const struct screen *s);

/* Is the person at the keyboard a manager (or the system)? */
int assign_ui_manager(const struct screen *s);

/* Is the person at the keyboard a PAL? */
int assign_ui_pal(const struct screen *s);

/* People to choose from in a form's choice field (supervisors,
 * workers): the record keeps it, and the field's choices_of gives
 * .choices. */
struct assign_people {
	int64_t *ids;
	char **names;
	struct field_choice *choices;	/* value = index; ends label NULL */
	size_t n;
};

/* Add a person (name copied) as the next choice. */
void assign_people_add(struct assign_people *p, int64_t id,
    const char *name);

/* The id of choice index, or 0 when it is none of them. */
int64_t assign_people_id(const struct assign_people *p, int index);

void assign_people_fini(struct assign_people *p);

/* What a saved form about one support asks the screen below to do next
 * (the support screen reads it from the form's result). */
struct assign_next {
	bool choose_again;	/* support ended: the client chooses again */
	bool ask_status;	/* their last support ended: pause or close? */
	char ask_status_day[11];	/* ... from this day */
	struct plan_review_arg score;	/* client_id != 0: score the goals,
					 * dated with this review */
};

/* What a form of this family says, kept in its own record (which starts
 * with it): a title naming the person (set by load), and after a save a
 * sentence for the screen below (a warning such as "below the minimum
 * wage") and what that screen does next.  The form_def takes
 * ASSIGN_SAID_CALLBACKS to hand them on. */
struct assign_said {
	char title[200];
	char note[512];
	struct assign_next next;
};

void assign_said_set_title(struct assign_said *said, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void assign_said_set_note(struct assign_said *said, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* form_def.title and form_def.outcome for a record starting with a
 * struct assign_said. */
void assign_said_title(const void *rec, struct strbuf *out);
void assign_said_outcome(const void *rec, struct screen_result *out);

#define ASSIGN_SAID_CALLBACKS \
	.title = assign_said_title, \
	.outcome = assign_said_outcome

/* What the form that closed with r asks for next; NULL when it asked
 * nothing. */
const struct assign_next *assign_next_of(const struct screen_result *r);

#define ASSIGN_FORM_CALLBACKS \
	.sections = form_sections, \
	.state_size = sizeof(struct form), \
	.hints = form_hints, \
	.enter = form_enter, \
	.leave = form_leave, \
	.layout = form_layout, \
	.draw = form_draw, \
	.on_action = form_on_action, \
	.on_text = form_on_text, \
	.on_result = form_on_result, \
	.is_dirty = form_is_dirty, \
	.context = form_context, \
	.text_focus = form_text_focus, \
	.help_more = form_help_more, \
	.on_mouse = form_on_mouse

/* Screens of this family pushed from others (for the lead's menus). */
extern const struct screen_ops pal_profile_screen;
extern const struct screen_ops pal_share_screen;
extern const struct screen_ops pal_dbs_screen;
extern const struct screen_ops pal_supervision_screen;
extern const struct screen_ops pal_training_screen;
extern const struct screen_ops pal_rate_screen;
extern const struct screen_ops pal_benefit_screen;

#endif
