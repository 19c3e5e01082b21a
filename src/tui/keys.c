/* keys.c - key names ("C-s", "F2", "M-x"), parsing them, and small
 * questions about a key.  Reading keys from the terminal is in
 * keys_read.c, the key map (defaults and keys.yaml) in keymap.c. */
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
