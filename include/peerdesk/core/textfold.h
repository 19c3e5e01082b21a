/* textfold.h - text folded for matching: lower case, accents off.
 *
 * "Siobhán" -> "siobhan", "ZOË" -> "zoe", "Łukasz" -> "lukasz",
 * "Bjørn" -> "bjorn", "Straße" -> "strasse", "Æsa" -> "aesa".  Letters
 * that Unicode decomposes (é = e + accent) and the Latin letters that it
 * does not (Ł, ø, ß, æ, œ, þ, ð, đ, ħ, ı) both fold to plain ASCII;
 * combining accents (U+0300-U+036F) are dropped; Greek and Cyrillic
 * capitals become small letters.  Runs of spaces, tabs and newlines
 * become one space, with none at either end.  Other characters, and
 * bytes that are not UTF-8, are kept as they are.  Pure: no locale.
 */
#ifndef PEERDESK_CORE_TEXTFOLD_H
#define PEERDESK_CORE_TEXTFOLD_H

#include "peerdesk/core/strbuf.h"

/* The folded form of utf8 (NULL is taken as ""), newly allocated: the
 * caller frees it.  Never NULL. */
char *textfold(const char *utf8);

/* Append the folded form of s (NULL counts as "") to out. */
void textfold_to(const char *s, struct strbuf *out);

/* The digits of s, newly allocated: "+44 7700 900-123" gives
 * "07700900123" (a leading 44 of a twelve-digit UK number, or 0044,
 * becomes 0), so one phone number written two ways matches. */
char *textfold_phone_digits(const char *s);

#endif
