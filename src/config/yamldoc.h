/* yamldoc.h - private to src/config: one YAML document held in memory,
 * typed reads of its scalars, table-driven mappings, and errors that say
 * file:line:column, the key, and what was expected.
 *
 * Marks from libyaml are 0-based; every error here is 1-based, columns
 * counted in characters (as libyaml counts them).
 */
#ifndef PEERDESK_CONFIG_YAMLDOC_H
#define PEERDESK_CONFIG_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "peerdesk/core/status.h"

/* Limits every file read with yamldoc_load (docs/configuration.md):
 * lists and mappings inside each other, and values in all (a scalar,
 * list or mapping is one value; an alias counts everything its anchor
 * stands for, each time it is used). */
#define YAMLDOC_MAX_DEPTH 64
#define YAMLDOC_MAX_NODES 200000

struct yamldoc {
	yaml_document_t doc;
	bool loaded;
	char name[256];		/* file name for messages */
};

/* One key a mapping may hold.  fn reads val into dst; offset, min and
 * max are there for fn to use (where in dst, and a range). */
struct yamldoc_key {
	const char *key;
	enum pd_status (*fn)(struct yamldoc *yd, const struct yamldoc_key *k,
	    yaml_node_t *val, void *dst, struct pd_err *err);
	size_t offset;
	long min, max;
};

/* Read the whole file at path into a new NUL-terminated buffer (caller
 * frees *text).  PD_IO naming the file when it cannot be read. */
enum pd_status yamldoc_read_file(const char *path, char **text,
    size_t *len, struct pd_err *err);

/* Parse text (len bytes, UTF-8) as at most one YAML document; name is used
 * in messages.  PD_PARSE on invalid UTF-8 or YAML syntax, on nesting
 * deeper than YAMLDOC_MAX_DEPTH, more than YAMLDOC_MAX_NODES values
 * (aliases counted in full), an alias inside its own anchor, an unknown
 * alias or an anchor given twice.  Time and memory are linear in len.
 * Call yamldoc_fini() afterwards whatever the result. */
enum pd_status yamldoc_load(struct yamldoc *yd, const char *text,
    size_t len, const char *name, struct pd_err *err);

void yamldoc_fini(struct yamldoc *yd);

/* The top node; NULL for an empty document (nothing but comments, or an
 * empty "---"). */
yaml_node_t *yamldoc_root(struct yamldoc *yd);

/* Fill err with code and a message at node's position; returns code. */
enum pd_status yamldoc_fail(const struct yamldoc *yd, const yaml_node_t *node,
    enum pd_status code, const char *field, struct pd_err *err,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Plain words for what node is, for "expected X, got Y": "a list",
 * "a mapping", "nothing" or the quoted text ('mnday').  Writes into buf. */
const char *yamldoc_describe(const yaml_node_t *node, char *buf, size_t n);

/* Is node an empty or null plain scalar ("", "~", "null")? */
bool yamldoc_is_null(const yaml_node_t *node);

/* Walk a mapping: every key must be a name in keys (ended by a NULL key)
 * and appear once; found[i] is set to the value node of keys[i] (found
 * has one slot per key, set to NULL by the caller).  what names the
 * mapping ("settings", "a permitted_work row"), noun a key ("setting").
 * Calls each key's fn in file order; stops at the first error. */
enum pd_status yamldoc_map(struct yamldoc *yd, yaml_node_t *map,
    const struct yamldoc_key *keys, void *dst, const char *what,
    const char *noun, yaml_node_t **found, struct pd_err *err);

/* Typed reads of a scalar value for key field. */

/* Non-empty text; *out borrowed from the document. */
enum pd_status yamldoc_text(struct yamldoc *yd, yaml_node_t *node,
    const char *field, const char **out, struct pd_err *err);
/* A whole number from min to max. */
enum pd_status yamldoc_long(struct yamldoc *yd, yaml_node_t *node,
    const char *field, long min, long max, long *out, struct pd_err *err);
/* true/false, yes/no, on/off (any case). */
enum pd_status yamldoc_bool(struct yamldoc *yd, yaml_node_t *node,
    const char *field, bool *out, struct pd_err *err);
/* A positive decimal with at most 2 places, as hundredths ("203.50" ->
 * 20350); expected says what was wanted ("an amount in pounds such as
 * 203.50").  No floating point anywhere. */
enum pd_status yamldoc_hundredths(struct yamldoc *yd, yaml_node_t *node,
    const char *field, const char *expected, int64_t *out,
    struct pd_err *err);
/* A real calendar date written YYYY-MM-DD. */
enum pd_status yamldoc_date(struct yamldoc *yd, yaml_node_t *node,
    const char *field, char out[11], struct pd_err *err);

/* Key readers for struct yamldoc_key's fn (yamldoc_set.c), each into
 * the field of dst at k->offset: non-empty text (a char * the struct
 * owns; the old value freed), a whole number from k->min to k->max (an
 * int or an int64_t), true/false (a bool), a YYYY-MM-DD date (a
 * char[11]). */
enum pd_status yamldoc_set_text(struct yamldoc *yd,
    const struct yamldoc_key *k, yaml_node_t *val, void *dst,
    struct pd_err *err);
enum pd_status yamldoc_set_int(struct yamldoc *yd,
    const struct yamldoc_key *k, yaml_node_t *val, void *dst,
    struct pd_err *err);
enum pd_status yamldoc_set_int64(struct yamldoc *yd,
    const struct yamldoc_key *k, yaml_node_t *val, void *dst,
    struct pd_err *err);
enum pd_status yamldoc_set_bool(struct yamldoc *yd,
    const struct yamldoc_key *k, yaml_node_t *val, void *dst,
    struct pd_err *err);
enum pd_status yamldoc_set_date(struct yamldoc *yd,
    const struct yamldoc_key *k, yaml_node_t *val, void *dst,
    struct pd_err *err);

/* A copy of s with every byte that is not valid UTF-8 as U+FFFD, for
 * text given to libyaml's emitter (which refuses such text, and takes
 * it through a pointer that is not const).  The caller frees it. */
char *yamldoc_utf8_copy(const char *s);

/* 1-based line of node, for "first on line N" style messages. */
int yamldoc_line(const yaml_node_t *node);

#endif
