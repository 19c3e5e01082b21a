/* keys.h - a person's own keys.yaml: which keys do what, by screen.
 *
 * The file has the shape of data/keys.yaml (the built-in defaults):
 *
 *   form:
 *     save: [C-s, F2]
 *   list:
 *     open: Enter
 *
 * Reading it only checks the shape (a mapping of sections, each a
 * mapping of action names to a key name or a list of them); the screens
 * check the action and key names when they apply it (keymap_apply in
 * tui/keys.h), with the line numbers kept here.
 */
#ifndef PEERDESK_CONFIG_KEYS_H
#define PEERDESK_CONFIG_KEYS_H

#include <stddef.h>

#include "peerdesk/core/status.h"

/* One "section: action: [keys]" entry; strings owned by the struct. */
struct keys_conf_entry {
	char *section;	/* "global", "list", a screen name, ... */
	char *action;	/* action name, e.g. "save" */
	char **keys;	/* key names, e.g. "C-s", "F2" */
	size_t nkeys;
	int line;	/* line in the file for messages, 0 if unknown */
};

struct keys_conf {
	struct keys_conf_entry *v;
	size_t n, cap;	/* cap: room in v (it grows by doubling) */
	char *file;	/* where it came from, for messages; may be NULL */
};

/* Free everything a keys_conf holds and zero it. */
void keys_conf_fini(struct keys_conf *kc);

/* Append one entry (copies the strings). */
void keys_conf_add(struct keys_conf *kc, const char *section,
    const char *action, const char *const *keys, size_t nkeys, int line);

/* Read keys from text (len bytes) named name in messages into an empty
 * *out.  PD_PARSE or PD_CONFIG with file:line:column on a bad shape;
 * *out is left empty then.  An empty document gives no entries. */
enum pd_status keys_conf_parse(const char *text, size_t len,
    const char *name, struct keys_conf *out, struct pd_err *err);

/* Read the file at path with keys_conf_parse.  PD_NOT_FOUND when there
 * is no such file (the caller then uses the defaults); PD_IO when it
 * cannot be read. */
enum pd_status keys_conf_load(const char *path, struct keys_conf *out,
    struct pd_err *err);

#endif
