/* cli_groups.c - `peerdesk groups`: groups and drop-ins, their meetings
 * and registers, a client's groups, a goal's group, quotable words. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"

static int
cli_group_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fputs(cli_help_text("groups"), stderr);
	return 2;
}

static void
cli_group_when(const struct group *g, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s", group_day_label(g->usual_day),
	    g->usual_day && g->usual_time[0] ? " " : "", g->usual_time,
	    (g->usual_day || g->usual_time[0]) && g->place ? ", " : "",
	    g->place != NULL ? g->place : "");
}

static int
cli_group_list(struct cli *cli, bool all)
{
	struct group_row *v;
	struct pd_err err;
	size_t n, i;
	bool said = false;
	int pass;

	if (app_groups_list(&cli->app, all, &v, &n, &err) != PD_OK)
		return cli_out_fail(&err);
	if (n == 0) {
		printf("No groups yet.\n");
		return 0;
	}
	/* running groups first, then (with --all) those no longer running */
	for (pass = 0; pass < 2; pass++)
	for (i = 0; i < n; i++) {
		char when[160];

		if ((pass == 0) != (v[i].g.active != 0))
			continue;
		if (pass == 1 && !said) {
			said = true;
			printf("\nNo longer running:\n");
		}
		cli_group_when(&v[i].g, when, sizeof when);
		printf("%3lld  %s (%s)%s\n     %s\n     %d meeting%s, %d %s, "
		    "%d attendance%s%s%s\n", (long long)v[i].g.id, v[i].g.name,
		    group_kind_label(v[i].g.kind), v[i].g.active ? "" :
		    " - not running", when[0] ? when : "no usual day",
		    v[i].meetings, v[i].meetings == 1 ? "" : "s", v[i].people,
		    v[i].people == 1 ? "person" : "people", v[i].attendances,
		    v[i].attendances == 1 ? "" : "s",
		    v[i].last[0] ? "; last " : "", v[i].last);
	}
	group_rows_free(v, n);
	return 0;
}

static int
cli_group_show(struct cli *cli, const char *which, int limit)
{
	struct group_detail d;
	struct pd_err err;
	int64_t id;
	size_t i;
	char when[160];

	if (app_group_find(&cli->app, which, &id, &err) != PD_OK ||
	    app_group_get(&cli->app, id, limit, &d, &err) != PD_OK)
		return cli_out_fail(&err);
	cli_group_when(&d.row.g, when, sizeof when);
	printf("%s (%s), group %lld\n", d.row.g.name,
	    group_kind_label(d.row.g.kind), (long long)d.row.g.id);
	printf("When:    %s\n", when[0] ? when : "not fixed");
	printf("Run by:  %s\n", d.row.facilitators[0] ? d.row.facilitators :
	    "nobody named yet");
	printf("So far:  %d meeting%s, %d %s, %d attendance%s",
	    d.row.meetings, d.row.meetings == 1 ? "" : "s", d.row.people,
	    d.row.people == 1 ? "person" : "people", d.row.attendances,
	    d.row.attendances == 1 ? "" : "s");
	if (d.row.meetings > 0)
		printf(", %.1f a meeting", (double)d.row.attendances /
		    d.row.meetings);
	printf("\n\nMeetings (newest first):\n");
	for (i = 0; i < d.nmeetings; i++) {
		char dur[DURATION_STR_LEN];

		printf("  %5lld  %s %-5s %-8s %d came\n",
		    (long long)d.meetings[i].id, d.meetings[i].date,
		    d.meetings[i].start_time,
		    duration_format(d.meetings[i].minutes, dur),
		    d.meetings[i].came);
	}
	if (d.nmeetings == 0)
		printf("  none yet\n");
	printf("\nPeople who come (number for the register, times):\n");
	for (i = 0; i < d.nregulars; i++) {
		if (d.regulars[i].client_id != 0)
			printf("  %3d  %s (client %lld), %d\n",
			    d.regulars[i].no,
			    d.regulars[i].name,
			    (long long)d.regulars[i].client_id,
			    d.regulars[i].times);
		else
			printf("  %3d  %s, %d\n", d.regulars[i].no,
			    d.regulars[i].name, d.regulars[i].times);
	}
	if (d.nregulars == 0)
		printf("  nobody yet\n");
	group_detail_fini(&d);
	return 0;
}

/* groups add NAME --kind K [--day D] [--time T] [--place P]
 * [--facilitator LOGIN]... */
struct cli_group_add {
	const char *kind, *day, *time, *place;
	const char *fac[32];
	size_t nfac;
};

static int
cli_group_facilitator_opt(void *dest, const char *value)
{
	struct cli_group_add *a = dest;

	if (a->nfac == 32)
		return cli_group_usage("at most 32 facilitators");
	a->fac[a->nfac++] = value;
	return 0;
}

/* 0 with g and a filled, *name the group's; or an exit status. */
static int
cli_group_add_options(int argc, char **argv, struct cli_group_add *a,
    struct group *g, int *name)
{
	const struct cli_opt opts[] = {
		{ "kind", CLI_OPT_TEXT, &a->kind, 0, NULL },
		{ "day", CLI_OPT_TEXT, &a->day, 0, NULL },
		{ "time", CLI_OPT_TEXT, &a->time, 0, NULL },
		{ "place", CLI_OPT_TEXT, &a->place, 0, NULL },
		{ "facilitator", CLI_OPT_CALL, a, 0,
		    cli_group_facilitator_opt },
		CLI_OPTS_END
	};
	int rc;

	memset(a, 0, sizeof *a);
	memset(g, 0, sizeof *g);
	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, name);
	if (rc != 0)
		return rc > 0 ? rc : cli_group_usage(NULL);
	if (*name + 1 != argc)
		return cli_group_usage("give the group's name (in quotes when "
		    "it has spaces)");
	if (a->kind == NULL || group_kind_from_str(a->kind, &g->kind) != 0)
		return cli_group_usage("--kind is walk, meal, drop-in, "
		    "peer-group or course");
	if (a->day != NULL && (g->usual_day = group_day_from_str(a->day)) == 0)
		return cli_group_usage("--day is a day of the week, like "
		    "Thursday");
	if (a->time != NULL)
		snprintf(g->usual_time, sizeof g->usual_time, "%s", a->time);
	if (a->time != NULL && strlen(a->time) > 5)
		return cli_group_usage("--time looks like 13:30");
	return 0;
}

static int
cli_group_add(struct cli *cli, int argc, char **argv)
{
	struct cli_group_add a;
	int64_t ids[32];
	struct group g;
	struct pd_err err;
	size_t i;
	int rc, name;

	if ((rc = cli_group_add_options(argc, argv, &a, &g, &name)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0)
		return rc;
	for (i = 0; i < a.nfac; i++)
		if (app_group_staff_by_login(&cli->app, a.fac[i], &ids[i], &err)
		    != PD_OK)
			return cli_out_fail(&err);
	g.name = argv[name];
	g.place = a.place != NULL ? xstrdup(a.place) : NULL;
	rc = 0;
	if (app_group_add(&cli->app, &g, ids, a.nfac, &err) != PD_OK)
		rc = cli_out_fail(&err);
	else
		printf("Added group %lld, %s.\n", (long long)g.id, g.name);
	free(g.place);
	return rc;
}

static void
cli_group_print_previews(const struct time_preview *pv, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s\n", pv[i].sentence);
}

/* --extra N: a count of people not named (empty_ok: "" is 0). */
static int
cli_group_extra(const char *value, int *extra, bool empty_ok)
{
	char *end;

	*extra = (int)strtol(value, &end, 10);
	if (*end != '\0' || (!empty_ok && *value == '\0') || *extra < 0)
		return cli_group_usage("--extra is a count of people not "
		    "named");
	return 0;
}

/* Who came, as --client N, --regular N or --name NAME put it: the
 * option's letter ('c', 'r' or 'N') and its value into *c. */
static int
cli_group_came(struct group_came *c, char which, const char *value)
{
	int64_t v;

	memset(c, 0, sizeof *c);
	if (which == 'N') {
		c->first_name = value;
		return 0;
	}
	if (!cli_opts_id(value, &v)) {
		fprintf(stderr, "peerdesk: '%s' is not a number\n", value);
		return 2;
	}
	if (which == 'c')
		c->client_id = v;
	else
		c->regular = (int)v;
	return 0;
}

/* A growing list of who came. */
struct cli_group_cames {
	struct group_came *v;
	size_t n;
};

static int
cli_group_came_add(struct cli_group_cames *l, char which, const char *value)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	return cli_group_came(&l->v[l->n++], which, value);
}

/* --client, --regular or --name (which: 'c', 'r', 'N') onto a list of
 * who came: the dest of those options. */
struct cli_group_came_opt {
	struct cli_group_cames *list;
	char which;
};

static int
cli_group_came_take(void *dest, const char *value)
{
	const struct cli_group_came_opt *o = dest;

	return cli_group_came_add(o->list, o->which, value);
}

/* groups meeting add GROUP --length L [--date D] [--start T] ... */
struct cli_group_meeting_add {
	struct group_meeting m;
	struct cli_group_cames came;
	const char **by;
	size_t nby;
	const char *date, *start, *length, *notes, *reason;
	bool dry;
};

static int
cli_group_by_opt(void *dest, const char *value)
{
	struct cli_group_meeting_add *a = dest;

	a->by = xreallocarray(a->by, a->nby + 1, sizeof *a->by);
	a->by[a->nby++] = value;
	return 0;
}

static int
cli_group_add_extra_opt(void *dest, const char *value)
{
	return cli_group_extra(value, dest, true);
}

/* 0 with a filled and *which the group's word; or an exit status. */
static int
cli_group_meeting_add_options(int argc, char **argv,
    struct cli_group_meeting_add *a, int *which)
{
	struct cli_group_came_opt client = { &a->came, 'c' },
	    regular = { &a->came, 'r' }, name = { &a->came, 'N' };
	const struct cli_opt opts[] = {
		{ "date", CLI_OPT_TEXT, &a->date, 0, NULL },
		{ "start", CLI_OPT_TEXT, &a->start, 0, NULL },
		{ "length", CLI_OPT_TEXT, &a->length, 0, NULL },
		{ "minutes", CLI_OPT_TEXT, &a->length, 0, NULL },
		{ "notes", CLI_OPT_TEXT, &a->notes, 0, NULL },
		{ "by", CLI_OPT_CALL, a, 0, cli_group_by_opt },
		{ "client", CLI_OPT_CALL, &client, 0, cli_group_came_take },
		{ "regular", CLI_OPT_CALL, &regular, 0, cli_group_came_take },
		{ "name", CLI_OPT_CALL, &name, 0, cli_group_came_take },
		{ "extra", CLI_OPT_CALL, &a->m.extra_count, 0,
		  cli_group_add_extra_opt },
		{ "reason", CLI_OPT_TEXT, &a->reason, 0, NULL },
		{ "dry-run", CLI_OPT_FLAG, &a->dry, 0, NULL },
		CLI_OPTS_END
	};
	struct pd_err err;
	int rc;

	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, which);
	if (rc != 0)
		return rc > 0 ? rc : cli_group_usage(NULL);
	if (*which + 1 != argc)
		return cli_group_usage("say which group (its number or name)");
	if (a->length == NULL)
		return cli_group_usage("say how long it was: --length 1h30");
	if (duration_parse(a->length, &a->m.minutes, &err) != PD_OK)
		return cli_out_fail(&err);
	if (a->date != NULL)
		snprintf(a->m.date, sizeof a->m.date, "%s", a->date);
	if (a->start != NULL)
		snprintf(a->m.start_time, sizeof a->m.start_time, "%s",
		    a->start);
	if (a->notes != NULL)
		a->m.notes = xstrdup(a->notes);
	return 0;
}

/* The meeting a describes, shown (its paid time), then saved unless
 * --dry-run. */
static int
cli_group_meeting_save(struct cli *cli, struct cli_group_meeting_add *a,
    const char *which)
{
	struct time_preview *pv = NULL;
	int64_t *staff = NULL;
	struct pd_err err;
	size_t i, npv = 0;
	int rc = 0;

	if (app_group_find(&cli->app, which, &a->m.group_id, &err) != PD_OK)
		return cli_out_fail(&err);
	if (a->nby > 0)
		staff = xcalloc(a->nby, sizeof *staff);
	for (i = 0; i < a->nby && rc == 0; i++)
		if (app_group_staff_by_login(&cli->app, a->by[i], &staff[i],
		    &err) != PD_OK)
			rc = cli_out_fail(&err);
	if (rc == 0 && app_group_meeting_preview(&cli->app, &a->m, staff,
	    a->nby, &pv, &npv, &err) != PD_OK)
		rc = cli_out_fail(&err);
	if (rc == 0)
		cli_group_print_previews(pv, npv);
	if (rc == 0 && a->dry)
		printf("Nothing saved (--dry-run).\n");
	else if (rc == 0 && app_group_meeting_add(&cli->app, &a->m, staff,
	    a->nby, a->came.v, a->came.n, a->reason, &err) != PD_OK)
		rc = cli_out_fail(&err);
	else if (rc == 0)
		printf("Saved meeting %lld: %zu named, %d more.\n",
		    (long long)a->m.id, a->came.n, a->m.extra_count);
	free(staff);
	free(pv);
	return rc;
}

static int
cli_group_meeting_add(struct cli *cli, int argc, char **argv)
{
	struct cli_group_meeting_add a;
	int rc, which;

	memset(&a, 0, sizeof a);
	date_format(today_get(), a.m.date);
	if ((rc = cli_group_meeting_add_options(argc, argv, &a, &which)) == 0 &&
	    (rc = cli_open(cli, false, true)) == 0)
		rc = cli_group_meeting_save(cli, &a, argv[which]);
	free(a.came.v);
	free(a.by);
	free(a.m.notes);
	return rc;
}

/* The meeting's number: 0, or 2 after saying it is not one. */
static int
cli_group_meeting_number(const char *s, int64_t *id)
{
	if (cli_opts_id(s, id))
		return 0;
	fprintf(stderr, "peerdesk: '%s' is not a meeting's number; "
	    "peerdesk groups show GROUP lists them\n", s);
	return 2;
}

/* groups meeting change NUMBER [options] / groups meeting remove NUMBER */
struct cli_group_change {
	const char *date, *start, *length, *notes, *extra, *reason;
};

static int
cli_group_change_options(int argc, char **argv, bool remove,
    struct cli_group_change *c, int64_t *id)
{
	const struct cli_opt opts[] = {
		{ "date", CLI_OPT_TEXT, &c->date, 0, NULL },
		{ "start", CLI_OPT_TEXT, &c->start, 0, NULL },
		{ "length", CLI_OPT_TEXT, &c->length, 0, NULL },
		{ "minutes", CLI_OPT_TEXT, &c->length, 0, NULL },
		{ "notes", CLI_OPT_TEXT, &c->notes, 0, NULL },
		{ "extra", CLI_OPT_TEXT, &c->extra, 0, NULL },
		{ "reason", CLI_OPT_TEXT, &c->reason, 0, NULL },
		CLI_OPTS_END
	};
	bool any;
	int rc, first;

	memset(c, 0, sizeof *c);
	if (cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, &first) != 0)
		return cli_group_usage(NULL);
	if (first + 1 != argc)
		return cli_group_usage("say which meeting (its number)");
	if ((rc = cli_group_meeting_number(argv[first], id)) != 0)
		return rc;
	any = c->date || c->start || c->length || c->notes || c->extra;
	if (remove && any)
		return cli_group_usage("removing a meeting takes only "
		    "--reason");
	if (!remove && !any)
		return cli_group_usage("say what to correct: --date, --start, "
		    "--length, --notes or --extra");
	return 0;
}

/* The corrections of c put on m: 0, or an exit status. */
static int
cli_group_change_apply(const struct cli_group_change *c,
    struct group_meeting *m)
{
	struct pd_err err;
	int rc;

	if (c->date != NULL)
		snprintf(m->date, sizeof m->date, "%s", c->date);
	if (c->start != NULL)
		snprintf(m->start_time, sizeof m->start_time, "%s", c->start);
	if (c->notes != NULL) {
		free(m->notes);
		m->notes = *c->notes != '\0' ? xstrdup(c->notes) : NULL;
	}
	if (c->extra != NULL &&
	    (rc = cli_group_extra(c->extra, &m->extra_count, false)) != 0)
		return rc;
	if (c->length != NULL &&
	    duration_parse(c->length, &m->minutes, &err) != PD_OK)
		return cli_out_fail(&err);
	return 0;
}

static int
cli_group_meeting_change(struct cli *cli, int argc, char **argv,
    bool remove)
{
	struct cli_group_change c;
	struct group_attendee *who = NULL;
	struct group_meeting m;
	struct pd_err err;
	char dur[DURATION_STR_LEN];
	size_t n = 0;
	int64_t id;
	int rc;

	if ((rc = cli_group_change_options(argc, argv, remove, &c, &id)) != 0 ||
	    (rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (remove) {
		if (app_group_meeting_delete(&cli->app, id, c.reason, &err)
		    != PD_OK)
			return cli_out_fail(&err);
		printf("Removed meeting %lld, its register and the paid time "
		    "for running it.\n", (long long)id);
		return 0;
	}
	if (app_group_meeting_get(&cli->app, id, &m, &who, &n, &err) != PD_OK)
		return cli_out_fail(&err);
	group_attendees_free(who, n);
	rc = cli_group_change_apply(&c, &m);
	if (rc == 0 && app_group_meeting_update(&cli->app, &m, c.reason, &err)
	    != PD_OK)
		rc = cli_out_fail(&err);
	if (rc == 0)
		printf("Corrected meeting %lld: %s %s, %s; the paid time for "
		    "running it follows.\n", (long long)m.id, m.date,
		    m.start_time, duration_format(m.minutes, dur));
	group_meeting_fini(&m);
	return rc;
}

/* groups meeting attend NUMBER: who to add, who to take out. */
struct cli_group_attend {
	struct cli_group_cames add, drop;
	int extra;
};

static int
cli_group_attend_extra_opt(void *dest, const char *value)
{
	return cli_group_extra(value, dest, false);
}

static int
cli_group_attend_options(int argc, char **argv, struct cli_group_attend *a,
    int64_t *id)
{
	struct cli_group_came_opt add_c = { &a->add, 'c' },
	    add_r = { &a->add, 'r' }, add_n = { &a->add, 'N' },
	    drop_c = { &a->drop, 'c' }, drop_r = { &a->drop, 'r' },
	    drop_n = { &a->drop, 'N' };
	const struct cli_opt opts[] = {
		{ "add", CLI_OPT_CALL, &add_c, 0, cli_group_came_take },
		{ "add-client", CLI_OPT_CALL, &add_c, 0, cli_group_came_take },
		{ "add-regular", CLI_OPT_CALL, &add_r, 0, cli_group_came_take },
		{ "add-name", CLI_OPT_CALL, &add_n, 0, cli_group_came_take },
		{ "remove", CLI_OPT_CALL, &drop_c, 0, cli_group_came_take },
		{ "remove-client", CLI_OPT_CALL, &drop_c, 0,
		  cli_group_came_take },
		{ "remove-regular", CLI_OPT_CALL, &drop_r, 0,
		  cli_group_came_take },
		{ "remove-name", CLI_OPT_CALL, &drop_n, 0,
		  cli_group_came_take },
		{ "extra", CLI_OPT_CALL, &a->extra, 0,
		  cli_group_attend_extra_opt },
		CLI_OPTS_END
	};
	int rc, first;

	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, &first);
	if (rc != 0)
		return rc > 0 ? rc : cli_group_usage(NULL);
	if (first + 1 != argc)
		return cli_group_usage("say which meeting (its number)");
	if ((rc = cli_group_meeting_number(argv[first], id)) != 0)
		return rc;
	if (a->add.n == 0 && a->drop.n == 0 && a->extra < 0)
		return cli_group_usage("say who to add or take out: "
		    "--add-client, --add-regular, --add-name, "
		    "--remove-client, --remove-regular, --remove-name or "
		    "--extra");
	return 0;
}

/* The register of meeting id changed as a says: 0, or an exit status. */
static int
cli_group_attend_change(struct cli *cli, int64_t id,
    const struct cli_group_attend *a)
{
	struct group_attendee *who = NULL;
	struct group_meeting m;
	struct pd_err err;
	size_t n = 0;
	int rc = 0;

	memset(&m, 0, sizeof m);
	if (app_group_meeting_get(&cli->app, id, &m, &who, &n, &err) != PD_OK ||
	    app_group_register_change(&cli->app, &m, a->add.v, a->add.n,
	    a->drop.v, a->drop.n, a->extra, &err) != PD_OK)
		rc = cli_out_fail(&err);
	group_attendees_free(who, n);
	who = NULL;
	n = 0;
	group_meeting_fini(&m);
	if (rc == 0 && app_group_meeting_get(&cli->app, id, &m, &who, &n,
	    &err) == PD_OK)
		printf("Corrected who came to meeting %lld: %zu named, %d "
		    "more, %d in all.\n", (long long)id, n, m.extra_count,
		    m.came);
	group_attendees_free(who, n);
	group_meeting_fini(&m);
	return rc;
}

static int
cli_group_meeting_attend(struct cli *cli, int argc, char **argv)
{
	struct cli_group_attend a;
	int64_t id;
	int rc;

	memset(&a, 0, sizeof a);
	a.extra = -1;
	if ((rc = cli_group_attend_options(argc, argv, &a, &id)) == 0 &&
	    (rc = cli_open(cli, false, true)) == 0)
		rc = cli_group_attend_change(cli, id, &a);
	free(a.add.v);
	free(a.drop.v);
	return rc;
}

static int
cli_group_meeting_show(struct cli *cli, const char *which)
{
	struct group_attendee *who;
	struct group_meeting m;
	struct pd_err err;
	size_t n, i;
	int64_t id;
	char dur[DURATION_STR_LEN];

	if (!cli_opts_id(which, &id))
		return cli_group_usage("give the meeting's number");
	if (app_group_meeting_get(&cli->app, id, &m, &who, &n, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("Meeting %lld of group %lld: %s %s, %s\n", (long long)m.id,
	    (long long)m.group_id, m.date, m.start_time,
	    duration_format(m.minutes, dur));
	if (m.notes != NULL)
		printf("%s\n", m.notes);
	printf("Came (%d):\n", m.came);
	for (i = 0; i < n; i++) {
		if (who[i].client_id != 0)
			printf("  %s (client %lld)\n", who[i].name,
			    (long long)who[i].client_id);
		else
			printf("  %s\n", who[i].name);
	}
	if (m.extra_count > 0)
		printf("  and %d more\n", m.extra_count);
	group_attendees_free(who, n);
	group_meeting_fini(&m);
	return 0;
}

static int
cli_group_client(struct cli *cli, const char *which)
{
	struct group_row *v;
	struct pd_err err;
	int64_t id;
	size_t n, i;

	if (!cli_opts_id(which, &id))
		return cli_group_usage("give the client's number");
	if (app_client_groups(&cli->app, id, &v, &n, &err) != PD_OK)
		return cli_out_fail(&err);
	if (n == 0)
		printf("Client %lld comes to no group yet.\n", (long long)id);
	for (i = 0; i < n; i++)
		printf("%3lld  %s: came %d time%s%s%s\n", (long long)v[i].g.id,
		    v[i].g.name, v[i].meetings, v[i].meetings == 1 ? "" : "s",
		    v[i].last[0] ? ", last " : "", v[i].last);
	group_rows_free(v, n);
	return 0;
}

/* groups facilitator GROUP LOGIN */
static int
cli_group_facilitator(struct cli *cli, char **argv)
{
	struct pd_err err;
	int64_t id, gid = 0;

	if (app_group_find(&cli->app, argv[2], &gid, &err) != PD_OK ||
	    app_group_staff_by_login(&cli->app, argv[3], &id, &err) != PD_OK ||
	    app_group_facilitator_add(&cli->app, gid, id, &err) != PD_OK)
		return cli_out_fail(&err);
	printf("%s now runs group %lld.\n", argv[3], (long long)gid);
	return 0;
}

/* groups stop|start GROUP */
static int
cli_group_running(struct cli *cli, const char *which, bool on)
{
	struct pd_err err;
	int64_t gid = 0;

	if (app_group_find(&cli->app, which, &gid, &err) != PD_OK ||
	    app_group_set_active(&cli->app, gid, on, &err) != PD_OK)
		return cli_out_fail(&err);
	printf(on ? "Group %lld is running again.\n" : "Group %lld is "
	    "marked no longer running: it is kept, listed apart "
	    "(groups list --all), and takes no new meetings.\n",
	    (long long)gid);
	return 0;
}

/* groups goal GOAL GROUP|none */
static int
cli_group_goal(struct cli *cli, char **argv)
{
	struct pd_err err;
	int64_t id, gid = 0;

	if (!cli_opts_id(argv[2], &id))
		return cli_group_usage("give the goal's number");
	if (strcmp(argv[3], "none") != 0 &&
	    app_group_find(&cli->app, argv[3], &gid, &err) != PD_OK)
		return cli_out_fail(&err);
	if (app_goal_group_set(&cli->app, id, gid, &err) != PD_OK)
		return cli_out_fail(&err);
	printf(gid ? "Goal %lld now names group %lld.\n" :
	    "Goal %lld names no group now.\n", (long long)id, (long long)gid);
	return 0;
}

/* groups quote review|note NUMBER yes|no */
static int
cli_group_quote(struct cli *cli, char **argv)
{
	bool review = strcmp(argv[2], "review") == 0;
	bool on = strcmp(argv[4], "yes") == 0;
	struct pd_err err;
	int64_t id;

	if ((!review && strcmp(argv[2], "note") != 0) ||
	    (!on && strcmp(argv[4], "no") != 0) ||
	    !cli_opts_id(argv[3], &id))
		return cli_group_usage("groups quote review|note NUMBER "
		    "yes|no");
	if (app_quote_set(&cli->app, review, id, on, &err) != PD_OK)
		return cli_out_fail(&err);
	printf(on ? "The client lets us quote those words, unnamed.\n" :
	    "Those words will not be quoted.\n");
	return 0;
}

/* groups [list] [--all] */
static int
cli_group_list_cmd(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "list";
	bool all = (argc == 2 && strcmp(sub, "--all") == 0) ||
	    (argc == 3 && strcmp(argv[2], "--all") == 0);
	int rc;

	if (argc > 3 || (argc == 3 && !all))
		return cli_group_usage(NULL);
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	return cli_group_list(cli, all);
}

/* groups meeting add|attend|change|remove ...: options read before
 * the database is opened; -1 when argv names none of them. */
static int
cli_group_meeting_cmd(struct cli *cli, int argc, char **argv)
{
	if (argc <= 2 || strcmp(argv[1], "meeting") != 0)
		return -1;
	if (strcmp(argv[2], "add") == 0)
		return cli_group_meeting_add(cli, argc - 2, argv + 2);
	if (strcmp(argv[2], "attend") == 0)
		return cli_group_meeting_attend(cli, argc - 2, argv + 2);
	if (strcmp(argv[2], "change") == 0 || strcmp(argv[2], "remove") == 0)
		return cli_group_meeting_change(cli, argc - 2, argv + 2,
		    strcmp(argv[2], "remove") == 0);
	return -1;
}

int
cli_groups(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "list";
	int rc;

	if (strcmp(sub, "--help") == 0 || strcmp(sub, "help") == 0)
		return cli_help_print("groups");
	if (strcmp(sub, "add") == 0)
		return cli_group_add(cli, argc - 1, argv + 1);
	if ((rc = cli_group_meeting_cmd(cli, argc, argv)) >= 0)
		return rc;
	if (strcmp(sub, "list") == 0 || strcmp(sub, "--all") == 0)
		return cli_group_list_cmd(cli, argc, argv);
	if (argc < 3)
		return cli_group_usage(NULL);
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (strcmp(sub, "show") == 0 && argc == 3)
		return cli_group_show(cli, argv[2], 20);
	if (strcmp(sub, "meeting") == 0 && argc == 4 &&
	    strcmp(argv[2], "show") == 0)
		return cli_group_meeting_show(cli, argv[3]);
	if (strcmp(sub, "facilitator") == 0 && argc == 4)
		return cli_group_facilitator(cli, argv);
	if ((strcmp(sub, "stop") == 0 || strcmp(sub, "start") == 0) &&
	    argc == 3)
		return cli_group_running(cli, argv[2],
		    strcmp(sub, "start") == 0);
	if (strcmp(sub, "client") == 0 && argc == 3)
		return cli_group_client(cli, argv[2]);
	if (strcmp(sub, "goal") == 0 && argc == 4)
		return cli_group_goal(cli, argv);
	if (strcmp(sub, "quote") == 0 && argc == 5)
		return cli_group_quote(cli, argv);
	return cli_group_usage(NULL);
}
