/* tui_editor.h - editing a text in an editor, outside curses. */
#ifndef PEERDESK_TUI_TUI_EDITOR_H
#define PEERDESK_TUI_TUI_EDITOR_H

#include "peerdesk/core/strbuf.h"

/* run_editor may answer these besides an editor's exit status. */
#define TUI_EDITOR_OFF (-2)	/* no editor may run here (settings) */
#define TUI_EDITOR_MISSING (-3)	/* no restricted editor installed */

/* Edit text in an editor: a new folder of its own (mode 0700, in
 * $TMPDIR or /tmp) holding a copy (note.txt, 0600, text with a final
 * newline), run(path, ctx) on it, then the copy read back into *out
 * through the folder made, never through a link, and only if it is
 * still a regular file of the person's own with one name, at most 4 MB;
 * the folder and all in it are removed.  Returns run's answer (0 =
 * *out holds the new text), or -1 when the copy cannot be made or read
 * back (*out empty). */
int tui_edit_text(int (*run)(const char *path, void *ctx), void *ctx,
    const char *text, struct strbuf *out);

/* The person's own editor on path: $VISUAL, else $EDITOR, else vi,
 * through /bin/sh so "code -w" works, without the setgid group (dropped
 * in the child before exec).  Returns the editor's exit status, 126 if
 * the group could not be dropped, or -1. */
int tui_editor_default(const char *path, void *ctx);

/* The restricted editor on path, for PALs and anyone over SSH: GNU nano
 * as `rnano --restricted --ignorercfiles -- path`, which can open no
 * other file, save under no other name, run no command and not be
 * suspended; never $VISUAL or $EDITOR; an environment of PATH, TERM and
 * the locale only; without the setgid group.  The editor's exit status,
 * TUI_EDITOR_MISSING when it is not installed, 126, or -1. */
#define TUI_RESTRICTED_EDITOR "/usr/bin/nano"
extern const char *tui_restricted_editor;	/* tests may point it
						 * elsewhere */
int tui_editor_restricted(const char *path, void *ctx);

#endif
