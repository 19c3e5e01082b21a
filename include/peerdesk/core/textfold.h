/* textfold.h - fold text for matching: case and accents ignored.
 *
 * text_fold("Siobhán ŁUKASZ Øre Straße") is "siobhan lukasz ore strasse":
 * Latin letters lose their accents (as Unicode's NFD would leave the
 * base letter), letters that do not decompose are spelled in plain
 * letters (Ł l, Ø o, ß ss, Æ ae, Œ oe, Þ th, Ð d, Đ d, Ħ h, ı i, ĸ k,
 * Ŋ n, Ŧ t), ASCII letters go to lower case and runs of white space
 * become one space with none at either end.  Any other character is
 * kept as it is.  Invalid UTF-8 bytes are dropped.
 */
#ifndef PEERDESK_CORE_TEXTFOLD_H
#define PEERDESK_CORE_TEXTFOLD_H

#include "peerdesk/core/strbuf.h"

/* Append the folded form of s (NULL counts as "") to out. */
void text_fold_to(const char *s, struct strbuf *out);

/* The folded form of s, newly allocated (free it). */
char *text_fold(const char *s);

/* The digits of s, newly allocated: "+44 7700 900-123" gives
 * "07700900123" (a leading 44 of a twelve-digit UK number, or 0044,
 * becomes 0), so one phone number written two ways matches. */
char *text_phone_digits(const char *s);

#endif
