/* keys.h - key names, key events and the key map (sections of bindings).
 *
 * A key is written the same way everywhere: in data/keys.yaml, in test
 * scripts and on screen.  Names: "Enter", "Esc", "Tab", "S-Tab", "Space",
 * "Backspace", "Delete", "Insert", "Up", "Down", "Left", "Right", "Home",
 * "End", "PgUp", "PgDn", "F1".."F12", "C-a".."C-z", or one printable
 * character ("a", "?", "/", "é"); "M-" before any of them means the Alt
 * (Meta) key held down with it ("M-x").  Named keys are matched without
 * regard to case; single characters are case-sensitive.
 *
 * Terminals send most special keys as escape sequences.  keys_read()
 * reads one whole sequence, maps the usual xterm, PuTTY, rxvt, Linux
 * console, screen and tmux forms (one table, keys_from_seq) to the curses
 * key codes the key map uses, and swallows any other sequence whole:
 * never an Esc followed by letters.
 *
 * Bindings are grouped in sections ("global", "list", "form", "edit",
 * a screen's own name, ...).  A screen looks keys up along a chain of
 * sections, most specific first, ending with "global".
 */
#ifndef PEERDESK_TUI_KEYS_H
#define PEERDESK_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "peerdesk/core/status.h"
#include "peerdesk/config/keys.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/action.h"

/* A key press: fn is true for special keys (code is a curses KEY_*
 * value), false for characters (code is a Unicode code point; control
 * keys are 1-31: Tab 9, Enter 13, Esc 27). */
struct tui_key {
	bool fn;
	int32_t code;
	bool meta;	/* Alt (Meta) held: the terminal sent ESC first */
};

#define KEYS_NAME_MAX 32

/* Parse a key name into *out.  PD_INVALID (with a message naming the
 * text) for anything unknown, empty or longer than one character. */
enum pd_status keys_parse(const char *name, struct tui_key *out,
    struct pd_err *err);

/* Canonical name of k ("C-s", "PgDn", "é") into buf; returns buf. */
const char *keys_name(struct tui_key k, char buf[KEYS_NAME_MAX]);

/* Turn what wget_wch returned (rc is OK or KEY_CODE_YES) into a key,
 * folding synonyms: '\n' and KEY_ENTER become Enter, 127 and 8 become
 * Backspace; Find and Select (screen, tmux) become Home and End, the
 * shifted editing keys the plain ones, F13-F63 F1-F12, and keys the
 * terminal database names with modifiers (xterm's kHOM5) the plain key
 * (this needs curses started). */
struct tui_key keys_from_wch(int rc, uint32_t wc);

/* The key a terminal's escape sequence stands for: seq is what came
 * after ESC ("[4~", "OF", "[1;5H", "[[A").  Modifiers (Ctrl, Alt) are
 * dropped, Shift with Left and Right gives S-Left and S-Right.  False
 * for a sequence that is no key peerdesk knows (it is then ignored). */
bool keys_from_seq(const char *seq, size_t len, struct tui_key *out);

/* Where keys_read() gets input: like get_wch() with timeout(timeout_ms)
 * (-1 waits): OK with a character, KEY_CODE_YES with a curses key code,
 * or ERR when nothing came in time. */
typedef int (*keys_next_fn)(void *ctx, int timeout_ms, uint32_t *wc);

/* What the mouse did. */
enum tui_mouse {
	TUI_CLICK,		/* the left button went down */
	TUI_WHEEL_UP,
	TUI_WHEEL_DOWN
};

/* One mouse report: what, and where (screen row and column from 0). */
struct keys_mouse {
	enum tui_mouse what;
	int y, x;
};

/* A reader: next and ctx are the caller's; the rest starts zeroed and
 * holds keys read ahead (Esc pressed twice in quick succession) and the
 * last mouse report. */
struct keys_reader {
	keys_next_fn next;
	void *ctx;
	struct tui_key queued[2];
	size_t nqueued;
	bool esc_read;
	struct keys_mouse mouse;	/* after KEYS_GOT_MOUSE */
};

enum keys_got {
	KEYS_GOT_NOTHING,	/* the first read said ERR (timeout, signal) */
	KEYS_GOT_KEY,		/* *out is a key */
	KEYS_GOT_IGNORED,	/* a sequence no key stands for: read, dropped */
	KEYS_GOT_MOUSE		/* a click or the wheel: r->mouse says which */
};

/* The mouse report a terminal sent, from what came after ESC: SGR
 * (1006: "[<0;10;5M", "m" is a release), urxvt (1015: "[32;10;5M") or
 * the old X10 form ("[M" then three bytes, b, x and y, each plus 32:
 * pass all six).  True with *out filled for a left-button press or the
 * wheel; false for anything else (a release, the other buttons,
 * movement, a bad report), which is then read and dropped. */
bool keys_mouse_from_seq(const char *seq, size_t len, struct keys_mouse *out);

/* Read one key through next: the first read waits timeout_ms; after an
 * ESC each further byte must come within seq_ms or the ESC was the Esc
 * key (a sequence cut short is dropped).  CSI (ESC [ parameters,
 * intermediates, a final byte 0x40-0x7e) and SS3 (ESC O x) sequences
 * are read whole and mapped by keys_from_seq or ignored; mouse reports
 * (keys_mouse_from_seq) give KEYS_GOT_MOUSE; ESC then a character is
 * that character with Alt (meta), or Esc and it (keys_alt_on). */
enum keys_got keys_read(struct keys_reader *r, int timeout_ms,
    int seq_ms, struct tui_key *out);

/* True for a character key that types text (not a control character). */
bool keys_is_text(struct tui_key k);

/* True when a and b are the same key. */
bool keys_eq(struct tui_key a, struct tui_key b);

/* True for F1..F12 and other function keys that a phone may lack. */
bool keys_is_fkey(struct tui_key k);

/* Parse a test script of keys: literal text, with <Name> for named keys
 * ("Jo<Tab>2h<C-s>"); "<lt>" is a literal '<'.  Fills up to max keys and
 * returns how many; PD_INVALID for a bad <name>. */
enum pd_status keys_script(const char *script, struct tui_key *out,
    size_t max, size_t *n, struct pd_err *err);

/* A person's keys.yaml is read by keys_conf_load (config/keys.h) into
 * a struct keys_conf, applied with keymap_apply below. */

/* ---- key map ---------------------------------------------------------- */

struct keymap;

/* A key map holding the compiled-in defaults (the same as keys.yaml). */
struct keymap *keymap_new(void);

/* Free *km and set it to NULL. */
void keymap_free(struct keymap **km);

/* Apply user overrides: each entry replaces the keys of that action in
 * that section.  PD_CONFIG with file/line and a message for an unknown
 * action or a bad key name; nothing is changed then. */
enum pd_status keymap_apply(struct keymap *km, const struct keys_conf *kc,
    struct pd_err *err);

/* The action bound to k, searching sections in order; ACT_NONE if none. */
enum action keymap_lookup(const struct keymap *km,
    const char *const *sections, size_t nsections, struct tui_key k);

/* The keys that trigger a along this chain (keys that an earlier section
 * binds to something else are left out), in binding order.  Writes up to
 * max keys and returns how many there are in total. */
size_t keymap_keys_for(const struct keymap *km,
    const char *const *sections, size_t nsections, enum action a,
    struct tui_key *out, size_t max);

/* The actions bound in any of these sections, in action-list order and
 * without repeats.  Writes up to max and returns the total. */
size_t keymap_actions(const struct keymap *km,
    const char *const *sections, size_t nsections,
    enum action *out, size_t max);

/* Check that no section binds the same key twice and every action and
 * key is valid; PD_CONFIG naming the first clash. */
enum pd_status keymap_check(const struct keymap *km, struct pd_err *err);

/* Write the compiled-in defaults as the text of data/keys.yaml. */
void keys_defaults_yaml(struct strbuf *out);

/* Read Esc then a character close together as that character with Alt
 * (on when keys.yaml binds any M- key; tests set it).  Off, they are two
 * keys: Esc, then the character. */
void keys_alt_on(bool on);

#endif
