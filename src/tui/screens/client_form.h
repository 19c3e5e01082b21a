/* client_form.h - the fields of a new referral and of editing a client:
 * one table, written once for either record type (struct intake and
 * struct client_record have the same members). */
#ifndef PEERDESK_TUI_SCREENS_CLIENT_FORM_H
#define PEERDESK_TUI_SCREENS_CLIENT_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/app/clients.h"
#include "peerdesk/tui/field.h"

struct screen;

/* Likely duplicates found when a client form saved, until the person
 * chooses: open one of them instead, save anyway, or go back to the
 * form.  The form's record keeps it. */
struct client_dup {
	struct client_matches m;
	bool anyway;	/* the person chose to save anyway */
	bool pending;	/* a save just stopped at likely matches */
};

/* "Already here?" (title) on s: each match to open instead, then
 * anyway (to save anyway) and "Back to the form"; answered with tag. */
void client_dup_ask(struct screen *s, const struct client_dup *d, int tag,
    const char *title, const char *anyway);

extern const struct field_choice client_form_routes[];
extern const struct field_choice client_form_funding[];

/* The field ids match pd_err.field from app/clients.c: name,
 * date_of_birth, referred_on, first_contact, plan_submitted,
 * plan_approved, funding_received, funder_review, contracted.
 *
 * The order follows a referral call: the name, how to reach them, who
 * referred them and why; then the rest.  Only the name is needed. */
#define CLIENT_FORM_FIELDS(T) \
	{ .id = "name", .label = "Name", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.name), .required = true, \
	  .max_len = 120, .help = "The person's name as they like it " \
	  "written. A name and one way to reach them is enough to save." }, \
	{ .id = "phone", .label = "Phone", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.phone), .max_len = 40, .width = 20 }, \
	{ .id = "email", .label = "Email", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.email), .max_len = 120 }, \
	{ .id = "address", .label = "Address", .kind = FIELD_MULTILINE, \
	  .offset = offsetof(T, client.address), .height = 2, \
	  .max_len = 400 }, \
	{ .id = "referrer", .label = "Who referred them", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, referral.referrer_name), .max_len = 120, \
	  .help = "The person who made the referral, e.g. the social " \
	  "worker; empty when they referred themselves." }, \
	{ .id = "referrer_org", .label = "Referrer's organisation", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, referral.referrer_org), \
	  .max_len = 120 }, \
	{ .id = "referrer_contact", .label = "Referrer's contact", \
	  .kind = FIELD_TEXT, \
	  .offset = offsetof(T, referral.referrer_contact), .max_len = 120, \
	  .help = "How to reach the referrer: a phone number or email." }, \
	{ .id = "route", .label = "Route", .kind = FIELD_CHOICE, \
	  .offset = offsetof(T, referral.route), \
	  .choices = client_form_routes, .width = 20 }, \
	{ .id = "notes", .label = "Why they were referred", \
	  .kind = FIELD_MULTILINE, .offset = offsetof(T, referral.notes), \
	  .height = 3, .help = "In the referrer's or the person's own " \
	  "words, and anything else to note." }, \
	{ .id = "referred_on", .label = "Referral date", .kind = FIELD_DATE, \
	  .offset = offsetof(T, referral.referred_on), .width = 12, \
	  .help = "Today unless you change it." }, \
	{ .id = "heard_about", .label = "How they heard of us", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, referral.heard_about), \
	  .max_len = 200, .help = "e.g. \"a friend at the cafe\", \"the " \
	  "GP surgery's leaflet\"." }, \
	{ .id = "first_contact", .label = "First contact", \
	  .kind = FIELD_DATE, \
	  .offset = offsetof(T, referral.first_contact_on), .width = 12, \
	  .help = "The day we first spoke with the person themselves." }, \
	{ .id = "preferred_name", .label = "Preferred name", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, client.preferred_name), \
	  .max_len = 60, .width = 30 }, \
	{ .id = "pronouns", .label = "Pronouns", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.pronouns), .max_len = 30, \
	  .width = 16 }, \
	{ .id = "date_of_birth", .label = "Date of birth", \
	  .kind = FIELD_DATE, .offset = offsetof(T, client.date_of_birth), \
	  .width = 12 }, \
	{ .id = "funding", .label = "Funding route", .kind = FIELD_CHOICE, \
	  .offset = offsetof(T, funding.kind), \
	  .choices = client_form_funding, .width = 24 }, \
	{ .id = "funder", .label = "Funder", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, funding.funder), .max_len = 120, \
	  .help = "Who pays: e.g. the council's adult social care, or the " \
	  "NHS." }, \
	{ .id = "negotiator", .label = "Who negotiated", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, funding.negotiator), \
	  .max_len = 120, .help = "The person we agree the budget and " \
	  "hours with, e.g. the social worker." }, \
	{ .id = "negotiator_contact", .label = "Negotiator's contact", \
	  .kind = FIELD_TEXT, \
	  .offset = offsetof(T, funding.negotiator_contact), \
	  .max_len = 120 }, \
	{ .id = "contracted", .label = "Hours agreed a week", \
	  .kind = FIELD_DURATION, \
	  .offset = offsetof(T, funding.contracted_minutes_per_week), \
	  .max = 7 * 24 * 60, .width = 10, \
	  .help = "Write 6h for six hours, 1h30 for an hour and a half." }, \
	{ .id = "hourly_charge", .label = "Hourly charge", \
	  .kind = FIELD_MONEY, \
	  .offset = offsetof(T, funding.hourly_charge_pence), .width = 12 }, \
	{ .id = "funder_review", .label = "Funder review date", \
	  .kind = FIELD_DATE, .offset = offsetof(T, funding.review_due), \
	  .width = 12 }, \
	{ .id = "plan_submitted", .label = "Support plan submitted", \
	  .kind = FIELD_DATE, \
	  .offset = offsetof(T, referral.plan_submitted_on), .width = 12, \
	  .help = "The day the support plan went to the funder." }, \
	{ .id = "plan_approved", .label = "Support plan approved", \
	  .kind = FIELD_DATE, \
	  .offset = offsetof(T, referral.plan_approved_on), .width = 12 }, \
	{ .id = "funding_received", .label = "Funding received", \
	  .kind = FIELD_DATE, \
	  .offset = offsetof(T, referral.funding_received_on), .width = 12, \
	  .help = "The day the money first reached the account." }, \
	{ .id = "allies", .label = "People who matter", \
	  .kind = FIELD_MULTILINE, .offset = offsetof(T, allies), \
	  .height = 3, .help = "One person a line, e.g. \"Sister Lou, " \
	  "07700 900123\"." }, \
	{ .id = "pal_preferences", .label = "PAL preferences", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, client.pal_preferences), \
	  .max_len = 300, .help = "What the person would like in a PAL, " \
	  "e.g. \"a male PAL\"." }, \
	{ .id = "interests", .label = "Interests", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.interests), .max_len = 300 }, \
	{ .id = NULL }

#endif
