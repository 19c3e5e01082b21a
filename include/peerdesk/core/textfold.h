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

/* The folded form of utf8 (NULL is taken as ""), newly allocated: the
 * caller frees it.  Never NULL. */
char *text_fold(const char *utf8);

#endif
