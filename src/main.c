/* main.c - arguments and wiring; hands over to the CLI or the TUI. */
#include "peerdesk/cli/cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
