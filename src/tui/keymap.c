/* keymap.c - the key map: the default keys of every action (the one
 * table data/keys.yaml is printed from), the person's keys.yaml applied
 * over them, and looking keys up by section. */
#include "peerdesk/tui/keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

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
