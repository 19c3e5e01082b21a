/* rules.c - parse rules.yaml (dated limits and wage rates) into
 * struct rules, checking every row. */
#include "peerdesk/config/rules.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/embedded.h"
#include "peerdesk/core/xalloc.h"
#include "yamldoc.h"

#define RULES_BUILTIN_NAME "rules.yaml (built in)"
#define RULES_MAX_AGE 120

/* An amount in pounds at k->offset; the other fields are read by the
 * yamldoc_set_* readers. */

static enum pd_status
rules_set_pounds(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	int64_t *slot = (int64_t *)(void *)((char *)dst + k->offset);

	return yamldoc_hundredths(yd, val, k->key,
	    "an amount in pounds such as 203.50", slot, err);
}

/* Keys of one row; "from" first and "source" where the index says. */
enum { PW_FROM, PW_LOWER, PW_HIGHER, PW_SOURCE, PW_NOTE, PW_DWP,
	PW_NKEYS };

static const struct yamldoc_key rules_pw_keys[] = {
	[PW_FROM] = { "from", yamldoc_set_date,
	    offsetof(struct rules_pw_row, from), 0, 0 },
	[PW_LOWER] = { "lower", rules_set_pounds,
	    offsetof(struct rules_pw_row, lower_pence), 0, 0 },
	[PW_HIGHER] = { "higher", rules_set_pounds,
	    offsetof(struct rules_pw_row, higher_pence), 0, 0 },
	[PW_SOURCE] = { "source", yamldoc_set_text,
	    offsetof(struct rules_pw_row, source), 0, 0 },
	[PW_NOTE] = { "note", yamldoc_set_text,
	    offsetof(struct rules_pw_row, note), 0, 0 },
	[PW_DWP] = { "dwp_from", yamldoc_set_date,
	    offsetof(struct rules_pw_row, dwp_from), 0, 0 },
	[PW_NKEYS] = { NULL, NULL, 0, 0, 0 }
};

enum { BAND_NAME, BAND_MIN, BAND_MAX, BAND_RATE, BAND_NKEYS };

static const struct yamldoc_key rules_band_keys[] = {
	[BAND_NAME] = { "name", yamldoc_set_text,
	    offsetof(struct rules_band, name), 0, 0 },
	[BAND_MIN] = { "min_age", yamldoc_set_int,
	    offsetof(struct rules_band, min_age), 0, RULES_MAX_AGE },
	[BAND_MAX] = { "max_age", yamldoc_set_int,
	    offsetof(struct rules_band, max_age), 0, RULES_MAX_AGE },
	[BAND_RATE] = { "rate", rules_set_pounds,
	    offsetof(struct rules_band, rate_pence), 0, 0 },
	[BAND_NKEYS] = { NULL, NULL, 0, 0, 0 }
};

static enum pd_status rules_set_bands(struct yamldoc *yd,
    const struct yamldoc_key *k, yaml_node_t *val, void *dst,
    struct pd_err *err);

enum { WAGE_FROM, WAGE_BANDS, WAGE_APPRENTICE, WAGE_SOURCE, WAGE_NOTE,
	WAGE_NKEYS };

static const struct yamldoc_key rules_wage_keys[] = {
	[WAGE_FROM] = { "from", yamldoc_set_date,
	    offsetof(struct rules_wage_row, from), 0, 0 },
	[WAGE_BANDS] = { "bands", rules_set_bands, 0, 0, 0 },
	[WAGE_APPRENTICE] = { "apprentice", rules_set_pounds,
	    offsetof(struct rules_wage_row, apprentice_pence), 0, 0 },
	[WAGE_SOURCE] = { "source", yamldoc_set_text,
	    offsetof(struct rules_wage_row, source), 0, 0 },
	[WAGE_NOTE] = { "note", yamldoc_set_text,
	    offsetof(struct rules_wage_row, note), 0, 0 },
	[WAGE_NKEYS] = { NULL, NULL, 0, 0, 0 }
};

/* Fail at node (a row or band) because key is missing. */
static enum pd_status
rules_missing(struct yamldoc *yd, yaml_node_t *node, const char *key,
    const char *what, struct pd_err *err)
{
	if (strcmp(key, "source") == 0)
		return yamldoc_fail(yd, node, PD_CONFIG, key, err,
		    "missing from this %s; give a web address or a citation "
		    "for its figures", what);
	return yamldoc_fail(yd, node, PD_CONFIG, key, err,
	    "missing from this %s", what);
}

static size_t
rules_seq_len(const yaml_node_t *seq)
{
	return (size_t)(seq->data.sequence.items.top -
	    seq->data.sequence.items.start);
}

/* val must be a list with at least one item. */
static enum pd_status
rules_need_list(struct yamldoc *yd, yaml_node_t *val, const char *key,
    const char *example, struct pd_err *err)
{
	char got[64];

	if (val->type != YAML_SEQUENCE_NODE || rules_seq_len(val) == 0)
		return yamldoc_fail(yd, val, PD_CONFIG, key, err,
		    "expected a list of %s (lines starting '- '), got %s",
		    example, val->type == YAML_SEQUENCE_NODE ? "an empty list" :
		    yamldoc_describe(val, got, sizeof got));
	return PD_OK;
}

/* The row's date must come after the previous row's. */
static enum pd_status
rules_check_order(struct yamldoc *yd, yaml_node_t *from, const char *date,
    yaml_node_t *prev, const char *prev_date, struct pd_err *err)
{
	int c;

	if (prev == NULL)
		return PD_OK;
	c = strcmp(date, prev_date);
	if (c == 0)
		return yamldoc_fail(yd, from, PD_CONFIG, "from", err,
		    "%s is already the date of the row on line %d; give each "
		    "row its own date", date, yamldoc_line(prev));
	if (c < 0)
		return yamldoc_fail(yd, from, PD_CONFIG, "from", err,
		    "expected rows in date order, but %s comes before %s "
		    "(line %d)", date, prev_date, yamldoc_line(prev));
	return PD_OK;
}

static enum pd_status
rules_set_pw(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct rules *r = dst;
	yaml_node_t *prev = NULL;
	yaml_node_item_t *it;
	enum pd_status st;

	st = rules_need_list(yd, val, k->key, "permitted-work rows", err);
	if (st != PD_OK)
		return st;
	r->pw = xcalloc(rules_seq_len(val), sizeof *r->pw);
	for (it = val->data.sequence.items.start;
	    it < val->data.sequence.items.top; it++) {
		yaml_node_t *node = yaml_document_get_node(&yd->doc, *it);
		yaml_node_t *found[PW_NKEYS] = { NULL };
		struct rules_pw_row *row = &r->pw[r->n_pw++];

		st = yamldoc_map(yd, node, rules_pw_keys, row,
		    "a permitted_work row", "field", found, err);
		if (st != PD_OK)
			return st;
		if (found[PW_FROM] == NULL)
			return rules_missing(yd, node, "from", "row", err);
		if (found[PW_LOWER] == NULL)
			return rules_missing(yd, node, "lower", "row", err);
		if (found[PW_HIGHER] == NULL)
			return rules_missing(yd, node, "higher", "row", err);
		if (found[PW_SOURCE] == NULL)
			return rules_missing(yd, node, "source", "row", err);
		if (row->higher_pence < row->lower_pence)
			return yamldoc_fail(yd, found[PW_HIGHER], PD_CONFIG,
			    "higher", err, "expected at least the lower "
			    "limit (%lld.%02lld)",
			    (long long)(row->lower_pence / 100),
			    (long long)(row->lower_pence % 100));
		st = rules_check_order(yd, found[PW_FROM], row->from, prev,
		    prev ? row[-1].from : NULL, err);
		if (st != PD_OK)
			return st;
		if (found[PW_DWP] == NULL)
			memcpy(row->dwp_from, row->from, sizeof row->dwp_from);
		else if (strcmp(row->dwp_from, row->from) < 0)
			return yamldoc_fail(yd, found[PW_DWP], PD_CONFIG,
			    "dwp_from", err, "%s is before this row's from "
			    "(%s); DWP starts applying a limit on or after the "
			    "day the wage changes", row->dwp_from, row->from);
		if (prev != NULL && strcmp(row->dwp_from,
		    row[-1].dwp_from) <= 0)
			return yamldoc_fail(yd, found[PW_DWP] != NULL ?
			    found[PW_DWP] : found[PW_FROM], PD_CONFIG,
			    "dwp_from", err, "%s is not after the row before's "
			    "dwp_from (%s); keep the rows in date order",
			    row->dwp_from, row[-1].dwp_from);
		prev = found[PW_FROM];
	}
	return PD_OK;
}

static enum pd_status
rules_set_bands(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct rules_wage_row *w = dst;
	yaml_node_item_t *it;
	enum pd_status st;
	size_t i;

	st = rules_need_list(yd, val, k->key, "age bands", err);
	if (st != PD_OK)
		return st;
	w->bands = xcalloc(rules_seq_len(val), sizeof *w->bands);
	for (it = val->data.sequence.items.start;
	    it < val->data.sequence.items.top; it++) {
		yaml_node_t *node = yaml_document_get_node(&yd->doc, *it);
		yaml_node_t *found[BAND_NKEYS] = { NULL };
		struct rules_band *b = &w->bands[w->n_bands++];

		b->max_age = -1;
		st = yamldoc_map(yd, node, rules_band_keys, b, "an age band",
		    "field", found, err);
		if (st != PD_OK)
			return st;
		if (found[BAND_NAME] == NULL)
			return rules_missing(yd, node, "name", "band", err);
		if (found[BAND_MIN] == NULL)
			return rules_missing(yd, node, "min_age", "band", err);
		if (found[BAND_RATE] == NULL)
			return rules_missing(yd, node, "rate", "band", err);
		if (b->max_age >= 0 && b->max_age < b->min_age)
			return yamldoc_fail(yd, found[BAND_MAX], PD_CONFIG,
			    "max_age", err, "expected at least min_age (%d), "
			    "got %d", b->min_age, b->max_age);
		for (i = 0; i + 1 < w->n_bands; i++) {
			const struct rules_band *o = &w->bands[i];
			int hi = b->max_age < 0 ? RULES_MAX_AGE : b->max_age;
			int ohi = o->max_age < 0 ? RULES_MAX_AGE : o->max_age;

			if (b->min_age <= ohi && o->min_age <= hi)
				return yamldoc_fail(yd, node, PD_CONFIG,
				    "bands", err, "the ages of band '%s' "
				    "overlap band '%s'", b->name, o->name);
		}
	}
	return PD_OK;
}

static enum pd_status
rules_set_wage(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct rules *r = dst;
	yaml_node_t *prev = NULL;
	yaml_node_item_t *it;
	enum pd_status st;

	st = rules_need_list(yd, val, k->key, "wage rows", err);
	if (st != PD_OK)
		return st;
	r->wage = xcalloc(rules_seq_len(val), sizeof *r->wage);
	for (it = val->data.sequence.items.start;
	    it < val->data.sequence.items.top; it++) {
		yaml_node_t *node = yaml_document_get_node(&yd->doc, *it);
		yaml_node_t *found[WAGE_NKEYS] = { NULL };
		struct rules_wage_row *row = &r->wage[r->n_wage++];

		st = yamldoc_map(yd, node, rules_wage_keys, row,
		    "a minimum_wage row", "field", found, err);
		if (st != PD_OK)
			return st;
		if (found[WAGE_FROM] == NULL)
			return rules_missing(yd, node, "from", "row", err);
		if (found[WAGE_BANDS] == NULL)
			return rules_missing(yd, node, "bands", "row", err);
		if (found[WAGE_SOURCE] == NULL)
			return rules_missing(yd, node, "source", "row", err);
		st = rules_check_order(yd, found[WAGE_FROM], row->from, prev,
		    prev ? row[-1].from : NULL, err);
		if (st != PD_OK)
			return st;
		prev = found[WAGE_FROM];
	}
	return PD_OK;
}

enum { TOP_PW, TOP_WAGE, TOP_NKEYS };

static const struct yamldoc_key rules_top_keys[] = {
	[TOP_PW] = { "permitted_work", rules_set_pw, 0, 0, 0 },
	[TOP_WAGE] = { "minimum_wage", rules_set_wage, 0, 0, 0 },
	[TOP_NKEYS] = { NULL, NULL, 0, 0, 0 }
};

static enum pd_status
rules_parse(const char *text, size_t len, const char *name, struct rules *r,
    struct pd_err *err)
{
	yaml_node_t *found[TOP_NKEYS] = { NULL };
	struct yamldoc yd;
	yaml_node_t *root;
	enum pd_status st;

	st = yamldoc_load(&yd, text, len, name, err);
	if (st != PD_OK)
		goto out;
	root = yamldoc_root(&yd);
	if (root == NULL) {
		st = pd_fail_at(err, PD_CONFIG, name, 1, 1, NULL,
		    "this rules file is empty; expected permitted_work and "
		    "minimum_wage tables");
		goto out;
	}
	st = yamldoc_map(&yd, root, rules_top_keys, r, "rule tables",
	    "table", found, err);
	if (st != PD_OK)
		goto out;
	if (found[TOP_PW] == NULL)
		st = rules_missing(&yd, root, "permitted_work", "file", err);
	else if (found[TOP_WAGE] == NULL)
		st = rules_missing(&yd, root, "minimum_wage", "file", err);
out:
	yamldoc_fini(&yd);
	return st;
}

enum pd_status
rules_load_text(const char *text, size_t len, const char *name,
    struct rules *r, struct pd_err *err)
{
	struct rules tmp;
	enum pd_status st;

	if (name == NULL)
		name = "rules";
	rules_init(&tmp);
	st = rules_parse(text, len, name, &tmp, err);
	if (st != PD_OK) {
		rules_fini(&tmp);
		rules_init(r);
		return st;
	}
	tmp.file = xstrdup(name);
	*r = tmp;
	return PD_OK;
}

enum pd_status
rules_load_file(const char *path, struct rules *r, struct pd_err *err)
{
	enum pd_status st;
	char *text;
	size_t len;

	st = yamldoc_read_file(path, &text, &len, err);
	if (st != PD_OK) {
		rules_init(r);
		return st;
	}
	st = rules_load_text(text, len, path, r, err);
	free(text);
	return st;
}

enum pd_status
rules_load_default(struct rules *r, struct pd_err *err)
{
	const struct embedded_file *f = embedded_find("rules.yaml");

	if (f == NULL) {
		rules_init(r);
		return pd_fail(err, PD_NOT_FOUND, NULL,
		    "the built-in rules.yaml is missing from this program");
	}
	return rules_load_text(f->data, f->len, RULES_BUILTIN_NAME, r, err);
}

enum pd_status
rules_load_for(const struct settings *s, struct rules *r, struct pd_err *err)
{
	if (s != NULL && s->rules_file != NULL)
		return rules_load_file(s->rules_file, r, err);
	return rules_load_default(r, err);
}
