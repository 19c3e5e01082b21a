/* cli_client.c - `peerdesk client show N`: a client's record as text,
 * the same as the record screen: details, the referral form (who
 * referred them and why, how they heard of us, the dates on the way to
 * funding) and the funding, then the people who matter.  Opening it is
 * audited like opening it on screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_priv.h"
#include "peerdesk/app/clients.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/duration.h"
#include "peerdesk/model/money.h"

static const char client_usage[] = "peerdesk client show CLIENT";

/* "Label: value", a value of several lines indented under it; nothing
 * for an empty value. */
static void
client_field(struct strbuf *sb, const char *label, const char *value)
{
	const char *p;

	if (value == NULL || value[strspn(value, " \n")] == '\0')
		return;
	strbuf_addf(sb, "%s: ", label);
	for (p = value; *p != '\0'; p++) {
		strbuf_addc(sb, *p);
		if (*p == '\n' && p[1] != '\0')
			strbuf_adds(sb, "  ");
	}
	if (p > value && p[-1] != '\n')
		strbuf_addc(sb, '\n');
}

static const char *
client_route_words(enum referral_route r)
{
	static const char *const words[] = {
		"self-referral", "social worker", "GP", "mental health team",
		"family or friend", "other"
	};

	return r >= 0 && (size_t)r < sizeof words / sizeof words[0] ?
	    words[r] : NULL;
}

static int
client_show(struct cli *cli, const char *arg)
{
	struct client_record r;
	struct strbuf sb = STRBUF_INIT;
	struct pd_err err;
	char buf[64], d[32];
	char *end;
	long long id = strtoll(arg, &end, 10);
	const struct client *c = &r.client;
	const struct referral *ref = &r.referral;
	const struct funding *f = &r.funding;

	if (*arg == '\0' || *end != '\0' || id <= 0) {
		fprintf(stderr, "peerdesk: '%s' is not a client number; "
		    "`peerdesk clients` lists them\n", arg);
		return 2;
	}
	if (app_client_open(&cli->app, id, &r, &err) != PD_OK)
		return cli_fail(&err);
	strbuf_addf(&sb, "Client %lld: %s\n", id, c->name ? c->name : "");
	client_field(&sb, "Preferred name", c->preferred_name);
	client_field(&sb, "Pronouns", c->pronouns);
	client_field(&sb, "Date of birth", c->date_of_birth);
	snprintf(buf, sizeof buf, "%s%s%s", client_status_label(c->status),
	    c->status_changed_on[0] ? " since " : "", c->status_changed_on);
	client_field(&sb, "Status", buf);
	client_field(&sb, "Phone", c->phone);
	client_field(&sb, "Email", c->email);
	client_field(&sb, "Address", c->address);
	client_field(&sb, "PAL preferences", c->pal_preferences);
	client_field(&sb, "Interests", c->interests);
	strbuf_adds(&sb, "\nReferral\n");
	if (ref->id == 0) {
		strbuf_adds(&sb, "No referral recorded.\n");
	} else {
		client_field(&sb, "Referred on", ref->referred_on);
		client_field(&sb, "Referred by", ref->referrer_name);
		client_field(&sb, "Organisation", ref->referrer_org);
		client_field(&sb, "Team", ref->referrer_team);
		client_field(&sb, "Referrer's contact", ref->referrer_contact);
		client_field(&sb, "Route", client_route_words(ref->route));
		client_field(&sb, "Why referred", ref->notes);
		client_field(&sb, "Heard of us", ref->heard_about);
		client_field(&sb, "First contact", ref->first_contact_on);
		client_field(&sb, "Support plan submitted",
		    ref->plan_submitted_on);
		client_field(&sb, "Support plan approved",
		    ref->plan_approved_on);
		client_field(&sb, "Funding received", ref->funding_received_on);
	}
	strbuf_adds(&sb, "\nFunding\n");
	if (f->id == 0) {
		strbuf_adds(&sb, "No funding recorded.\n");
	} else {
		client_field(&sb, "Funding route", funding_kind_label(f->kind));
		client_field(&sb, "Funder", f->funder);
		client_field(&sb, "Negotiated by", f->negotiator);
		client_field(&sb, "Negotiator's contact", f->negotiator_contact);
		if (f->contracted_minutes_per_week >= 0) {
			snprintf(buf, sizeof buf, "%s a week", duration_format(
			    f->contracted_minutes_per_week, d));
			client_field(&sb, "Hours agreed", buf);
		}
		if (f->hourly_charge_pence >= 0)
			client_field(&sb, "Hourly charge",
			    money_format(f->hourly_charge_pence, d));
		client_field(&sb, "Funder review", f->review_due);
	}
	strbuf_adds(&sb, "\nPeople who matter\n");
	if (r.allies == NULL || r.allies[0] == '\0')
		strbuf_adds(&sb, "Nobody recorded yet.\n");
	else
		strbuf_addf(&sb, "%s\n", r.allies);
	fputs(strbuf_str(&sb), stdout);
	strbuf_fini(&sb);
	client_record_fini(&r);
	return 0;
}

int
cli_client(struct cli *cli, int argc, char **argv)
{
	int rc;

	if (argc == 3 && strcmp(argv[1], "show") == 0) {
		if ((rc = cli_open(cli, 0, 1)) != 0)
			return rc;
		return client_show(cli, argv[2]);
	}
	fprintf(stderr, "peerdesk: usage: %s\n", client_usage);
	return 2;
}
