#include "peerdesk/cli/cli.h"

#include <stdio.h>
#include <string.h>

int
cli_main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("peerdesk %s\n", PEERDESK_VERSION);
		return 0;
	}
	fprintf(stderr, "peerdesk: not yet\n");
	return 1;
}
