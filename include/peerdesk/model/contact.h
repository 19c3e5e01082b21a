/* contact.h - checks on what a person types about a client that help
 * without getting in the way: a date of birth (refused only when it
 * cannot be right), and the shape of an email address or a UK phone
 * number (warnings: the record can be saved anyway).  Pure.
 */
#ifndef PEERDESK_MODEL_CONTACT_H
#define PEERDESK_MODEL_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

#include "peerdesk/core/status.h"
#include "peerdesk/model/date.h"

#define CONTACT_AGE_REFUSED 120	/* older than this cannot be right */
#define CONTACT_AGE_ASK 100	/* older than this: "are you sure?" */

/* A date of birth against today: PD_INVALID (field "date_of_birth")
 * when it is after today or the person would be over 120; otherwise
 * PD_OK with *ask true when they would be over 100 (ask before saving).
 */
enum pd_status contact_dob_check(pd_date dob, pd_date today, bool *ask,
    struct pd_err *err);

/* True when s looks like an email address (something@name.tld, no
 * spaces), and for "" (nothing given). */
bool contact_email_ok(const char *s);

/* True when every number in s looks like a UK phone number (spaces,
 * dashes, brackets and dots ignored; +44 or 0 then 9 or 10 digits) or an
 * international one (+ then 8 to 15 digits); numbers may be parted by
 * "/", ",", ";" or "or"; true for "" (nothing given). */
bool contact_phone_ok(const char *s);

#endif
