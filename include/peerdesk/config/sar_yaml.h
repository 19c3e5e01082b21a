/* sar_yaml.h - a subject access bundle as YAML (libyaml's emitter).
 *
 * One mapping: client_number, client, made_on, held_by, then one key per
 * section ("record", "sessions", "audit", ...) holding a sequence of
 * mappings, each starting with "heading" and then its fields in order.
 * Multi-line text is written as a literal block; every value is a string
 * except client_number.
 */
#ifndef PEERDESK_CONFIG_SAR_YAML_H
#define PEERDESK_CONFIG_SAR_YAML_H

#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/sar.h"

/* Append the YAML text to out.  PD_INVALID if the emitter fails. */
enum pd_status sar_yaml_render(const struct sar_bundle *b,
    struct strbuf *out, struct pd_err *err);


#endif
