/* cli.h - the command line: global options, then a command.
 * With no command (and a terminal) the TUI starts. */
#ifndef PEERDESK_CLI_CLI_H
#define PEERDESK_CLI_CLI_H

/* Run peerdesk with these arguments; returns the process exit status. */
int cli_main(int argc, char **argv);

#endif
