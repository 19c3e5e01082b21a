/* plan_yaml.h - a client's Wellness and Safety Plan as a YAML file, to
 * keep, to edit in any text editor, and to bring back in.
 *
 *   peerdesk_plan: 1          # says what the file is
 *   client: 12                # the client's number in peerdesk
 *   name: Ana Silva           # checked against the client on import
 *   version: 3                # the version the file was written from
 *   status: established       # (for reading; import leaves it alone)
 *   established_on: 2026-02-01
 *   note: what changed        # (optional, import only) kept with the
 *                             # new version
 *   sections:                 # the 14 keys of model/plandoc.h
 *     ambitions: ...          # plan_fields[], any may be left empty
 *   goals:
 *     - id: 4                 # leave out for a new goal
 *       area: connect         # ambition, connect, be_active,
 *       title: ...            # take_notice, learn, give
 *       detail: ...
 *       set_by: me
 *       target_date: 2026-03-01
 *       created_on: 2026-01-10
 *       closed_on: 2026-05-01
 *       steps:
 *         - id: 7             # leave out for a new step
 *           text: ...
 *           done_on: 2026-01-12
 *       scores:
 *         - on: 2026-02-01
 *           score: -1         # -2 .. +2
 *   notes:
 *     - on: 2026-01-10
 *       by: Priya Shah        # (for reading; import uses who imports)
 *       text: ...
 *
 * Writing then reading gives back the same plan, and writing that again
 * the same bytes.  Errors say file:line:column and what was expected.
 */
#ifndef PEERDESK_CONFIG_PLAN_YAML_H
#define PEERDESK_CONFIG_PLAN_YAML_H

#include <stddef.h>

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plandoc.h"

#define PLAN_YAML_FORMAT 1	/* the value of peerdesk_plan */

/* The most a file may hold (more is refused, with the line). */
#define PLAN_YAML_MAX_GOALS 200
#define PLAN_YAML_MAX_STEPS 100	/* per goal */
#define PLAN_YAML_MAX_SCORES 200	/* per goal */
#define PLAN_YAML_MAX_NOTES 2000

/* Append doc as a plan file to out: a few comment lines, then the YAML.
 * Empty sections are written as empty keys; empty dates and ids are
 * left out.  PD_IO only if libyaml fails (err says why). */
enum pd_status plan_yaml_write(const struct plan_doc *doc,
    struct strbuf *out, struct pd_err *err);

/* Read a plan file from text (len bytes, UTF-8; name is used in
 * messages) into *out, which the caller plan_doc_fini()s whatever the
 * result.  Goals, steps, scores and notes keep the line they start on.
 * PD_PARSE with file:line:column, the key and what was expected. */
enum pd_status plan_yaml_read(const char *text, size_t len, const char *name,
    struct plan_doc *out, struct pd_err *err);

/* plan_yaml_read() of the file at path.  PD_IO when it cannot be read. */
enum pd_status plan_yaml_read_file(const char *path, struct plan_doc *out,
    struct pd_err *err);

#endif
