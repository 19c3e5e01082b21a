/* cli_reminders.c - `peerdesk reminders`: what is due, as text for
 * people, CSV for mail merges, or iCalendar (RFC 5545) for calendars. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_opts.h"
#include "cli_priv.h"
#include "peerdesk/app/reminders.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/core/csvout.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/date.h"
#include "version.h"	/* the Makefile's $(O)/gen/version.h */

enum rem_format { REM_TEXT, REM_CSV, REM_ICS };

static const char rem_usage[] =
    "peerdesk reminders [--days N] [--format text|csv|ics] [--excel] "
    "[--raw]";

static int
cli_reminders_bad_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "peerdesk: %s\n", why);
	fprintf(stderr, "peerdesk: usage: %s\n", rem_usage);
	return 2;
}

/* --days N: 0 to 3660 days ahead. */
static int
cli_reminders_days_opt(void *dest, const char *value)
{
	int *days = dest;
	char *end;
	long v;

	if (value[0] < '0' || value[0] > '9')
		goto bad;
	v = strtol(value, &end, 10);
	if (*end != '\0' || v < 0 || v > 3660)
		goto bad;
	*days = (int)v;
	return 0;
bad:
	return cli_reminders_bad_usage("--days takes a number of days from 0 "
	    "to 3660");
}

/* --format text|csv|ics */
static int
cli_reminders_format_opt(void *dest, const char *value)
{
	enum rem_format *f = dest;

	if (strcmp(value, "text") == 0)
		*f = REM_TEXT;
	else if (strcmp(value, "csv") == 0)
		*f = REM_CSV;
	else if (strcmp(value, "ics") == 0)
		*f = REM_ICS;
	else
		return cli_reminders_bad_usage("--format takes text, csv or "
		    "ics");
	return 0;
}

/* ---- text and CSV ------------------------------------------------------ */

static void
cli_reminders_text(const struct reminder_list *l)
{
	char buf[600], day[DATE_LONG_LEN];
	pd_date d;
	size_t i;

	date_parse(l->today, &d, NULL);
	if (l->n == 0) {
		printf("Nothing is due (%s).\n", date_format_long(d, day));
		return;
	}
	printf("Due on %s: %zu reminder%s\n", date_format_long(d, day), l->n,
	    l->n == 1 ? "" : "s");
	for (i = 0; i < l->n; i++)
		printf("  %s\n", app_reminder_text(&l->v[i], l->today, buf,
		    sizeof buf));
}


static void
cli_reminders_csv(const struct reminder_list *l, unsigned fl)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[600], id[24];
	size_t i;

	csvout_begin(&sb, fl);
	strbuf_adds(&sb, "kind,due_on,client_id,client,pal_id,pal,text\r\n");
	for (i = 0; i < l->n; i++) {
		const struct reminder *r = &l->v[i];

		csvout_field(&sb, reminder_kind_str(r->kind), fl, false);
		csvout_field(&sb, r->due_on, fl, false);
		snprintf(id, sizeof id, "%lld", (long long)r->client_id);
		csvout_field(&sb, r->client_id ? id : "", fl, false);
		csvout_field(&sb, r->client_name, fl, false);
		snprintf(id, sizeof id, "%lld", (long long)r->pal_id);
		csvout_field(&sb, r->pal_id ? id : "", fl, false);
		csvout_field(&sb, r->pal_name, fl, false);
		csvout_field(&sb, app_reminder_text(r, l->today, buf,
		    sizeof buf), fl, true);
	}
	fwrite(strbuf_str(&sb), 1, sb.len, stdout);
	strbuf_fini(&sb);
}

/* ---- iCalendar (RFC 5545) ----------------------------------------------- */

/* Write one content line, folded so no line is longer than 75 octets
 * (a fold never splits a UTF-8 character), ending in CRLF. */
static void
cli_reminders_ics_line(struct strbuf *out, const char *line)
{
	size_t len = strlen(line), pos = 0, room = 75;

	while (len - pos > room) {
		size_t cut = pos + room;

		while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		strbuf_add(out, line + pos, cut - pos);
		strbuf_adds(out, "\r\n ");
		pos = cut;
		room = 74;	/* the leading space counts */
	}
	strbuf_add(out, line + pos, len - pos);
	strbuf_adds(out, "\r\n");
}

/* NAME:value with TEXT escaping (backslash, ; , and new lines). */
static void
cli_reminders_ics_text(struct strbuf *out, const char *name, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	strbuf_adds(&sb, name);
	strbuf_addc(&sb, ':');
	for (p = value ? value : ""; *p; p++) {
		switch (*p) {
		case '\\': strbuf_adds(&sb, "\\\\"); break;
		case ';': strbuf_adds(&sb, "\\;"); break;
		case ',': strbuf_adds(&sb, "\\,"); break;
		case '\n': strbuf_adds(&sb, "\\n"); break;
		case '\r': break;
		default:
			/* other control characters are not allowed */
			if ((unsigned char)*p < 0x20 && *p != '\t')
				strbuf_addc(&sb, ' ');
			else
				strbuf_addc(&sb, *p);
		}
	}
	cli_reminders_ics_line(out, strbuf_str(&sb));
	strbuf_fini(&sb);
}

/* The organisation's name as a domain-like word for UIDs. */
static void
cli_reminders_ics_domain(const char *org, char *buf, size_t n)
{
	size_t k = 0;
	int dash = 0;

	for (; org != NULL && *org && k + 2 < n; org++) {
		char c = *org;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && k > 0)
				buf[k++] = '-';
			buf[k++] = c;
			dash = 0;
		} else
			dash = 1;
	}
	buf[k] = '\0';
	if (k == 0)
		snprintf(buf, n, "organisation");
}

/* A UID that stays the same for the same thing on every run: the
 * review of an assignment keeps its UID from "coming up" to "overdue",
 * so calendars move the event instead of adding another. */
static void
cli_reminders_ics_uid(const struct reminder *r, const char *domain, char *buf,
    size_t n)
{
	switch (r->kind) {
	case REMIND_REVIEW_UPCOMING:
	case REMIND_REVIEW_DUE:
	case REMIND_REVIEW_OVERDUE:
		snprintf(buf, n, "review-%lld@%s.peerdesk",
		    (long long)r->ref_id, domain);
		break;
	case REMIND_SUPERVISION:
		snprintf(buf, n, "supervision-%lld@%s.peerdesk",
		    (long long)r->pal_id, domain);
		break;
	default:
		snprintf(buf, n, "%s-%lld@%s.peerdesk",
		    reminder_kind_str(r->kind), (long long)r->ref_id, domain);
		break;
	}
}

static void
cli_reminders_ics_compact(const char *ymd, char out[9])
{
	size_t k = 0;

	for (; *ymd && k < 8; ymd++)
		if (*ymd != '-')
			out[k++] = *ymd;
	out[k] = '\0';
}

static void
cli_reminders_ics(struct cli *cli, const struct reminder_list *l)
{
	struct strbuf out = STRBUF_INIT;
	char buf[600], uid[200], domain[80], day[9], next[9], stamp[32];
	char line[128];
	const char *org = cli->app.settings->org_name;
	time_t now = time(NULL);
	struct tm tm;
	size_t i;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	cli_reminders_ics_domain(org, domain, sizeof domain);
	cli_reminders_ics_line(&out, "BEGIN:VCALENDAR");
	cli_reminders_ics_line(&out, "VERSION:2.0");
	snprintf(line, sizeof line, "PRODID:-//peerdesk//peerdesk %s//EN",
	    PEERDESK_VERSION);
	cli_reminders_ics_line(&out, line);
	cli_reminders_ics_line(&out, "CALSCALE:GREGORIAN");
	cli_reminders_ics_line(&out, "METHOD:PUBLISH");
	snprintf(buf, sizeof buf, "%s reminders", org ? org : "peerdesk");
	cli_reminders_ics_text(&out, "X-WR-CALNAME", buf);
	for (i = 0; i < l->n; i++) {
		const struct reminder *r = &l->v[i];
		const char *on = r->due_on[0] ? r->due_on : l->today;
		pd_date d;

		cli_reminders_ics_line(&out, "BEGIN:VEVENT");
		cli_reminders_ics_uid(r, domain, uid, sizeof uid);
		cli_reminders_ics_text(&out, "UID", uid);
		snprintf(line, sizeof line, "DTSTAMP:%s", stamp);
		cli_reminders_ics_line(&out, line);
		cli_reminders_ics_compact(on, day);
		snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%s", day);
		cli_reminders_ics_line(&out, line);
		if (date_parse(on, &d, NULL) == PD_OK) {
			char ymd[11];

			cli_reminders_ics_compact(date_format(date_add_days(d,
			    1), ymd), next);
			snprintf(line, sizeof line, "DTEND;VALUE=DATE:%s",
			    next);
			cli_reminders_ics_line(&out, line);
		}
		cli_reminders_ics_text(&out, "SUMMARY", app_reminder_title(r,
		    buf,
		    sizeof buf));
		cli_reminders_ics_text(&out, "DESCRIPTION", app_reminder_text(r,
		    l->today,
		    buf, sizeof buf));
		cli_reminders_ics_text(&out, "CATEGORIES",
		    reminder_kind_str(r->kind));
		cli_reminders_ics_line(&out, "TRANSP:TRANSPARENT");
		cli_reminders_ics_line(&out, "END:VEVENT");
	}
	cli_reminders_ics_line(&out, "END:VCALENDAR");
	fwrite(strbuf_str(&out), 1, out.len, stdout);
	strbuf_fini(&out);
}

int
cli_reminders(struct cli *cli, int argc, char **argv)
{
	struct reminder_list l;
	struct pd_err err;
	enum rem_format fmt = REM_TEXT;
	unsigned csvfl = 0;
	int days = -1, first, rc;
	const struct cli_opt opts[] = {
		{ "days", CLI_OPT_CALL, &days, 0, cli_reminders_days_opt },
		{ "format", CLI_OPT_CALL, &fmt, 0, cli_reminders_format_opt },
		CLI_OPTS_CSV(&csvfl),
		CLI_OPTS_END
	};

	rc = cli_opts_parse(argc, argv, opts, CLI_OPTS_PERMUTE, &first);
	if (rc > 0)
		return rc;
	if (rc == CLI_OPTS_UNKNOWN || first != argc)
		return cli_reminders_bad_usage(NULL);
	if ((rc = cli_open(cli, false, true)) != 0)
		return rc;
	if (app_reminders(&cli->app, days, &l, &err) != PD_OK)
		return cli_out_fail(&err);
	switch (fmt) {
	case REM_TEXT: cli_reminders_text(&l); break;
	case REM_CSV: cli_reminders_csv(&l, csvfl); break;
	case REM_ICS: cli_reminders_ics(cli, &l); break;
	}
	reminder_list_fini(&l);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "peerdesk: could not write the reminders\n");
		return 1;
	}
	return 0;
}
