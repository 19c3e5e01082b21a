/* client_form.h - the fields of a new referral and of editing a client:
 * one table, written once for either record type (struct intake and
 * struct client_record have the same members). */
#ifndef PEERDESK_TUI_SCREENS_CLIENT_FORM_H
#define PEERDESK_TUI_SCREENS_CLIENT_FORM_H

#include <stddef.h>

#include "peerdesk/app/clients.h"
#include "peerdesk/tui/field.h"

extern const struct field_choice client_form_routes[];
extern const struct field_choice client_form_funding[];

/* The field ids match pd_err.field from app/clients.c: name,
 * date_of_birth, referred_on, funder_review, contracted. */
#define CLIENT_FORM_FIELDS(T) \
	{ .id = "name", .label = "Name", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.name), .required = true, \
	  .max_len = 120, .help = "The person's name as they like it " \
	  "written; nothing else is needed to save." }, \
	{ .id = "preferred_name", .label = "Preferred name", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, client.preferred_name), \
	  .max_len = 60, .width = 30 }, \
	{ .id = "pronouns", .label = "Pronouns", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.pronouns), .max_len = 30, \
	  .width = 16 }, \
	{ .id = "date_of_birth", .label = "Date of birth", \
	  .kind = FIELD_DATE, .offset = offsetof(T, client.date_of_birth), \
	  .width = 12 }, \
	{ .id = "phone", .label = "Phone", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.phone), .max_len = 40, .width = 20 }, \
	{ .id = "email", .label = "Email", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, client.email), .max_len = 120 }, \
	{ .id = "address", .label = "Address", .kind = FIELD_MULTILINE, \
	  .offset = offsetof(T, client.address), .height = 2, \
	  .max_len = 400 }, \
	{ .id = "referred_on", .label = "Referral date", .kind = FIELD_DATE, \
	  .offset = offsetof(T, referral.referred_on), .width = 12, \
	  .help = "Today unless you change it." }, \
	{ .id = "referrer", .label = "Referrer", .kind = FIELD_TEXT, \
	  .offset = offsetof(T, referral.referrer_name), .max_len = 120, \
	  .help = "Who made the referral, e.g. the social worker." }, \
	{ .id = "referrer_org", .label = "Referrer's organisation", \
	  .kind = FIELD_TEXT, .offset = offsetof(T, referral.referrer_org), \
	  .max_len = 120 }, \
	{ .id = "route", .label = "Route", .kind = FIELD_CHOICE, \
	  .offset = offsetof(T, referral.route), \
	  .choices = client_form_routes, .width = 20 }, \
	{ .id = "funding", .label = "Funding", .kind = FIELD_CHOICE, \
	  .offset = offsetof(T, funding.kind), \
	  .choices = client_form_funding, .width = 24 }, \
	{ .id = "contracted", .label = "Contracted hours a week", \
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
	{ .id = "notes", .label = "Notes", .kind = FIELD_MULTILINE, \
	  .offset = offsetof(T, referral.notes), .height = 3 }, \
	{ .id = NULL }

#endif
