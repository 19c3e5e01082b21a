/* Tier 3: screens without a terminal - newterm on /dev/null, scripted
 * keys, the screen read back and compared with tests/tui/expected/. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/dialog.h"
#include "peerdesk/tui/form.h"
#include "tui/support/screenfix.h"
#include "tui/support/sampler.h"
#include "peerdesk/tui/statusline.h"
#include "peerdesk/tui/style.h"

static const char *
fixed_today(void *app, char buf[11])
{
	(void)app;
	memcpy(buf, "2024-02-28", 11);
	return buf;
}

static int editor_runs;

/* Stands in for $EDITOR: appends a line to the file. */
static int
fake_editor(const char *path, void *ctx)
{
	FILE *fp = fopen(path, "a");

	(void)ctx;
	editor_runs++;
	if (fp == NULL)
		return 1;
	fputs("written in the editor\n", fp);
	fclose(fp);
	return 0;
}

static bool
badge_tick(void *app, struct tui *ui)
{
	(void)app;
	tui_set_badge(ui, "2 reviews due");
	return true;
}

static struct tui_config cfg;
static struct harness *h;

static void
setup(void)
{
	sampler_reset();
	editor_runs = 0;
	memset(&cfg, 0, sizeof cfg);
	cfg.today = fixed_today;
	cfg.run_editor = fake_editor;
	cfg.tick = badge_tick;
	unsetenv("NO_COLOR");
	h = NULL;
}

static void
teardown(void)
{
	harness_free(&h);
	sampler_reset();
}

static void
start(int cols, int rows, const struct screen_ops *ops, const void *arg)
{
	h = screenfix_start(cols, rows, &cfg, ops, arg);
}

static void
keys(const char *script)
{
	screenfix_keys(h, script);
}

static void
golden(const char *name)
{
	screenfix_golden(h, "", name);
}

static void
cursor_is(int y, int x)
{
	int cy, cx;

	harness_cursor(h, &cy, &cx);
	ck_assert_msg(cy == y && cx == x, "cursor at %d,%d, wanted %d,%d", cy,
	    cx, y, x);
}

static struct screen *
top(void)
{
	return tui_top(harness_tui(h));
}

static const char *
focus(void)
{
	return form_focus_id(top());
}

static void
text_is(const char *id, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	ck_assert(form_get_text(top(), id, &sb));
	ck_assert_str_eq(strbuf_str(&sb), want);
	strbuf_fini(&sb);
}

static bool
screen_has(const char *text)
{
	return screenfix_has(h, text);
}

/* ---- forms -------------------------------------------------------------- */

START_TEST(test_form_80x24)
{
	start(80, 24, &sampler_form_screen, NULL);
	golden("form_80x24");
	cursor_is(1, 13);	/* on the Name field */
}
END_TEST

START_TEST(test_form_40x15)
{
	start(40, 15, &sampler_form_screen, NULL);
	golden("form_40x15");
	cursor_is(2, 2);	/* Name's value, under its label */
}
END_TEST

START_TEST(test_focus_order)
{
	static const char *const order[] = { "name", "date", "place",
		"people", "fee", "length", "notes", "follow_up", "", "name" };
	size_t i;

	start(80, 24, &sampler_form_screen, NULL);
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		ck_assert_str_eq(focus(), order[i]);
		keys("<Tab>");
	}
	ck_assert_str_eq(focus(), "date");
	keys("<S-Tab><S-Tab>");
	ck_assert_str_eq(focus(), "");			/* wraps to Save */
	keys("<Up><Up>");
	ck_assert_str_eq(focus(), "notes");
	keys("<Home><Down>");		/* Down leaves an empty text box */
	ck_assert_str_eq(focus(), "follow_up");
	keys("<Enter>");			/* Enter moves on too */
	ck_assert_str_eq(focus(), "");
	cursor_is(12, 15);			/* on the Save button */
}
END_TEST

START_TEST(test_inline_error)
{
	start(40, 15, &sampler_form_screen, NULL);
	keys("Jo<Tab>31/02<Tab>");
	golden("form_date_error_40x15");
	ck_assert_str_eq(focus(), "place");
	cursor_is(8, 2);
	/* Fixing it clears the message; leaving tidies the text. */
	keys("<S-Tab><C-u>today<Tab>");
	text_is("date", "2024-02-28");
	ck_assert(!screen_has("! "));
}
END_TEST

START_TEST(test_tidy_on_leave)
{
	start(80, 24, &sampler_form_screen, NULL);
	keys("<Tab>+1<Tab><Tab>3<Tab>12.5<Tab>90m<Tab>");
	text_is("date", "2024-02-29");
	text_is("people", "3");
	text_is("fee", "\xc2\xa3" "12.50");
	text_is("length", "1h 30m");
	keys("<S-Tab><S-Tab><S-Tab>0<Tab>");	/* people: 30 is too many */
	golden("form_range_error_80x24");
}
END_TEST

START_TEST(test_save)
{
	int status = -1;
	const struct sampler_stats *st = sampler_stats();

	start(80, 24, &sampler_form_screen, NULL);
	keys("<C-s>");
	ck_assert_uint_eq(st->saves, 0);
	ck_assert_str_eq(focus(), "name");
	ck_assert(screen_has("! Not saved: 2 fields need a look"));
	ck_assert(screen_has("! This one is needed"));
	keys("Zo\xc3\xab<Tab>yesterday<Tab><Right><Right><Tab><Tab>"
	    "\xc2\xa3" "3<Tab>2h<Tab>Walked<Enter>by the river<F2>");
	ck_assert_uint_eq(st->saves, 1);
	ck_assert_str_eq(st->last_saved.name, "Zo\xc3\xab");
	ck_assert_str_eq(st->last_saved.date, "2024-02-27");
	ck_assert_int_eq(st->last_saved.place, 1);	/* Town */
	ck_assert_int_eq(st->last_saved.people, -1);	/* left empty */
	ck_assert_int_eq(st->last_saved.fee, 300);
	ck_assert_int_eq(st->last_saved.minutes, 120);
	ck_assert_str_eq(st->last_saved.notes, "Walked\nby the river");
	ck_assert_ptr_null(st->last_saved.follow_up);
	ck_assert(tui_done(harness_tui(h), &status));
	ck_assert_int_eq(status, 0);
}
END_TEST

START_TEST(test_app_error_lands_by_field)
{
	start(80, 24, &sampler_form_screen, NULL);
	keys("Taken<Tab>today<Tab><Tab><Tab><Tab><Tab><Tab>");
	ck_assert_str_eq(focus(), "follow_up");
	keys("<C-s>");
	ck_assert_uint_eq(sampler_stats()->saves, 0);
	ck_assert_str_eq(focus(), "name");	/* sent back to the field */
	golden("form_app_error_80x24");
	cursor_is(1, 18);
}
END_TEST

START_TEST(test_discard_dialog)
{
	start(40, 15, &sampler_form_screen, NULL);
	keys("x<Esc>");
	golden("form_discard_40x15");
	cursor_is(9, 20);	/* on "Keep editing", the safe answer */
	keys("<Enter>");	/* keep editing */
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
	text_is("name", "x");
	keys("<Esc><Left><Enter>");	/* Discard */
	ck_assert(tui_done(harness_tui(h), NULL));
}
END_TEST

START_TEST(test_clean_form_closes_at_once)
{
	start(40, 15, &sampler_list_screen, NULL);
	keys("<Enter>");
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
	text_is("name", "Alex Ahmed");	/* the push argument */
	keys("<Esc>");			/* nothing changed: no question */
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	keys("<Enter>x<Esc>y");		/* y answers the dialog */
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
}
END_TEST

START_TEST(test_quit_asks_when_dirty)
{
	start(40, 15, &sampler_list_screen, NULL);
	keys("<Enter>x<C-q>");
	ck_assert(screen_has("Leave peerdesk?"));
	ck_assert(screen_has("Some changes are not saved yet"));
	keys("n");
	ck_assert(!tui_done(harness_tui(h), NULL));
	text_is("name", "Alex Ahmedx");
	keys("<C-q>y");
	ck_assert(tui_done(harness_tui(h), NULL));
}
END_TEST

/* The manager asks its question through cfg.ask_leave, telling it
 * whether changes are unsaved and whether they will be kept. */
static int leave_asked, leave_unsaved, leave_kept, kept_all;

static void
record_leave(struct tui *ui, int tag, bool unsaved, bool kept)
{
	(void)ui;
	(void)tag;
	leave_asked++;
	leave_unsaved = unsaved;
	leave_kept = kept;
}

static void
count_keep_all(struct tui *ui)
{
	(void)ui;
	kept_all++;
}

START_TEST(test_quit_question_is_the_configs)
{
	leave_asked = kept_all = 0;
	cfg.ask_leave = record_leave;
	start(40, 15, &sampler_list_screen, NULL);
	keys("<C-q>");			/* nothing changed: leaves at once */
	ck_assert_int_eq(leave_asked, 0);
	ck_assert(tui_done(harness_tui(h), NULL));
	harness_free(&h);

	start(40, 15, &sampler_list_screen, NULL);
	keys("<Enter>x<C-q>");
	ck_assert_int_eq(leave_asked, 1);
	ck_assert(leave_unsaved && !leave_kept);
	ck_assert(!screen_has("Leave peerdesk?"));	/* not the default */
	ck_assert(!tui_done(harness_tui(h), NULL));
	harness_free(&h);

	cfg.drafts.keep_all = count_keep_all;
	start(40, 15, &sampler_list_screen, NULL);
	keys("<Enter>x<C-q>");
	ck_assert_int_eq(leave_asked, 2);
	ck_assert(leave_unsaved && leave_kept);
	ck_assert_int_eq(kept_all, 0);	/* only once the answer is Leave */
}
END_TEST

START_TEST(test_scrolling)
{
	start(40, 15, &sampler_form_screen, NULL);
	keys("<Tab><Tab><Tab><Tab><Tab><Tab><Tab>");
	ck_assert_str_eq(focus(), "follow_up");
	golden("form_scrolled_40x15");
	cursor_is(13, 2);
	keys("<Tab><Tab>");			/* back to the top */
	ck_assert_str_eq(focus(), "name");
	cursor_is(2, 2);
}
END_TEST

START_TEST(test_resize_keeps_text)
{
	start(80, 24, &sampler_form_screen, NULL);
	keys("Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e<Tab>2025-01-02"
	    "<Tab><Tab><Tab><Tab><Tab>Notes that are long enough to wrap "
	    "when the terminal is narrow");
	golden("form_text_80x24");
	harness_resize(h, 40, 15);
	golden("form_text_40x15");
	ck_assert_str_eq(focus(), "notes");
	harness_resize(h, 80, 24);
	golden("form_text_80x24");
	text_is("name", "Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	ck_assert(form_is_dirty(top()));
}
END_TEST

START_TEST(test_multiline_and_editor)
{
	start(40, 15, &sampler_form_screen, NULL);
	keys("<Tab><Tab><Tab><Tab><Tab><Tab>one<Enter>two");
	golden("form_multiline_40x15");
	keys("<C-e>");
	ck_assert_int_eq(editor_runs, 1);
	text_is("notes", "one\ntwo\nwritten in the editor");
	keys("<Up><Up><Up>");		/* rows first, then the field above */
	ck_assert_str_eq(focus(), "length");
	keys("<C-e>");			/* End in a one-line field, no editor */
	ck_assert_int_eq(editor_runs, 1);
}
END_TEST

START_TEST(test_choice)
{
	start(80, 24, &sampler_form_screen, NULL);
	keys("<Tab><Tab>");
	ck_assert_str_eq(focus(), "place");
	keys("<Right>");
	text_is("place", "Home");
	keys("<Left>");
	text_is("place", "Other");
	keys("c");
	text_is("place", "Caf\xc3\xa9");
	keys("<Enter>");
	golden("form_picker_80x24");
	keys("<Down><Enter>");
	text_is("place", "Phone");
	keys("<Space>onl<Enter>");	/* type to narrow the picker */
	text_is("place", "Online");
	keys("?");			/* no choice starts with ?: help */
	ck_assert(screen_has("This field: Place."));
}
END_TEST

START_TEST(test_unicode_and_escapes)
{
	start(40, 15, &sampler_form_screen, "Bell\x07 and \x1b[2J");
	ck_assert(screen_has("Bell\\x07 and \\x1b[2J"));
	keys("<C-u>Zo\xc3\xab M\xc3\xbcller \xe6\x9d\x8e");
	ck_assert(screen_has("  Zo\xc3\xab M\xc3\xbcller \xe6\x9d\x8e\n"));
	cursor_is(2, 15);	/* the wide character takes two columns */
}
END_TEST

/* ---- lists ---------------------------------------------------------------- */

START_TEST(test_list_80x24)
{
	start(80, 24, &sampler_list_screen, NULL);
	golden("list_80x24");
	cursor_is(2, 0);
	ck_assert_uint_le(sampler_stats()->largest_fetch, 20);
}
END_TEST

START_TEST(test_list_paging)
{
	const struct sampler_stats *st = sampler_stats();

	start(40, 15, &sampler_list_screen, NULL);
	keys("<PgDn><Down>");
	golden("list_paged_40x15");
	cursor_is(3, 0);
	keys("<End>");
	ck_assert(screen_has("500 of 500"));
	cursor_is(12, 0);
	keys("<PgUp><Home>");
	ck_assert(screen_has("1 of 500"));
	/* only screenfuls were ever asked for */
	ck_assert_uint_le(st->largest_fetch, 11);
	ck_assert_uint_ge(st->fetches, 3);
}
END_TEST

START_TEST(test_list_filter)
{
	const struct sampler_stats *st = sampler_stats();

	start(40, 15, &sampler_list_screen, NULL);
	keys("zo");			/* typing filters at once */
	golden("list_filter_40x15");
	ck_assert_str_eq(st->last_filter, "zo");
	cursor_is(13, 10);		/* in the filter while typing */
	keys("<Down>");			/* back to the rows */
	cursor_is(3, 0);
	keys("<Esc>");			/* clears the filter */
	ck_assert_str_eq(st->last_filter, "");
	ck_assert(screen_has("1 of 500"));
	keys("/qqq");
	ck_assert(screen_has("Nothing matches the filter."));
	keys("<Backspace><Backspace><Backspace>?");	/* ? is text now */
	ck_assert_str_eq(st->last_filter, "?");
	keys("<Esc><Esc>");		/* clear, then leave: asks first */
	ck_assert(screen_has("Close peerdesk now?"));
}
END_TEST

START_TEST(test_list_open_and_reload)
{
	size_t counts;

	start(80, 24, &sampler_list_screen, NULL);
	keys("<Down><Enter>");
	text_is("name", "Bea Hughes");
	counts = sampler_stats()->counts;
	keys("<Tab>today<C-s>");
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	ck_assert_uint_eq(sampler_stats()->counts, counts + 1);	/* reload */
	ck_assert(screen_has("Saved the sample."));
	ck_assert(screen_has("2 of 500"));	/* selection kept */
}
END_TEST

START_TEST(test_too_small)
{
	start(40, 15, &sampler_office_screen, NULL);
	golden("too_small_40x15");
	keys("<Down><Down>");		/* nothing happens while hidden */
	harness_resize(h, 80, 24);
	ck_assert(screen_has("1 of 500"));
	cursor_is(2, 0);
	harness_resize(h, 30, 10);
	ck_assert(screen_has("Terminal too small"));
	harness_resize(h, 80, 24);
	ck_assert(screen_has("Framework sampler: an office list"));
}
END_TEST

START_TEST(test_phone_screens_fit_40x15)
{
	start(40, 15, &sampler_list_screen, NULL);
	ck_assert(!screen_has("too small"));
	harness_resize(h, 39, 15);
	ck_assert(screen_has("Terminal too small - make it at least\n"
	    "40x15 (now 39x15)"));
	harness_resize(h, 40, 14);
	ck_assert(screen_has("40x15 (now 40x14)"));
	harness_resize(h, 40, 15);
	ck_assert(!screen_has("too small"));
}
END_TEST

/* ---- status line, help, messages ------------------------------------------ */

static char *
hints(int width)
{
	struct strbuf sb = STRBUF_INIT;
	struct statusline_hints sh = screen_hints(top());

	statusline_text(&sh, width, &sb);
	return strbuf_detach(&sb);
}

#define ck_hints(width, want) do { \
	char *h_ = hints(width); \
	ck_assert_str_eq(h_, want); \
	free(h_); \
} while (0)

START_TEST(test_status_hints)
{
	start(80, 24, &sampler_list_screen, NULL);
	ck_hints(80, "Enter Open  / Filter  ? Help  Esc Back");
	ck_hints(40, "Enter Open  / Filter  ? Help  Esc Back");
	ck_hints(25, "Enter Open  / Filter");
	ck_assert(screen_has("\nEnter Open  / Filter  ? Help  Esc Back\n"));
	keys("<Enter>");
	/* In a text field "?" types, so help is shown as F1. */
	ck_hints(80, "C-s Save  Tab Next  F1 Help  Esc Back");
	ck_hints(40, "C-s Save  Tab Next  F1 Help  Esc Back");
	keys("<Tab><Tab>");			/* a choice */
	ck_hints(80, "C-s Save  Enter List  Tab Next  ? Help  Esc Back");
	ck_hints(40, "C-s Save  Enter List  Tab Next  ? Help");
	keys("<Tab><Tab><Tab><Tab>");		/* multi-line */
	ck_hints(80, "C-s Save  C-e Editor  Tab Next  F1 Help  Esc Back");
	harness_resize(h, 40, 15);
	ck_assert(screen_has("\nC-s Save  C-e Editor  Tab Next  F1 Help\n"));
}
END_TEST

START_TEST(test_help_screen)
{
	start(80, 24, &sampler_list_screen, NULL);
	keys("?");
	golden("help_list_80x24");
	/* key names are explained at the end */
	keys("<End>");
	ck_assert(screen_has("Key names:"));
	ck_assert(screen_has("Hold Ctrl and press q"));
	ck_assert(screen_has("Hold Alt and press x"));
	ck_assert(screen_has("F1 ... F12"));
	golden("help_list_names_80x24");
	keys("<Esc>");
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	keys("<Enter>?");		/* types into the name field */
	text_is("name", "Alex Ahmed?");
	keys("<F1>");
	ck_assert(screen_has("This field: Name."));
	ck_assert(screen_has("C-s, F2"));
	ck_assert(!screen_has("?, F1"));	/* ? types here */
	harness_resize(h, 40, 15);
	golden("help_form_40x15");
	keys("<PgDn>");
	ck_assert(screen_has("\xe2\x96\xb2"));	/* more above */
	keys("<F1>");			/* F1 again closes help */
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
}
END_TEST

START_TEST(test_unbound_key_message)
{
	start(40, 15, &sampler_list_screen, NULL);
	keys("<C-x>");
	ck_assert(screen_has("\n! C-x does nothing here. ?: help\n") ||
	    screen_has("\nC-x does nothing here. ?: help\n"));
	keys("<Down>");			/* the message goes with the next key */
	ck_assert(!screen_has("does nothing"));
}
END_TEST

/* C-z asks the main loop to pause (stop as the shell's job); it is a
 * key that does something, on every screen. */
START_TEST(test_suspend_key)
{
	start(80, 24, &sampler_list_screen, NULL);
	ck_assert(!tui_suspend_wanted(harness_tui(h)));
	keys("<C-z>");
	ck_assert(!screen_has("does nothing"));
	ck_assert(tui_suspend_wanted(harness_tui(h)));
	ck_assert(!tui_suspend_wanted(harness_tui(h)));	/* once */
	keys("<Enter>Jo<C-z>");		/* in a form's text field too */
	ck_assert(tui_suspend_wanted(harness_tui(h)));
	text_is("name", "Alex AhmedJo");
}
END_TEST

static void
mouse(int y, int x, enum tui_mouse what)
{
	tui_handle_mouse(harness_tui(h), y, x, what);
	harness_draw(h);
}

/* A click selects a list row, the wheel moves three rows; a click on a
 * form's field or button moves the focus there. */
START_TEST(test_mouse)
{
	int cy, cx;

	start(80, 24, &sampler_list_screen, NULL);
	mouse(4, 10, TUI_CLICK);		/* the third row */
	ck_assert(screen_has("3 of 500"));
	mouse(0, 10, TUI_CLICK);		/* the title: nothing */
	mouse(1, 10, TUI_CLICK);		/* the column names: nothing */
	mouse(22, 10, TUI_CLICK);		/* the footer: nothing */
	ck_assert(screen_has("3 of 500"));
	mouse(10, 10, TUI_WHEEL_DOWN);
	ck_assert(screen_has("6 of 500"));
	mouse(10, 10, TUI_WHEEL_UP);
	mouse(10, 10, TUI_WHEEL_UP);
	ck_assert(screen_has("1 of 500"));
	/* clicking a row while filtering stops the filter there */
	keys("/o");
	mouse(3, 10, TUI_CLICK);
	ck_assert(screen_has("2 of "));
	keys("<Esc>");			/* clears the filter */
	ck_assert(screen_has("1 of 500"));
	keys("<Enter>");
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
	mouse(3, 30, TUI_CLICK);		/* Place */
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, 3);
	mouse(1, 0, TUI_CLICK);			/* the label of Name */
	harness_cursor(h, &cy, &cx);
	ck_assert_int_eq(cy, 1);
	keys("x");
	text_is("name", "Alex Ahmedx");
}
END_TEST

/* Feed raw terminal bytes as the main loop reads them. */
static void
input(const char *bytes)
{
	harness_input(h, bytes, strlen(bytes));
}

/* A left click (b 0) or the wheel (64 up, 65 down) at row y, column x,
 * as SGR 1006 (sgr true) or the old X10 form. */
static void
report(bool sgr, int b, int y, int x)
{
	char buf[64];

	if (sgr)
		snprintf(buf, sizeof buf, "\033[<%d;%d;%dM", b, x + 1, y + 1);
	else
		snprintf(buf, sizeof buf, "\033[M%c%c%c", 32 + b, 33 + x,
		    33 + y);
	input(buf);
}

/* Where text first shows on screen (its row, and its column counted
 * in cells); false when it does not. */
static bool
find_text(const char *text, int *y, int *x)
{
	char *scr = harness_screen(h), *line = scr, *nl, *at;
	int row = 0;

	for (; line != NULL && *line; row++) {
		nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		if ((at = strstr(line, text)) != NULL) {
			*at = '\0';
			*y = row;
			*x = (int)utf8_width(line);
			free(scr);
			return true;
		}
		line = nl != NULL ? nl + 1 : NULL;
	}
	free(scr);
	return false;
}

static void
click_on(bool sgr, const char *text)
{
	int y, x;

	ck_assert_msg(find_text(text, &y, &x), "\"%s\" is not on screen",
	    text);
	report(sgr, 0, y, x + 1);
}

/* Each kind of screen, fed real reports in both forms: a list row is
 * chosen, then opened by a second click; the wheel moves three rows;
 * a form's field takes the focus and its button saves; a dialog's
 * button answers; a picker's row is chosen; the help scrolls; a key on
 * the bottom line is pressed; a release, the right button and movement
 * do nothing and type nothing. */
START_TEST(test_mouse_reports)
{
	bool sgr = _i == 0;
	int y, x, y2, x2;

	start(80, 24, &sampler_list_screen, NULL);
	report(sgr, 0, 4, 10);			/* the third row */
	ck_assert(screen_has("3 of 500"));
	report(sgr, 65, 10, 10);
	ck_assert(screen_has("6 of 500"));
	report(sgr, 64, 10, 10);
	ck_assert(screen_has("3 of 500"));
	report(sgr, 2, 8, 10);			/* the right button */
	report(sgr, 32, 8, 10);			/* movement */
	input("\033[<0;10;9m");			/* a release */
	ck_assert(screen_has("3 of 500"));
	ck_assert(!screen_has("does nothing"));
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	report(sgr, 0, 4, 10);			/* again: opens it */
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
	/* a form */
	report(sgr, 0, 3, 30);			/* Place */
	cursor_is(3, 13);
	ck_assert_str_eq(focus(), "place");
	report(sgr, 0, 1, 0);			/* Name's label */
	ck_assert_str_eq(focus(), "name");
	input("x");
	text_is("name", "Chidi Patelx");
	report(sgr, 65, 5, 5);			/* the wheel: next field */
	ck_assert_str_ne(focus(), "name");
	report(sgr, 64, 5, 5);
	ck_assert_str_eq(focus(), "name");
	click_on(sgr, "[ Save ]");		/* the button is pressed */
	ck_assert(screen_has("Not saved: one field needs a look"));
	ck_assert_str_eq(focus(), "date");
	report(sgr, 0, 1, 20);			/* Name, then Date */
	click_on(sgr, "Date");
	input("2025-03-04");
	click_on(sgr, "[ Save ]");
	ck_assert_uint_eq(sampler_stats()->saves, 1);
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	/* a key on the bottom line: Enter opens (a click on a message
	 * there only takes it away) */
	ck_assert(screen_has("Saved the sample."));
	report(sgr, 0, 23, 2);
	ck_assert(!screen_has("Saved the sample."));
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	ck_assert(find_text("Enter", &y, &x));
	ck_assert_int_eq(y, 23);
	report(sgr, 0, y, x + 2);
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
	input("\033");				/* Esc: back, nothing changed */
	ck_assert_ptr_eq(top()->ops, &sampler_list_screen);
	/* the help: the wheel scrolls it, a click does nothing */
	input("?");
	ck_assert(find_text("Key names", &y, &x));
	report(sgr, 65, 10, 10);
	ck_assert(find_text("Key names", &y2, &x2));
	ck_assert_int_eq(y2, y - 3);
	report(sgr, 0, 10, 10);
	ck_assert(find_text("Key names", &y2, &x2));
	ck_assert_int_eq(y2, y - 3);
	ck_assert(screen_has("Help"));
}
END_TEST

/* settings mouse: false: reports are read whole and dropped; nothing
 * moves and nothing is typed. */
START_TEST(test_mouse_off)
{
	cfg.no_mouse = true;
	start(80, 24, &sampler_list_screen, NULL);
	report(true, 0, 4, 10);
	report(false, 0, 4, 10);
	report(true, 65, 4, 10);
	ck_assert(screen_has("1 of 500"));
	input("\r");
	ck_assert_ptr_eq(top()->ops, &sampler_form_screen);
	report(true, 0, 3, 30);
	report(false, 0, 12, 15);
	ck_assert_str_eq(focus(), "name");
	text_is("name", "Alex Ahmed");
	ck_assert_uint_eq(sampler_stats()->saves, 0);
}
END_TEST

START_TEST(test_tick_badge)
{
	start(40, 15, &sampler_list_screen, NULL);
	ck_assert(!screen_has("2 reviews due"));
	harness_tick(h);
	ck_assert(screen_has("Framework sampler: a list  2 reviews due\n"));
}
END_TEST

/* ---- colour -------------------------------------------------------------- */

START_TEST(test_no_color_same_text)
{
	char *colour, *mono;

	start(80, 24, &sampler_list_screen, NULL);
	keys("<Down><Enter>");
	ck_assert(style_colour());
	colour = harness_screen(h);
	harness_free(&h);
	setenv("NO_COLOR", "1", 1);
	start(80, 24, &sampler_list_screen, NULL);
	keys("<Down><Enter>");
	ck_assert(!style_colour());
	mono = harness_screen(h);
	ck_assert_str_eq(mono, colour);
	/* the focused field still stands out, by reverse video */
	ck_assert(harness_attr_at(h, 1, 14) & A_REVERSE);
	keys("<Esc>");
	ck_assert(harness_attr_at(h, 3, 5) & A_REVERSE);	/* row 2 */
	ck_assert(!(harness_attr_at(h, 2, 5) & A_REVERSE));
	free(colour);
	free(mono);
}
END_TEST

START_TEST(test_monochrome_config)
{
	cfg.monochrome = true;
	start(40, 15, &sampler_list_screen, NULL);
	ck_assert(!style_colour());
	ck_assert(harness_attr_at(h, 2, 5) & A_REVERSE);
}
END_TEST

/* ---- dialogs ---------------------------------------------------------------- */

struct probe {
	struct screen_result last;
	char text[64];
	int results;
};

static struct probe probe;

static void
probe_draw(const struct screen *s, struct tui_cursor *cur)
{
	draw_text(s->area.y, 0, s->area.w, "probe", ST_NORMAL);
	cur->y = s->area.y;
	cur->x = 0;
}

static void
probe_result(struct screen *s, const struct screen_result *r)
{
	(void)s;
	probe.last = *r;
	snprintf(probe.text, sizeof probe.text, "%s", r->text ? r->text : "");
	probe.results++;
}

static const struct screen_ops probe_screen = {
	.name = "probe",
	.title = "Probe",
	.draw = probe_draw,
	.on_result = probe_result,
};

START_TEST(test_dialogs)
{
	static const char *const items[] = { "Apple", "Banana", "Cherry" };

	memset(&probe, 0, sizeof probe);
	start(40, 15, &probe_screen, NULL);
	ck_assert_int_eq(dialog_prompt(harness_tui(h), 7, "Your name",
	    "What should we call you?", "Jo", 20), PD_OK);
	harness_draw(h);
	golden("prompt_40x15");
	keys("<Backspace>\xc3\xab<Enter>");
	ck_assert_int_eq(probe.results, 1);
	ck_assert_int_eq(probe.last.tag, 7);
	ck_assert_int_eq(probe.last.code, SCREEN_OK);
	ck_assert_str_eq(probe.text, "J\xc3\xab");

	dialog_pick(harness_tui(h), 8, "Fruit", items, 3, 1);
	harness_draw(h);
	cursor_is(6, 9);	/* on the selected item, "Banana" */
	keys("<Down><Enter>");
	ck_assert_int_eq(probe.last.tag, 8);
	ck_assert_int_eq(probe.last.index, 2);
	ck_assert_str_eq(probe.text, "Cherry");

	dialog_confirm(harness_tui(h), 9, "Sure?", "Really?", "Yes", "No",
	    true);
	keys("<Enter>");
	ck_assert_int_eq(probe.last.tag, 9);
	ck_assert_int_eq(probe.last.code, SCREEN_OK);
	dialog_confirm(harness_tui(h), 10, "Sure?", "Really?", "Yes", "No",
	    true);
	keys("<Esc>");
	ck_assert_int_eq(probe.last.code, SCREEN_CANCEL);

	dialog_message(harness_tui(h), 11, "Note", "All done.");
	harness_draw(h);
	ck_assert(screen_has("[ OK ]"));
	keys("<Enter>");
	ck_assert_int_eq(probe.last.tag, 11);
	ck_assert_int_eq(probe.results, 5);
	ck_assert_ptr_eq(top()->ops, &probe_screen);
}
END_TEST

START_TEST(test_mouse_dialogs)
{
	static const char *const items[] = { "Apple", "Banana", "Cherry" };
	bool sgr = _i == 0;

	memset(&probe, 0, sizeof probe);
	start(40, 15, &probe_screen, NULL);
	dialog_confirm(harness_tui(h), 9, "Sure?", "Really?", "Yes", "No",
	    true);
	harness_draw(h);
	report(sgr, 0, 1, 1);			/* outside the box: nothing */
	ck_assert_int_eq(probe.results, 0);
	click_on(sgr, "[ No ]");
	ck_assert_int_eq(probe.results, 1);
	ck_assert_int_eq(probe.last.code, SCREEN_CANCEL);
	dialog_confirm(harness_tui(h), 10, "Sure?", "Really?", "Yes", "No",
	    false);
	harness_draw(h);
	click_on(sgr, "[ Yes ]");
	ck_assert_int_eq(probe.last.tag, 10);
	ck_assert_int_eq(probe.last.code, SCREEN_OK);
	dialog_message(harness_tui(h), 11, "Note", "All done.");
	harness_draw(h);
	click_on(sgr, "[ OK ]");
	ck_assert_int_eq(probe.last.tag, 11);
	/* a picker: one click chooses the row, a second takes it */
	dialog_pick(harness_tui(h), 8, "Fruit", items, 3, 0);
	harness_draw(h);
	click_on(sgr, "Cherry");
	ck_assert_int_eq(probe.results, 3);
	click_on(sgr, "Cherry");
	ck_assert_int_eq(probe.results, 4);
	ck_assert_int_eq(probe.last.index, 2);
	ck_assert_str_eq(probe.text, "Cherry");
	/* a prompt: a click types nothing */
	dialog_prompt(harness_tui(h), 7, "Your name", "What?", "Jo", 20);
	harness_draw(h);
	report(sgr, 0, 7, 10);
	input("\r");
	ck_assert_str_eq(probe.text, "Jo");
}
END_TEST

static Suite *
screens_suite(void)
{
	Suite *s = suite_create("screens");
	TCase *tc = tcase_create("screens");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_form_80x24);
	tcase_add_test(tc, test_form_40x15);
	tcase_add_test(tc, test_focus_order);
	tcase_add_test(tc, test_inline_error);
	tcase_add_test(tc, test_tidy_on_leave);
	tcase_add_test(tc, test_save);
	tcase_add_test(tc, test_app_error_lands_by_field);
	tcase_add_test(tc, test_discard_dialog);
	tcase_add_test(tc, test_clean_form_closes_at_once);
	tcase_add_test(tc, test_quit_asks_when_dirty);
	tcase_add_test(tc, test_quit_question_is_the_configs);
	tcase_add_test(tc, test_scrolling);
	tcase_add_test(tc, test_resize_keeps_text);
	tcase_add_test(tc, test_multiline_and_editor);
	tcase_add_test(tc, test_choice);
	tcase_add_test(tc, test_unicode_and_escapes);
	tcase_add_test(tc, test_list_80x24);
	tcase_add_test(tc, test_list_paging);
	tcase_add_test(tc, test_list_filter);
	tcase_add_test(tc, test_list_open_and_reload);
	tcase_add_test(tc, test_too_small);
	tcase_add_test(tc, test_phone_screens_fit_40x15);
	tcase_add_test(tc, test_status_hints);
	tcase_add_test(tc, test_help_screen);
	tcase_add_test(tc, test_unbound_key_message);
	tcase_add_test(tc, test_suspend_key);
	tcase_add_test(tc, test_mouse);
	tcase_add_loop_test(tc, test_mouse_reports, 0, 2);
	tcase_add_loop_test(tc, test_mouse_dialogs, 0, 2);
	tcase_add_test(tc, test_mouse_off);
	tcase_add_test(tc, test_tick_badge);
	tcase_add_test(tc, test_no_color_same_text);
	tcase_add_test(tc, test_monochrome_config);
	tcase_add_test(tc, test_dialogs);
	suite_add_tcase(s, tc);
	return s;
}

PD_TEST_MAIN(screens_suite)
