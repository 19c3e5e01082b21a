/* cli_help.c - `peerdesk COMMAND --help`: each command's own usage, on
 * standard output, within 80 columns.  The words here are the short form
 * of the command's entry in the man page (docs/peerdesk.1). */
#include <stdio.h>
#include <string.h>

#include "cli_priv.h"

struct cli_help {
	const char *name;
	const char *text;
};

static const struct cli_help helps[] = {
	{ "init",
	  "usage: peerdesk init\n"
	  "\n"
	  "Create an empty database where the settings say (or --db FILE when\n"
	  "not installed setgid). Whoever runs it becomes its first manager.\n"
	  "Running it again on a database that is there changes nothing.\n" },
	{ "demo",
	  "usage: peerdesk demo [--scale small|large]\n"
	  "\n"
	  "Make a demo organisation: small is 48 clients and 18 PALs with two\n"
	  "years of history ending today; large is 2,000 clients, 300 PALs\n"
	  "and ten years.\n" },
	{ "import",
	  "usage: peerdesk import pals FILE [--again]\n"
	  "       peerdesk import timesheet FILE [--again] [--dry-run]\n"
	  "       peerdesk import clients FILE [--again] [--skip-duplicates]\n"
	  "\n"
	  "Bring in a CSV file with a header row, all of it or none of it.\n"
	  "FILE may be - for standard input. A problem names the file, line\n"
	  "and column, and nothing is kept. A file (or a timesheet line)\n"
	  "imported before is refused; --again brings it in on purpose.\n"
	  "A timesheet import says each PAL-week close to or over a limit;\n"
	  "--dry-run checks the whole file, says that, and keeps nothing.\n"
	  "A client row that looks like a client already there (the same\n"
	  "name, date of birth or phone) is named in a warning and imported;\n"
	  "--skip-duplicates leaves such rows out.\n" },
	{ "summary",
	  "usage: peerdesk summary\n"
	  "\n"
	  "What the database holds, in numbers (managers and office).\n" },
	{ "user",
	  "usage: peerdesk user add LOGIN \"Full Name\" office|pal|manager\n"
	  "       peerdesk user passwd LOGIN\n"
	  "       peerdesk user list\n"
	  "\n"
	  "Staff who may use peerdesk. LOGIN is their Unix login name.\n" },
	{ "backup",
	  "usage: peerdesk backup FILE\n"
	  "\n"
	  "Copy the database to FILE (made readable by you alone) while\n"
	  "others keep working, then check the copy. Managers only.\n" },
	{ "restore",
	  "usage: peerdesk restore FILE\n"
	  "\n"
	  "Check the backup FILE, then make it the database; the database\n"
	  "that was there is kept aside. Managers only.\n" },
	{ "audit",
	  "usage: peerdesk audit [--client N] [--user LOGIN] [--from DATE]\n"
	  "                      [--to DATE] [--limit N] [--format text|csv]\n"
	  "\n"
	  "Who did what, and who opened which record, newest first.\n"
	  "Managers only.\n" },
	{ "log",
	  "usage: peerdesk log [--pal LOGIN]\n"
	  "\n"
	  "Open the screen to log a session straight away (a manager may log\n"
	  "for a PAL with --pal).\n" },
	{ "week",
	  "usage: peerdesk week [--pal LOGIN] [--week YYYY-Www] [--submit]\n"
	  "       peerdesk week --pal LOGIN [--week W] --approve "
	  "[--reason TEXT]\n"
	  "       peerdesk week [--pal LOGIN] --paid "
	  "[--week W | --up-to DATE]\n"
	  "\n"
	  "A PAL's week: each line, the hours and pay, and the room left\n"
	  "under their benefit limit. --submit sends the week for approval.\n"
	  "Managers: --approve approves it; a week close to or over a limit\n"
	  "needs --reason, kept with your name. --paid marks an approved\n"
	  "week paid (locked); --up-to DATE marks every approved week that\n"
	  "ended by DATE paid, for every PAL or the one named.\n" },
	{ "report",
	  "usage: peerdesk report hours [--week YYYY-Www]\n"
	  "                             [--format text|csv|pdf]\n"
	  "                             [--print] [--output FILE]\n"
	  "                             [--excel] [--raw]\n"
	  "       peerdesk report pay (--from DATE --to DATE "
	  "| --month YYYY-MM\n"
	  "                           | --tax-year YYYY)\n"
	  "                           [--excel] [--raw] [--output FILE]\n"
	  "       peerdesk report outcomes --from DATE --to DATE\n"
	  "                           [--funder NAME] [--format text|csv|pdf]\n"
	  "                           [--output FILE] [--excel] [--raw]\n"
	  "\n"
	  "hours: the weekly hours summary (managers). --output - is standard\n"
	  "output; a new file is readable by you alone.\n"
	  "pay: the payroll CSV, one row per PAL-week whose first day is in\n"
	  "the range (managers). --excel adds a byte-order mark for Excel;\n"
	  "--raw leaves fields starting = + - @ as they are.\n"
	  "outcomes: what a funder or commissioner asks for (managers):\n"
	  "referrals, people supported, who left and why, days to a first\n"
	  "meeting, hours against contract, reviews in their window, goal\n"
	  "attainment (GAS T-scores), groups, and words clients let us\n"
	  "quote. Nobody is named unless --funder pays their own budget.\n" },
	{ "groups",
	  "usage: peerdesk groups [list [--all]]\n"
	  "       peerdesk groups show GROUP\n"
	  "       peerdesk groups add NAME --kind KIND [--day DAY]\n"
	  "                       [--time HH:MM] [--place PLACE]\n"
	  "                       [--facilitator LOGIN]...\n"
	  "       peerdesk groups meeting add GROUP --length 1h30\n"
	  "                       [--date DATE] [--start HH:MM] [--notes T]\n"
	  "                       [--by LOGIN]... [--client N]...\n"
	  "                       [--regular N]... [--name FIRST]...\n"
	  "                       [--extra N] [--reason TEXT] [--dry-run]\n"
	  "       peerdesk groups meeting show MEETING\n"
	  "       peerdesk groups meeting change MEETING [--date DATE]\n"
	  "                       [--start HH:MM] [--length 1h30]\n"
	  "                       [--notes T] [--extra N] [--reason TEXT]\n"
	  "       peerdesk groups meeting remove MEETING [--reason TEXT]\n"
	  "       peerdesk groups meeting attend MEETING [--add N]...\n"
	  "                       [--add-regular N]... [--add-name FIRST]...\n"
	  "                       [--remove N]... [--remove-regular N]...\n"
	  "                       [--remove-name FIRST]... [--extra N]\n"
	  "       peerdesk groups stop|start GROUP\n"
	  "       peerdesk groups facilitator GROUP LOGIN\n"
	  "       peerdesk groups client CLIENT\n"
	  "       peerdesk groups goal GOAL GROUP|none\n"
	  "       peerdesk groups quote review|note NUMBER yes|no\n"
	  "\n"
	  "Groups and drop-ins. KIND is walk, meal, drop-in, peer-group or\n"
	  "course. GROUP is its number or name. A meeting's register: a\n"
	  "client by number (--client), someone who came before by their\n"
	  "number in `groups show` (--regular), anyone else by a first name\n"
	  "(--name) or just a count (--extra). --by names who ran it (the\n"
	  "group's facilitators if not given; a PAL: themselves); each PAL\n"
	  "who ran it gets the time as a line in their week, and the room\n"
	  "left is shown before saving. A PAL sees only their own groups,\n"
	  "and of a client who is not theirs only the first name.\n"
	  "meeting change corrects a meeting; the paid time for running\n"
	  "it moves with it (an approved or paid week: the manager and a\n"
	  "reason). meeting remove takes it away with that paid time.\n"
	  "meeting attend corrects who came: --add/--remove a client by\n"
	  "number, --add-regular/--remove-regular a number from `groups\n"
	  "show`, --add-name/--remove-name a first name (a PAL: also a\n"
	  "client who is not theirs, as they see them), --extra the count\n"
	  "of others. Who may: as for taking the register.\n"
	  "stop: the group no longer runs (kept, listed apart with\n"
	  "--all, no new meetings); start: it runs again (office).\n"
	  "facilitator: LOGIN also runs the group (office, managers).\n"
	  "goal: a plan goal names a group. quote: the client lets these\n"
	  "words be quoted, unnamed, in the outcomes report (staff).\n" },
	{ "reminders",
	  "usage: peerdesk reminders [--days N] [--format text|csv|ics]\n"
	  "\n"
	  "What is due in the next N days: reviews, DBS re-checks,\n"
	  "supervision, funder reviews. ics is a calendar file.\n" },
	{ "pal",
	  "usage: peerdesk pal list [--all]\n"
	  "       peerdesk pal show LOGIN\n"
	  "       peerdesk pal show LOGIN --weeks 13|52 "
	  "[--format text|csv|pdf]\n"
	  "                [--pdf FILE] [--output FILE] [--excel] [--raw]\n"
	  "\n"
	  "PALs with their caseload, hours this week and room left under\n"
	  "the limit; one PAL's record. With --weeks: the PAL's last 13 or\n"
	  "52 weeks against the limit DWP applied each week (a bar, the\n"
	  "verdict as a word, hours, pay and the five-week average of\n"
	  "hours). A manager may see any PAL's weeks, a PAL their own.\n" },
	{ "sar",
	  "usage: peerdesk sar CLIENT [--output DIR]\n"
	  "\n"
	  "A copy of everything held about a client, as client-N.pdf and\n"
	  "client-N.yaml in DIR (never overwritten). Managers only.\n" },
	{ "erase",
	  "usage: peerdesk erase CLIENT [--yes]\n"
	  "\n"
	  "Anonymise a closed client, after showing what will change and\n"
	  "asking for their name. Records merged into them are erased with\n"
	  "them; a merged record cannot be erased on its own. "
	  "Managers only.\n" },
	{ "retention",
	  "usage: peerdesk retention [--dry-run] [--yes]\n"
	  "\n"
	  "Erase closed clients kept longer than retention_years.\n"
	  "--dry-run lists them and changes nothing.\n" },
	{ "clients",
	  "usage: peerdesk clients [WORDS] [--sort name|status|pal|review]\n"
	  "\n"
	  "List clients with their numbers (a PAL sees their own only),\n"
	  "newest referral first. WORDS find people: each must start a word\n"
	  "of the name, preferred name, email or address, in any case and\n"
	  "with or without accents (siobhan finds Siobh\xc3\xa1n); "
	  "digits in any\n"
	  "spacing find a phone number (07700 900123, +44 7700 900123); a\n"
	  "postcode with or without its space (SW1A 1AA, sw1a1aa).\n"
	  "--sort name, status, pal (by the PAL's name) or review (next\n"
	  "review due first, with its date); --sort referral is the "
	  "default.\n" },
	{ "client",
	  "usage: peerdesk client add NAME [--dob DATE] [--phone P] "
	  "[--email E]\n"
	  "                  [--preferred NAME] [--referred-on DATE]\n"
	  "                  [--referrer WHO] [--anyway]\n"
	  "       peerdesk client show N\n"
	  "       peerdesk client status N intake|active|paused|closed\n"
	  "                  [--reason R] [--on DATE] [--note TEXT]\n"
	  "                  [--end-support]\n"
	  "       peerdesk client reopen N [--on DATE] [--note TEXT]\n"
	  "       peerdesk client support N PAL-LOGIN [--on DATE] "
	  "[--reason WHY]\n"
	  "       peerdesk client merge KEEP OTHER [--yes]\n"
	  "\n"
	  "add takes a referral; when the name, date of birth or phone look\n"
	  "like a client already there it lists them and saves nothing\n"
	  "(--anyway saves). show gives the whole record as the screen does\n"
	  "(details, referral, funding, people who matter) and, for the\n"
	  "office, the status with its dated history.\n"
	  "status moves a client on (office and managers); closing needs\n"
	  "--reason: support-ended, moved-away, declined, not-reached, died\n"
	  "or other, and a client who still has a PAL is closed only with\n"
	  "--end-support (it ends the support that day). --on is a day from\n"
	  "the last change to today. reopen starts a new episode at referred.\n"
	  "support starts a PAL supporting the client. merge (managers) moves\n"
	  "everything of OTHER to KEEP and closes OTHER; without --yes it\n"
	  "says what it would do.\n" },
	{ "plan",
	  "usage: peerdesk plan edit CLIENT           open the plan's screens\n"
	  "       peerdesk plan show CLIENT           "
	  "the client's copy, as text\n"
	  "       peerdesk plan print CLIENT          "
	  "print it (print_command)\n"
	  "       peerdesk plan pdf CLIENT FILE       write it as a PDF\n"
	  "       peerdesk plan export CLIENT [FILE]  the plan as YAML\n"
	  "       peerdesk plan import [--force] FILE "
	  "bring a YAML plan back in\n"
	  "       peerdesk plan changes CLIENT [--since YYYY-MM-DD]\n"
	  "       peerdesk plan history CLIENT        "
	  "who changed what, and when\n"
	  "       peerdesk plan version CLIENT N      what version N changed\n"
	  "       peerdesk plan restore CLIENT N      bring back version N\n"
	  "       peerdesk plan notes CLIENT          the notes, with numbers\n"
	  "       peerdesk plan remove-note CLIENT NOTE --reason TEXT\n"
	  "       peerdesk plan progress [--screen]   every plan's goals\n"
	  "       peerdesk plan establish CLIENT      "
	  "(managers) ready for a PAL\n"
	  "\n"
	  "CLIENT is the client's number: `peerdesk clients` lists them.\n"
	  "FILE may be - for standard output (or input, for import).\n" },
	{ "palplan",
	  "usage: peerdesk palplan                your own Wellness and\n"
	  "                                       Development Plan\n"
	  "       peerdesk palplan list           (managers) every PAL's plan\n"
	  "       peerdesk palplan show PAL       (managers) one PAL's plan\n"
	  "       peerdesk palplan history [PAL]  every version, what changed\n"
	  "       peerdesk palplan edit [PAL]     open it on screen\n" },
	{ NULL, NULL }
};

const char *
cli_help_text(const char *command)
{
	const struct cli_help *h;

	for (h = helps; h->name != NULL; h++)
		if (strcmp(h->name, command) == 0)
			return h->text;
	return NULL;
}

int
cli_help_print(const char *command)
{
	const char *t = cli_help_text(command);

	if (t == NULL) {
		fprintf(stderr, "peerdesk: there is no command '%s'; try "
		    "'peerdesk --help'\n", command);
		return 2;
	}
	fputs(t, stdout);
	printf("\nOptions for every command: --db FILE, --config FILE, "
	    "--today DATE\n(before or after the command). "
	    "More: man peerdesk\n");
	return 0;
}
