#include "peerdesk/tui/keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* ---- names ------------------------------------------------------------ */

struct keys_named {
	const char *name;
	bool fn;
	int32_t code;
};

/* The first name for a key is its canonical one. */
static const struct keys_named keys_names[] = {
	{ "Enter", false, '\r' },
	{ "Esc", false, 27 },
	{ "Tab", false, '\t' },
	{ "S-Tab", true, KEY_BTAB },
	{ "Space", false, ' ' },
	{ "Backspace", true, KEY_BACKSPACE },
	{ "Delete", true, KEY_DC },
	{ "Del", true, KEY_DC },
	{ "Insert", true, KEY_IC },
	{ "Up", true, KEY_UP },
	{ "Down", true, KEY_DOWN },
	{ "Left", true, KEY_LEFT },
	{ "Right", true, KEY_RIGHT },
	{ "S-Left", true, KEY_SLEFT },
	{ "S-Right", true, KEY_SRIGHT },
	{ "Home", true, KEY_HOME },
	{ "End", true, KEY_END },
	{ "PgUp", true, KEY_PPAGE },
	{ "PgDn", true, KEY_NPAGE },
	{ "Return", false, '\r' },
	{ "Escape", false, 27 },
};

enum pd_status
keys_parse(const char *name, struct tui_key *out, struct pd_err *err)
{
	size_t i, len, n;
	int32_t cp;
	char *end;
	long f;

	if (name == NULL || name[0] == '\0')
		return pd_fail(err, PD_INVALID, NULL, "a key name is empty");
	out->meta = false;
	len = strlen(name);
	if (len > 2 && (name[0] == 'M' || name[0] == 'm') && name[1] == '-' &&
	    !((name[2] == 'M' || name[2] == 'm') && name[3] == '-')) {
		if (keys_parse(name + 2, out, NULL) != PD_OK)
			return pd_fail(err, PD_INVALID, NULL,
			    "\"%s\" is not a key name (after M-, which means "
			    "Alt, comes a key such as x, Enter or F2)", name);
		out->meta = true;
		return PD_OK;
	}
	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++) {
		if (strcasecmp(name, keys_names[i].name) == 0) {
			out->fn = keys_names[i].fn;
			out->code = keys_names[i].code;
			return PD_OK;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
	    name[1] <= '9') {
		f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= 12) {
			out->fn = true;
			out->code = KEY_F((int)f);
			return PD_OK;
		}
	}
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
		char c = name[2];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c >= 'a' && c <= 'z') {
			if (c == 'h') {	/* the terminal sends C-h as Backspace */
				out->fn = true;
				out->code = KEY_BACKSPACE;
			} else {
				out->fn = false;
				out->code = c - 'a' + 1;
			}
			return PD_OK;
		}
		if (c == '[') {
			out->fn = false;
			out->code = 27;
			return PD_OK;
		}
	}
	n = utf8_decode(name, len, &cp);
	if (n == len && cp != UTF8_INVALID && !utf8_cp_needs_escape(cp) &&
	    cp != ' ') {
		out->fn = false;
		out->code = cp;
		return PD_OK;
	}
	return pd_fail(err, PD_INVALID, NULL,
	    "\"%s\" is not a key name (try Enter, Esc, C-s, F2 or one character)",
	    name);
}

const char *
keys_name(struct tui_key k, char buf[KEYS_NAME_MAX])
{
	size_t i, n;

	if (k.meta) {
		char rest[KEYS_NAME_MAX];

		k.meta = false;
		keys_name(k, rest);
		rest[KEYS_NAME_MAX - 3] = '\0';
		buf[0] = 'M';
		buf[1] = '-';
		memcpy(buf + 2, rest, strlen(rest) + 1);
		return buf;
	}
	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++) {
		if (keys_names[i].fn == k.fn && keys_names[i].code == k.code) {
			strcpy(buf, keys_names[i].name);
			return buf;
		}
	}
	if (k.fn) {
		if (k.code >= KEY_F(1) && k.code <= KEY_F(12))
			snprintf(buf, KEYS_NAME_MAX, "F%d",
			    (int)(k.code - KEY_F0));
		else
			snprintf(buf, KEYS_NAME_MAX, "Key-%d", (int)k.code);
		return buf;
	}
	if (k.code >= 1 && k.code <= 26) {
		snprintf(buf, KEYS_NAME_MAX, "C-%c", (char)('a' + k.code - 1));
		return buf;
	}
	if (utf8_cp_needs_escape(k.code)) {
		utf8_cp_escape(k.code, (unsigned char)k.code, buf);
		return buf;
	}
	n = utf8_encode(k.code, buf);
	buf[n] = '\0';
	return buf;
}

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

bool
keys_is_text(struct tui_key k)
{
	return !k.fn && !k.meta && k.code >= ' ' &&
	    !utf8_cp_needs_escape(k.code);
}

bool
keys_eq(struct tui_key a, struct tui_key b)
{
	return a.fn == b.fn && a.code == b.code && a.meta == b.meta;
}

bool
keys_is_fkey(struct tui_key k)
{
	return k.fn && k.code >= KEY_F0 && k.code <= KEY_F(63);
}

enum pd_status
keys_script(const char *script, struct tui_key *out, size_t max, size_t *n,
    struct pd_err *err)
{
	size_t i = 0, len = strlen(script), count = 0, m;
	const char *close;
	char name[KEYS_NAME_MAX];
	struct tui_key k;
	int32_t cp;

	while (i < len) {
		if (script[i] == '<' && (close = strchr(script + i, '>')) &&
		    close > script + i + 1) {
			m = (size_t)(close - (script + i + 1));
			if (m >= sizeof name)
				return pd_fail(err, PD_INVALID, NULL,
				    "key name too long at offset %zu", i);
			memcpy(name, script + i + 1, m);
			name[m] = '\0';
			if (strcmp(name, "lt") == 0) {
				k.fn = false;
				k.meta = false;
				k.code = '<';
			} else if (keys_parse(name, &k, err) != PD_OK) {
				return PD_INVALID;
			}
			i += m + 2;
		} else {
			i += utf8_decode(script + i, len - i, &cp);
			if (cp == UTF8_INVALID)
				return pd_fail(err, PD_INVALID, NULL,
				    "invalid UTF-8 in key script");
			k.fn = false;
			k.meta = false;
			k.code = cp == '\n' ? '\r' : cp;
		}
		if (count < max)
			out[count] = k;
		count++;
	}
	*n = count;
	return PD_OK;
}

/* ---- defaults -------------------------------------------------------- */

struct key_default {
	const char *section;
	enum action action;
	const char *keys;	/* space-separated key names */
};

/* The one place default keys are written down; data/keys.yaml is this
 * table printed by keys_defaults_yaml() (tests/tui/check_keys.c). */
static const struct key_default key_defaults[] = {
	{ "global", ACT_QUIT, "C-q C-c" },
	{ "global", ACT_HELP, "? F1" },
	{ "global", ACT_BACK, "Esc" },
	{ "global", ACT_REDRAW, "C-l" },
	{ "global", ACT_SUSPEND, "C-z" },

	{ "list", ACT_UP, "Up" },
	{ "list", ACT_DOWN, "Down" },
	{ "list", ACT_PAGE_UP, "PgUp" },
	{ "list", ACT_PAGE_DOWN, "PgDn" },
	{ "list", ACT_FIRST, "Home" },
	{ "list", ACT_LAST, "End" },
	{ "list", ACT_OPEN, "Enter" },
	{ "list", ACT_FILTER, "/ F3" },

	{ "edit", ACT_LEFT, "Left" },
	{ "edit", ACT_RIGHT, "Right" },
	{ "edit", ACT_LINE_START, "Home C-a" },
	{ "edit", ACT_LINE_END, "End C-e" },
	{ "edit", ACT_DELETE_BACK, "Backspace" },
	{ "edit", ACT_DELETE, "Delete C-d" },
	{ "edit", ACT_KILL_START, "C-u" },
	{ "edit", ACT_KILL_END, "C-k" },
	{ "edit", ACT_KILL_WORD, "C-w" },

	{ "form", ACT_SAVE, "C-s F2" },
	{ "form", ACT_NEXT_FIELD, "Tab Down Enter" },
	{ "form", ACT_PREV_FIELD, "S-Tab Up" },

	{ "multiline", ACT_UP, "Up" },
	{ "multiline", ACT_DOWN, "Down" },
	{ "multiline", ACT_NEWLINE, "Enter" },
	{ "multiline", ACT_EDITOR, "C-e F4" },

	{ "choice", ACT_LEFT, "Left" },
	{ "choice", ACT_RIGHT, "Right" },
	{ "choice", ACT_PICK, "Enter Space" },

	{ "button", ACT_SAVE, "Enter Space" },

	{ "dialog", ACT_ACCEPT, "Enter" },
	{ "dialog", ACT_LEFT, "Left" },
	{ "dialog", ACT_RIGHT, "Right" },
	{ "dialog", ACT_NEXT_FIELD, "Tab" },
	{ "dialog", ACT_PREV_FIELD, "S-Tab" },
	{ "dialog", ACT_YES, "y" },
	{ "dialog", ACT_NO, "n" },

	{ "prompt", ACT_ACCEPT, "Enter" },
	{ "picker", ACT_ACCEPT, "Enter" },

	{ "week", ACT_UP, "Up" },
	{ "week", ACT_DOWN, "Down" },
	{ "week", ACT_OPEN, "Enter" },
	{ "week", ACT_SUBMIT, "s F5" },
	{ "week", ACT_ADD, "a F6" },
	{ "week", ACT_EARLIER, "Left" },
	{ "week", ACT_LATER, "Right" },
	{ "week", ACT_REMOVE, "d F8" },

	{ "timesheets", ACT_UP, "Up" },
	{ "timesheets", ACT_DOWN, "Down" },
	{ "timesheets", ACT_OPEN, "Enter" },
	{ "timesheets", ACT_APPROVE, "a F5" },
	{ "timesheets", ACT_PAID, "p F6" },

	{ "hours", ACT_UP, "Up" },
	{ "hours", ACT_DOWN, "Down" },
	{ "hours", ACT_PAGE_UP, "PgUp" },
	{ "hours", ACT_PAGE_DOWN, "PgDn Space" },
	{ "hours", ACT_FIRST, "Home" },
	{ "hours", ACT_LAST, "End" },
	{ "hours", ACT_PRINT, "p F5" },
	{ "hours", ACT_SAVE_CSV, "c F6" },
	{ "hours", ACT_SAVE_PDF, "d F7" },
	{ "hours", ACT_EARLIER, "Left" },
	{ "hours", ACT_LATER, "Right" },

	{ "pal_pay", ACT_WEEKS, "w" },

	{ "palweeks", ACT_UP, "Up" },
	{ "palweeks", ACT_DOWN, "Down" },
	{ "palweeks", ACT_PAGE_UP, "PgUp" },
	{ "palweeks", ACT_PAGE_DOWN, "PgDn Space" },
	{ "palweeks", ACT_FIRST, "Home" },
	{ "palweeks", ACT_LAST, "End" },
	{ "palweeks", ACT_SPAN, "w" },
	{ "palweeks", ACT_MEASURE, "h" },
	{ "palweeks", ACT_SAVE_PDF, "d" },

	{ "plan", ACT_UP, "Up" },
	{ "plan", ACT_DOWN, "Down" },
	{ "plan", ACT_PAGE_UP, "PgUp" },
	{ "plan", ACT_PAGE_DOWN, "PgDn Space" },
	{ "plan", ACT_FIRST, "Home" },
	{ "plan", ACT_LAST, "End" },
	{ "plan", ACT_OPEN, "Enter" },
	{ "plan", ACT_EDIT, "e" },
	{ "plan", ACT_ADD, "a" },
	{ "plan", ACT_REVIEW, "r" },
	{ "plan", ACT_NOTE, "n" },
	{ "plan", ACT_CHANGES, "c" },
	{ "plan", ACT_HISTORY, "h" },
	{ "plan", ACT_PRINT, "p" },
	{ "plan", ACT_SAVE_PDF, "d" },
	{ "plan", ACT_ESTABLISH, "E" },
	{ "plan", ACT_REMOVE, "x" },

	{ "plan_history", ACT_CHANGES, "c" },
	{ "plan_history", ACT_RESTORE, "b" },

	{ "palplan", ACT_EDIT, "e" },
	{ "palplan", ACT_HISTORY, "h" },
	{ "home", ACT_UP, "Up" },
	{ "home", ACT_DOWN, "Down" },
	{ "home", ACT_LEFT, "Left" },
	{ "home", ACT_RIGHT, "Right" },
	{ "home", ACT_FIRST, "Home" },
	{ "home", ACT_LAST, "End" },
	{ "home", ACT_OPEN, "Enter" },

	{ "clients", ACT_NEW, "C-n" },
	{ "clients", ACT_STATUS_FILTER, "Tab F5" },
	{ "clients", ACT_SORT, "C-o F6" },

	{ "audit", ACT_FILTERS, "Tab F5" },

	{ "client", ACT_NEXT_FIELD, "Tab Right" },
	{ "client", ACT_PREV_FIELD, "S-Tab Left" },
	{ "client", ACT_UP, "Up" },
	{ "client", ACT_DOWN, "Down" },
	{ "client", ACT_PAGE_UP, "PgUp" },
	{ "client", ACT_PAGE_DOWN, "PgDn" },

	{ "signin", ACT_ACCEPT, "Enter" },

	{ "groups", ACT_NEW, "C-n" },

	{ "group", ACT_UP, "Up" },
	{ "group", ACT_DOWN, "Down" },
	{ "group", ACT_OPEN, "Enter" },
	{ "group", ACT_REGISTER, "r F5" },
	{ "group", ACT_WHO_CAME, "w" },
	{ "group", ACT_LENGTH, "t F7" },
	{ "group", ACT_DATE, "e F8" },
	{ "group", ACT_REMOVE, "x" },
	{ "group", ACT_RUNNING, "s" },

	{ "register", ACT_UP, "Up" },
	{ "register", ACT_DOWN, "Down" },
	{ "register", ACT_CAME, "Space Enter" },
	{ "register", ACT_ADD, "a F6" },
	{ "register", ACT_MORE, "+ =" },
	{ "register", ACT_FEWER, "-" },
	{ "register", ACT_LENGTH, "t F7" },
	{ "register", ACT_DATE, "e F8" },
	{ "register", ACT_SAVE, "C-s F2" },

	{ "outcomes", ACT_UP, "Up" },
	{ "outcomes", ACT_DOWN, "Down" },
	{ "outcomes", ACT_PAGE_UP, "PgUp" },
	{ "outcomes", ACT_PAGE_DOWN, "PgDn Space" },
	{ "outcomes", ACT_FIRST, "Home" },
	{ "outcomes", ACT_LAST, "End" },
	{ "outcomes", ACT_EARLIER, "Left" },
	{ "outcomes", ACT_LATER, "Right" },
	{ "outcomes", ACT_SAVE_CSV, "c F6" },
	{ "outcomes", ACT_SAVE_PDF, "d F7" },
	{ "outcomes", ACT_FUNDER, "f F5" },
};

static const char *const key_section_notes[][2] = {
	{ "global", "every screen, unless a screen's own section says otherwise" },
	{ "list", "lists; typing letters filters the list" },
	{ "edit", "editing text in a field, a prompt or a list filter" },
	{ "form", "forms: moving between fields and saving" },
	{ "multiline", "a field with several lines of text" },
	{ "choice", "a field with a fixed set of choices" },
	{ "button", "the Save button at the end of a form" },
	{ "dialog", "questions such as \"Discard changes?\"" },
	{ "prompt", "a dialog that asks for a line of text" },
	{ "picker", "a dialog that offers a list to choose from" },
	{ "week", "My week: a PAL's timesheet lines and room left" },
	{ "timesheets", "Timesheets: weeks waiting for the manager's approval" },
	{ "hours", "Weekly hours: the summary of every PAL's week" },
	{ "pal_pay", "a PAL's record, for the manager or the PAL themselves" },
	{ "palweeks", "A PAL's weeks against the limit (a chart)" },
	{ "plan", "A client's Wellness and Safety Plan" },
	{ "plan_history", "Who changed a plan, and when" },
	{ "palplan", "A PAL's own Wellness and Development Plan" },
	{ "home", "the dashboard: arrows move, Enter opens, or press a place's key" },
	{ "clients", "the clients list (also the list keys)" },
	{ "audit", "the audit trail: who did what, and when (also the list keys)" },
	{ "client", "a client's record: Tab and the arrows change the section" },
	{ "signin", "signing in and the lock screen" },
	{ "groups", "groups and drop-ins (also the list keys)" },
	{ "group", "a group and its meetings" },
	{ "register", "a meeting's register: who came" },
	{ "outcomes", "the outcomes report on screen" },
};

/* ---- key map --------------------------------------------------------- */

struct binding {
	char *section;
	enum action action;
	struct tui_key key;
};

struct keymap {
	struct binding *v;
	size_t n;
};

static void
keymap_add(struct keymap *km, const char *section, enum action a,
    struct tui_key k)
{
	km->v = xreallocarray(km->v, km->n + 1, sizeof *km->v);
	km->v[km->n].section = xstrdup(section);
	km->v[km->n].action = a;
	km->v[km->n].key = k;
	km->n++;
}

/* Split space-separated names and bind each; the defaults always parse
 * (a test checks), so failures are programmer errors. */
static void
keymap_add_names(struct keymap *km, const char *section, enum action a,
    const char *names)
{
	char *copy = xstrdup(names), *tok, *save = NULL;
	struct tui_key k;

	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save))
		if (keys_parse(tok, &k, NULL) == PD_OK)
			keymap_add(km, section, a, k);
	free(copy);
}

struct keymap *
keymap_new(void)
{
	struct keymap *km = xcalloc(1, sizeof *km);
	size_t i;

	for (i = 0; i < sizeof key_defaults / sizeof key_defaults[0]; i++)
		keymap_add_names(km, key_defaults[i].section,
		    key_defaults[i].action, key_defaults[i].keys);
	return km;
}

void
keymap_free(struct keymap **kmp)
{
	struct keymap *km = *kmp;
	size_t i;

	if (km == NULL)
		return;
	for (i = 0; i < km->n; i++)
		free(km->v[i].section);
	free(km->v);
	FREE(kmp);
}

static void
keymap_remove(struct keymap *km, const char *section, enum action a)
{
	size_t i = 0;

	while (i < km->n) {
		if (km->v[i].action == a &&
		    strcmp(km->v[i].section, section) == 0) {
			free(km->v[i].section);
			memmove(&km->v[i], &km->v[i + 1],
			    (km->n - i - 1) * sizeof *km->v);
			km->n--;
		} else {
			i++;
		}
	}
}

enum pd_status
keymap_apply(struct keymap *km, const struct keys_conf *kc,
    struct pd_err *err)
{
	size_t i, j;
	enum action a;
	struct tui_key k;
	struct pd_err kerr;
	const char *file = kc->file ? kc->file : "keys.yaml";

	/* Check everything first so a bad file changes nothing. */
	for (i = 0; i < kc->n; i++) {
		const struct keys_conf_entry *e = &kc->v[i];

		if (action_from_name(e->action) == ACT_NONE)
			return pd_fail_at(err, PD_CONFIG, file, e->line, 0,
			    e->action, "there is no action called \"%s\"",
			    e->action);
		for (j = 0; j < e->nkeys; j++)
			if (keys_parse(e->keys[j], &k, &kerr) != PD_OK)
				return pd_fail_at(err, PD_CONFIG, file, e->line,
				    0, e->action, "%s", kerr.msg);
	}
	for (i = 0; i < kc->n; i++) {
		const struct keys_conf_entry *e = &kc->v[i];

		a = action_from_name(e->action);
		keymap_remove(km, e->section, a);
		for (j = 0; j < e->nkeys; j++)
			if (keys_parse(e->keys[j], &k, NULL) == PD_OK) {
				keymap_add(km, e->section, a, k);
				if (k.meta)
					keys_alt_on(true);
			}
	}
	return PD_OK;
}

static const struct binding *
keymap_find(const struct keymap *km, const char *section, struct tui_key k)
{
	size_t i;

	for (i = 0; i < km->n; i++)
		if (keys_eq(km->v[i].key, k) &&
		    strcmp(km->v[i].section, section) == 0)
			return &km->v[i];
	return NULL;
}

enum action
keymap_lookup(const struct keymap *km, const char *const *sections,
    size_t nsections, struct tui_key k)
{
	size_t s;
	const struct binding *b;

	for (s = 0; s < nsections; s++) {
		if (sections[s] == NULL)
			continue;
		b = keymap_find(km, sections[s], k);
		if (b != NULL)
			return b->action;
	}
	return ACT_NONE;
}

size_t
keymap_keys_for(const struct keymap *km, const char *const *sections,
    size_t nsections, enum action a, struct tui_key *out, size_t max)
{
	size_t s, i, j, count = 0;
	bool dup;

	for (s = 0; s < nsections; s++) {
		if (sections[s] == NULL)
			continue;
		for (i = 0; i < km->n; i++) {
			const struct binding *b = &km->v[i];

			if (b->action != a || strcmp(b->section, sections[s]))
				continue;
			/* Shadowed by a more specific section? */
			if (keymap_lookup(km, sections, nsections, b->key) != a)
				continue;
			dup = false;
			for (j = 0; j < count && j < max; j++)
				if (keys_eq(out[j], b->key))
					dup = true;
			if (dup)
				continue;
			if (count < max)
				out[count] = b->key;
			count++;
		}
	}
	return count;
}

size_t
keymap_actions(const struct keymap *km, const char *const *sections,
    size_t nsections, enum action *out, size_t max)
{
	struct tui_key k;
	size_t count = 0;
	int a;

	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		if (keymap_keys_for(km, sections, nsections, (enum action)a,
		    &k, 1) == 0)
			continue;
		if (count < max)
			out[count] = (enum action)a;
		count++;
	}
	return count;
}

enum pd_status
keymap_check(const struct keymap *km, struct pd_err *err)
{
	size_t i, j;
	char name[KEYS_NAME_MAX];

	for (i = 0; i < km->n; i++) {
		if (km->v[i].action <= ACT_NONE || km->v[i].action >= ACT_COUNT)
			return pd_fail(err, PD_CONFIG, NULL,
			    "section %s: a binding has no action",
			    km->v[i].section);
		for (j = i + 1; j < km->n; j++)
			if (keys_eq(km->v[i].key, km->v[j].key) &&
			    strcmp(km->v[i].section, km->v[j].section) == 0)
				return pd_fail(err, PD_CONFIG,
				    action_name(km->v[j].action),
				    "section %s: %s is bound to both %s and %s",
				    km->v[i].section,
				    keys_name(km->v[i].key, name),
				    action_name(km->v[i].action),
				    action_name(km->v[j].action));
	}
	return PD_OK;
}

/* ---- keys.yaml text ---------------------------------------------------- */

static void
keys_yaml_key(struct strbuf *out, const char *name)
{
	size_t i;
	bool plain = true;

	for (i = 0; name[i] != '\0'; i++) {
		unsigned char c = (unsigned char)name[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || (c == '-' && i > 0) ||
		    c >= 0x80))
			plain = false;
	}
	if (plain) {
		strbuf_adds(out, name);
		return;
	}
	strbuf_addc(out, '"');
	for (i = 0; name[i] != '\0'; i++) {
		if (name[i] == '"' || name[i] == '\\')
			strbuf_addc(out, '\\');
		strbuf_addc(out, name[i]);
	}
	strbuf_addc(out, '"');
}

void
keys_defaults_yaml(struct strbuf *out)
{
	size_t i, s, start, col;
	const char *section = "";
	char *copy, *tok, *save;

	strbuf_adds(out,
	    "# keys.yaml - the keys peerdesk uses, by screen section.\n"
	    "#\n"
	    "# These are the built-in defaults. To change a key, copy just the\n"
	    "# lines you want into your own keys.yaml (same shape): an action\n"
	    "# listed there gets exactly the keys you give it in that section.\n"
	    "#\n"
	    "# A screen looks a key up in its own section (its name), then in\n"
	    "# its kind's sections (list, form, edit, ...), then in global.\n"
	    "# Key names: Enter Esc Tab S-Tab Space Backspace Delete Insert\n"
	    "# Up Down Left Right Home End PgUp PgDn F1..F12 C-a..C-z, or one\n"
	    "# character such as a, ? or /; M- in front means Alt held (M-x).\n"
	    "# Arrows, Enter, Esc and Tab always do something useful; F-keys\n"
	    "# are extras, never the only way.\n"
	    "# Ctrl-S works because peerdesk turns off terminal flow control.\n");
	for (i = 0; i < sizeof key_defaults / sizeof key_defaults[0]; i++) {
		const struct key_default *d = &key_defaults[i];

		if (strcmp(d->section, section) != 0) {
			section = d->section;
			strbuf_addc(out, '\n');
			for (s = 0; s < sizeof key_section_notes /
			    sizeof key_section_notes[0]; s++)
				if (strcmp(key_section_notes[s][0], section) == 0)
					strbuf_addf(out, "# %s\n",
					    key_section_notes[s][1]);
			strbuf_addf(out, "%s:\n", section);
		}
		start = out->len;
		strbuf_addf(out, "  %s: [", action_name(d->action));
		copy = xstrdup(d->keys);
		save = NULL;
		for (tok = strtok_r(copy, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save)) {
			if (out->buf[out->len - 1] != '[')
				strbuf_adds(out, ", ");
			keys_yaml_key(out, tok);
		}
		free(copy);
		strbuf_addc(out, ']');
		col = out->len - start;
		do
			strbuf_addc(out, ' ');
		while (++col < 32);
		strbuf_addf(out, "# %s\n", action_help(d->action));
	}
}
