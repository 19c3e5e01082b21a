/* sar_yaml.c - the subject access bundle as YAML, with libyaml. */
#include "peerdesk/config/sar_yaml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yamldoc.h"

static int
sar_yaml_out(void *data, unsigned char *buf, size_t n)
{
	strbuf_add(data, buf, n);
	return 1;
}

static int
sar_yaml_scalar(yaml_emitter_t *e, const char *s, bool plain_ok)
{
	static yaml_char_t str_tag[] = YAML_STR_TAG;
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	/* never fails for bytes that are not UTF-8: they become U+FFFD */
	char *text = yamldoc_utf8_copy(s);
	int ok;

	if (strchr(text, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (!plain_ok)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	ok = yaml_scalar_event_initialize(&ev, NULL, str_tag,
	    (yaml_char_t *)text, (int)strlen(text), plain_ok, !plain_ok,
	    style);
	free(text);
	return ok && yaml_emitter_emit(e, &ev);
}

/* A string value: quoted unless it is plainly text (so "yes", "12" and
 * "2026-11-25" stay strings for any reader). */
static int
sar_yaml_str(yaml_emitter_t *e, const char *s)
{
	return sar_yaml_scalar(e, s, false);
}

static int
sar_yaml_key(yaml_emitter_t *e, const char *s)
{
	return sar_yaml_scalar(e, s, true);
}

static int
sar_yaml_simple(yaml_emitter_t *e, int kind)
{
	yaml_event_t ev;
	int ok = 0;

	switch (kind) {
	case 's': ok = yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING); break;
	case 'S': ok = yaml_stream_end_event_initialize(&ev); break;
	case 'd': ok = yaml_document_start_event_initialize(&ev, NULL, NULL,
	    NULL, 0); break;
	case 'D': ok = yaml_document_end_event_initialize(&ev, 1); break;
	case 'm': ok = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE); break;
	case 'M': ok = yaml_mapping_end_event_initialize(&ev); break;
	case 'q': ok = yaml_sequence_start_event_initialize(&ev, NULL, NULL,
	    1, YAML_BLOCK_SEQUENCE_STYLE); break;
	case 'Q': ok = yaml_sequence_end_event_initialize(&ev); break;
	default: break;
	}
	return ok && yaml_emitter_emit(e, &ev);
}

/* The walk's steps: each section a sequence of mappings. */
static int
sar_yaml_section(void *e, const struct sar_section *s)
{
	return sar_yaml_key(e, s->key) && sar_yaml_simple(e, 'q');
}

static int
sar_yaml_record(void *e, const struct sar_record *r, const char *heading)
{
	(void)r;
	return sar_yaml_simple(e, 'm') && sar_yaml_key(e, "heading") &&
	    sar_yaml_str(e, heading);
}

static int
sar_yaml_field(void *e, const struct sar_field *f)
{
	return sar_yaml_key(e, f->key) && sar_yaml_str(e, f->value);
}

static int
sar_yaml_record_end(void *e, const struct sar_record *r)
{
	(void)r;
	return sar_yaml_simple(e, 'M');
}

static int
sar_yaml_section_end(void *e, const struct sar_section *s)
{
	(void)s;
	return sar_yaml_simple(e, 'Q');
}

static const struct sar_walker sar_yaml_walker = {
	.section = sar_yaml_section,
	.record = sar_yaml_record,
	.field = sar_yaml_field,
	.record_end = sar_yaml_record_end,
	.section_end = sar_yaml_section_end,
};

static int
sar_yaml_emit(yaml_emitter_t *e, const struct sar_bundle *b)
{
	char num[32];
	int ok;

	snprintf(num, sizeof num, "%lld", (long long)b->client_id);
	ok = sar_yaml_simple(e, 's') && sar_yaml_simple(e, 'd') &&
	    sar_yaml_simple(e, 'm') &&
	    sar_yaml_key(e, "client_number") && sar_yaml_key(e, num) &&
	    sar_yaml_key(e, "client") &&
	    sar_yaml_str(e, b->client_name ? b->client_name : "") &&
	    sar_yaml_key(e, "made_on") && sar_yaml_str(e, b->made_on) &&
	    sar_yaml_key(e, "held_by") &&
	    sar_yaml_str(e, b->org_name ? b->org_name : "") &&
	    sar_walk(b, &sar_yaml_walker, e);
	return ok && sar_yaml_simple(e, 'M') && sar_yaml_simple(e, 'D') &&
	    sar_yaml_simple(e, 'S');
}

enum pd_status
sar_yaml_render(const struct sar_bundle *b, struct strbuf *out,
    struct pd_err *err)
{
	yaml_emitter_t e;
	enum pd_status s = PD_OK;

	if (!yaml_emitter_initialize(&e))
		return pd_fail(err, PD_INVALID, NULL, "could not start YAML");
	yaml_emitter_set_output(&e, sar_yaml_out, out);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, 78);
	if (!sar_yaml_emit(&e, b))
		s = pd_fail(err, PD_INVALID, NULL, "could not write YAML: %s",
		    e.problem ? e.problem : "unknown problem");
	yaml_emitter_delete(&e);
	return s;
}
