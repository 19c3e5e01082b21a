/* enumlist.h - enums written once as lists.
 *
 * A record enum is a list macro, FOO_LIST(X), with one X(VALUE,
 * "stored name", "label") a value (or X(VALUE, "stored name") where
 * there are no words for people), in the enum's order.  The enum takes
 * its values from the list with ENUM_VALUE, and the name and label
 * tables in the model/ .c files take theirs from the same list, so a
 * value cannot be added without its names.
 */
#ifndef PEERDESK_MODEL_ENUMLIST_H
#define PEERDESK_MODEL_ENUMLIST_H

#define ENUM_VALUE(v, ...) v,

/* How many values a list has: (0 FOO_LIST(ENUM_COUNT)). */
#define ENUM_COUNT(v, ...) + 1

#endif
