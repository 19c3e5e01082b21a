/* cli_priv.h - shared by the files of src/cli. */
#ifndef PEERDESK_CLI_PRIV_H
#define PEERDESK_CLI_PRIV_H

#include <stdbool.h>

#include "peerdesk/app/app.h"

struct cli {
	const char *db_path;		/* --db */
	const char *config_path;	/* --config */
	struct app app;
	bool opened;			/* app_close at the end */
};

struct cli_command {
	const char *name;
	int (*fn)(struct cli *cli, int argc, char **argv);
	const char *usage;
	const char *help;
};

/* cli_open.c: open settings, rules and the database (create it when
 * asked), then work out who is at the keyboard if identify.  0, or an
 * exit status after printing the reason. */
int cli_open(struct cli *cli, bool create, bool identify);

/* The settings only (restore and demo make or check their own database
 * file): 0, or an exit status after printing the reason. */
int cli_open_settings(struct cli *cli);

/* Print "peerdesk: <error>" to stderr; returns an exit status:
 * 2 bad input, 3 not found, 4 not allowed, 1 anything else. */
int cli_out_fail(const struct pd_err *err);

/* When stdout is a terminal, show control characters and invalid bytes
 * in what the commands print as visible escapes (\x1b); files and pipes
 * get the bytes as they are.  cli_out_raw() puts the terminal back as it
 * was: call it before the screens start, and at the end. */
void cli_out_escape(void);
int cli_out_raw(void);

/* The full usage of command (the words of `peerdesk COMMAND --help`), or
 * NULL when there is no such command. */
const char *cli_help_text(const char *command);

/* Print command's usage on standard output: 0, or 2 (said on stderr)
 * when there is no such command. */
int cli_help_print(const char *command);

/* After a command: put the terminal back, flush standard output and
 * check that everything was written.  A failed write (a full disk, a
 * closed pipe) is said on stderr and turns rc 0 into 1. */
int cli_out_finish(int rc);

/* Pad sb with spaces to width columns (names may have accents). */
struct strbuf;
void cli_out_pad(struct strbuf *sb, size_t width);

/* A rendered report (text, CSV or PDF bytes) onto standard output: 0, or
 * 1 after saying the write failed. */
int cli_out_report(const struct strbuf *sb);

int cli_init(struct cli *cli, int argc, char **argv);
int cli_demo(struct cli *cli, int argc, char **argv);
int cli_import(struct cli *cli, int argc, char **argv);
int cli_summary(struct cli *cli, int argc, char **argv);
int cli_user(struct cli *cli, int argc, char **argv);
int cli_log(struct cli *cli, int argc, char **argv);
int cli_week(struct cli *cli, int argc, char **argv);
int cli_report(struct cli *cli, int argc, char **argv);
int cli_report_pay(struct cli *cli, int argc, char **argv);
int cli_report_outcomes(struct cli *cli, int argc, char **argv);
int cli_clients(struct cli *cli, int argc, char **argv);
int cli_client(struct cli *cli, int argc, char **argv);
int cli_plan(struct cli *cli, int argc, char **argv);

/* The screens, starting at first (no dashboard: straight to the plan). */
struct screen_ops;
int cli_plan_screens(struct cli *cli, const struct screen_ops *first,
    const void *arg);
int cli_palplan(struct cli *cli, int argc, char **argv);
int cli_groups(struct cli *cli, int argc, char **argv);
int cli_tui_screens(struct cli *cli);

/* peerdesk started with no command under sshd's ForceCommand: the
 * command the person asked for (SSH_ORIGINAL_COMMAND), when it is one
 * of the few allowed over SSH ("log", "week", alone or after
 * "peerdesk"): its name is written into cmd (n bytes) and 1 is
 * returned.  0: open the screens as usual. */
int cli_tui_ssh_command(char *cmd, size_t n);
int cli_backup(struct cli *cli, int argc, char **argv);
int cli_restore(struct cli *cli, int argc, char **argv);
int cli_audit(struct cli *cli, int argc, char **argv);
int cli_reminders(struct cli *cli, int argc, char **argv);
int cli_pal(struct cli *cli, int argc, char **argv);
int cli_sar(struct cli *cli, int argc, char **argv);
int cli_erase(struct cli *cli, int argc, char **argv);
int cli_retention(struct cli *cli, int argc, char **argv);

#endif
