/* keys_read.c - reading keys from the terminal: escape sequences read
 * whole (CSI to its final byte, SS3), one table of the forms terminals
 * send, mouse reports (see keys.h and docs/ARCHITECTURE.md). */
#include "peerdesk/tui/keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* ---- escape sequences -------------------------------------------------- */

/* Curses codes that stand for a key peerdesk already knows by another
 * name: VT220 Find and Select are Home and End (screen, tmux), the
 * shifted keys are the plain ones, F13 and on are F1-F12 with Shift or
 * Ctrl (xterm), the keypad corners are Home, PgUp, End and PgDn. */
static int32_t
keys_fold_code(int32_t code)
{
	static const struct {
		const char *cap;
		int32_t code;
	} ext[] = {
		{ "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT },
		{ "kRIT", KEY_RIGHT }, { "kHOM", KEY_HOME }, { "kEND", KEY_END },
		{ "kDC", KEY_DC }, { "kIC", KEY_IC }, { "kNXT", KEY_NPAGE },
		{ "kPRV", KEY_PPAGE }, { "kcbt", KEY_BTAB },
	};
	const char *name;
	size_t i, n;

	switch (code) {
	case KEY_FIND: case KEY_BEG: case KEY_SHOME: case KEY_A1:
		return KEY_HOME;
	case KEY_SELECT: case KEY_SEND: case KEY_C1:
		return KEY_END;
	case KEY_SDC:
		return KEY_DC;
	case KEY_SIC:
		return KEY_IC;
	case KEY_SNEXT: case KEY_C3:
		return KEY_NPAGE;
	case KEY_SPREVIOUS: case KEY_A3:
		return KEY_PPAGE;
	case KEY_SR:
		return KEY_UP;
	case KEY_SF:
		return KEY_DOWN;
	default:
		break;
	}
	if (code >= KEY_F(13) && code <= KEY_F(63))
		return KEY_F((code - KEY_F0 - 1) % 12 + 1);
	/* Keys with modifiers that the terminal database names (xterm's
	 * kHOM5 is Ctrl-Home): the key without them. */
	if (code > KEY_MAX && (name = keyname(code)) != NULL) {
		for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			n = strlen(ext[i].cap);
			if (strncmp(name, ext[i].cap, n) == 0 &&
			    strspn(name + n, "0123456789") == strlen(name + n))
				return ext[i].code;
		}
	}
	return code;
}

/* The one table of escape sequences (what follows ESC) that terminals
 * send for keys: xterm and PuTTY in both cursor modes, rxvt, the Linux
 * console, screen and tmux.  Modifier parameters are taken off first
 * ("[1;5H" is looked up as "[H", "[3;2~" as "[3~"). */
static const struct {
	const char *seq;
	bool fn;
	int32_t code;
} keys_seqs[] = {
	{ "[A", true, KEY_UP }, { "[B", true, KEY_DOWN },
	{ "[C", true, KEY_RIGHT }, { "[D", true, KEY_LEFT },
	{ "OA", true, KEY_UP }, { "OB", true, KEY_DOWN },
	{ "OC", true, KEY_RIGHT }, { "OD", true, KEY_LEFT },
	/* rxvt: Shift with the arrows, then Ctrl */
	{ "[a", true, KEY_UP }, { "[b", true, KEY_DOWN },
	{ "[c", true, KEY_SRIGHT }, { "[d", true, KEY_SLEFT },
	{ "Oa", true, KEY_UP }, { "Ob", true, KEY_DOWN },
	{ "Oc", true, KEY_RIGHT }, { "Od", true, KEY_LEFT },
	/* Home and End: xterm, PuTTY and the Linux console, rxvt */
	{ "[H", true, KEY_HOME }, { "OH", true, KEY_HOME },
	{ "[1~", true, KEY_HOME }, { "[7~", true, KEY_HOME },
	{ "[F", true, KEY_END }, { "OF", true, KEY_END },
	{ "[4~", true, KEY_END }, { "[8~", true, KEY_END },
	{ "[2~", true, KEY_IC }, { "[3~", true, KEY_DC },
	{ "[5~", true, KEY_PPAGE }, { "[6~", true, KEY_NPAGE },
	/* F1-F4: xterm (SS3, and CSI when a modifier is held) */
	{ "OP", true, KEY_F(1) }, { "OQ", true, KEY_F(2) },
	{ "OR", true, KEY_F(3) }, { "OS", true, KEY_F(4) },
	{ "[P", true, KEY_F(1) }, { "[Q", true, KEY_F(2) },
	{ "[R", true, KEY_F(3) }, { "[S", true, KEY_F(4) },
	/* F1-F5: the Linux console */
	{ "[[A", true, KEY_F(1) }, { "[[B", true, KEY_F(2) },
	{ "[[C", true, KEY_F(3) }, { "[[D", true, KEY_F(4) },
	{ "[[E", true, KEY_F(5) },
	/* F1-F12: VT220, PuTTY, rxvt */
	{ "[11~", true, KEY_F(1) }, { "[12~", true, KEY_F(2) },
	{ "[13~", true, KEY_F(3) }, { "[14~", true, KEY_F(4) },
	{ "[15~", true, KEY_F(5) }, { "[17~", true, KEY_F(6) },
	{ "[18~", true, KEY_F(7) }, { "[19~", true, KEY_F(8) },
	{ "[20~", true, KEY_F(9) }, { "[21~", true, KEY_F(10) },
	{ "[23~", true, KEY_F(11) }, { "[24~", true, KEY_F(12) },
	{ "[Z", true, KEY_BTAB },
	/* the number pad in application mode */
	{ "OM", false, '\r' }, { "Oj", false, '*' }, { "Ok", false, '+' },
	{ "Ol", false, ',' }, { "Om", false, '-' }, { "On", false, '.' },
	{ "Oo", false, '/' }, { "OX", false, '=' }, { "Op", false, '0' },
	{ "Oq", false, '1' }, { "Or", false, '2' }, { "Os", false, '3' },
	{ "Ot", false, '4' }, { "Ou", false, '5' }, { "Ov", false, '6' },
	{ "Ow", false, '7' }, { "Ox", false, '8' }, { "Oy", false, '9' },
};

#define KEYS_SEQ_MAX 32

static bool
keys_seq_lookup(const char *norm, struct tui_key *out)
{
	size_t i;

	for (i = 0; i < sizeof keys_seqs / sizeof keys_seqs[0]; i++) {
		if (strcmp(keys_seqs[i].seq, norm) == 0) {
			out->fn = keys_seqs[i].fn;
			out->code = keys_seqs[i].code;
			out->meta = false;
			return true;
		}
	}
	return false;
}

bool
keys_from_seq(const char *seq, size_t len, struct tui_key *out)
{
	char norm[KEYS_SEQ_MAX];
	long p1 = -1, mod = 1;
	size_t i;
	char final;
	bool shift;

	if (len < 2 || len >= KEYS_SEQ_MAX)
		return false;
	if (seq[0] == 'O') {
		/* SS3; old xterms put a modifier digit before the letter */
		for (i = 1; i < len - 1; i++)
			if (seq[i] < '0' || seq[i] > '9')
				return false;
		snprintf(norm, sizeof norm, "O%c", seq[len - 1]);
		return keys_seq_lookup(norm, out);
	}
	if (seq[0] != '[')
		return false;
	if (seq[1] == '[') {
		if (len != 3)
			return false;
		memcpy(norm, seq, 3);
		norm[3] = '\0';
		return keys_seq_lookup(norm, out);
	}
	/* CSI: digits and ';' only (private markers, intermediates: no key) */
	final = seq[len - 1];
	i = 1;
	if (i < len - 1 && seq[i] >= '0' && seq[i] <= '9') {
		p1 = 0;
		while (i < len - 1 && seq[i] >= '0' && seq[i] <= '9' &&
		    p1 < 1000)
			p1 = p1 * 10 + (seq[i++] - '0');
	}
	if (i < len - 1 && seq[i] == ';') {
		i++;
		mod = 0;
		while (i < len - 1 && seq[i] >= '0' && seq[i] <= '9' &&
		    mod < 1000)
			mod = mod * 10 + (seq[i++] - '0');
	}
	if (i != len - 1)
		return false;
	/* rxvt: $ is Shift, ^ is Ctrl, @ is both, in place of ~ */
	shift = mod == 2 || mod == 10;
	if ((final == '$' || final == '@') && p1 >= 0) {
		shift = true;
		final = '~';
	} else if (final == '^' && p1 >= 0) {
		final = '~';
	}
	if (final == '~') {
		if (p1 < 0)
			return false;
		snprintf(norm, sizeof norm, "[%ld~", p1);
	} else {
		if (p1 > 1)
			return false;
		snprintf(norm, sizeof norm, "[%c", final);
	}
	if (!keys_seq_lookup(norm, out))
		return false;
	if (shift && out->code == KEY_LEFT)
		out->code = KEY_SLEFT;
	else if (shift && out->code == KEY_RIGHT)
		out->code = KEY_SRIGHT;
	return true;
}

/* The button byte of a report (less 32 for X10 and urxvt): the low two
 * bits are the button (3: released), 4, 8 and 16 are Shift, Alt and
 * Ctrl, 32 is movement, 64 the wheel (64 up, 65 down). */
static bool
keys_mouse_button(long b, long x, long y, bool release,
    struct keys_mouse *out)
{
	if (b < 0 || x < 1 || y < 1 || x > 10000 || y > 10000 || release ||
	    (b & 32) != 0)
		return false;
	out->x = (int)x - 1;
	out->y = (int)y - 1;
	if ((b & 64) != 0) {
		if ((b & 3) > 1)
			return false;	/* sideways */
		out->what = (b & 3) == 0 ? TUI_WHEEL_UP : TUI_WHEEL_DOWN;
		return true;
	}
	if ((b & 3) != 0 || (b & ~(long)(4 | 8 | 16)) != 0)
		return false;
	out->what = TUI_CLICK;
	return true;
}

/* Up to three numbers separated by ';' in seq[from, len - 1), the
 * final byte at seq[len - 1].  How many, or -1 when anything else is
 * there. */
static int
keys_mouse_numbers(const char *seq, size_t from, size_t len, long v[3])
{
	size_t i = from;
	int n = 0;

	while (i < len - 1) {
		if (n == 3 || seq[i] < '0' || seq[i] > '9')
			return -1;
		v[n] = 0;
		while (i < len - 1 && seq[i] >= '0' && seq[i] <= '9') {
			if (v[n] < 100000)
				v[n] = v[n] * 10 + (seq[i] - '0');
			i++;
		}
		n++;
		if (i < len - 1 && seq[i++] != ';')
			return -1;
	}
	return n;
}

bool
keys_mouse_from_seq(const char *seq, size_t len, struct keys_mouse *out)
{
	long v[3];
	char final;

	if (len < 2 || seq[0] != '[')
		return false;
	if (seq[1] == 'M') {
		/* X10: ESC [ M b x y, each byte 32 more than the value */
		if (len != 5)
			return false;
		return keys_mouse_button((unsigned char)seq[2] - 32,
		    (unsigned char)seq[3] - 32, (unsigned char)seq[4] - 32,
		    ((unsigned char)seq[2] & 3) == 3 &&
		    ((unsigned char)seq[2] & 64) == 0, out);
	}
	final = seq[len - 1];
	if (seq[1] == '<') {
		/* SGR: ESC [ < b ; x ; y M (pressed) or m (released) */
		if ((final != 'M' && final != 'm') ||
		    keys_mouse_numbers(seq, 2, len, v) != 3)
			return false;
		return keys_mouse_button(v[0], v[1], v[2], final == 'm', out);
	}
	/* urxvt: ESC [ b ; x ; y M, b 32 more than the value */
	if (final != 'M' || keys_mouse_numbers(seq, 1, len, v) != 3 ||
	    v[0] < 32)
		return false;
	return keys_mouse_button(v[0] - 32, v[1], v[2],
	    ((v[0] - 32) & 3) == 3 && ((v[0] - 32) & 64) == 0, out);
}

static struct tui_key
keys_esc(void)
{
	struct tui_key k = { false, 27, false };

	return k;
}

static void
keys_queue(struct keys_reader *r, struct tui_key k)
{
	if (r->nqueued < sizeof r->queued / sizeof r->queued[0])
		r->queued[r->nqueued++] = k;
}

/* After ESC "[": read to the final byte.  Every byte must come within
 * seq_ms; a sequence cut short, or broken by a byte that cannot be in
 * one, is dropped whole. */
static enum keys_got
keys_read_csi(struct keys_reader *r, int seq_ms, struct tui_key *out)
{
	char seq[KEYS_SEQ_MAX];
	size_t n = 0, total = 0;
	uint32_t wc;
	int rc, i;

	seq[n++] = '[';
	for (;;) {
		rc = r->next(r->ctx, seq_ms, &wc);
		if (rc != OK || wc < 0x20 || wc > 0x7e)
			return KEYS_GOT_IGNORED;
		if (n < sizeof seq - 1)
			seq[n++] = (char)wc;
		total++;
		if (total == 1 && wc == '[') {
			/* the Linux console: ESC [ [ A is F1 */
			rc = r->next(r->ctx, seq_ms, &wc);
			if (rc != OK || wc < 0x20 || wc > 0x7e)
				return KEYS_GOT_IGNORED;
			seq[n++] = (char)wc;
			break;
		}
		if (total == 1 && wc == 'M') {
			/* an X10 mouse report: three more bytes, any values
			 * (above 127 when the terminal is wider than 95) */
			for (i = 0; i < 3; i++) {
				if (r->next(r->ctx, seq_ms, &wc) != OK ||
				    wc > 0xff)
					return KEYS_GOT_IGNORED;
				seq[n++] = (char)wc;
			}
			seq[n] = '\0';
			return keys_mouse_from_seq(seq, n, &r->mouse) ?
			    KEYS_GOT_MOUSE : KEYS_GOT_IGNORED;
		}
		if (wc >= 0x40)
			break;		/* the final byte */
		/* rxvt's Shift form (ESC [ 2 $) ends with $ */
		if (wc == '$' && total > 1 && seq[n - 2] >= '0' &&
		    seq[n - 2] <= '9')
			break;
		if (total > 256)
			return KEYS_GOT_IGNORED;
	}
	seq[n] = '\0';
	if (n >= sizeof seq - 1)
		return KEYS_GOT_IGNORED;
	if (keys_mouse_from_seq(seq, n, &r->mouse))
		return KEYS_GOT_MOUSE;
	if (!keys_from_seq(seq, n, out))
		return KEYS_GOT_IGNORED;
	return KEYS_GOT_KEY;
}

/* Whether Esc and then a character, close together, is that character
 * with Alt.  Only when some key is bound to Alt (M-x in keys.yaml):
 * otherwise Esc then c typed on a phone over a slow link, arriving in
 * one packet, must stay Esc and c, never become M-c. */
static bool keys_alt_wanted;

void
keys_alt_on(bool on)
{
	keys_alt_wanted = on;
}

/* After ESC "O": one more byte, after any modifier digits. */
static enum keys_got
keys_read_ss3(struct keys_reader *r, int seq_ms, struct tui_key *out)
{
	char seq[KEYS_SEQ_MAX];
	size_t n = 0;
	uint32_t wc;
	int rc;

	seq[n++] = 'O';
	do {
		rc = r->next(r->ctx, seq_ms, &wc);
		if (rc == ERR && n == 1) {
			/* nothing more: Alt and O, or Esc then O */
			if (!keys_alt_wanted) {
				*out = keys_esc();
				keys_queue(r, keys_from_wch(OK, 'O'));
				return KEYS_GOT_KEY;
			}
			out->fn = false;
			out->code = 'O';
			out->meta = true;
			return KEYS_GOT_KEY;
		}
		if (rc != OK || wc < 0x20 || wc > 0x7e)
			return KEYS_GOT_IGNORED;
		seq[n++] = (char)wc;
	} while (wc >= '0' && wc <= '9' && n < sizeof seq - 1);
	seq[n] = '\0';
	if (!keys_from_seq(seq, n, out))
		return KEYS_GOT_IGNORED;
	return KEYS_GOT_KEY;
}

/* One ESC has been read. */
static enum keys_got
keys_read_escape(struct keys_reader *r, int seq_ms, struct tui_key *out)
{
	uint32_t wc, wc2;
	int rc, rc2;

	rc = r->next(r->ctx, seq_ms, &wc);
	if (rc == ERR) {
		*out = keys_esc();
		return KEYS_GOT_KEY;
	}
	if (rc == KEY_CODE_YES) {
		/* Alt with a key curses recognised (Alt-Up): the key */
		*out = keys_from_wch(rc, wc);
		return KEYS_GOT_KEY;
	}
	if (wc == '[')
		return keys_read_csi(r, seq_ms, out);
	if (wc == 'O')
		return keys_read_ss3(r, seq_ms, out);
	if (wc != 27 && !keys_alt_wanted) {
		*out = keys_esc();
		keys_queue(r, keys_from_wch(rc, wc));
		return KEYS_GOT_KEY;
	}
	if (wc != 27) {
		*out = keys_from_wch(rc, wc);
		out->meta = true;
		return KEYS_GOT_KEY;
	}
	/* ESC ESC: rxvt's Alt with a sequence, or Esc pressed twice */
	rc2 = r->next(r->ctx, seq_ms, &wc2);
	if (rc2 == OK && wc2 == '[')
		return keys_read_csi(r, seq_ms, out);
	if (rc2 == OK && wc2 == 'O')
		return keys_read_ss3(r, seq_ms, out);
	*out = keys_esc();
	if (rc2 == ERR) {
		keys_queue(r, keys_esc());
	} else if (rc2 == OK && wc2 == 27) {
		keys_queue(r, keys_esc());
		r->esc_read = true;
	} else {
		struct tui_key k = keys_from_wch(rc2, wc2);

		k.meta = rc2 == OK && keys_alt_wanted;
		if (!k.meta && rc2 == OK)
			keys_queue(r, keys_esc());
		keys_queue(r, k);
	}
	return KEYS_GOT_KEY;
}

enum keys_got
keys_read(struct keys_reader *r, int timeout_ms, int seq_ms,
    struct tui_key *out)
{
	uint32_t wc;
	int rc;

	if (r->nqueued > 0) {
		*out = r->queued[0];
		memmove(&r->queued[0], &r->queued[1],
		    --r->nqueued * sizeof r->queued[0]);
		return KEYS_GOT_KEY;
	}
	if (r->esc_read) {
		r->esc_read = false;
		return keys_read_escape(r, seq_ms, out);
	}
	rc = r->next(r->ctx, timeout_ms, &wc);
	if (rc == ERR)
		return KEYS_GOT_NOTHING;
	if (rc == OK && wc == 27)
		return keys_read_escape(r, seq_ms, out);
	*out = keys_from_wch(rc, wc);
	return KEYS_GOT_KEY;
}

struct tui_key
keys_from_wch(int rc, uint32_t wc)
{
	struct tui_key k;

	k.fn = rc == KEY_CODE_YES;
	k.code = (int32_t)wc;
	k.meta = false;
	if (k.fn)
		k.code = keys_fold_code(k.code);
	if (k.fn && k.code == KEY_ENTER) {
		k.fn = false;
		k.code = '\r';
	} else if (!k.fn && k.code == '\n') {
		k.code = '\r';
	} else if (!k.fn && (k.code == 127 || k.code == 8)) {
		k.fn = true;
		k.code = KEY_BACKSPACE;
	}
	return k;
}
