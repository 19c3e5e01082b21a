/* cli_admin.c - backup and restore. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/admin.h"
#include "peerdesk/app/privilege.h"

int
cli_backup(struct cli *cli, int argc, char **argv)
{
	struct backup_info bi;
	struct pd_err err;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "peerdesk: usage: peerdesk backup FILE\n");
		return 2;
	}
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_backup(&cli->app, argv[1], &bi, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Backed up %s to %s (checked: ok).\n", cli->app.db_path,
	    argv[1]);
	printf("The audit trail was whole up to row %lld (hash %s).\n",
	    (long long)bi.head.id, bi.head.id > 0 ? bi.head.hash : "none");
	return 0;
}

int
cli_restore(struct cli *cli, int argc, char **argv)
{
	struct restore_info ri;
	struct pd_err err;
	enum pd_status s;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "peerdesk: usage: peerdesk restore FILE\n");
		return 2;
	}
	/* Settings only: the database may be damaged or missing, and the
	 * file is checked before anything is touched (app_restore). */
	if ((rc = cli_open_settings(cli)) != 0)
		return rc;
	s = app_restore(&cli->app, argv[1], &ri, &err);
	if (s != PD_OK) {
		restore_info_fini(&ri);
		return cli_out_fail(&err);
	}
	printf("Restored %s from %s.\n", cli->app.db_path, argv[1]);
	if (ri.aside != NULL)
		printf("The database as it was%s is kept as %s.\n",
		    ri.damaged ? " (damaged)" : "", ri.aside);
	if (ri.version < 8)
		printf("It was made before the audit trail was chained; its "
		    "rows are chained from now on.\n");
	else
		printf("Its audit trail is whole up to row %lld.\n",
		    (long long)ri.head.id);
	restore_info_fini(&ri);
	return 0;
}
