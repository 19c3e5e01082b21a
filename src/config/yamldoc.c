/* yamldoc.c - libyaml documents with precise, plain-words errors. */
#include "yamldoc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "peerdesk/core/strbuf.h"
#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"

/* Settings and rules files are small; anything bigger is a mistake. */
#define YAMLDOC_MAX_FILE (4u * 1024 * 1024)

enum pd_status
yamldoc_read_file(const char *path, char **text, size_t *len,
    struct pd_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *f;

	*text = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (f == NULL)
		return pd_fail_at(err, PD_IO, path, 0, 0, NULL,
		    "cannot open this file: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		strbuf_add(&sb, chunk, n);
		if (sb.len > YAMLDOC_MAX_FILE) {
			fclose(f);
			strbuf_fini(&sb);
			return pd_fail_at(err, PD_IO, path, 0, 0, NULL,
			    "this file is too large (over %u bytes)",
			    YAMLDOC_MAX_FILE);
		}
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		strbuf_fini(&sb);
		return pd_fail_at(err, PD_IO, path, 0, 0, NULL,
		    "cannot read this file: %s", strerror(e));
	}
	fclose(f);
	*len = sb.len;
	*text = strbuf_detach(&sb);
	return PD_OK;
}

/* Line and column (1-based, column in characters) of byte offset off. */
static void
yamldoc_offset_mark(const char *text, size_t len, size_t off, int *line,
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
yamldoc_utf8_bad(const unsigned char *s, size_t len)
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
yamldoc_byte_at(const char *text, size_t len, int line, int col)
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
yamldoc_parser_fail(struct yamldoc *yd, const yaml_parser_t *p,
    const char *text, size_t len, struct pd_err *err)
{
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	int line, col;

	if (p->error == YAML_MEMORY_ERROR)
		return pd_fail_at(err, PD_PARSE, yd->name, 0, 0, NULL,
		    "not enough memory to read this file");
	if (p->error == YAML_READER_ERROR) {
		yamldoc_offset_mark(text, len, p->problem_offset, &line, &col);
		return pd_fail_at(err, PD_PARSE, yd->name, line, col, NULL,
		    "%s", problem);
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	if (yamldoc_byte_at(text, len, line, col) == '\t')
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
yd_hash(const char *s)
{
	size_t h = 1469598103934665603u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static struct yd_anchor *
yd_anchor_slot(struct yd_build *b, const char *name, size_t hash)
{
	size_t mask = b->cap_anchors - 1, i = hash & mask;

	while (b->anchors[i].name != NULL && (b->anchors[i].hash != hash ||
	    strcmp(b->anchors[i].name, name) != 0))
		i = (i + 1) & mask;
	return &b->anchors[i];
}

static struct yd_anchor *
yd_anchor_find(struct yd_build *b, const char *name)
{
	struct yd_anchor *a;

	if (b->cap_anchors == 0)
		return NULL;
	a = yd_anchor_slot(b, name, yd_hash(name));
	return a->name != NULL ? a : NULL;
}

static void
yd_anchor_add(struct yd_build *b, const char *name, int node, int line)
{
	if (2 * (b->n_anchors + 1) > b->cap_anchors) {
		struct yd_anchor *old = b->anchors;
		size_t oldcap = b->cap_anchors, i;

		b->cap_anchors = oldcap ? oldcap * 2 : 16;
		b->anchors = xcalloc(b->cap_anchors, sizeof *b->anchors);
		for (i = 0; i < oldcap; i++)
			if (old[i].name != NULL)
				*yd_anchor_slot(b, old[i].name,
				    old[i].hash) = old[i];
		free(old);
	}
	{
		size_t hash = yd_hash(name);
		struct yd_anchor *a = yd_anchor_slot(b, name, hash);

		a->name = xstrdup(name);
		a->hash = hash;
		a->node = node;
		a->line = line;
		b->n_anchors++;
	}
}

static void
yd_build_fini(struct yd_build *b)
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
yd_fail_at(struct yd_build *b, const yaml_mark_t *m, struct pd_err *err,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static enum pd_status
yd_fail_at(struct yd_build *b, const yaml_mark_t *m, struct pd_err *err,
    const char *fmt, ...)
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
yd_too_many(struct yd_build *b, const yaml_mark_t *m, struct pd_err *err)
{
	return yd_fail_at(b, m, err, "this file holds more than %d values "
	    "(each use of an alias such as *name counts all it stands for); "
	    "a peerdesk file never needs that many", YAMLDOC_MAX_NODES);
}

static enum pd_status
yd_too_deep(struct yd_build *b, const yaml_mark_t *m, struct pd_err *err)
{
	return yd_fail_at(b, m, err, "lists and 'name: value' lines are "
	    "nested more than %d levels deep here; a peerdesk file never "
	    "needs that many", YAMLDOC_MAX_DEPTH);
}

/* Room for node id in the per-node arrays. */
static void
yd_node_room(struct yd_build *b, int id)
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
yd_attach(struct yd_build *b, int id, const yaml_mark_t *m,
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
		return yd_too_deep(b, m, err);
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
		return yd_fail_at(b, m, err, "not enough memory to read this "
		    "file");
	return PD_OK;
}

/* A new node id (0: out of memory) from libyaml: marks, anchor, count. */
static enum pd_status
yd_new_node(struct yd_build *b, int id, const yaml_event_t *ev,
    const yaml_char_t *anchor, struct pd_err *err)
{
	yaml_node_t *node;
	struct yd_anchor *a;

	if (id == 0)
		return yd_fail_at(b, &ev->start_mark, err, "not enough memory "
		    "to read this file");
	node = yaml_document_get_node(&b->yd->doc, id);
	node->start_mark = ev->start_mark;
	node->end_mark = ev->end_mark;
	yd_node_room(b, id);
	b->weight[id] = 1;
	b->height[id] = ev->type == YAML_SCALAR_EVENT ? 0 : 1;
	if (++b->total > YAMLDOC_MAX_NODES)
		return yd_too_many(b, &ev->start_mark, err);
	if (anchor != NULL) {
		a = yd_anchor_find(b, (const char *)anchor);
		if (a != NULL)
			return yd_fail_at(b, &ev->start_mark, err, "the anchor "
			    "&%s is already used on line %d; give each anchor "
			    "its own name", (const char *)anchor, a->line);
		yd_anchor_add(b, (const char *)anchor, id,
		    (int)ev->start_mark.line + 1);
	}
	return PD_OK;
}

/* libyaml's default tag for "!" or none, as its own loader does. */
static yaml_char_t *
yd_tag(yaml_char_t *tag)
{
	if (tag == NULL || strcmp((const char *)tag, "!") == 0)
		return NULL;
	return tag;
}

static enum pd_status
yd_event(struct yd_build *b, yaml_event_t *ev, int *docs, int *done,
    struct pd_err *err)
{
	struct yamldoc *yd = b->yd;
	enum pd_status st;
	struct yd_anchor *a;
	int id;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
	case YAML_NO_EVENT:
		return PD_OK;
	case YAML_STREAM_END_EVENT:
		*done = 1;
		return PD_OK;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return yd_fail_at(b, &ev->start_mark, err, "expected "
			    "one YAML document, found a second one here");
		return PD_OK;
	case YAML_ALIAS_EVENT:
		a = yd_anchor_find(b, (const char *)ev->data.alias.anchor);
		if (a == NULL)
			return yd_fail_at(b, &ev->start_mark, err, "there is no "
			    "anchor &%s before this alias *%s",
			    (const char *)ev->data.alias.anchor,
			    (const char *)ev->data.alias.anchor);
		if (b->open[a->node])
			return yd_fail_at(b, &ev->start_mark, err, "the alias "
			    "*%s is inside what &%s stands for, so it would "
			    "never end", (const char *)ev->data.alias.anchor,
			    (const char *)ev->data.alias.anchor);
		b->total += b->weight[a->node];
		if (b->total > YAMLDOC_MAX_NODES)
			return yd_too_many(b, &ev->start_mark, err);
		return yd_attach(b, a->node, &ev->start_mark, err);
	case YAML_SCALAR_EVENT:
		id = yaml_document_add_scalar(&yd->doc,
		    yd_tag(ev->data.scalar.tag), ev->data.scalar.value,
		    (int)ev->data.scalar.length, ev->data.scalar.style);
		st = yd_new_node(b, id, ev, ev->data.scalar.anchor, err);
		return st != PD_OK ? st : yd_attach(b, id, &ev->start_mark,
		    err);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth + 1 > YAMLDOC_MAX_DEPTH)
			return yd_too_deep(b, &ev->start_mark, err);
		if (ev->type == YAML_SEQUENCE_START_EVENT)
			id = yaml_document_add_sequence(&yd->doc,
			    yd_tag(ev->data.sequence_start.tag),
			    ev->data.sequence_start.style);
		else
			id = yaml_document_add_mapping(&yd->doc,
			    yd_tag(ev->data.mapping_start.tag),
			    ev->data.mapping_start.style);
		st = yd_new_node(b, id, ev, ev->type ==
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
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		id = b->stack[--b->depth].node;
		b->open[id] = 0;
		yaml_document_get_node(&yd->doc, id)->end_mark = ev->end_mark;
		return yd_attach(b, id, &ev->start_mark, err);
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
	int docs = 0, done = 0;

	memset(yd, 0, sizeof *yd);
	snprintf(yd->name, sizeof yd->name, "%s", name ? name : "");
	bad = yamldoc_utf8_bad((const unsigned char *)text, len);
	if (bad < len) {
		int line, col;

		yamldoc_offset_mark(text, len, bad, &line, &col);
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
			st = yamldoc_parser_fail(yd, &parser, text, len, err);
			break;
		}
		st = yd_event(&b, &ev, &docs, &done, err);
		yaml_event_delete(&ev);
	}
	yd_build_fini(&b);
	yaml_parser_delete(&parser);
	return st;
}

void
yamldoc_fini(struct yamldoc *yd)
{
	if (yd->loaded)
		yaml_document_delete(&yd->doc);
	yd->loaded = false;
}

yaml_node_t *
yamldoc_root(struct yamldoc *yd)
{
	yaml_node_t *root;

	if (!yd->loaded)
		return NULL;
	root = yaml_document_get_root_node(&yd->doc);
	if (root != NULL && root->type == YAML_SCALAR_NODE &&
	    yamldoc_is_null(root))
		return NULL;
	return root;
}

int
yamldoc_line(const yaml_node_t *node)
{
	return (int)node->start_mark.line + 1;
}

enum pd_status
yamldoc_fail(const struct yamldoc *yd, const yaml_node_t *node,
    enum pd_status code, const char *field, struct pd_err *err,
    const char *fmt, ...)
{
	char msg[sizeof err->msg];
	va_list ap;

	if (err == NULL)
		return code;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return pd_fail_at(err, code, yd->name,
	    node ? (int)node->start_mark.line + 1 : 0,
	    node ? (int)node->start_mark.column + 1 : 0, field, "%s", msg);
}

bool
yamldoc_is_null(const yaml_node_t *node)
{
	const char *v;

	if (node == NULL || node->type != YAML_SCALAR_NODE ||
	    node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	v = (const char *)node->data.scalar.value;
	return v[0] == '\0' || strcmp(v, "~") == 0 ||
	    strcasecmp(v, "null") == 0;
}

const char *
yamldoc_describe(const yaml_node_t *node, char *buf, size_t n)
{
	const unsigned char *v;
	size_t i, o = 0, max = 40;

	if (node == NULL || n < 8)
		return "nothing";
	if (node->type == YAML_SEQUENCE_NODE)
		return "a list";
	if (node->type == YAML_MAPPING_NODE)
		return "a set of 'name: value' lines";
	if (yamldoc_is_null(node))
		return "nothing";
	v = node->data.scalar.value;
	buf[o++] = '\'';
	for (i = 0; i < node->data.scalar.length && o + 5 < n; i++) {
		unsigned char c = v[i];

		if (i >= max && (c & 0xC0) != 0x80) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		buf[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
	}
	buf[o++] = '\'';
	buf[o] = '\0';
	return buf;
}

/* Edit distance, for "did you mean ...?" (short keys only). */
static size_t
yamldoc_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[65];

	if (la > 64 || lb > 64)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

enum pd_status
yamldoc_map(struct yamldoc *yd, yaml_node_t *map,
    const struct yamldoc_key *keys, void *dst, const char *what,
    const char *noun, yaml_node_t **found, struct pd_err *err)
{
	yaml_node_pair_t *pair;
	yaml_node_t **keynode;
	size_t nkeys = 0, i;
	enum pd_status st = PD_OK;
	char got[64];

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return yamldoc_fail(yd, map, PD_CONFIG, NULL, err,
		    "expected %s as 'name: value' lines, got %s", what,
		    yamldoc_describe(map, got, sizeof got));
	while (keys[nkeys].key != NULL)
		nkeys++;
	keynode = xcalloc(nkeys ? nkeys : 1, sizeof *keynode);
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(&yd->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(&yd->doc, pair->value);
		const char *name, *best = NULL;
		size_t bestd = 3;

		if (k == NULL || k->type != YAML_SCALAR_NODE) {
			st = yamldoc_fail(yd, k, PD_CONFIG, NULL, err,
			    "expected a %s name before ':', got %s", noun,
			    yamldoc_describe(k, got, sizeof got));
			goto out;
		}
		name = (const char *)k->data.scalar.value;
		for (i = 0; i < nkeys; i++)
			if (strcmp(keys[i].key, name) == 0)
				break;
		if (i == nkeys) {
			for (i = 0; i < nkeys; i++) {
				size_t d = yamldoc_distance(name, keys[i].key);

				if (d < bestd) {
					bestd = d;
					best = keys[i].key;
				}
			}
			if (best != NULL)
				st = yamldoc_fail(yd, k, PD_CONFIG, name, err,
				    "unknown %s; did you mean %s?", noun, best);
			else
				st = yamldoc_fail(yd, k, PD_CONFIG, name, err,
				    "unknown %s", noun);
			goto out;
		}
		if (keynode[i] != NULL) {
			st = yamldoc_fail(yd, k, PD_CONFIG, name, err,
			    "given twice (first on line %d)",
			    yamldoc_line(keynode[i]));
			goto out;
		}
		keynode[i] = k;
		if (found != NULL)
			found[i] = v;
		if (keys[i].fn != NULL) {
			st = keys[i].fn(yd, &keys[i], v, dst, err);
			if (st != PD_OK)
				goto out;
		}
	}
out:
	free(keynode);
	return st;
}

static bool
yamldoc_scalar(yaml_node_t *node, const char **text)
{
	if (node == NULL || node->type != YAML_SCALAR_NODE)
		return false;
	*text = (const char *)node->data.scalar.value;
	/* An escaped NUL inside quotes would cut the text short. */
	return strlen(*text) == node->data.scalar.length;
}

enum pd_status
yamldoc_text(struct yamldoc *yd, yaml_node_t *node, const char *field,
    const char **out, struct pd_err *err)
{
	char got[64];

	if (!yamldoc_scalar(node, out) || yamldoc_is_null(node) ||
	    (*out)[0] == '\0')
		return yamldoc_fail(yd, node, PD_CONFIG, field, err,
		    "expected some text, got %s",
		    yamldoc_describe(node, got, sizeof got));
	return PD_OK;
}

enum pd_status
yamldoc_long(struct yamldoc *yd, yaml_node_t *node, const char *field,
    long min, long max, long *out, struct pd_err *err)
{
	const char *s;
	char got[64];
	long v = 0;
	size_t i;

	if (!yamldoc_scalar(node, &s) || s[0] == '\0' || strlen(s) > 9)
		goto bad;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max)
		goto bad;
	*out = v;
	return PD_OK;
bad:
	return yamldoc_fail(yd, node, PD_CONFIG, field, err,
	    "expected a whole number from %ld to %ld, got %s", min, max,
	    yamldoc_describe(node, got, sizeof got));
}

enum pd_status
yamldoc_bool(struct yamldoc *yd, yaml_node_t *node, const char *field,
    bool *out, struct pd_err *err)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	const char *s;
	char got[64];
	size_t i;

	if (yamldoc_scalar(node, &s)) {
		for (i = 0; i < 3; i++) {
			if (strcasecmp(s, yes[i]) == 0) {
				*out = true;
				return PD_OK;
			}
			if (strcasecmp(s, no[i]) == 0) {
				*out = false;
				return PD_OK;
			}
		}
	}
	return yamldoc_fail(yd, node, PD_CONFIG, field, err,
	    "expected true or false, got %s",
	    yamldoc_describe(node, got, sizeof got));
}

enum pd_status
yamldoc_hundredths(struct yamldoc *yd, yaml_node_t *node, const char *field,
    const char *expected, int64_t *out, struct pd_err *err)
{
	const char *s, *p;
	char got[64];
	int64_t whole = 0, frac = 0;
	int nwhole = 0, nfrac = 0;
	bool neg;

	if (!yamldoc_scalar(node, &s))
		goto bad;
	p = s;
	neg = *p == '-';
	if (neg)
		p++;
	for (; *p >= '0' && *p <= '9'; p++, nwhole++)
		if (nwhole < 10)
			whole = whole * 10 + (*p - '0');
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, nfrac++)
			if (nfrac < 2)
				frac = frac * 10 + (*p - '0');
		if (nfrac == 0)
			goto bad;
	}
	if (*p != '\0' || nwhole == 0 || nwhole > 9)
		goto bad;
	if (nfrac > 2)
		return yamldoc_fail(yd, node, PD_CONFIG, field, err,
		    "expected at most 2 decimal places, got %s",
		    yamldoc_describe(node, got, sizeof got));
	if (nfrac == 1)
		frac *= 10;
	*out = whole * 100 + frac;
	if (neg || *out == 0)
		return yamldoc_fail(yd, node, PD_CONFIG, field, err,
		    "expected more than zero, got %s",
		    yamldoc_describe(node, got, sizeof got));
	return PD_OK;
bad:
	return yamldoc_fail(yd, node, PD_CONFIG, field, err,
	    "expected %s, got %s", expected,
	    yamldoc_describe(node, got, sizeof got));
}

enum pd_status
yamldoc_date(struct yamldoc *yd, yaml_node_t *node, const char *field,
    char out[11], struct pd_err *err)
{
	const char *s;
	char got[64];
	pd_date d;
	int y;

	/* the one date reader (model/date.c): 2025-12-31, 31/12/2025 or
	 * 31/12/25; kept as YYYY-MM-DD */
	if (!yamldoc_scalar(node, &s) ||
	    date_parse_typed(s, today_get(), &d, NULL) != PD_OK)
		goto bad;
	date_to_ymd(d, &y, NULL, NULL);
	if (y < 1900)
		goto bad;
	date_format(d, out);
	return PD_OK;
bad:
	return yamldoc_fail(yd, node, PD_CONFIG, field, err,
	    "expected a date written " DATE_SHAPES ", got %s",
	    yamldoc_describe(node, got, sizeof got));
}

char *
yamldoc_utf8_fix(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s), i = 0;

	if (utf8_valid(s, len))
		return NULL;
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);

		if (cp == UTF8_INVALID)
			strbuf_adds(&sb, "\xef\xbf\xbd");
		else
			strbuf_add(&sb, s + i, k);
		i += k;
	}
	return strbuf_detach(&sb);
}
