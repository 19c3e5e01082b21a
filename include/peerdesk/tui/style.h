/* style.h - what things look like, by meaning, in colour and without.
 *
 * Each style has a monochrome attribute (bold, reverse, underline) and a
 * colour pair with an extra attribute.  Colour only repeats meaning that
 * the text or the monochrome attribute already carries; with NO_COLOR
 * set or a terminal without colours, the monochrome column is used.
 * Screens call style_attr()/style_set() and never touch COLOR_PAIR.
 */
#ifndef PEERDESK_TUI_STYLE_H
#define PEERDESK_TUI_STYLE_H

#include <stdbool.h>

/* X(ID, "name", mono attribute, fg, bg, colour attribute); colours are
 * curses COLOR_* numbers, -1 = the terminal's default. */
#define STYLE_LIST(X) \
	X(NORMAL,   "normal",   A_NORMAL,    -1,            -1,          A_NORMAL) \
	X(TITLE,    "title",    A_BOLD,      COLOR_CYAN,    -1,          A_BOLD) \
	X(STATUS,   "status",   A_NORMAL,    -1,            -1,          A_NORMAL) \
	X(KEY,      "key",      A_REVERSE,   COLOR_BLACK,   COLOR_CYAN,  A_NORMAL) \
	X(MESSAGE,  "message",  A_BOLD,      COLOR_GREEN,   -1,          A_BOLD) \
	X(SELECTED, "selected", A_REVERSE,   COLOR_BLACK,   COLOR_CYAN,  A_NORMAL) \
	X(HEADER,   "header",   A_UNDERLINE, COLOR_YELLOW,  -1,          A_BOLD) \
	X(LABEL,    "label",    A_NORMAL,    -1,            -1,          A_NORMAL) \
	X(FIELD,    "field",    A_UNDERLINE, -1,            COLOR_BLUE,  A_NORMAL) \
	X(FOCUS,    "focus",    A_REVERSE,   COLOR_BLACK,   COLOR_WHITE, A_NORMAL) \
	X(BUTTON,   "button",   A_BOLD,      COLOR_WHITE,   COLOR_BLUE,  A_BOLD) \
	X(ERROR,    "error",    A_BOLD,      COLOR_RED,     -1,          A_BOLD) \
	X(WARN,     "warn",     A_BOLD,      COLOR_YELLOW,  -1,          A_BOLD) \
	X(DUE,      "due",      A_BOLD,      COLOR_MAGENTA, -1,          A_BOLD) \
	X(DIM,      "dim",      A_DIM,       COLOR_CYAN,    -1,          A_NORMAL) \
	X(DIALOG,   "dialog",   A_NORMAL,    -1,            -1,          A_NORMAL) \
	X(BORDER,   "border",   A_NORMAL,    COLOR_CYAN,    -1,          A_NORMAL)

enum style {
#define STYLE_ENUM(id, name, mono, fg, bg, attr) ST_##id,
	STYLE_LIST(STYLE_ENUM)
#undef STYLE_ENUM
	ST_COUNT
};

/* Decide colour or monochrome for the current curses screen (colour when
 * has_colors() and want_colour) and set up the colour pairs.  Call after
 * newterm. */
void style_init(bool want_colour);

/* True when colours are in use. */
bool style_colour(void);

/* The curses attributes (including any colour pair) for s. */
int style_attr(enum style s);

/* attrset(style_attr(s)) on stdscr. */
void style_set(enum style s);

/* keys.yaml-style name of s ("selected"); "" when out of range. */
const char *style_name(enum style s);

#endif
