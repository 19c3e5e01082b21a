/* print.h - send a file to the printer through the configured command.
 *
 * The command (settings print_command, "lp" by default) is split on
 * spaces and tabs - no shell, no quoting - and run with the file's path
 * as its last argument, e.g. "lp -d office" prints with
 * `lp -d office FILE`.  The child gives up any setgid privilege first,
 * reads nothing from the terminal, and is stopped when it takes longer
 * than the time limit.  docs/reports.md says more.
 */
#ifndef PEERDESK_APP_PRINT_H
#define PEERDESK_APP_PRINT_H

#include "peerdesk/core/status.h"

#define PRINT_COMMAND_DEFAULT "lp"
#define PRINT_TIMEOUT_MS 30000	/* a print command may take 30 s */
#define PRINT_ARGS_MAX 32	/* words in the command, file included */
#define PRINT_SAID_LEN 512

/* What the command did.  said: its standard output, e.g. lp's "request
 * id is office-12 (1 file(s))", trimmed; stderr goes into err.msg. */
struct print_outcome {
	int exit_status;	/* 0-255; -1 when it did not exit itself */
	char said[PRINT_SAID_LEN];
};

/* Print path with command (NULL or "" uses PRINT_COMMAND_DEFAULT),
 * waiting at most timeout_ms (<= 0 means PRINT_TIMEOUT_MS).  PD_OK when
 * it exits 0.  Otherwise err says in plain words what happened:
 * PD_INVALID for an unreadable file or an unusable command line,
 * PD_NOT_FOUND when the command does not exist, PD_IO when it failed
 * (exit status and what it wrote to stderr), was stopped by a signal, or
 * ran past the time limit (then it is killed).  When lp or lpr failed,
 * lpstat is asked why: "lpstat -r" saying the scheduler is not running
 * gives "the print service (CUPS) on this computer is not running"
 * instead of lp's "the printer or class does not exist"; an unknown
 * printer is named with the printers "lpstat -p" lists.  out may be
 * NULL. */
enum pd_status app_print_file(const char *command, const char *path,
    int timeout_ms, struct print_outcome *out, struct pd_err *err);

/* Print n bytes: written first to a new private file (mode 0600) in
 * $TMPDIR (else /tmp) named NAME-XXXXXX.EXT, printed with command as
 * app_print_file does, then removed.  Same results as app_print_file. */
enum pd_status app_print_bytes(const char *command, const char *name,
    const char *ext, const void *p, size_t n, struct print_outcome *out,
    struct pd_err *err);

/* The job id the print command reported ("request id is Q-12 ..." from
 * lp gives "Q-12"), or "" when it said none. */
void print_job_id(const struct print_outcome *o, char *buf, size_t n);

#endif
