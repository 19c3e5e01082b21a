/* action.h - every action a key can trigger, from one list.
 *
 * ACTION_LIST(X) gives, for each action: the enum suffix, the name used
 * in keys.yaml, the short hint shown in the status line, and the help
 * text shown by `?`.  Default keys live in keys.c (defaults table) and
 * data/keys.yaml, which a test keeps identical.
 */
#ifndef PEERDESK_TUI_ACTION_H
#define PEERDESK_TUI_ACTION_H

#include <stddef.h>

/* X(ID, "name", "Hint", "Help text") */
#define ACTION_LIST(X) \
	X(QUIT,        "quit",        "Quit",   "Leave peerdesk") \
	X(HELP,        "help",        "Help",   "Show the keys for this screen") \
	X(BACK,        "back",        "Back",   "Go back: close this screen or dialog") \
	X(REDRAW,      "redraw",      "Redraw", "Draw the whole screen again") \
	X(UP,          "up",          "Up",     "Move up") \
	X(DOWN,        "down",        "Down",   "Move down") \
	X(LEFT,        "left",        "Left",   "Move left, or the previous choice") \
	X(RIGHT,       "right",       "Right",  "Move right, or the next choice") \
	X(PAGE_UP,     "page-up",     "Prev page", "Up one page") \
	X(PAGE_DOWN,   "page-down",   "Next page", "Down one page") \
	X(FIRST,       "first",       "First",  "Go to the first row") \
	X(LAST,        "last",        "Last",   "Go to the last row") \
	X(OPEN,        "open",        "Open",   "Open the selected row") \
	X(FILTER,      "filter",      "Filter", "Type to narrow the list (or just start typing)") \
	X(ACCEPT,      "accept",      "OK",     "Choose the highlighted answer") \
	X(YES,         "yes",         "Yes",    "Answer yes") \
	X(NO,          "no",          "No",     "Answer no") \
	X(NEXT_FIELD,  "next-field",  "Next",   "Go to the next field") \
	X(PREV_FIELD,  "prev-field",  "Prev",   "Go to the previous field") \
	X(SAVE,        "save",        "Save",   "Save the form") \
	X(PICK,        "pick",        "List",   "Choose from a list") \
	X(EDITOR,      "editor",      "Editor", "Edit this text in your own editor ($VISUAL or $EDITOR)") \
	X(NEWLINE,     "newline",     "Line",   "Start a new line") \
	X(LINE_START,  "line-start",  "Start",  "Go to the start of the line") \
	X(LINE_END,    "line-end",    "End",    "Go to the end of the line") \
	X(DELETE_BACK, "delete-back", "Del",    "Delete the character before the cursor") \
	X(DELETE,      "delete",      "Del",    "Delete the character under the cursor") \
	X(KILL_START,  "kill-start",  "Cut",    "Delete from the start of the line to the cursor") \
	X(KILL_END,    "kill-end",    "Cut",    "Delete from the cursor to the end of the line") \
	X(KILL_WORD,   "kill-word",   "Cut",    "Delete the word before the cursor") \
	X(ADD,         "add",         "Add",    "Add a new line") \
	X(SUBMIT,      "submit",      "Submit", "Send this week to the manager for approval") \
	X(APPROVE,     "approve",     "Approve", "Approve the selected week") \
	X(EARLIER,     "earlier",     "Earlier", "Go to the week before") \
	X(LATER,       "later",       "Later",  "Go to the week after") \
	X(WEEKS,       "weeks",       "Weeks",  "The PAL's weeks against the limit, week by week") \
	X(SPAN,        "span",        "13/52",  "Show the last 13 weeks or the last 52") \
	X(MEASURE,     "measure",     "Pay/hrs", "Draw the bars as pay or as hours") \
	X(PRINT,       "print",       "Print",  "Send it to the printer") \
	X(SAVE_CSV,    "save-csv",    "CSV",    "Save it as a CSV file (for payroll)") \
	X(SAVE_PDF,    "save-pdf",    "PDF",    "Save it as a PDF file") \
	X(EDIT,        "edit",        "Edit",   "Change it: the plan's sections, or your own plan") \
	X(REVIEW,      "review",      "Review", "Record a review: a score for each goal") \
	X(NOTE,        "note",        "Note",   "Add a dated note") \
	X(CHANGES,     "changes",     "Changes", "What changed since the last review") \
	X(HISTORY,     "history",     "History", "Who changed what, and when") \
	X(ESTABLISH,   "establish",   "Establish", "Mark the plan established: ready to meet PALs") \
	X(NEW,         "new",         "New",    "Start a new one (on the clients list: a new referral)") \
	X(STATUS_FILTER, "status-filter", "Status", "Show only the clients with the next status") \
	X(SORT,        "sort",        "Sort",   "Put the list in the next order: newest referral, name, status, PAL, next review") \
	X(REMOVE,      "remove",      "Remove", "Remove the selected line or meeting (a session goes with its note)") \
	X(FILTERS,     "filters",     "Show",   "Choose what to show: one client, one person, some dates") \
	X(SUSPEND,     "suspend",     "Pause",  "Pause peerdesk and go back to the shell; type fg to come back") \
	X(PAID,        "paid",        "Paid",   "Mark approved weeks paid, once payroll has paid them") \
	X(CAME,        "came",        "Came",   "Mark the selected person as came, or not") \
	X(MORE,        "more",        "+1",     "One more person who came but is not named") \
	X(FEWER,       "fewer",       "-1",     "One fewer person not named") \
	X(LENGTH,      "length",      "Length", "Change how long the meeting was") \
	X(DATE,        "date",        "Date",   "Change the day of the meeting") \
	X(REGISTER,    "register",    "Register", "Take the register of a new meeting") \
	X(WHO_CAME,    "who-came",    "Who came", "Correct who came to the meeting picked") \
	X(RUNNING,     "running",     "Running", "Mark the group no longer running (kept, no new meetings), or running again") \
	X(FUNDER,      "funder",      "Funder", "Choose a funder to show the report for, or every funder") \
	X(RESTORE,     "restore",     "Bring back", "Bring back the selected version of the plan (saved as a new version; the history is kept)")

enum action {
	ACT_NONE = 0,
#define ACTION_ENUM(id, name, hint, help) ACT_##id,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

/* keys.yaml name of a ("save"); "" for ACT_NONE or out of range. */
const char *action_name(enum action a);

/* Short status-line label ("Save"); "" for ACT_NONE or out of range. */
const char *action_hint(enum action a);

/* One-line help text; "" for ACT_NONE or out of range. */
const char *action_help(enum action a);

/* The action called name, or ACT_NONE if there is none. */
enum action action_from_name(const char *name);

#endif
