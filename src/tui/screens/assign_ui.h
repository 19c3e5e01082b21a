/* assign_ui.h - private to the PAL, shortlist, assignment and review
 * screens: a page of lines with a selection, and small shared helpers.
 *
 * A page is built from state (in layout, when the width is known, and
 * after each reload) and only drawn in draw().  Lines with kind >= 0 can
 * be selected; Up/Down move between them, and the page scrolls to keep
 * the selection (and the lines around it) on screen.
 */
#ifndef PEERDESK_TUI_SCREENS_ASSIGN_UI_H
#define PEERDESK_TUI_SCREENS_ASSIGN_UI_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/app/app.h"
#include "peerdesk/tui/action.h"
#include "peerdesk/tui/draw.h"
#include "peerdesk/tui/field.h"
#include "peerdesk/tui/screen.h"

#define PAGE_NOT_SELECTABLE (-1)

struct page_line {
	char *text;
	enum style st;
	int kind;		/* PAGE_NOT_SELECTABLE, or the screen's own */
	int64_t id;
};

struct page {
	struct page_line *v;
	size_t n, cap;
	size_t sel;		/* selected line; n when nothing selectable */
	int top;		/* first line shown */
	int height;		/* lines shown (from the last layout) */
	int old_kind;		/* the selection before page_clear */
	int64_t old_id;
	size_t old_sel;
};

/* Forget every line (keeps the selection's kind and id for
 * page_reselect). */
void page_clear(struct page *p);
void page_fini(struct page *p);

/* Add one line (cut when drawn); returns its index. */
size_t page_add(struct page *p, int kind, int64_t id, enum style st,
    const char *text);
size_t page_addf(struct page *p, int kind, int64_t id, enum style st,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Add "label: text" word-wrapped to width columns, continuation lines
 * indented; nothing when text is NULL or empty.  The first line gets
 * kind and id. */
void page_add_wrapped(struct page *p, int kind, int64_t id, int width,
    int indent, enum style st, const char *label, const char *text);

/* Select the line with this kind and id (else the first selectable one
 * at or after where the old selection was), and scroll to it. */
void page_reselect(struct page *p, int kind, int64_t id);

/* The page now has height rows: keep the selection in view. */
void page_layout(struct page *p, int height);

/* Draw the lines in r; the selected one in ST_SELECTED. */
void page_draw(const struct page *p, struct rect r, struct tui_cursor *cur);

/* Up, Down, PgUp, PgDn, Home, End; TUI_UNHANDLED for the rest. */
enum tui_result page_action(struct page *p, enum action a);

/* The selected line, or NULL. */
const struct page_line *page_current(const struct page *p);

/* ---- shared helpers -------------------------------------------------- */

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

/* A sentence for the status line after a form closed (a warning such as
 * "below the minimum wage"); taken once.  Forms set it in save(). */
void assign_ui_note(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
const char *assign_ui_take_note(void);

/* Forms of this family: a load() may call assign_form_title() to give
 * the form a title naming the person; assign_form_enter() sets it. */
void assign_form_title(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
enum pd_status assign_form_enter(struct screen *s, const void *arg,
    struct pd_err *err);

#define ASSIGN_FORM_CALLBACKS \
	.sections = form_sections, \
	.state_size = sizeof(struct form), \
	.hints = form_hints, \
	.enter = assign_form_enter, \
	.leave = form_leave, \
	.layout = form_layout, \
	.draw = form_draw, \
	.on_action = form_on_action, \
	.on_text = form_on_text, \
	.on_result = form_on_result, \
	.is_dirty = form_is_dirty, \
	.context = form_context, \
	.text_focus = form_text_focus, \
	.help_more = form_help_more

/* Screens of this family pushed from others (for the lead's menus). */
extern const struct screen_ops pal_profile_screen;
extern const struct screen_ops pal_share_screen;
extern const struct screen_ops pal_dbs_screen;
extern const struct screen_ops pal_supervision_screen;
extern const struct screen_ops pal_training_screen;
extern const struct screen_ops pal_rate_screen;
extern const struct screen_ops pal_benefit_screen;

#endif
