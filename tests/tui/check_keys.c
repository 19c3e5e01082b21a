/* Tier 3 (pure): key names, the action table, key maps and keys.yaml. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/embedded.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/tui/action.h"
#include "peerdesk/tui/keys.h"

static void
setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

/* ---- key names -------------------------------------------------------- */

static const struct {
	const char *name;
	bool fn;
	int32_t code;
	const char *canonical;
} parse_cases[] = {
	{ "Enter", false, '\r', "Enter" },
	{ "enter", false, '\r', "Enter" },
	{ "Return", false, '\r', "Enter" },
	{ "Esc", false, 27, "Esc" },
	{ "ESCAPE", false, 27, "Esc" },
	{ "Tab", false, '\t', "Tab" },
	{ "S-Tab", true, KEY_BTAB, "S-Tab" },
	{ "Space", false, ' ', "Space" },
	{ "Backspace", true, KEY_BACKSPACE, "Backspace" },
	{ "C-h", true, KEY_BACKSPACE, "Backspace" },
	{ "Delete", true, KEY_DC, "Delete" },
	{ "Del", true, KEY_DC, "Delete" },
	{ "Up", true, KEY_UP, "Up" },
	{ "Down", true, KEY_DOWN, "Down" },
	{ "Left", true, KEY_LEFT, "Left" },
	{ "Right", true, KEY_RIGHT, "Right" },
	{ "Home", true, KEY_HOME, "Home" },
	{ "End", true, KEY_END, "End" },
	{ "PgUp", true, KEY_PPAGE, "PgUp" },
	{ "PgDn", true, KEY_NPAGE, "PgDn" },
	{ "F1", true, KEY_F(1), "F1" },
	{ "F2", true, KEY_F(2), "F2" },
	{ "f12", true, KEY_F(12), "F12" },
	{ "C-s", false, 19, "C-s" },
	{ "C-S", false, 19, "C-s" },
	{ "c-a", false, 1, "C-a" },
	{ "C-q", false, 17, "C-q" },
	{ "C-[", false, 27, "Esc" },
	{ "C-i", false, 9, "Tab" },
	{ "a", false, 'a', "a" },
	{ "A", false, 'A', "A" },
	{ "?", false, '?', "?" },
	{ "/", false, '/', "/" },
	{ "<", false, '<', "<" },
	{ "\xc3\xa9", false, 0xe9, "\xc3\xa9" },	/* é */
	{ "\xe6\x97\xa5", false, 0x65e5, "\xe6\x97\xa5" },
	{ "C-z", false, 26, "C-z" },
};

/* Alt (M-) with a key. */
static const struct {
	const char *name;
	bool fn;
	int32_t code;
	const char *canonical;
} meta_cases[] = {
	{ "M-x", false, 'x', "M-x" },
	{ "m-X", false, 'X', "M-X" },
	{ "M-Enter", false, '\r', "M-Enter" },
	{ "M-Up", true, KEY_UP, "M-Up" },
	{ "M-C-s", false, 19, "M-C-s" },
	{ "M-F2", true, KEY_F(2), "M-F2" },
};

START_TEST(test_parse_meta)
{
	struct tui_key k, plain;
	struct pd_err err;
	char buf[KEYS_NAME_MAX];

	ck_assert_int_eq(keys_parse(meta_cases[_i].name, &k, &err), PD_OK);
	ck_assert(k.meta);
	ck_assert(k.fn == meta_cases[_i].fn);
	ck_assert_int_eq(k.code, meta_cases[_i].code);
	ck_assert_str_eq(keys_name(k, buf), meta_cases[_i].canonical);
	/* never text, and not the same key as without Alt */
	ck_assert(!keys_is_text(k));
	plain = k;
	plain.meta = false;
	ck_assert(!keys_eq(k, plain));
}
END_TEST

START_TEST(test_parse)
{
	struct tui_key k;
	struct pd_err err;
	char buf[KEYS_NAME_MAX];

	ck_assert_int_eq(keys_parse(parse_cases[_i].name, &k, &err), PD_OK);
	ck_assert_msg(k.fn == parse_cases[_i].fn &&
	    k.code == parse_cases[_i].code, "case %d (%s): got %d/%d", _i,
	    parse_cases[_i].name, k.fn, k.code);
	ck_assert_str_eq(keys_name(k, buf), parse_cases[_i].canonical);
	/* and the canonical name reads back as the same key */
	{
		struct tui_key k2;

		ck_assert_int_eq(keys_parse(buf, &k2, NULL), PD_OK);
		ck_assert(keys_eq(k, k2));
	}
}
END_TEST

static const char *const bad_names[] = {
	"", "F0", "F13", "C-", "C-1", "Ctrl-s", "ab", "\x07", "\xff", " ",
	"Up Down", "S-", "C-ab", "M-", "M-M-x", "M-Nope",
};

START_TEST(test_parse_bad)
{
	struct tui_key k;
	struct pd_err err;

	pd_err_clear(&err);
	ck_assert_int_eq(keys_parse(bad_names[_i], &k, &err), PD_INVALID);
	ck_assert(err.msg[0] != '\0');
}
END_TEST

START_TEST(test_parse_null)
{
	struct tui_key k;

	ck_assert_int_eq(keys_parse(NULL, &k, NULL), PD_INVALID);
}
END_TEST

START_TEST(test_from_wch)
{
	struct tui_key k;

	k = keys_from_wch(KEY_CODE_YES, KEY_ENTER);
	ck_assert(!k.fn && k.code == '\r');
	k = keys_from_wch(OK, '\n');
	ck_assert(!k.fn && k.code == '\r');
	k = keys_from_wch(OK, 127);
	ck_assert(k.fn && k.code == KEY_BACKSPACE);
	k = keys_from_wch(OK, 8);
	ck_assert(k.fn && k.code == KEY_BACKSPACE);
	k = keys_from_wch(OK, 0xe9);
	ck_assert(!k.fn && k.code == 0xe9 && keys_is_text(k));
	k = keys_from_wch(KEY_CODE_YES, KEY_F(2));
	ck_assert(keys_is_fkey(k) && !keys_is_text(k));
	k = keys_from_wch(OK, 19);
	ck_assert(!keys_is_text(k));
}
END_TEST

START_TEST(test_script)
{
	struct tui_key k[16];
	size_t n;
	struct pd_err err;

	ck_assert_int_eq(keys_script("Jo<Tab>2h<C-s><lt>", k, 16, &n, &err),
	    PD_OK);
	ck_assert_uint_eq(n, 7);
	ck_assert(!k[0].fn && k[0].code == 'J');
	ck_assert(!k[2].fn && k[2].code == '\t');
	ck_assert(!k[5].fn && k[5].code == 19);
	ck_assert(!k[6].fn && k[6].code == '<');
	ck_assert_int_eq(keys_script("Zo\xc3\xab", k, 16, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(k[2].code, 0xeb);
	ck_assert_int_eq(keys_script("a<Nope>", k, 16, &n, &err),
	    PD_INVALID);
	/* a lone '<' without a closing '>' is just a character */
	ck_assert_int_eq(keys_script("<", k, 16, &n, &err), PD_OK);
	ck_assert_uint_eq(n, 1);
}
END_TEST

/* ---- the action table ------------------------------------------------- */

START_TEST(test_actions)
{
	int a, b;
	const char *n;

	ck_assert_str_eq(action_name(ACT_NONE), "");
	ck_assert_str_eq(action_name((enum action)9999), "");
	ck_assert_int_eq(action_from_name("no-such-action"), ACT_NONE);
	ck_assert_int_eq(action_from_name(NULL), ACT_NONE);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		n = action_name((enum action)a);
		ck_assert_msg(n[0] != '\0', "action %d has no name", a);
		ck_assert_msg(strspn(n, "abcdefghijklmnopqrstuvwxyz-") ==
		    strlen(n), "action name %s", n);
		ck_assert_msg(action_hint((enum action)a)[0] != '\0',
		    "%s has no hint", n);
		ck_assert_msg(utf8_width(action_hint((enum action)a)) <= 10,
		    "%s: hint too long for a phone", n);
		ck_assert_msg(action_help((enum action)a)[0] != '\0',
		    "%s has no help", n);
		ck_assert_int_eq(action_from_name(n), a);
		for (b = a + 1; b < ACT_COUNT; b++)
			ck_assert_str_ne(n, action_name((enum action)b));
	}
}
END_TEST

/* ---- key maps ----------------------------------------------------------- */

static struct tui_key
key(const char *name)
{
	struct tui_key k;

	ck_assert_int_eq(keys_parse(name, &k, NULL), PD_OK);
	return k;
}

START_TEST(test_defaults_are_sound)
{
	struct keymap *km = keymap_new();
	struct pd_err err;
	const char *all[] = { "global", "list", "edit", "form", "multiline",
		"choice", "button", "dialog", "prompt", "picker",
		/* screens with keys of their own */
		"week", "timesheets", "hours", "plan", "plan_history",
		"palplan", "home", "clients", "client", "signin", "audit",
		"pal_pay", "palweeks", "group", "register", "outcomes" };
	struct tui_key k;
	int a;
	size_t s;
	bool bound;

	pd_err_clear(&err);
	ck_assert_msg(keymap_check(km, &err) == PD_OK, "%s", err.msg);
	/* every action has a default key somewhere */
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		bound = false;
		for (s = 0; s < sizeof all / sizeof all[0]; s++)
			if (keymap_keys_for(km, &all[s], 1, (enum action)a, &k,
			    1) > 0)
				bound = true;
		ck_assert_msg(bound, "%s has no default key",
		    action_name((enum action)a));
	}
	keymap_free(&km);
	ck_assert_ptr_null(km);
}
END_TEST

/* Arrows, Enter, Esc and Tab always do something on the main kinds of
 * screen; F-keys are never the only way. */
START_TEST(test_essential_keys)
{
	struct keymap *km = keymap_new();
	const char *list[] = { "clients", "list", "global" };
	const char *text[] = { "form", "edit", "global" };
	const char *multi[] = { "multiline", "session", "form", "edit",
		"global" };
	const char *choice[] = { "choice", "session", "form", "edit",
		"global" };
	const char *dialog[] = { "confirm", "dialog", "global" };
	struct tui_key ks[8];
	size_t n, i;
	int a;
	bool non_f;

	ck_assert_int_eq(keymap_lookup(km, list, 3, key("Up")), ACT_UP);
	ck_assert_int_eq(keymap_lookup(km, list, 3, key("Down")), ACT_DOWN);
	ck_assert_int_eq(keymap_lookup(km, list, 3, key("Enter")), ACT_OPEN);
	ck_assert_int_eq(keymap_lookup(km, list, 3, key("Esc")), ACT_BACK);
	ck_assert_int_eq(keymap_lookup(km, list, 3, key("?")), ACT_HELP);
	ck_assert_int_eq(keymap_lookup(km, list, 3, key("x")), ACT_NONE);
	ck_assert_int_eq(keymap_lookup(km, text, 3, key("Tab")),
	    ACT_NEXT_FIELD);
	ck_assert_int_eq(keymap_lookup(km, text, 3, key("S-Tab")),
	    ACT_PREV_FIELD);
	ck_assert_int_eq(keymap_lookup(km, text, 3, key("Enter")),
	    ACT_NEXT_FIELD);
	ck_assert_int_eq(keymap_lookup(km, text, 3, key("Left")), ACT_LEFT);
	ck_assert_int_eq(keymap_lookup(km, text, 3, key("C-e")),
	    ACT_LINE_END);
	ck_assert_int_eq(keymap_lookup(km, text, 3, key("C-s")), ACT_SAVE);
	/* multi-line fields: Enter is a new line, C-e the editor */
	ck_assert_int_eq(keymap_lookup(km, multi, 5, key("Enter")),
	    ACT_NEWLINE);
	ck_assert_int_eq(keymap_lookup(km, multi, 5, key("C-e")), ACT_EDITOR);
	ck_assert_int_eq(keymap_lookup(km, multi, 5, key("Up")), ACT_UP);
	ck_assert_int_eq(keymap_lookup(km, multi, 5, key("Tab")),
	    ACT_NEXT_FIELD);
	/* ...so line-end there is End only (C-e is shadowed) */
	n = keymap_keys_for(km, multi, 5, ACT_LINE_END, ks, 8);
	ck_assert_uint_eq(n, 1);
	ck_assert(keys_eq(ks[0], key("End")));
	n = keymap_keys_for(km, multi, 5, ACT_SAVE, ks, 8);
	ck_assert_uint_eq(n, 2);
	ck_assert(keys_eq(ks[0], key("C-s")) && keys_eq(ks[1], key("F2")));
	ck_assert_int_eq(keymap_lookup(km, choice, 5, key("Enter")),
	    ACT_PICK);
	ck_assert_int_eq(keymap_lookup(km, choice, 5, key("Right")),
	    ACT_RIGHT);
	ck_assert_int_eq(keymap_lookup(km, dialog, 3, key("Enter")),
	    ACT_ACCEPT);
	ck_assert_int_eq(keymap_lookup(km, dialog, 3, key("Esc")), ACT_BACK);
	/* every action reachable on these chains has a non-F key */
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		n = keymap_keys_for(km, text, 3, (enum action)a, ks, 8);
		if (n == 0)
			continue;
		non_f = false;
		for (i = 0; i < n && i < 8; i++)
			if (!keys_is_fkey(ks[i]))
				non_f = true;
		ck_assert_msg(non_f, "%s only has F-keys",
		    action_name((enum action)a));
	}
	keymap_free(&km);
}
END_TEST

START_TEST(test_apply_overrides)
{
	struct keymap *km = keymap_new();
	struct keys_conf kc = { 0 };
	const char *save_keys[] = { "C-w" };
	const char *quit_keys[] = { "q" };
	const char *form[] = { "form", "edit", "global" };
	const char *list[] = { "list", "global" };
	struct pd_err err;

	keys_conf_add(&kc, "form", "save", save_keys, 1, 3);
	keys_conf_add(&kc, "list", "quit", quit_keys, 1, 7);
	ck_assert_int_eq(keymap_apply(km, &kc, &err), PD_OK);
	/* form: C-w saves now (form comes before edit) and C-s does not */
	ck_assert_int_eq(keymap_lookup(km, form, 3, key("C-w")), ACT_SAVE);
	ck_assert_int_eq(keymap_lookup(km, form, 3, key("C-s")), ACT_NONE);
	ck_assert_int_eq(keymap_lookup(km, list, 2, key("q")), ACT_QUIT);
	keys_conf_fini(&kc);
	ck_assert_uint_eq(kc.n, 0);
	keymap_free(&km);
}
END_TEST

START_TEST(test_apply_errors)
{
	struct keymap *km = keymap_new();
	struct keys_conf kc = { 0 };
	const char *bad_key[] = { "C-s", "Hyper-x" };
	const char *good[] = { "x" };
	const char *list[] = { "list", "global" };
	struct pd_err err;

	kc.file = strdup("/home/jo/.config/peerdesk/keys.yaml");
	keys_conf_add(&kc, "list", "open", good, 1, 2);
	keys_conf_add(&kc, "form", "save", bad_key, 2, 5);
	pd_err_clear(&err);
	ck_assert_int_eq(keymap_apply(km, &kc, &err), PD_CONFIG);
	ck_assert_int_eq(err.line, 5);
	ck_assert_str_eq(err.file, "/home/jo/.config/peerdesk/keys.yaml");
	ck_assert_ptr_nonnull(strstr(err.msg, "Hyper-x"));
	/* nothing changed, not even the good entry */
	ck_assert_int_eq(keymap_lookup(km, list, 2, key("x")), ACT_NONE);
	keys_conf_fini(&kc);

	keys_conf_add(&kc, "list", "launch-rockets", good, 1, 9);
	ck_assert_int_eq(keymap_apply(km, &kc, &err), PD_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, "launch-rockets"));
	ck_assert_int_eq(err.line, 9);
	keys_conf_fini(&kc);
	keymap_free(&km);
}
END_TEST

START_TEST(test_check_finds_clash)
{
	struct keymap *km = keymap_new();
	struct keys_conf kc = { 0 };
	const char *k[] = { "Enter" };
	struct pd_err err;

	/* "open" and "accept" both on Enter in one section */
	keys_conf_add(&kc, "list", "accept", k, 1, 1);
	ck_assert_int_eq(keymap_apply(km, &kc, &err), PD_OK);
	ck_assert_int_eq(keymap_check(km, &err), PD_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, "Enter"));
	keys_conf_fini(&kc);
	keymap_free(&km);
}
END_TEST

START_TEST(test_actions_listing)
{
	struct keymap *km = keymap_new();
	const char *dialog[] = { "confirm", "dialog", "global" };
	enum action acts[ACT_COUNT];
	size_t n, i;
	bool yes = false, save = false;

	n = keymap_actions(km, dialog, 3, acts, ACT_COUNT);
	ck_assert_uint_gt(n, 4);
	for (i = 0; i < n; i++) {
		yes |= acts[i] == ACT_YES;
		save |= acts[i] == ACT_SAVE;
		if (i > 0)
			ck_assert_int_lt(acts[i - 1], acts[i]);
	}
	ck_assert(yes);
	ck_assert(!save);
	keymap_free(&km);
}
END_TEST

/* data/keys.yaml is exactly the compiled-in defaults, so the documented
 * file and the program cannot drift apart. */
START_TEST(test_keys_yaml_matches)
{
	struct strbuf sb = STRBUF_INIT;
	const struct embedded_file *f = embedded_find("keys.yaml");
	const char *upd = getenv("PEERDESK_UPDATE_GOLDEN");

	keys_defaults_yaml(&sb);
	if (upd != NULL && strcmp(upd, "1") == 0) {
		const char *top = getenv("PEERDESK_TOP");
		char path[1024];
		FILE *fp;

		snprintf(path, sizeof path, "%s/data/keys.yaml",
		    top ? top : ".");
		fp = fopen(path, "w");
		ck_assert_ptr_nonnull(fp);
		fputs(sb.buf, fp);
		fclose(fp);
	} else {
		ck_assert_msg(f != NULL, "keys.yaml is not embedded");
		ck_assert_msg(strcmp(f->data, sb.buf) == 0,
		    "data/keys.yaml differs from the defaults in keys.c; "
		    "run with PEERDESK_UPDATE_GOLDEN=1 and rebuild. Wanted:\n%s",
		    sb.buf);
	}
	/* every non-comment line names a real action and parseable keys */
	ck_assert_ptr_nonnull(strstr(sb.buf, "  save: [C-s, F2]"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "  help: [\"?\", F1]"));
	strbuf_fini(&sb);
}
END_TEST

/* ---- escape sequences from terminals ---------------------------------- */

#define FN(c) true, (c)
#define CH(c) false, (c)

/* What follows ESC, and the key: PuTTY (TERM=xterm, its ESC [ n ~ mode
 * and its Linux mode), xterm in both cursor modes, rxvt, the Linux
 * console, screen and tmux; modifiers dropped. */
static const struct {
	const char *seq;
	bool fn;
	int32_t code;
} seq_cases[] = {
	{ "[1~", FN(KEY_HOME) }, { "[4~", FN(KEY_END) },
	{ "[7~", FN(KEY_HOME) }, { "[8~", FN(KEY_END) },
	{ "[H", FN(KEY_HOME) }, { "[F", FN(KEY_END) },
	{ "OH", FN(KEY_HOME) }, { "OF", FN(KEY_END) },
	{ "[2~", FN(KEY_IC) }, { "[3~", FN(KEY_DC) },
	{ "[5~", FN(KEY_PPAGE) }, { "[6~", FN(KEY_NPAGE) },
	{ "[A", FN(KEY_UP) }, { "[B", FN(KEY_DOWN) },
	{ "[C", FN(KEY_RIGHT) }, { "[D", FN(KEY_LEFT) },
	{ "OA", FN(KEY_UP) }, { "OB", FN(KEY_DOWN) },
	{ "OC", FN(KEY_RIGHT) }, { "OD", FN(KEY_LEFT) },
	{ "[11~", FN(KEY_F(1)) }, { "[12~", FN(KEY_F(2)) },
	{ "[13~", FN(KEY_F(3)) }, { "[14~", FN(KEY_F(4)) },
	{ "[15~", FN(KEY_F(5)) }, { "[17~", FN(KEY_F(6)) },
	{ "[18~", FN(KEY_F(7)) }, { "[19~", FN(KEY_F(8)) },
	{ "[20~", FN(KEY_F(9)) }, { "[21~", FN(KEY_F(10)) },
	{ "[23~", FN(KEY_F(11)) }, { "[24~", FN(KEY_F(12)) },
	{ "[[A", FN(KEY_F(1)) }, { "[[B", FN(KEY_F(2)) },
	{ "[[C", FN(KEY_F(3)) }, { "[[D", FN(KEY_F(4)) },
	{ "[[E", FN(KEY_F(5)) },
	{ "OP", FN(KEY_F(1)) }, { "OQ", FN(KEY_F(2)) },
	{ "OR", FN(KEY_F(3)) }, { "OS", FN(KEY_F(4)) },
	{ "[Z", FN(KEY_BTAB) },
	/* modifiers: Ctrl-Home is Home, Shift-Left is S-Left */
	{ "[1;5H", FN(KEY_HOME) }, { "[1;5F", FN(KEY_END) },
	{ "[1;2D", FN(KEY_SLEFT) }, { "[1;2C", FN(KEY_SRIGHT) },
	{ "[1;5A", FN(KEY_UP) }, { "[1;3B", FN(KEY_DOWN) },
	{ "[3;5~", FN(KEY_DC) }, { "[5;2~", FN(KEY_PPAGE) },
	{ "[1;2P", FN(KEY_F(1)) }, { "[15;5~", FN(KEY_F(5)) },
	{ "O5P", FN(KEY_F(1)) },
	/* rxvt: $ Shift, ^ Ctrl, @ both; lower-case arrows */
	{ "[7$", FN(KEY_HOME) }, { "[8^", FN(KEY_END) },
	{ "[3@", FN(KEY_DC) }, { "[d", FN(KEY_SLEFT) },
	{ "[c", FN(KEY_SRIGHT) }, { "Oa", FN(KEY_UP) },
	/* the number pad in application mode types */
	{ "Op", CH('0') }, { "Oy", CH('9') }, { "OM", CH('\r') },
	{ "Ok", CH('+') },
};

START_TEST(test_from_seq)
{
	struct tui_key k;
	const char *seq = seq_cases[_i].seq;

	ck_assert_msg(keys_from_seq(seq, strlen(seq), &k),
	    "ESC %s is not read as a key", seq);
	ck_assert_msg(k.fn == seq_cases[_i].fn &&
	    k.code == seq_cases[_i].code && !k.meta,
	    "ESC %s: got %d/%d", seq, k.fn, k.code);
}
END_TEST

/* Sequences no key stands for: focus reports, bracketed paste, mouse
 * reports curses did not take, queries' answers, unknown numbers. */
static const char *const seq_unknown[] = {
	"[I", "[O", "[200~", "[201~", "[<0;10;5M", "[?1;2c", "[99~",
	"[0n", "[E", "OE", "[G", "[2;3;4H", "[12;34R", "[>1;95;0c", "O",
	"[", "", "x",
};

START_TEST(test_from_seq_unknown)
{
	struct tui_key k;
	const char *seq = seq_unknown[_i];

	ck_assert_msg(!keys_from_seq(seq, strlen(seq), &k),
	    "ESC %s is read as a key", seq);
}
END_TEST

/* A scripted terminal: "\x01" in the input is a pause longer than the
 * sequence timeout (get_wch says ERR); KEY_ codes come as fn keys. */
struct script_in {
	const int32_t *v;
	size_t n, i;
	int waits;		/* reads that asked for a timeout */
};

#define PAUSE (-1)

static int
script_next(void *ctx, int timeout_ms, uint32_t *wc)
{
	struct script_in *in = ctx;
	int32_t c;

	if (timeout_ms >= 0)
		in->waits++;
	if (in->i >= in->n)
		return ERR;
	c = in->v[in->i++];
	if (c == PAUSE)
		return ERR;
	if (c >= KEY_MIN && c <= KEY_MAX) {
		*wc = (uint32_t)c;
		return KEY_CODE_YES;
	}
	*wc = (uint32_t)c;
	return OK;
}

/* Read every key from v; write their names, space-separated, to out
 * (ignored sequences as "-"). */
static void
read_all(const int32_t *v, size_t n, char *out, size_t max)
{
	struct script_in in = { v, n, 0, 0 };
	struct keys_reader r = { .next = script_next, .ctx = &in };
	struct tui_key k;
	char name[KEYS_NAME_MAX];
	enum keys_got got;
	size_t len = 0;
	int guard = 0;

	out[0] = '\0';
	while ((in.i < in.n || r.nqueued > 0 || r.esc_read) && guard++ < 100) {
		got = keys_read(&r, 0, 50, &k);
		if (got == KEYS_GOT_NOTHING)
			continue;
		if (got == KEYS_GOT_MOUSE) {
			len += (size_t)snprintf(out + len, max - len,
			    "%s%s@%d,%d", len ? " " : "",
			    r.mouse.what == TUI_CLICK ? "click" :
			    r.mouse.what == TUI_WHEEL_UP ? "wheelup" :
			    "wheeldown", r.mouse.y, r.mouse.x);
			continue;
		}
		len += (size_t)snprintf(out + len, max - len, "%s%s",
		    len ? " " : "", got == KEYS_GOT_IGNORED ? "-" :
		    keys_name(k, name));
	}
}

#define READS(want, ...) do { \
	static const int32_t in_[] = { __VA_ARGS__ }; \
	char got_[256]; \
	read_all(in_, sizeof in_ / sizeof in_[0], got_, sizeof got_); \
	ck_assert_msg(strcmp(got_, want) == 0, "read \"%s\", wanted \"%s\"", \
	    got_, want); \
} while (0)

START_TEST(test_read)
{
	/* PuTTY's End on the dashboard: End, never Esc then letters */
	READS("End", 27, '[', '4', '~');
	READS("Home End Insert Delete PgUp PgDn", 27, '[', '1', '~',
	    27, '[', '4', '~', 27, '[', '2', '~', 27, '[', '3', '~',
	    27, '[', '5', '~', 27, '[', '6', '~');
	READS("F1 F5 F12", 27, '[', '1', '1', '~', 27, '[', '[', 'E',
	    27, '[', '2', '4', '~');
	READS("Home End", 27, 'O', 'H', 27, 'O', 'F');
	READS("F1 F4", 27, 'O', 'P', 27, 'O', 'S');
	READS("Home", 27, '[', '1', ';', '5', 'H');
	/* an unknown sequence is read whole and dropped: the "a" after it
	 * is typed, nothing else */
	READS("- a", 27, '[', '9', '9', ';', '9', '9', '~', 'a');
	READS("- a", 27, '[', '2', '0', '0', '~', 'a');
	/* mouse reports: SGR (1006), X10 and urxvt (1015), read whole; a
	 * release, the other buttons and movement are dropped */
	READS("click@1,0 a", 27, '[', '<', '0', ';', '1', ';', '2', 'M', 'a');
	READS("- a", 27, '[', '<', '0', ';', '1', ';', '2', 'm', 'a');
	READS("- - a", 27, '[', '<', '2', ';', '1', ';', '2', 'M',
	    27, '[', '<', '3', '2', ';', '5', ';', '5', 'M', 'a');
	READS("wheelup@9,79 wheeldown@0,0", 27, '[', '<', '6', '4', ';',
	    '8', '0', ';', '1', '0', 'M', 27, '[', '<', '6', '5', ';', '1',
	    ';', '1', 'M');
	READS("click@4,119 x", 27, '[', '<', '1', '6', ';', '1', '2', '0',
	    ';', '5', 'M', 'x');		/* with Ctrl held */
	READS("click@0,0 x", 27, '[', 'M', ' ', '!', '!', 'x');
	READS("click@4,9 - wheeldown@0,2 x", 27, '[', 'M', ' ', '*', '%',
	    27, '[', 'M', '#', '*', '%', 27, '[', 'M', 'a', '#', '!', 'x');
	READS("click@4,9 x", 27, '[', '3', '2', ';', '1', '0', ';', '5', 'M',
	    'x');
	READS("- x", 27, '[', '<', '0', ';', '1', 'M', 'x');	/* short */
	/* a lone Esc answers; so do two, and Esc then a pause then [ */
	READS("Esc", 27);
	READS("Esc a", 27, PAUSE, 'a');
	READS("Esc Esc", 27, 27);
	READS("Esc Esc Esc", 27, 27, 27);
	READS("Esc [", 27, PAUSE, '[');
	/* a sequence cut short is dropped, never typed */
	READS("- 4 ~", 27, '[', PAUSE, '4', '~');
	READS("- b", 27, '[', '1', PAUSE, 'b');
	/* With no Alt key bound (the default), Esc and a character that
	 * arrive together are two keys: a phone's Esc then c over a slow
	 * link must not become Alt-c */
	keys_alt_on(false);
	READS("Esc x", 27, 'x');
	READS("Esc O", 27, 'O');
	READS("Esc Esc x", 27, 27, 'x');
	READS("Up", 27, 27, '[', 'A');
	/* Alt with a character (when keys.yaml binds an M- key); Alt with
	 * a sequence (rxvt) is the key */
	keys_alt_on(true);
	READS("M-x", 27, 'x');
	READS("M-O", 27, 'O');
	READS("Up", 27, 27, '[', 'A');
	READS("Esc M-x", 27, 27, 'x');
	keys_alt_on(false);
	/* a key curses recognised passes through; after ESC too */
	READS("Up Down", KEY_UP, 27, KEY_DOWN);
	/* the Linux console's F1 */
	READS("F1", 27, '[', '[', 'A');
	/* rxvt's Shift-Home ends with $ */
	READS("Home a", 27, '[', '7', '$', 'a');
	/* plain typing is untouched */
	READS("a b \xc3\xa9", 'a', 'b', 0xe9);
}
END_TEST

/* Keys curses reports by another name fold into the ones the key map
 * uses: Find/Select (screen, tmux) are Home/End, F13 is F1 with Shift. */
START_TEST(test_from_wch_folds)
{
	struct tui_key k;

	k = keys_from_wch(KEY_CODE_YES, KEY_FIND);
	ck_assert(k.fn && k.code == KEY_HOME);
	k = keys_from_wch(KEY_CODE_YES, KEY_SELECT);
	ck_assert(k.fn && k.code == KEY_END);
	k = keys_from_wch(KEY_CODE_YES, KEY_SEND);
	ck_assert(k.fn && k.code == KEY_END);
	k = keys_from_wch(KEY_CODE_YES, KEY_F(13));
	ck_assert(k.fn && k.code == KEY_F(1));
	k = keys_from_wch(KEY_CODE_YES, KEY_F(24));
	ck_assert(k.fn && k.code == KEY_F(12));
	k = keys_from_wch(KEY_CODE_YES, KEY_SLEFT);
	ck_assert(k.fn && k.code == KEY_SLEFT);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *
keys_suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("keys");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, test_parse, 0, N(parse_cases));
	tcase_add_loop_test(tc, test_parse_bad, 0, N(bad_names));
	tcase_add_test(tc, test_parse_null);
	tcase_add_test(tc, test_from_wch);
	tcase_add_test(tc, test_from_wch_folds);
	tcase_add_loop_test(tc, test_parse_meta, 0, N(meta_cases));
	tcase_add_loop_test(tc, test_from_seq, 0, N(seq_cases));
	tcase_add_loop_test(tc, test_from_seq_unknown, 0, N(seq_unknown));
	tcase_add_test(tc, test_read);
	tcase_add_test(tc, test_script);
	tcase_add_test(tc, test_actions);
	tcase_add_test(tc, test_defaults_are_sound);
	tcase_add_test(tc, test_essential_keys);
	tcase_add_test(tc, test_apply_overrides);
	tcase_add_test(tc, test_apply_errors);
	tcase_add_test(tc, test_check_finds_clash);
	tcase_add_test(tc, test_actions_listing);
	tcase_add_test(tc, test_keys_yaml_matches);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(keys_suite)
