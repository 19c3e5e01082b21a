/* cli_plan.c - `peerdesk plan ...` (the client's Wellness and Safety
 * Plan), `peerdesk palplan ...` (a PAL's Wellness and Development Plan)
 * and `peerdesk clients` (the numbers the plan commands take). */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_priv.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/app/clientstory.h"
#include "peerdesk/app/palplan.h"
#include "peerdesk/app/plans.h"
#include "peerdesk/app/print.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/tui/app_tui.h"
#include "peerdesk/tui/screens.h"
#include "peerdesk/tui/tui.h"

#define CLI_PLAN_WIDTH 78


/* Widths of accented names need a UTF-8 character type. */
static void
cli_plan_locale(void)
{
	setlocale(LC_CTYPE, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.utf8");
}

/* Pad sb with spaces to width columns (names may have accents). */
static void
cli_pad(struct strbuf *sb, size_t width)
{
	size_t w = utf8_width(sb->buf);

	while (w++ < width)
		strbuf_addc(sb, ' ');
}

static int
cli_client_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0) {
		fprintf(stderr, "peerdesk: '%s' is not a client number; "
		    "`peerdesk clients` shows them\n", s);
		return 2;
	}
	*id = v;
	return 0;
}


static const char *
cli_plan_today(void *app, char buf[11])
{
	(void)app;
	app_today(buf);
	return buf;
}

/* The screens, starting at first (no dashboard: straight to the plan). */
static int
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
		rc = cli_fail(&err);
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
			rc = cli_fail(&err);
		else
			fputs(sb.buf, stdout);
		strbuf_fini(&sb);
		return rc;
	}
	if (app_plan_export(&cli->app, id, path, &err) != PD_OK)
		return cli_fail(&err);
	fprintf(stderr, "Wrote the plan to %s. Change the words, then "
		    "bring it back with: peerdesk plan import %s\n", path,
		    path);
	return 0;
}

static int
cli_plan_import(struct cli *cli, const char *path, int force)
{
	struct plan_import_result r;
	struct pd_err err;
	int rc;

	if (app_plan_import_file(&cli->app, path, force, &r, &err) != PD_OK) {
		rc = cli_fail(&err);
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
		return cli_fail(&err);
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
		return cli_fail(&err);
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
		return cli_fail(&err);
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
		return cli_fail(&err);
	printf("Sent the plan to the printer%s%s\n", out.said[0] ? ": " : ".",
	    out.said);
	return 0;
}

int
cli_plan(struct cli *cli, int argc, char **argv)
{
	struct pd_err err;
	struct strbuf sb = STRBUF_INIT;
	const char *sub = argc > 1 ? argv[1] : "";
	int64_t id = 0;
	int rc, force = 0, n = 0;

	cli_plan_locale();
	if (strcmp(sub, "import") == 0) {
		if (argc == 4 && strcmp(argv[2], "--force") == 0)
			force = 1;
		else if (argc != 3)
			goto usage;
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_import(cli, argv[argc - 1], force);
	}
	if (strcmp(sub, "progress") == 0) {
		if (argc == 3 && strcmp(argv[2], "--screen") == 0) {
			if ((rc = cli_open(cli, 0, 1)) != 0)
				return rc;
			return cli_plan_screens(cli, &plan_progress_screen,
			    NULL);
		}
		if (argc != 2)
			goto usage;
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_progress(cli);
	}
	if (argc < 3)
		goto usage;
	if ((rc = cli_client_id(argv[2], &id)) != 0)
		return rc;
	if (strcmp(sub, "edit") == 0 && argc == 3) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_screens(cli, &plan_screen, &id);
	}
	if (strcmp(sub, "show") == 0 && argc == 3) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_show(cli, id);
	}
	if (strcmp(sub, "export") == 0 && argc <= 4) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_export(cli, id, argc == 4 ? argv[3] : NULL);
	}
	if (strcmp(sub, "pdf") == 0 && argc == 4) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_plan_pdf(&cli->app, id, argv[3], &err) != PD_OK)
			rc = cli_fail(&err);
		if (rc == 0 && strcmp(argv[3], "-") != 0)
			printf("Wrote the plan to %s.\n", argv[3]);
		return rc;
	}
	if (strcmp(sub, "print") == 0 && argc == 3) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_print(cli, id);
	}
	if (strcmp(sub, "history") == 0 && argc == 3) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_history(cli, id);
	}
	if (strcmp(sub, "changes") == 0 && (argc == 3 || (argc == 5 &&
	    strcmp(argv[3], "--since") == 0))) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_changes(cli, id, argc == 5 ? argv[4] : NULL);
	}
	if (strcmp(sub, "version") == 0 && argc == 4) {
		if ((n = atoi(argv[3])) <= 0)
			goto usage;
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_plan_version_text(&cli->app, id, n, CLI_PLAN_WIDTH, &sb,
		    &err) != PD_OK) {
			strbuf_fini(&sb);
			return cli_fail(&err);
		}
		fputs(sb.buf, stdout);
		strbuf_fini(&sb);
		return 0;
	}
	if (strcmp(sub, "restore") == 0 && argc == 4) {
		char *end;
		long v = strtol(argv[3], &end, 10);

		if (*end != '\0' || v <= 0 || v > 1000000)
			goto usage;
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_plan_restore(&cli->app, id, (int)v, -1, &n, &err) !=
		    PD_OK)
			return cli_fail(&err);
		printf("Brought back version %ld of client %lld's plan: it is "
		    "now version %d. Every earlier version is kept.\n", v,
		    (long long)id, n);
		return 0;
	}
	if (strcmp(sub, "notes") == 0 && argc == 3) {
		struct plan_doc doc;
		size_t i;

		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_plan_open(&cli->app, id, &doc, &err) != PD_OK)
			return cli_fail(&err);
		for (i = 0; i < doc.n_notes; i++) {
			const struct plan_note *pn = &doc.notes[i];
			const char *t = pn->text ? pn->text : "";
			size_t len = strcspn(t, "\n");

			size_t cut = len > 60 ? 60 : len;

			/* never half a character */
			while (cut > 0 && cut < len &&
			    ((unsigned char)t[cut] & 0xc0) == 0x80)
				cut--;
			strbuf_reset(&sb);
			strbuf_add(&sb, t, cut);
			printf("%lld\t%s\t%s\t%s%s\n", (long long)pn->id,
			    pn->written_on, pn->author_name ?
			    pn->author_name : "-", sb.buf,
			    cut < len || t[len] != '\0' ? "..." : "");
		}
		if (doc.n_notes == 0)
			printf("This plan has no notes.\n");
		plan_doc_fini(&doc);
		strbuf_fini(&sb);
		return 0;
	}
	if (strcmp(sub, "remove-note") == 0 && argc == 6 &&
	    strcmp(argv[4], "--reason") == 0) {
		int64_t note = 0;

		if ((rc = cli_client_id(argv[3], &note)) != 0)
			return rc;
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_plan_note_remove(&cli->app, id, note, argv[5], &err) !=
		    PD_OK)
			return cli_fail(&err);
		printf("Removed note %lld from client %lld's plan. The audit "
		    "trail keeps who removed it, when and why.\n",
		    (long long)note, (long long)id);
		return 0;
	}
	if (strcmp(sub, "establish") == 0 && argc == 3) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_plan_establish(&cli->app, id, "", &err) != PD_OK)
			return cli_fail(&err);
		printf("The plan of client %lld is established: they can be "
		    "introduced to PALs now.\n", (long long)id);
		return 0;
	}
usage:
	fputs(cli_help_text("plan"), stderr);
	return 2;
}

/* ---- the PAL's Wellness and Development Plan ------------------------- */


static void
cli_palplan_print(const struct pal_plan *p, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	printf("Wellness and Development Plan of %s", name ? name : "?");
	if (p->version_no == 0) {
		printf("\nNothing is written yet.\n");
		return;
	}
	printf(", version %d (%.10s, %s)\n", p->version_no, p->saved_at,
	    p->saved_by_name ? p->saved_by_name : "?");
	for (i = 0; i < PAL_PLAN_NFIELDS; i++) {
		const char *t = pal_plan_field_get(p, i);

		strbuf_reset(&sb);
		strbuf_addf(&sb, "\n%s\n", pal_plan_fields[i].label);
		fputs(sb.buf, stdout);
		strbuf_reset(&sb);
		plan_wrap(&sb, t ? t : "(nothing written yet)", CLI_PLAN_WIDTH,
		    2);
		fputs(sb.buf, stdout);
	}
	strbuf_fini(&sb);
}

int
cli_palplan(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "show";
	struct pd_err err;
	struct pal_plan p, *v;
	int64_t pal = 0;
	char *name = NULL;
	size_t n, i;
	int rc;

	cli_plan_locale();
	if (argc > 3 || (argc == 3 && (rc = cli_client_id(argv[2], &pal)) != 0))
		goto usage;
	if (strcmp(sub, "list") == 0 && argc == 2) {
		struct pal_plan_row *rows;

		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_pal_plan_people(&cli->app, &rows, &n, &err) != PD_OK)
			return cli_fail(&err);
		printf("%5s  %-28s %s\n", "PAL", "NAME", "PLAN");
		for (i = 0; i < n; i++) {
			struct strbuf nm = STRBUF_INIT;

			strbuf_adds(&nm, rows[i].name);
			cli_pad(&nm, 28);
			printf("%5lld  %s %s%.10s\n",
			    (long long)rows[i].pal_id, nm.buf,
			    rows[i].version_no ? "saved " : "not written yet",
			    rows[i].version_no ? rows[i].saved_at : "");
			strbuf_fini(&nm);
		}
		pal_plan_rows_free(rows, n);
		return 0;
	}
	if (strcmp(sub, "edit") == 0) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return cli_plan_screens(cli, &palplan_screen,
		    pal ? &pal : NULL);
	}
	if (strcmp(sub, "show") == 0) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_pal_plan_open(&cli->app, pal, &p, &name, &err) != PD_OK)
			return cli_fail(&err);
		cli_palplan_print(&p, name);
		free(name);
		pal_plan_fini(&p);
		return 0;
	}
	if (strcmp(sub, "history") == 0) {
		struct strbuf sb = STRBUF_INIT;

		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		if (app_pal_plan_history(&cli->app, pal, &v, &n, &err) != PD_OK)
			return cli_fail(&err);
		if (n == 0)
			printf("Nothing is written yet.\n");
		for (i = 0; i < n; i++) {
			pal_plan_version_text(i + 1 < n ? &v[i + 1] : NULL,
			    &v[i], CLI_PLAN_WIDTH, &sb);
			strbuf_addc(&sb, '\n');
		}
		fputs(sb.buf, stdout);
		strbuf_fini(&sb);
		pal_plan_list_free(v, n);
		return 0;
	}
usage:
	fputs(cli_help_text("palplan"), stderr);
	return 2;
}

/* ---- the client numbers ------------------------------------------------ */

int
cli_clients(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "sort", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct client_query q;
	struct client_row rows[100];
	struct strbuf words = STRBUF_INIT;
	struct pd_err err;
	enum client_sort sort = CLIENT_SORT_REFERRAL;
	int rc, n, i, ch, total = 0;

	optind = 0;	/* 0: glibc starts afresh (and permutes) */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 's' && client_sort_from_str(optarg, &sort) == 0)
			continue;
		if (ch == 's')
			fprintf(stderr, "peerdesk: --sort takes name, status, "
			    "pal, review or referral\n");
		fputs(cli_help_text("clients"), stderr);
		return 2;
	}
	for (i = optind; i < argc; i++) {
		if (words.len > 0)
			strbuf_addc(&words, ' ');
		strbuf_adds(&words, argv[i]);
	}
	cli_plan_locale();
	if ((rc = cli_open(cli, 0, 1)) != 0) {
		strbuf_fini(&words);
		return rc;
	}
	memset(&q, 0, sizeof q);
	q.filter = words.len > 0 ? words.buf : NULL;
	q.status_or_minus1 = -1;
	q.sort = sort;
	if (sort == CLIENT_SORT_REVIEW)
		printf("%5s  %-28s %-9s %-11s %s\n", "ID", "NAME", "STATUS",
		    "REVIEW", "WORKERS");
	else
		printf("%5s  %-28s %-9s %s\n", "ID", "NAME", "STATUS",
		    "WORKERS");
	for (;;) {
		if (app_client_page(&cli->app, &q, rows, 100, &n, &err) !=
		    PD_OK) {
			strbuf_fini(&words);
			return cli_fail(&err);
		}
		for (i = 0; i < n; i++) {
			struct strbuf name = STRBUF_INIT;

			strbuf_adds(&name, rows[i].name);
			if (rows[i].preferred_name[0] != '\0')
				strbuf_addf(&name, " (%s)",
				    rows[i].preferred_name);
			cli_pad(&name, 28);
			if (sort == CLIENT_SORT_REVIEW)
				printf("%5lld  %s %-9s %-11s %s\n",
				    (long long)rows[i].id, name.buf,
				    rows[i].status, rows[i].next_review[0] ?
				    rows[i].next_review : "-",
				    rows[i].pal_names);
			else
				printf("%5lld  %s %-9s %s\n",
				    (long long)rows[i].id, name.buf,
				    rows[i].status, rows[i].pal_names);
			strbuf_fini(&name);
		}
		total += n;
		if (n < 100)
			break;
		q.offset += n;
	}
	if (total == 0)
		printf("No clients%s.\n", q.filter ? " match that" : " yet");
	if (total > 0 && q.filter == NULL) {
		int counts[5];
		char bywords[160];

		if (app_client_status_counts(&cli->app, counts, &err) != PD_OK) {
			strbuf_fini(&words);
			return cli_fail(&err);
		}
		client_status_counts_words(counts, bywords, sizeof bywords);
		printf("By status: %s.\n", bywords);
	}
	strbuf_fini(&words);
	return 0;
}
