/* dialog.h - small screens that ask one thing and hand back the answer.
 *
 * Each pushes a screen over the current one; when it closes, the screen
 * that pushed it gets on_result() with the tag it passed and:
 *   confirm  code SCREEN_OK for yes, SCREEN_CANCEL for no or Esc
 *   message  code SCREEN_OK
 *   prompt   code SCREEN_OK and text, or SCREEN_CANCEL
 *   pick     code SCREEN_OK and index, or SCREEN_CANCEL
 * All strings are copied; the caller's may go away at once.
 */
#ifndef PEERDESK_TUI_DIALOG_H
#define PEERDESK_TUI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/status.h"
#include "peerdesk/tui/screen.h"

/* Ask a yes/no question.  yes/no are the button words ("Discard",
 * "Keep editing"); default_yes picks which button Enter presses first. */
enum pd_status dialog_confirm(struct tui *ui, int tag, const char *title,
    const char *text, const char *yes, const char *no, bool default_yes);

/* "Leave peerdesk?": the screen manager's question (tui_config's
 * ask_leave), worded for unsaved changes and for changes kept as a
 * draft; "Leave" closes it with tag and SCREEN_OK. */
void dialog_ask_leave(struct tui *ui, int tag, bool unsaved, bool kept);

/* Tell the user something; Enter or Esc closes it. */
enum pd_status dialog_message(struct tui *ui, int tag, const char *title,
    const char *text);

/* Ask for a line of text (initial may be NULL; max_len 0 = 500). */
enum pd_status dialog_prompt(struct tui *ui, int tag, const char *title,
    const char *label, const char *initial, size_t max_len);

/* Offer n items to choose from, starting at selected; typing narrows. */
enum pd_status dialog_pick(struct tui *ui, int tag, const char *title,
    const char *const *items, size_t n, size_t selected);

/* The screens themselves (for tests and docs). */
extern const struct screen_ops dialog_confirm_screen;
extern const struct screen_ops dialog_message_screen;
extern const struct screen_ops dialog_prompt_screen;
extern const struct screen_ops dialog_pick_screen;

#endif
