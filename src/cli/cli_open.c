/* cli_open.c - what every command does before its work: load the
 * settings, open the database and say who is at the keyboard. */
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/privilege.h"

/* The options of app_open and app_load_settings, from the command line
 * and the environment. */
static void
cli_open_options(const struct cli *cli, struct app_options *o)
{
	memset(o, 0, sizeof *o);
	o->config_path = cli->config_path;
	o->config_env = getenv("PEERDESK_CONFIG");
	o->db_path = cli->db_path;
	o->privileged = privilege_elevated();
}

int
cli_open(struct cli *cli, bool create, bool identify)
{
	struct pd_err err;
	struct app_options o;

	cli_open_options(cli, &o);
	o.create = create;
	if (app_open(&cli->app, &o, &err) != PD_OK)
		return cli_out_fail(&err);
	cli->opened = true;
	if (identify && app_identify(&cli->app, &err) != PD_OK)
		return cli_out_fail(&err);
	return 0;
}

int
cli_open_settings(struct cli *cli)
{
	struct pd_err err;
	struct app_options o;

	cli_open_options(cli, &o);
	if (app_load_settings(&cli->app, &o, &err) != PD_OK)
		return cli_out_fail(&err);
	cli->opened = true;
	return 0;
}
