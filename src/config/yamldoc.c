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
yamldoc_utf8_copy(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s), i = 0;

	if (utf8_valid(s, len))
		return xstrdup(s);
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
