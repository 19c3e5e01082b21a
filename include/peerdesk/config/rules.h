/* rules.h - read the dated rule tables (rules.yaml) into struct rules.
 *
 * The built-in data/rules.yaml is compiled into the program; a settings
 * file may name another (rules_file).  The layout of the file and how to
 * add next April's figures: docs/configuration.md.  Lookups on the loaded
 * tables are in peerdesk/model/rules.h.
 */
#ifndef PEERDESK_CONFIG_RULES_H
#define PEERDESK_CONFIG_RULES_H

#include <stddef.h>

#include "peerdesk/config/settings.h"
#include "peerdesk/core/status.h"
#include "peerdesk/model/rules.h"

/* Parse rules text (len bytes); name is used in messages.  *r is
 * overwritten (not freed first): the tables on success, empty on failure
 * with err at file:line:column (PD_PARSE for YAML, PD_CONFIG for values:
 * rows out of date order, the same date twice, an amount that is not
 * positive pounds with at most 2 decimals, a row without a source). */
enum pd_status rules_load_text(const char *text, size_t len,
    const char *name, struct rules *r, struct pd_err *err);

/* As rules_load_text() for the file at path (PD_IO if unreadable). */
enum pd_status rules_load_file(const char *path, struct rules *r,
    struct pd_err *err);

/* The built-in rules.yaml (r->file is "rules.yaml (built in)"). */
enum pd_status rules_load_default(struct rules *r, struct pd_err *err);

/* The settings' rules_file if set, else the built-in rules. */
enum pd_status rules_load_for(const struct settings *s, struct rules *r,
    struct pd_err *err);

#endif
