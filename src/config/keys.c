/* keys.c - read a person's keys.yaml into a keys_conf (shape only; the
 * screens check action and key names when they apply it). */
#include "peerdesk/config/keys.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "peerdesk/core/xalloc.h"
#include "yamldoc.h"

#define KEYS_MAX_PER_ACTION 8

void
keys_conf_fini(struct keys_conf *kc)
{
	size_t i, j;

	for (i = 0; i < kc->n; i++) {
		FREE(&kc->v[i].section);
		FREE(&kc->v[i].action);
		for (j = 0; j < kc->v[i].nkeys; j++)
			FREE(&kc->v[i].keys[j]);
		FREE(&kc->v[i].keys);
	}
	FREE(&kc->v);
	FREE(&kc->file);
	kc->n = 0;
	kc->cap = 0;
}

void
keys_conf_add(struct keys_conf *kc, const char *section, const char *action,
    const char *const *keys, size_t nkeys, int line)
{
	struct keys_conf_entry *e;
	size_t j;

	if (kc->n == kc->cap) {
		kc->cap = kc->cap ? kc->cap * 2 : 16;
		kc->v = xreallocarray(kc->v, kc->cap, sizeof *kc->v);
	}
	e = &kc->v[kc->n++];
	e->section = xstrdup(section);
	e->action = xstrdup(action);
	e->keys = xcalloc(nkeys ? nkeys : 1, sizeof *e->keys);
	for (j = 0; j < nkeys; j++)
		e->keys[j] = xstrdup(keys[j]);
	e->nkeys = nkeys;
	e->line = line;
}

/* The keys of one action: a key name or a list of them. */
static enum pd_status
keys_read_action(struct yamldoc *yd, const char *section, yaml_node_t *name,
    yaml_node_t *val, struct keys_conf *out, struct pd_err *err)
{
	const char *keys[KEYS_MAX_PER_ACTION];
	const char *action = (const char *)name->data.scalar.value;
	yaml_node_item_t *it;
	yaml_node_t *item;
	size_t n = 0;
	char what[64];

	if (val->type == YAML_SCALAR_NODE) {
		if (yamldoc_text(yd, val, action, &keys[0], err) != PD_OK)
			return err ? err->code : PD_CONFIG;
		keys_conf_add(out, section, action, keys, 1,
		    yamldoc_line(name));
		return PD_OK;
	}
	if (val->type != YAML_SEQUENCE_NODE)
		return yamldoc_fail(yd, val, PD_CONFIG, action, err,
		    "expected a key such as C-s or a list such as [C-s, F2], "
		    "got %s", yamldoc_describe(val, what, sizeof what));
	for (it = val->data.sequence.items.start;
	    it < val->data.sequence.items.top; it++) {
		item = yaml_document_get_node(&yd->doc, *it);
		if (n == KEYS_MAX_PER_ACTION)
			return yamldoc_fail(yd, item, PD_CONFIG, action, err,
			    "at most %d keys for one action",
			    KEYS_MAX_PER_ACTION);
		if (item == NULL || item->type != YAML_SCALAR_NODE)
			return yamldoc_fail(yd, item ? item : val, PD_CONFIG,
			    action, err, "each key is a name such as C-s");
		if (yamldoc_text(yd, item, action, &keys[n], err) != PD_OK)
			return err ? err->code : PD_CONFIG;
		n++;
	}
	/* An empty list is allowed: it takes every key off the action. */
	keys_conf_add(out, section, action, keys, n, yamldoc_line(name));
	return PD_OK;
}

static enum pd_status
keys_read_section(struct yamldoc *yd, yaml_node_t *name, yaml_node_t *map,
    struct keys_conf *out, struct pd_err *err)
{
	const char *section = (const char *)name->data.scalar.value;
	yaml_node_pair_t *p;
	yaml_node_t *k, *v;
	char what[64];
	enum pd_status s;

	if (map->type != YAML_MAPPING_NODE)
		return yamldoc_fail(yd, map, PD_CONFIG, section, err,
		    "expected actions and their keys under \"%s\" "
		    "(such as   save: [C-s]), got %s", section,
		    yamldoc_describe(map, what, sizeof what));
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(&yd->doc, p->key);
		v = yaml_document_get_node(&yd->doc, p->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			return yamldoc_fail(yd, k ? k : map, PD_CONFIG,
			    section, err, "expected an action name");
		if ((s = keys_read_action(yd, section, k, v, out, err))
		    != PD_OK)
			return s;
	}
	return PD_OK;
}

enum pd_status
keys_conf_parse(const char *text, size_t len, const char *name,
    struct keys_conf *out, struct pd_err *err)
{
	struct yamldoc yd;
	yaml_node_t *root, *k, *v;
	yaml_node_pair_t *p;
	enum pd_status s;
	char what[64];

	memset(out, 0, sizeof *out);
	s = yamldoc_load(&yd, text, len, name, err);
	root = s == PD_OK ? yamldoc_root(&yd) : NULL;
	if (s == PD_OK && root != NULL && root->type != YAML_MAPPING_NODE)
		s = yamldoc_fail(&yd, root, PD_CONFIG, NULL, err,
		    "expected sections such as \"form:\" or \"list:\", got %s",
		    yamldoc_describe(root, what, sizeof what));
	for (p = root != NULL && s == PD_OK ?
	    root->data.mapping.pairs.start : NULL;
	    p != NULL && p < root->data.mapping.pairs.top && s == PD_OK;
	    p++) {
		k = yaml_document_get_node(&yd.doc, p->key);
		v = yaml_document_get_node(&yd.doc, p->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			s = yamldoc_fail(&yd, k ? k : root, PD_CONFIG, NULL,
			    err, "expected a section name such as form");
		else
			s = keys_read_section(&yd, k, v, out, err);
	}
	yamldoc_fini(&yd);
	if (s != PD_OK)
		keys_conf_fini(out);
	else
		out->file = xstrdup(name);
	return s;
}

enum pd_status
keys_conf_load(const char *path, struct keys_conf *out, struct pd_err *err)
{
	struct stat st;
	char *text;
	size_t len;
	enum pd_status s;

	memset(out, 0, sizeof *out);
	if (stat(path, &st) != 0 && errno == ENOENT)
		return pd_fail_at(err, PD_NOT_FOUND, path, 0, 0, NULL,
		    "there is no keys file here");
	if ((s = yamldoc_read_file(path, &text, &len, err)) != PD_OK)
		return s;
	s = keys_conf_parse(text, len, path, out, err);
	free(text);
	return s;
}
