/* cli_plan.c - `peerdesk plan ...`: the client's Wellness and Safety
 * Plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/app/print.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/tui.h"

#define CLI_PLAN_WIDTH 78


static const char *
cli_plan_today(void *app, char buf[11])
{
	(void)app;
	app_today(buf);
	return buf;
}

int
cli_plan_screens(struct cli *cli, const struct screen_ops *first,
    const void *arg)
{
	struct tui_config cfg;

	cfg = app_tui_plain(&cli->app);	/* drafts kept, as everywhere */
	cfg.today = cli_plan_today;
	cli_out_raw();		/* the screens draw on the terminal itself */
	return tui_run(&cfg, first, arg);
}

static int
cli_plan_show(struct cli *cli, int64_t id)
{
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int rc = 0;

	if (app_plan_copy_text(&cli->app, id, CLI_PLAN_WIDTH, &sb, &err) !=
	    PD_OK)
		rc = cli_out_fail(&err);
	else
		fputs(sb.buf, stdout);
	strbuf_fini(&sb);
	return rc;
}

static int
cli_plan_export(struct cli *cli, int64_t id, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	int rc = 0;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (app_plan_export_text(&cli->app, id, &sb, &err) != PD_OK)
			rc = cli_out_fail(&err);
		else
			fputs(sb.buf, stdout);
		strbuf_fini(&sb);
		return rc;
	}
	if (app_plan_export(&cli->app, id, path, &err) != PD_OK)
		return cli_out_fail(&err);
	fprintf(stderr, "Wrote the plan to %s. Change the words, then "
		    "bring it back with: peerdesk plan import %s\n", path,
		    path);
	return 0;
}

static int
cli_plan_import(struct cli *cli, const char *path, bool force)
{
	struct plan_import_result r;
	struct pd_err err;
	int rc;

	if (app_plan_import_file(&cli->app, path, force, &r, &err) != PD_OK) {
		rc = cli_out_fail(&err);
		if (err.code != PD_DENIED && err.code != PD_IO)
			fprintf(stderr, "peerdesk: nothing from %s was kept\n",
			    path);
		return rc;
	}
	printf("%s's plan: ", r.client_name);
	if (r.version_after != r.version_before)
		printf("saved as version %d", r.version_after);
	else
		printf("the sections are as they were (version %d)",
		    r.version_after);
	printf("; %d goal%s added, %d changed; %d score%s and %d note%s "
	    "added.\n", r.goals_added, r.goals_added == 1 ? "" : "s",
	    r.goals_changed, r.scores_added + r.scores_changed,
	    r.scores_added + r.scores_changed == 1 ? "" : "s", r.notes_added,
	    r.notes_added == 1 ? "" : "s");
	if (r.goals_not_in_file > 0)
		printf("%d goal%s not in the file %s left as %s.\n",
		    r.goals_not_in_file, r.goals_not_in_file == 1 ? "" : "s",
		    r.goals_not_in_file == 1 ? "was" : "were",
		    r.goals_not_in_file == 1 ? "it was" : "they were");
	return 0;
}

static int
cli_plan_history(struct cli *cli, int64_t id)
{
	struct plan_history h;
	struct pd_err err;
	size_t i;

	if (app_plan_history(&cli->app, id, &h, &err) != PD_OK)
		return cli_out_fail(&err);
	if (h.n == 0)
		printf("Nothing has been written in this plan yet.\n");
	for (i = 0; i < h.n; i++)
		printf("%-22s %-20s %s\n", h.events[i].when,
		    h.events[i].who ? h.events[i].who : "-", h.events[i].what);
	plan_history_fini(&h);
	return 0;
}

static int
cli_plan_changes(struct cli *cli, int64_t id, const char *since)
{
	struct plan_changes c;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;

	if (app_plan_changes(&cli->app, id, since, &c, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("%s's plan\n", c.doc.client_name);
	plan_changes_text(&c, CLI_PLAN_WIDTH, &sb);
	fputs(sb.buf, stdout);
	strbuf_fini(&sb);
	plan_changes_fini(&c);
	return 0;
}

static int
cli_plan_progress(struct cli *cli)
{
	struct plan_progress_row *rows;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	size_t n;

	if (app_plan_progress_list(&cli->app, &rows, &n, &err) != PD_OK)
		return cli_out_fail(&err);
	plan_progress_text(rows, n, &sb);
	fputs(sb.buf, stdout);
	strbuf_fini(&sb);
	plan_progress_rows_free(rows, n);
	return 0;
}

static int
cli_plan_print(struct cli *cli, int64_t id)
{
	struct print_outcome out;
	struct pd_err err;

	if (app_plan_print(&cli->app, id, &out, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Sent the plan to the printer%s%s\n", out.said[0] ? ": " : ".",
	    out.said);
	return 0;
}

static int
cli_plan_edit(struct cli *cli, int64_t id, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_plan_screens(cli, &plan_screen, &id);
}

static int
cli_plan_show_cmd(struct cli *cli, int64_t id, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_plan_show(cli, id);
}

static int
cli_plan_export_cmd(struct cli *cli, int64_t id, int argc, char **argv)
{
	return cli_plan_export(cli, id, argc == 4 ? argv[3] : NULL);
}

static int
cli_plan_pdf(struct cli *cli, int64_t id, int argc, char **argv)
{
	struct pd_err err;

	(void)argc;
	if (app_plan_pdf(&cli->app, id, argv[3], &err) != PD_OK)
		return cli_out_fail(&err);
	if (strcmp(argv[3], "-") != 0)
		printf("Wrote the plan to %s.\n", argv[3]);
	return 0;
}

static int
cli_plan_print_cmd(struct cli *cli, int64_t id, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_plan_print(cli, id);
}

static int
cli_plan_history_cmd(struct cli *cli, int64_t id, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_plan_history(cli, id);
}

/* changes [--since DATE] */
static int
cli_plan_changes_args(int argc, char **argv)
{
	return argc == 3 || (argc == 5 && strcmp(argv[3], "--since") == 0) ?
	    0 : -1;
}

static int
cli_plan_changes_cmd(struct cli *cli, int64_t id, int argc, char **argv)
{
	return cli_plan_changes(cli, id, argc == 5 ? argv[4] : NULL);
}

static int
cli_plan_version_args(int argc, char **argv)
{
	(void)argc;
	return atoi(argv[3]) > 0 ? 0 : -1;
}

static int
cli_plan_version(struct cli *cli, int64_t id, int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;

	(void)argc;
	if (app_plan_version_text(&cli->app, id, atoi(argv[3]), CLI_PLAN_WIDTH,
	    &sb, &err) != PD_OK) {
		strbuf_fini(&sb);
		return cli_out_fail(&err);
	}
	fputs(sb.buf, stdout);
	strbuf_fini(&sb);
	return 0;
}

static int
cli_plan_restore_args(int argc, char **argv)
{
	char *end;
	long v = strtol(argv[3], &end, 10);

	(void)argc;
	return *end != '\0' || v <= 0 || v > 1000000 ? -1 : 0;
}

static int
cli_plan_restore(struct cli *cli, int64_t id, int argc, char **argv)
{
	struct pd_err err;
	long v = strtol(argv[3], NULL, 10);
	int n = 0;

	(void)argc;
	if (app_plan_restore(&cli->app, id, (int)v, -1, &n, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Brought back version %ld of client %lld's plan: it is "
	    "now version %d. Every earlier version is kept.\n", v,
	    (long long)id, n);
	return 0;
}

/* The first line of a note, cut at 60 bytes (never half a character),
 * "..." when there is more. */
static void
cli_plan_note_line(const struct plan_note *pn, struct strbuf *sb)
{
	const char *t = pn->text ? pn->text : "";
	size_t len = strcspn(t, "\n");
	size_t cut = len > 60 ? 60 : len;

	while (cut > 0 && cut < len &&
	    ((unsigned char)t[cut] & 0xc0) == 0x80)
		cut--;
	strbuf_reset(sb);
	strbuf_add(sb, t, cut);
	printf("%lld\t%s\t%s\t%s%s\n", (long long)pn->id, pn->written_on,
	    pn->author_name ? pn->author_name : "-", sb->buf,
	    cut < len || t[len] != '\0' ? "..." : "");
}

static int
cli_plan_notes(struct cli *cli, int64_t id, int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	struct plan_doc doc;
	struct pd_err err;
	size_t i;

	(void)argc;
	(void)argv;
	if (app_plan_open(&cli->app, id, &doc, &err) != PD_OK)
		return cli_out_fail(&err);
	for (i = 0; i < doc.n_notes; i++)
		cli_plan_note_line(&doc.notes[i], &sb);
	if (doc.n_notes == 0)
		printf("This plan has no notes.\n");
	plan_doc_fini(&doc);
	strbuf_fini(&sb);
	return 0;
}

/* remove-note NOTE --reason WHY */
static int
cli_plan_remove_note_args(int argc, char **argv)
{
	int64_t note;

	(void)argc;
	if (strcmp(argv[4], "--reason") != 0)
		return -1;
	return cli_opts_number(argv[3], "note", NULL, &note);
}

static int
cli_plan_remove_note(struct cli *cli, int64_t id, int argc, char **argv)
{
	struct pd_err err;
	int64_t note = 0;

	(void)argc;
	(void)cli_opts_id(argv[3], &note);
	if (app_plan_note_remove(&cli->app, id, note, argv[5], &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Removed note %lld from client %lld's plan. The audit "
	    "trail keeps who removed it, when and why.\n",
	    (long long)note, (long long)id);
	return 0;
}

static int
cli_plan_establish(struct cli *cli, int64_t id, int argc, char **argv)
{
	struct pd_err err;

	(void)argc;
	(void)argv;
	if (app_plan_establish(&cli->app, id, "", &err) != PD_OK)
		return cli_out_fail(&err);
	printf("The plan of client %lld is established: they can be "
	    "introduced to PALs now.\n", (long long)id);
	return 0;
}

/* `plan SUB CLIENT ...`: the words it takes (argc from min to max),
 * a check of them before the database is opened (0 fine, -1 the usage,
 * else an exit status after saying why) and the work. */
static const struct cli_plan_sub {
	const char *name;
	int min_argc, max_argc;
	int (*args)(int argc, char **argv);
	int (*run)(struct cli *cli, int64_t id, int argc, char **argv);
} cli_plan_subs[] = {
	{ "edit", 3, 3, NULL, cli_plan_edit },
	{ "show", 3, 3, NULL, cli_plan_show_cmd },
	{ "export", 3, 4, NULL, cli_plan_export_cmd },
	{ "pdf", 4, 4, NULL, cli_plan_pdf },
	{ "print", 3, 3, NULL, cli_plan_print_cmd },
	{ "history", 3, 3, NULL, cli_plan_history_cmd },
	{ "changes", 3, 5, cli_plan_changes_args, cli_plan_changes_cmd },
	{ "version", 4, 4, cli_plan_version_args, cli_plan_version },
	{ "restore", 4, 4, cli_plan_restore_args, cli_plan_restore },
	{ "notes", 3, 3, NULL, cli_plan_notes },
	{ "remove-note", 6, 6, cli_plan_remove_note_args,
	  cli_plan_remove_note },
	{ "establish", 3, 3, NULL, cli_plan_establish },
};

static int
cli_plan_usage(void)
{
	fputs(cli_help_text("plan"), stderr);
	return 2;
}

/* plan import [--force] FILE */
static int
cli_plan_import_cmd(struct cli *cli, int argc, char **argv)
{
	bool force = false;
	int rc;

	if (argc == 4 && strcmp(argv[2], "--force") == 0)
		force = true;
	else if (argc != 3)
		return cli_plan_usage();
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	return cli_plan_import(cli, argv[argc - 1], force);
}

/* plan progress [--screen] */
static int
cli_plan_progress_cmd(struct cli *cli, int argc, char **argv)
{
	bool screen = argc == 3 && strcmp(argv[2], "--screen") == 0;
	int rc;

	if (!screen && argc != 2)
		return cli_plan_usage();
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (screen)
		return cli_plan_screens(cli, &plan_progress_screen, NULL);
	return cli_plan_progress(cli);
}

int
cli_plan(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	const struct cli_plan_sub *c;
	int64_t id = 0;
	size_t i;
	int rc;

	if (strcmp(sub, "import") == 0)
		return cli_plan_import_cmd(cli, argc, argv);
	if (strcmp(sub, "progress") == 0)
		return cli_plan_progress_cmd(cli, argc, argv);
	if (argc < 3)
		return cli_plan_usage();
	if ((rc = cli_opts_number(argv[2], "client", NULL, &id)) != 0)
		return rc;
	for (i = 0; i < sizeof cli_plan_subs / sizeof cli_plan_subs[0]; i++) {
		c = &cli_plan_subs[i];
		if (strcmp(sub, c->name) != 0 || argc < c->min_argc ||
		    argc > c->max_argc)
			continue;
		if (c->args != NULL && (rc = c->args(argc, argv)) != 0)
			return rc < 0 ? cli_plan_usage() : rc;
		if ((rc = cli_open(cli, false, true)) != 0)
			return rc;
		return c->run(cli, id, argc, argv);
	}
	return cli_plan_usage();
}
