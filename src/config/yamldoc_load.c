/* yamldoc_load.c - a YAML document built from libyaml's parser events,
 * with limits, and errors that say where the text went wrong. */
#include "yamldoc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* Line and column (1-based, column in characters) of byte offset off. */
static void
yamldoc_load_offset_mark(const char *text, size_t len, size_t off, int *line,
    int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\n' || (c == '\r' && (i + 1 >= len ||
		    text[i + 1] != '\n'))) {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r') {
			(*col)++;
		}
	}
}

/* Byte offset of the first invalid UTF-8 sequence, or len if none. */
static size_t
yamldoc_load_utf8_bad(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		unsigned int cp;
		size_t need, k;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		for (k = 1; k <= need; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return len;
}

/* The byte at 1-based line and character column, or NUL past the end. */
static char
yamldoc_load_byte_at(const char *text, size_t len, int line, int col)
{
	size_t i = 0;
	int l = 1, c = 1;

	while (i < len) {
		if (l == line && c == col)
			return text[i];
		if (text[i++] == '\n') {
			l++;
			c = 1;
			continue;
		}
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return '\0';
}

static enum pd_status
yamldoc_load_parser_fail(struct yamldoc *yd, const yaml_parser_t *p,
    const char *text, size_t len, struct pd_err *err)
{
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	int line, col;

	if (p->error == YAML_MEMORY_ERROR)
		return pd_fail_at(err, PD_PARSE, yd->name, 0, 0, NULL,
		    "not enough memory to read this file");
	if (p->error == YAML_READER_ERROR) {
		yamldoc_load_offset_mark(text, len, p->problem_offset, &line,
		    &col);
		return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL,
		    "%s", problem);
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	if (yamldoc_load_byte_at(text, len, line, col) == '\t')
		return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL,
		    "found a tab; indent with spaces, not tabs");
	if (p->context != NULL && p->context_mark.line != p->problem_mark.line)
		return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL,
		    "%s %s that began on line %d", problem, p->context,
		    (int)p->context_mark.line + 1);
	if (p->context != NULL)
		return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL,
		    "%s %s", problem, p->context);
	return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL, "%s",
	    problem);
}

/* ---- building the document from parser events -------------------------
 *
 * libyaml's own loader (yaml_parser_load) looks every alias up in a list
 * of all anchors and checks each new anchor against all the others, so a
 * file with many anchors costs the square of their number; it has no
 * limit on nesting, and an alias stands for everything under its anchor
 * however often it is used.  So the document is built here, from the
 * parser's events, with a table of anchors, and it stops at the first of
 * YAMLDOC_MAX_DEPTH levels of nesting or YAMLDOC_MAX_NODES values
 * (counted with every alias in full). */

struct yd_anchor {
	char *name;
	size_t hash;
	int node, line;
};

struct yd_open {
	int node;
	int key;		/* mapping: the key waiting for its value */
};

struct yd_build {
	struct yamldoc *yd;
	struct yd_anchor *anchors;	/* open addressing, cap a power of 2 */
	size_t n_anchors, cap_anchors;
	struct yd_open *stack;
	size_t depth, cap_stack;
	size_t *weight;		/* per node: values it stands for */
	size_t *height;		/* per node: lists and mappings in it,
				 * itself counted (a scalar 0) */
	unsigned char *open;	/* per node: a collection not yet ended */
	size_t cap_nodes;
	size_t total;		/* values so far, aliases counted in full */
};

static size_t
yamldoc_load_hash(const char *s)
{
	size_t h = 1469598103934665603u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static struct yd_anchor *
yamldoc_load_anchor_slot(struct yd_build *b, const char *name, size_t hash)
{
	size_t mask = b->cap_anchors - 1, i = hash & mask;

	while (b->anchors[i].name != NULL && (b->anchors[i].hash != hash ||
	    strcmp(b->anchors[i].name, name) != 0))
		i = (i + 1) & mask;
	return &b->anchors[i];
}

static struct yd_anchor *
yamldoc_load_anchor_find(struct yd_build *b, const char *name)
{
	struct yd_anchor *a;

	if (b->cap_anchors == 0)
		return NULL;
	a = yamldoc_load_anchor_slot(b, name, yamldoc_load_hash(name));
	return a->name != NULL ? a : NULL;
}

static void
yamldoc_load_anchor_add(struct yd_build *b, const char *name, int node,
    int line)
{
	if (2 * (b->n_anchors + 1) > b->cap_anchors) {
		struct yd_anchor *old = b->anchors;
		size_t oldcap = b->cap_anchors, i;

		b->cap_anchors = oldcap ? oldcap * 2 : 16;
		b->anchors = xcalloc(b->cap_anchors, sizeof *b->anchors);
		for (i = 0; i < oldcap; i++)
			if (old[i].name != NULL)
				*yamldoc_load_anchor_slot(b, old[i].name,
				    old[i].hash) = old[i];
		free(old);
	}
	{
		size_t hash = yamldoc_load_hash(name);
		struct yd_anchor *a = yamldoc_load_anchor_slot(b, name, hash);

		a->name = xstrdup(name);
		a->hash = hash;
		a->node = node;
		a->line = line;
		b->n_anchors++;
	}
}

static void
yamldoc_load_build_fini(struct yd_build *b)
{
	size_t i;

	for (i = 0; i < b->cap_anchors; i++)
		free(b->anchors[i].name);
	free(b->anchors);
	free(b->stack);
	free(b->weight);
	free(b->height);
	free(b->open);
}

static enum pd_status
yamldoc_load_fail_at(struct yd_build *b, const yaml_mark_t *m,
    struct pd_err *err, const char *fmt, ...) __attribute__((format(printf, 4,
    5)));

static enum pd_status
yamldoc_load_fail_at(struct yd_build *b, const yaml_mark_t *m,
    struct pd_err *err, const char *fmt, ...)
{
	char msg[sizeof err->msg];
	va_list ap;

	if (err == NULL)
		return PD_PARSE;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return pd_fail_at(err, PD_PARSE, b->yd->name, (int)m->line + 1,
	    (int)m->column + 1, NULL, "%s", msg);
}

static enum pd_status
yamldoc_load_too_many(struct yd_build *b, const yaml_mark_t *m,
    struct pd_err *err)
{
	return yamldoc_load_fail_at(b, m, err,
	    "this file holds more than %d values "
	    "(each use of an alias such as *name counts all it stands for); "
	    "a peerdesk file never needs that many", YAMLDOC_MAX_NODES);
}

static enum pd_status
yamldoc_load_too_deep(struct yd_build *b, const yaml_mark_t *m,
    struct pd_err *err)
{
	return yamldoc_load_fail_at(b, m, err,
	    "lists and 'name: value' lines are "
	    "nested more than %d levels deep here; a peerdesk file never "
	    "needs that many", YAMLDOC_MAX_DEPTH);
}

/* Room for node id in the per-node arrays. */
static void
yamldoc_load_node_room(struct yd_build *b, int id)
{
	size_t need = (size_t)id + 1, n = b->cap_nodes;

	if (need <= n)
		return;
	while (n < need)
		n = n ? n * 2 : 64;
	b->weight = xreallocarray(b->weight, n, sizeof *b->weight);
	b->height = xreallocarray(b->height, n, sizeof *b->height);
	b->open = xreallocarray(b->open, n, 1);
	memset(b->weight + b->cap_nodes, 0,
	    (n - b->cap_nodes) * sizeof *b->weight);
	memset(b->height + b->cap_nodes, 0,
	    (n - b->cap_nodes) * sizeof *b->height);
	memset(b->open + b->cap_nodes, 0, n - b->cap_nodes);
	b->cap_nodes = n;
}

/* A finished node (or an alias's node) goes into the collection that is
 * open, or becomes the root. */
static enum pd_status
yamldoc_load_attach(struct yd_build *b, int id, const yaml_mark_t *m,
    struct pd_err *err)
{
	struct yd_open *o;
	size_t i;
	int ok = 1;

	if (b->depth == 0)
		return PD_OK;
	o = &b->stack[b->depth - 1];
	/* Everything open above this node now stands for more. */
	if (b->height[id] + b->depth > YAMLDOC_MAX_DEPTH)
		return yamldoc_load_too_deep(b, m, err);
	for (i = b->depth; i > 0; i--) {
		size_t h = b->height[id] + (b->depth - i) + 1;
		int up = b->stack[i - 1].node;

		if (b->height[up] >= h)
			break;
		b->height[up] = h;
	}
	b->weight[o->node] += b->weight[id];
	if (b->yd->doc.nodes.start[o->node - 1].type == YAML_SEQUENCE_NODE) {
		ok = yaml_document_append_sequence_item(&b->yd->doc, o->node,
		    id);
	} else if (o->key == 0) {
		o->key = id;
	} else {
		ok = yaml_document_append_mapping_pair(&b->yd->doc, o->node,
		    o->key, id);
		o->key = 0;
	}
	if (!ok)
		return yamldoc_load_fail_at(b, m, err,
		    "not enough memory to read this "
		    "file");
	return PD_OK;
}

/* A new node id (0: out of memory) from libyaml: marks, anchor, count. */
static enum pd_status
yamldoc_load_new_node(struct yd_build *b, int id, const yaml_event_t *ev,
    const yaml_char_t *anchor, struct pd_err *err)
{
	yaml_node_t *node;
	struct yd_anchor *a;

	if (id == 0)
		return yamldoc_load_fail_at(b, &ev->start_mark, err,
		    "not enough memory "
		    "to read this file");
	node = yaml_document_get_node(&b->yd->doc, id);
	node->start_mark = ev->start_mark;
	node->end_mark = ev->end_mark;
	yamldoc_load_node_room(b, id);
	b->weight[id] = 1;
	b->height[id] = ev->type == YAML_SCALAR_EVENT ? 0 : 1;
	if (++b->total > YAMLDOC_MAX_NODES)
		return yamldoc_load_too_many(b, &ev->start_mark, err);
	if (anchor != NULL) {
		a = yamldoc_load_anchor_find(b, (const char *)anchor);
		if (a != NULL)
			return yamldoc_load_fail_at(b, &ev->start_mark, err,
			    "the anchor "
			    "&%s is already used on line %d; give each anchor "
			    "its own name", (const char *)anchor, a->line);
		yamldoc_load_anchor_add(b, (const char *)anchor, id,
		    (int)ev->start_mark.line + 1);
	}
	return PD_OK;
}

/* libyaml's default tag for "!" or none, as its own loader does. */
static yaml_char_t *
yamldoc_load_tag(yaml_char_t *tag)
{
	if (tag == NULL || strcmp((const char *)tag, "!") == 0)
		return NULL;
	return tag;
}

/* An alias: the node its anchor named, attached here again (counted
 * by its weight, never inside itself). */
static enum pd_status
yamldoc_load_alias(struct yd_build *b, yaml_event_t *ev, struct pd_err *err)
{
	struct yd_anchor *a = yamldoc_load_anchor_find(b,
	    (const char *)ev->data.alias.anchor);

	if (a == NULL)
		return yamldoc_load_fail_at(b, &ev->start_mark, err,
		    "there is no anchor &%s before this alias *%s",
		    (const char *)ev->data.alias.anchor,
		    (const char *)ev->data.alias.anchor);
	if (b->open[a->node])
		return yamldoc_load_fail_at(b, &ev->start_mark, err,
		    "the alias *%s is inside what &%s stands for, so it "
		    "would never end", (const char *)ev->data.alias.anchor,
		    (const char *)ev->data.alias.anchor);
	b->total += b->weight[a->node];
	if (b->total > YAMLDOC_MAX_NODES)
		return yamldoc_load_too_many(b, &ev->start_mark, err);
	return yamldoc_load_attach(b, a->node, &ev->start_mark, err);
}

static enum pd_status
yamldoc_load_scalar(struct yd_build *b, yaml_event_t *ev, struct pd_err *err)
{
	struct yamldoc *yd = b->yd;
	enum pd_status st;
	int id;

	id = yaml_document_add_scalar(&yd->doc,
	    yamldoc_load_tag(ev->data.scalar.tag),
	    ev->data.scalar.value,
	    (int)ev->data.scalar.length, ev->data.scalar.style);
	st = yamldoc_load_new_node(b, id, ev, ev->data.scalar.anchor,
	    err);
	return st != PD_OK ? st : yamldoc_load_attach(b, id,
	    &ev->start_mark,
	    err);
}

/* A sequence or mapping starts: a new node, open until its end. */
static enum pd_status
yamldoc_load_open(struct yd_build *b, yaml_event_t *ev, struct pd_err *err)
{
	struct yamldoc *yd = b->yd;
	enum pd_status st;
	int id;

	if (b->depth + 1 > YAMLDOC_MAX_DEPTH)
		return yamldoc_load_too_deep(b, &ev->start_mark, err);
	if (ev->type == YAML_SEQUENCE_START_EVENT)
		id = yaml_document_add_sequence(&yd->doc,
		    yamldoc_load_tag(ev->data.sequence_start.tag),
		    ev->data.sequence_start.style);
	else
		id = yaml_document_add_mapping(&yd->doc,
		    yamldoc_load_tag(ev->data.mapping_start.tag),
		    ev->data.mapping_start.style);
	st = yamldoc_load_new_node(b, id, ev, ev->type ==
	    YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.anchor :
	    ev->data.mapping_start.anchor, err);
	if (st != PD_OK)
		return st;
	if (b->depth == b->cap_stack) {
		b->cap_stack = b->cap_stack ? b->cap_stack * 2 : 16;
		b->stack = xreallocarray(b->stack, b->cap_stack,
		    sizeof *b->stack);
	}
	b->stack[b->depth].node = id;
	b->stack[b->depth].key = 0;
	b->depth++;
	b->open[id] = 1;
	return PD_OK;
}

static enum pd_status
yamldoc_load_event(struct yd_build *b, yaml_event_t *ev, int *docs, bool *done,
    struct pd_err *err)
{
	struct yamldoc *yd = b->yd;
	int id;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
	case YAML_NO_EVENT:
		return PD_OK;
	case YAML_STREAM_END_EVENT:
		*done = true;
		return PD_OK;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return yamldoc_load_fail_at(b, &ev->start_mark, err,
			    "expected "
			    "one YAML document, found a second one here");
		return PD_OK;
	case YAML_ALIAS_EVENT:
		return yamldoc_load_alias(b, ev, err);
	case YAML_SCALAR_EVENT:
		return yamldoc_load_scalar(b, ev, err);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return yamldoc_load_open(b, ev, err);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		id = b->stack[--b->depth].node;
		b->open[id] = 0;
		yaml_document_get_node(&yd->doc, id)->end_mark = ev->end_mark;
		return yamldoc_load_attach(b, id, &ev->start_mark, err);
	}
	return PD_OK;
}

enum pd_status
yamldoc_load(struct yamldoc *yd, const char *text, size_t len,
    const char *name, struct pd_err *err)
{
	yaml_parser_t parser;
	struct yd_build b;
	enum pd_status st = PD_OK;
	size_t bad;
	bool done = false;
	int docs = 0;

	memset(yd, 0, sizeof *yd);
	snprintf(yd->name, sizeof yd->name, "%s", name ? name : "");
	bad = yamldoc_load_utf8_bad((const unsigned char *)text, len);
	if (bad < len) {
		int line, col;

		yamldoc_load_offset_mark(text, len, bad, &line, &col);
		return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL,
		    "this is not UTF-8 text (byte 0x%02X); save the file as "
		    "UTF-8", (unsigned char)text[bad]);
	}
	if (!yaml_document_initialize(&yd->doc, NULL, NULL, NULL, 1, 1))
		return pd_fail_at(err, PD_PARSE, yd->name, 0, 0, NULL,
		    "not enough memory to read this file");
	yd->loaded = true;
	if (!yaml_parser_initialize(&parser))
		return pd_fail_at(err, PD_PARSE, yd->name, 0, 0, NULL,
		    "not enough memory to read this file");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	memset(&b, 0, sizeof b);
	b.yd = yd;
	while (!done && st == PD_OK) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&parser, &ev)) {
			st = yamldoc_load_parser_fail(yd, &parser, text, len,
			    err);
			break;
		}
		st = yamldoc_load_event(&b, &ev, &docs, &done, err);
		yaml_event_delete(&ev);
	}
	yamldoc_load_build_fini(&b);
	yaml_parser_delete(&parser);
	return st;
}

