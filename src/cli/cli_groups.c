/* cli_groups.c - `peerdesk groups`: groups and drop-ins, their meetings
 * and registers, a client's groups, a goal's group, quotable words. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/groups.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/today.h"

static int
groups_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fputs(cli_help_text("groups"), stderr);
	return 2;
}

static int
groups_number(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s != NULL && *s == '#')
		s++;
	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v <= 0)
		return -1;
	*out = v;
	return 0;
}

static void
groups_when(const struct group *g, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s", group_day_label(g->usual_day),
	    g->usual_day && g->usual_time[0] ? " " : "", g->usual_time,
	    (g->usual_day || g->usual_time[0]) && g->place ? ", " : "",
	    g->place != NULL ? g->place : "");
}

static int
groups_list(struct cli *cli, int all)
{
	struct group_row *v;
	struct pd_err err;
	size_t n, i;
	int pass, said = 0;

	if (app_groups_list(&cli->app, all, &v, &n, &err) != PD_OK)
		return cli_fail(&err);
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
		if (pass == 1 && !said++)
			printf("\nNo longer running:\n");
		groups_when(&v[i].g, when, sizeof when);
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
groups_show(struct cli *cli, const char *which, int limit)
{
	struct group_detail d;
	struct pd_err err;
	int64_t id;
	size_t i;
	char when[160];

	if (app_group_find(&cli->app, which, &id, &err) != PD_OK ||
	    app_group_get(&cli->app, id, limit, &d, &err) != PD_OK)
		return cli_fail(&err);
	groups_when(&d.row.g, when, sizeof when);
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
			printf("  %3d  %s (client %lld), %d\n", d.regulars[i].no,
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

static int
groups_add(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "day", required_argument, NULL, 'd' },
		{ "time", required_argument, NULL, 't' },
		{ "place", required_argument, NULL, 'p' },
		{ "facilitator", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *kind = NULL, *day = NULL, *time = NULL, *place = NULL;
	const char *fac[32];
	int64_t ids[32];
	size_t nfac = 0, i;
	struct group g;
	struct pd_err err;
	int ch, rc;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'k': kind = optarg; break;
		case 'd': day = optarg; break;
		case 't': time = optarg; break;
		case 'p': place = optarg; break;
		case 'f':
			if (nfac == 32)
				return groups_usage("at most 32 facilitators");
			fac[nfac++] = optarg;
			break;
		default:
			return groups_usage(NULL);
		}
	}
	if (optind + 1 != argc)
		return groups_usage("give the group's name (in quotes when it "
		    "has spaces)");
	memset(&g, 0, sizeof g);
	if (kind == NULL || group_kind_from_str(kind, &g.kind) != 0)
		return groups_usage("--kind is walk, meal, drop-in, peer-group "
		    "or course");
	if (day != NULL && (g.usual_day = group_day_from_str(day)) == 0)
		return groups_usage("--day is a day of the week, like Thursday");
	if (time != NULL)
		snprintf(g.usual_time, sizeof g.usual_time, "%s", time);
	if (time != NULL && strlen(time) > 5)
		return groups_usage("--time looks like 13:30");
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	for (i = 0; i < nfac; i++)
		if (app_group_staff_by_login(&cli->app, fac[i], &ids[i], &err)
		    != PD_OK)
			return cli_fail(&err);
	g.name = argv[optind];
	g.place = (char *)place;
	if (app_group_add(&cli->app, &g, ids, nfac, &err) != PD_OK)
		return cli_fail(&err);
	printf("Added group %lld, %s.\n", (long long)g.id, g.name);
	return 0;
}

static void
groups_print_previews(const struct time_preview *pv, size_t n,
    const char *const *names)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s%s%s\n", names != NULL ? names[i] : "",
		    names != NULL ? ": " : "", pv[i].sentence);
}

static int
groups_meeting_add(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "start", required_argument, NULL, 's' },
		{ "length", required_argument, NULL, 'l' },
		{ "minutes", required_argument, NULL, 'l' },
		{ "notes", required_argument, NULL, 'n' },
		{ "by", required_argument, NULL, 'b' },
		{ "client", required_argument, NULL, 'c' },
		{ "regular", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'N' },
		{ "extra", required_argument, NULL, 'x' },
		{ "reason", required_argument, NULL, 'R' },
		{ "dry-run", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	struct group_came *came = NULL;
	const char **by = NULL, *reason = NULL, *length = NULL;
	int64_t *staff = NULL, v;
	size_t ncame = 0, nby = 0, i, npv = 0;
	struct time_preview *pv = NULL;
	struct group_meeting m;
	struct pd_err err;
	int ch, rc = 2, dry = 0;
	char *end;

	memset(&m, 0, sizeof m);
	date_format(today_get(), m.date);
	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': snprintf(m.date, sizeof m.date, "%s", optarg); break;
		case 's':
			snprintf(m.start_time, sizeof m.start_time, "%s",
			    optarg);
			break;
		case 'l': length = optarg; break;
		case 'n': m.notes = optarg; break;
		case 'R': reason = optarg; break;
		case 'D': dry = 1; break;
		case 'b':
			by = xreallocarray(by, nby + 1, sizeof *by);
			by[nby++] = optarg;
			break;
		case 'c': case 'r': case 'N':
			came = xreallocarray(came, ncame + 1, sizeof *came);
			memset(&came[ncame], 0, sizeof *came);
			if (ch == 'N')
				came[ncame].first_name = optarg;
			else if (groups_number(optarg, &v) != 0) {
				fprintf(stderr, "peerdesk: '%s' is not a "
				    "number\n", optarg);
				goto out;
			} else if (ch == 'c')
				came[ncame].client_id = v;
			else
				came[ncame].regular = (int)v;
			ncame++;
			break;
		case 'x':
			m.extra_count = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || m.extra_count < 0) {
				rc = groups_usage("--extra is a count of people "
				    "not named");
				goto out;
			}
			break;
		default:
			rc = groups_usage(NULL);
			goto out;
		}
	}
	if (optind + 1 != argc) {
		rc = groups_usage("say which group (its number or name)");
		goto out;
	}
	if (length == NULL) {
		rc = groups_usage("say how long it was: --length 1h30");
		goto out;
	}
	if (duration_parse(length, &m.minutes, &err) != PD_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		goto out;
	if (app_group_find(&cli->app, argv[optind], &m.group_id, &err)
	    != PD_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (nby > 0)
		staff = xcalloc(nby, sizeof *staff);
	for (i = 0; i < nby; i++)
		if (app_group_staff_by_login(&cli->app, by[i], &staff[i], &err)
		    != PD_OK) {
			rc = cli_fail(&err);
			goto out;
		}
	if (app_group_meeting_preview(&cli->app, &m, staff, nby, &pv, &npv,
	    &err) != PD_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	groups_print_previews(pv, npv, NULL);
	if (dry) {
		printf("Nothing saved (--dry-run).\n");
		rc = 0;
		goto out;
	}
	if (app_group_meeting_add(&cli->app, &m, staff, nby, came, ncame,
	    reason, &err) != PD_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	printf("Saved meeting %lld: %zu named, %d more.\n", (long long)m.id,
	    ncame, m.extra_count);
	rc = 0;
out:
	free(came);
	free(by);
	free(staff);
	free(pv);
	return rc;
}

/* groups meeting change NUMBER [options] / groups meeting remove NUMBER */
static int
groups_meeting_change(struct cli *cli, int argc, char **argv, int remove)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "start", required_argument, NULL, 's' },
		{ "length", required_argument, NULL, 'l' },
		{ "minutes", required_argument, NULL, 'l' },
		{ "notes", required_argument, NULL, 'n' },
		{ "extra", required_argument, NULL, 'x' },
		{ "reason", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	const char *date = NULL, *start = NULL, *length = NULL,
	    *notes = NULL, *extra = NULL, *reason = NULL;
	struct group_attendee *who = NULL;
	struct group_meeting m;
	struct pd_err err;
	size_t n = 0;
	int64_t id;
	int ch, rc;
	char *end;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': date = optarg; break;
		case 's': start = optarg; break;
		case 'l': length = optarg; break;
		case 'n': notes = optarg; break;
		case 'x': extra = optarg; break;
		case 'R': reason = optarg; break;
		default: return groups_usage(NULL);
		}
	}
	if (optind + 1 != argc)
		return groups_usage("say which meeting (its number)");
	if (groups_number(argv[optind], &id) != 0) {
		fprintf(stderr, "peerdesk: '%s' is not a meeting's number; "
		    "peerdesk groups show GROUP lists them\n", argv[optind]);
		return 2;
	}
	if (remove && (date || start || length || notes || extra))
		return groups_usage("removing a meeting takes only --reason");
	if (!remove && !date && !start && !length && !notes && !extra)
		return groups_usage("say what to correct: --date, --start, "
		    "--length, --notes or --extra");
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (remove) {
		if (app_group_meeting_delete(&cli->app, id, reason, &err)
		    != PD_OK)
			return cli_fail(&err);
		printf("Removed meeting %lld, its register and the paid time "
		    "for running it.\n", (long long)id);
		return 0;
	}
	if (app_group_meeting_get(&cli->app, id, &m, &who, &n, &err) != PD_OK)
		return cli_fail(&err);
	group_attendees_free(who, n);
	rc = 0;
	if (date != NULL)
		snprintf(m.date, sizeof m.date, "%s", date);
	if (start != NULL)
		snprintf(m.start_time, sizeof m.start_time, "%s", start);
	if (notes != NULL) {
		free(m.notes);
		m.notes = *notes != '\0' ? xstrdup(notes) : NULL;
	}
	if (extra != NULL) {
		m.extra_count = (int)strtol(extra, &end, 10);
		if (*end != '\0' || *extra == '\0' || m.extra_count < 0)
			rc = groups_usage("--extra is a count of people not "
			    "named");
	}
	if (rc == 0 && length != NULL &&
	    duration_parse(length, &m.minutes, &err) != PD_OK)
		rc = cli_fail(&err);
	if (rc == 0 && app_group_meeting_update(&cli->app, &m, reason, &err)
	    != PD_OK)
		rc = cli_fail(&err);
	if (rc == 0) {
		char dur[DURATION_STR_LEN];

		printf("Corrected meeting %lld: %s %s, %s; the paid time for "
		    "running it follows.\n", (long long)m.id, m.date,
		    m.start_time, duration_format(m.minutes, dur));
	}
	group_meeting_fini(&m);
	return rc;
}

/* groups meeting attend NUMBER: correct who came. */
static int
groups_meeting_attend(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "add", required_argument, NULL, 'c' },
		{ "add-client", required_argument, NULL, 'c' },
		{ "add-regular", required_argument, NULL, 'r' },
		{ "add-name", required_argument, NULL, 'N' },
		{ "remove", required_argument, NULL, 'C' },
		{ "remove-client", required_argument, NULL, 'C' },
		{ "remove-regular", required_argument, NULL, 'G' },
		{ "remove-name", required_argument, NULL, 'M' },
		{ "extra", required_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	struct group_came *add = NULL, *drop = NULL, *c;
	struct group_attendee *who = NULL;
	size_t nadd = 0, ndrop = 0, n = 0;
	struct group_meeting m;
	struct pd_err err;
	int64_t id, v;
	int ch, rc = 2, extra = -1;
	char *end;

	memset(&m, 0, sizeof m);
	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'x') {
			extra = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || *optarg == '\0' || extra < 0) {
				rc = groups_usage("--extra is a count of people "
				    "not named");
				goto out;
			}
			continue;
		}
		if (ch != 'c' && ch != 'r' && ch != 'N' && ch != 'C' &&
		    ch != 'G' && ch != 'M') {
			rc = groups_usage(NULL);
			goto out;
		}
		if (ch == 'c' || ch == 'r' || ch == 'N') {
			add = xreallocarray(add, nadd + 1, sizeof *add);
			c = &add[nadd++];
		} else {
			drop = xreallocarray(drop, ndrop + 1, sizeof *drop);
			c = &drop[ndrop++];
		}
		memset(c, 0, sizeof *c);
		if (ch == 'N' || ch == 'M')
			c->first_name = optarg;
		else if (groups_number(optarg, &v) != 0) {
			fprintf(stderr, "peerdesk: '%s' is not a number\n",
			    optarg);
			goto out;
		} else if (ch == 'c' || ch == 'C')
			c->client_id = v;
		else
			c->regular = (int)v;
	}
	if (optind + 1 != argc) {
		rc = groups_usage("say which meeting (its number)");
		goto out;
	}
	if (groups_number(argv[optind], &id) != 0) {
		fprintf(stderr, "peerdesk: '%s' is not a meeting's number; "
		    "peerdesk groups show GROUP lists them\n", argv[optind]);
		goto out;
	}
	if (nadd == 0 && ndrop == 0 && extra < 0) {
		rc = groups_usage("say who to add or take out: --add-client, "
		    "--add-regular, --add-name, --remove-client, "
		    "--remove-regular, --remove-name or --extra");
		goto out;
	}
	if ((rc = cli_open(cli, 0, 1)) != 0)
		goto out;
	rc = 0;
	if (app_group_meeting_get(&cli->app, id, &m, &who, &n, &err) != PD_OK ||
	    app_group_register_change(&cli->app, &m, add, nadd, drop, ndrop,
	    extra, &err) != PD_OK)
		rc = cli_fail(&err);
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
out:
	group_meeting_fini(&m);
	free(add);
	free(drop);
	return rc;
}

static int
groups_meeting_show(struct cli *cli, const char *which)
{
	struct group_attendee *who;
	struct group_meeting m;
	struct pd_err err;
	size_t n, i;
	int64_t id;
	char dur[DURATION_STR_LEN];

	if (groups_number(which, &id) != 0)
		return groups_usage("give the meeting's number");
	if (app_group_meeting_get(&cli->app, id, &m, &who, &n, &err) != PD_OK)
		return cli_fail(&err);
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
groups_client(struct cli *cli, const char *which)
{
	struct group_row *v;
	struct pd_err err;
	int64_t id;
	size_t n, i;

	if (groups_number(which, &id) != 0)
		return groups_usage("give the client's number");
	if (app_client_groups(&cli->app, id, &v, &n, &err) != PD_OK)
		return cli_fail(&err);
	if (n == 0)
		printf("Client %lld comes to no group yet.\n", (long long)id);
	for (i = 0; i < n; i++)
		printf("%3lld  %s: came %d time%s%s%s\n", (long long)v[i].g.id,
		    v[i].g.name, v[i].meetings, v[i].meetings == 1 ? "" : "s",
		    v[i].last[0] ? ", last " : "", v[i].last);
	group_rows_free(v, n);
	return 0;
}

int
cli_groups(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "list";
	struct pd_err err;
	int64_t id, gid = 0;
	int rc;

	if (strcmp(sub, "--help") == 0 || strcmp(sub, "help") == 0)
		return cli_help_print("groups");
	if (strcmp(sub, "add") == 0)
		return groups_add(cli, argc - 1, argv + 1);
	if (strcmp(sub, "meeting") == 0 && argc > 2 &&
	    strcmp(argv[2], "add") == 0)
		return groups_meeting_add(cli, argc - 2, argv + 2);
	if (strcmp(sub, "meeting") == 0 && argc > 2 &&
	    strcmp(argv[2], "attend") == 0)
		return groups_meeting_attend(cli, argc - 2, argv + 2);
	if (strcmp(sub, "meeting") == 0 && argc > 2 &&
	    (strcmp(argv[2], "change") == 0 || strcmp(argv[2], "remove") == 0))
		return groups_meeting_change(cli, argc - 2, argv + 2,
		    strcmp(argv[2], "remove") == 0);
	if (strcmp(sub, "list") == 0 || strcmp(sub, "--all") == 0) {
		int all = (argc == 2 && strcmp(sub, "--all") == 0) ||
		    (argc == 3 && strcmp(argv[2], "--all") == 0);

		if (argc > 3 || (argc == 3 && !all))
			return groups_usage(NULL);
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return groups_list(cli, all);
	}
	if (argc < 3)
		return groups_usage(NULL);
	if ((rc = cli_open(cli, 0, 1)) != 0)
		return rc;
	if (strcmp(sub, "show") == 0 && argc == 3)
		return groups_show(cli, argv[2], 20);
	if (strcmp(sub, "meeting") == 0 && argc == 4 &&
	    strcmp(argv[2], "show") == 0)
		return groups_meeting_show(cli, argv[3]);
	if (strcmp(sub, "facilitator") == 0 && argc == 4) {
		if (app_group_find(&cli->app, argv[2], &gid, &err) != PD_OK ||
		    app_group_staff_by_login(&cli->app, argv[3], &id, &err) !=
		    PD_OK ||
		    app_group_facilitator_add(&cli->app, gid, id, &err) != PD_OK)
			return cli_fail(&err);
		printf("%s now runs group %lld.\n", argv[3], (long long)gid);
		return 0;
	}
	if ((strcmp(sub, "stop") == 0 || strcmp(sub, "start") == 0) &&
	    argc == 3) {
		int on = strcmp(sub, "start") == 0;

		if (app_group_find(&cli->app, argv[2], &gid, &err) != PD_OK ||
		    app_group_set_active(&cli->app, gid, on, &err) != PD_OK)
			return cli_fail(&err);
		printf(on ? "Group %lld is running again.\n" : "Group %lld is "
		    "marked no longer running: it is kept, listed apart "
		    "(groups list --all), and takes no new meetings.\n",
		    (long long)gid);
		return 0;
	}
	if (strcmp(sub, "client") == 0 && argc == 3)
		return groups_client(cli, argv[2]);
	if (strcmp(sub, "goal") == 0 && argc == 4) {
		if (groups_number(argv[2], &id) != 0)
			return groups_usage("give the goal's number");
		if (strcmp(argv[3], "none") != 0 &&
		    app_group_find(&cli->app, argv[3], &gid, &err) != PD_OK)
			return cli_fail(&err);
		if (app_goal_group_set(&cli->app, id, gid, &err) != PD_OK)
			return cli_fail(&err);
		printf(gid ? "Goal %lld now names group %lld.\n" :
		    "Goal %lld names no group now.\n", (long long)id,
		    (long long)gid);
		return 0;
	}
	if (strcmp(sub, "quote") == 0 && argc == 5) {
		int review = strcmp(argv[2], "review") == 0;
		int on = strcmp(argv[4], "yes") == 0;

		if ((!review && strcmp(argv[2], "note") != 0) ||
		    (!on && strcmp(argv[4], "no") != 0) ||
		    groups_number(argv[3], &id) != 0)
			return groups_usage("groups quote review|note NUMBER "
			    "yes|no");
		if (app_quote_set(&cli->app, review, id, on, &err) != PD_OK)
			return cli_fail(&err);
		printf(on ? "The client lets us quote those words, unnamed.\n" :
		    "Those words will not be quoted.\n");
		return 0;
	}
	return groups_usage(NULL);
}
