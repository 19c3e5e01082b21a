/* plan_yaml.c - the plan file: written with libyaml's emitter, read with
 * yamldoc (file:line:column errors). */
#include "peerdesk/config/plan_yaml.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "peerdesk/core/utf8.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/plandiff.h"
#include "yamldoc.h"

/* ---- writing ----------------------------------------------------------- */

struct em {
	yaml_emitter_t e;
	struct strbuf *out;
	bool failed;
};

static int
plan_yaml_put_write(void *data, unsigned char *buf, size_t n)
{
	strbuf_add(data, buf, n);
	return 1;
}

static void
plan_yaml_put_event(struct em *m, yaml_event_t *ev)
{
	if (m->failed)
		yaml_event_delete(ev);
	else if (!yaml_emitter_emit(&m->e, ev))
		m->failed = true;
}

static void
plan_yaml_put_scalar(struct em *m, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	/* bytes that are not UTF-8 become U+FFFD: libyaml refuses them */
	char *text = yamldoc_utf8_copy(s);
	int ok;

	ok = yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)text, (int)strlen(text), 1, 1, style);
	free(text);
	if (!ok) {
		m->failed = true;
		return;
	}
	plan_yaml_put_event(m, &ev);
}

/* Text as it should read back: several lines as a literal block; words
 * the reader would take for "nothing" in quotes. */
static void
plan_yaml_put_text(struct em *m, const char *s)
{
	if (s == NULL || s[0] == '\0')
		plan_yaml_put_scalar(m, "", YAML_PLAIN_SCALAR_STYLE);
	else if (strchr(s, '\n') != NULL)
		plan_yaml_put_scalar(m, s, YAML_LITERAL_SCALAR_STYLE);
	else if (strcmp(s, "~") == 0 || strcasecmp(s, "null") == 0)
		plan_yaml_put_scalar(m, s, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	else
		plan_yaml_put_scalar(m, s, YAML_PLAIN_SCALAR_STYLE);
}

static void
plan_yaml_put_key_text(struct em *m, const char *key, const char *s)
{
	plan_yaml_put_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	plan_yaml_put_text(m, s);
}

/* key: value, left out when value is empty. */
static void
plan_yaml_put_key_opt(struct em *m, const char *key, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	plan_yaml_put_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	plan_yaml_put_scalar(m, value, YAML_PLAIN_SCALAR_STYLE);
}

static void
plan_yaml_put_key_int(struct em *m, const char *key, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	plan_yaml_put_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	plan_yaml_put_scalar(m, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void
plan_yaml_put_map(struct em *m, int start)
{
	yaml_event_t ev;
	int ok = start ? yaml_mapping_start_event_initialize(&ev, NULL, NULL,
	    1, YAML_BLOCK_MAPPING_STYLE) :
	    yaml_mapping_end_event_initialize(&ev);

	if (!ok)
		m->failed = true;
	else
		plan_yaml_put_event(m, &ev);
}

static void
plan_yaml_put_seq(struct em *m, const char *key, int start)
{
	yaml_event_t ev;
	int ok;

	if (start)
		plan_yaml_put_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	ok = start ? yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_SEQUENCE_STYLE) :
	    yaml_sequence_end_event_initialize(&ev);
	if (!ok)
		m->failed = true;
	else
		plan_yaml_put_event(m, &ev);
}

static void
plan_yaml_put_goal(struct em *m, const struct plan_doc_goal *g)
{
	char v[4];
	size_t i;

	plan_yaml_put_map(m, 1);
	if (g->goal.id > 0)
		plan_yaml_put_key_int(m, "id", g->goal.id);
	plan_yaml_put_key_opt(m, "area", goal_area_str(g->goal.area));
	plan_yaml_put_key_text(m, "title", g->goal.title);
	plan_yaml_put_key_text(m, "detail", g->goal.detail);
	plan_yaml_put_key_text(m, "set_by", g->goal.set_by);
	plan_yaml_put_key_opt(m, "target_date", g->goal.target_date);
	plan_yaml_put_key_opt(m, "created_on", g->goal.created_on);
	plan_yaml_put_key_opt(m, "closed_on", g->goal.closed_on);
	if (g->n_steps > 0) {
		plan_yaml_put_seq(m, "steps", 1);
		for (i = 0; i < g->n_steps; i++) {
			plan_yaml_put_map(m, 1);
			if (g->steps[i].id > 0)
				plan_yaml_put_key_int(m, "id", g->steps[i].id);
			plan_yaml_put_key_text(m, "text", g->steps[i].text);
			plan_yaml_put_key_opt(m, "done_on",
			    g->steps[i].done_on);
			plan_yaml_put_map(m, 0);
		}
		plan_yaml_put_seq(m, NULL, 0);
	}
	if (g->n_scores > 0) {
		plan_yaml_put_seq(m, "scores", 1);
		for (i = 0; i < g->n_scores; i++) {
			plan_yaml_put_map(m, 1);
			plan_yaml_put_key_opt(m, "on", g->scores[i].scored_on);
			plan_yaml_put_key_opt(m, "score",
			    goal_score_str(g->scores[i].score, v));
			plan_yaml_put_map(m, 0);
		}
		plan_yaml_put_seq(m, NULL, 0);
	}
	plan_yaml_put_map(m, 0);
}

/* The comment lines at the top: the name without control characters or
 * bytes that are not UTF-8 (the file must read back). */
static void
plan_yaml_header(const struct plan_doc *doc, struct strbuf *out)
{
	const char *p = doc->client_name ? doc->client_name : "?";
	size_t len = strlen(p), i = 0;

	strbuf_adds(out, "# Wellness and Safety Plan of ");
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(p + i, len - i, &cp);

		if (cp == UTF8_INVALID || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0) || cp == 0xfeff ||
		    cp == 0x2028 || cp == 0x2029)
			strbuf_addc(out, cp < 0x20 || cp >= 0x2028 ? ' ' : '?');
		else
			strbuf_add(out, p + i, k);
		i += k;
	}
	strbuf_addf(out, " (client %lld), version %d.\n"
	    "# Change the words in any text editor, then bring it back with\n"
	    "#   peerdesk plan import FILE\n"
	    "# Leave the numbers (client, version, id) as they are; leave out "
	    "id\n# for a new goal or step.  Scores go from -2 to +2.\n",
	    (long long)doc->client_id, doc->info.current_version);
}

enum pd_status
plan_yaml_write(const struct plan_doc *doc, struct strbuf *out,
    struct pd_err *err)
{
	struct em m;
	yaml_event_t ev;
	size_t i;

	memset(&m, 0, sizeof m);
	m.out = out;
	if (!yaml_emitter_initialize(&m.e))
		return pd_fail(err, PD_IO, NULL, "not enough memory to write "
		    "the plan");
	yaml_emitter_set_output(&m.e, plan_yaml_put_write, out);
	yaml_emitter_set_unicode(&m.e, 1);
	yaml_emitter_set_width(&m.e, -1);
	yaml_emitter_set_break(&m.e, YAML_LN_BREAK);
	plan_yaml_header(doc, out);
	if (yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING))
		plan_yaml_put_event(&m, &ev);
	if (yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1))
		plan_yaml_put_event(&m, &ev);
	plan_yaml_put_map(&m, 1);
	plan_yaml_put_key_int(&m, "peerdesk_plan", PLAN_YAML_FORMAT);
	plan_yaml_put_key_int(&m, "client", doc->client_id);
	plan_yaml_put_key_text(&m, "name", doc->client_name);
	plan_yaml_put_key_int(&m, "version", doc->info.current_version);
	plan_yaml_put_key_opt(&m, "status", plan_status_str(doc->info.status));
	plan_yaml_put_key_opt(&m, "established_on", doc->info.established_on);
	plan_yaml_put_scalar(&m, "sections", YAML_PLAIN_SCALAR_STYLE);
	plan_yaml_put_map(&m, 1);
	for (i = 0; i < PLAN_NFIELDS; i++)
		plan_yaml_put_key_text(&m, plan_fields[i].key,
		    plan_field_get(&doc->sections, i));
	plan_yaml_put_map(&m, 0);
	plan_yaml_put_seq(&m, "goals", 1);
	for (i = 0; i < doc->n_goals; i++)
		plan_yaml_put_goal(&m, &doc->goals[i]);
	plan_yaml_put_seq(&m, NULL, 0);
	plan_yaml_put_seq(&m, "notes", 1);
	for (i = 0; i < doc->n_notes; i++) {
		plan_yaml_put_map(&m, 1);
		plan_yaml_put_key_opt(&m, "on", doc->notes[i].written_on);
		if (doc->notes[i].author_name != NULL)
			plan_yaml_put_key_text(&m, "by",
			    doc->notes[i].author_name);
		plan_yaml_put_key_text(&m, "text", doc->notes[i].text);
		plan_yaml_put_map(&m, 0);
	}
	plan_yaml_put_seq(&m, NULL, 0);
	plan_yaml_put_map(&m, 0);
	if (yaml_document_end_event_initialize(&ev, 1))
		plan_yaml_put_event(&m, &ev);
	if (yaml_stream_end_event_initialize(&ev))
		plan_yaml_put_event(&m, &ev);
	if (m.failed) {
		pd_fail(err, PD_IO, NULL, "could not write the plan as YAML: "
		    "%s", m.e.problem ? m.e.problem : "the emitter failed");
		yaml_emitter_delete(&m.e);
		return PD_IO;
	}
	yaml_emitter_delete(&m.e);
	return PD_OK;
}

/* ---- reading ----------------------------------------------------------- */

static enum pd_status
plan_yaml_get_scalar(struct yamldoc *yd, yaml_node_t *val, const char *field,
    const char *expected, const char **out, struct pd_err *err)
{
	char got[64];

	if (val == NULL || val->type != YAML_SCALAR_NODE ||
	    strlen((const char *)val->data.scalar.value) !=
	    val->data.scalar.length)
		return yamldoc_fail(yd, val, PD_CONFIG, field, err,
		    "expected %s, got %s", expected,
		    yamldoc_describe(val, got, sizeof got));
	*out = (const char *)val->data.scalar.value;
	return PD_OK;
}

/* Text (nothing, or empty, means none) into the char * at offset. */
static enum pd_status
plan_yaml_get_text(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	char **slot = (char **)(void *)((char *)dst + k->offset);
	const char *s;
	enum pd_status st;

	if (yamldoc_is_null(val)) {
		FREE(slot);
		return PD_OK;
	}
	if ((st = plan_yaml_get_scalar(yd, val, k->key, "some text", &s,
	    err)) != PD_OK)
		return st;
	free(*slot);
	*slot = s[0] != '\0' ? xstrdup(s) : NULL;
	return PD_OK;
}

/* A date into the char[11] at offset (nothing means none). */
static enum pd_status
plan_yaml_get_date(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	char *slot = (char *)dst + k->offset;

	if (yamldoc_is_null(val)) {
		slot[0] = '\0';
		return PD_OK;
	}
	return yamldoc_date(yd, val, k->key, slot, err);
}

static enum pd_status
plan_yaml_get_area(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	enum goal_area *slot = (enum goal_area *)(void *)((char *)dst +
	    k->offset);
	const char *s;
	enum pd_status st;
	int a;

	st = plan_yaml_get_scalar(yd, val, k->key,
	    "one of ambition, connect, be_active, "
	    "take_notice, learn, give", &s, err);
	if (st != PD_OK)
		return st;
	if (goal_area_from_str(s, slot) == 0)
		return PD_OK;
	for (a = GOAL_AMBITION; a <= GOAL_GIVE; a++)
		if (strcasecmp(s, goal_area_label((enum goal_area)a)) == 0) {
			*slot = (enum goal_area)a;
			return PD_OK;
		}
	return yamldoc_fail(yd, val, PD_CONFIG, k->key, err, "expected one of "
	    "ambition, connect, be_active, take_notice, learn, give; got '%s'",
	    s);
}

static enum pd_status
plan_yaml_get_score(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	const char *s;
	char got[64];
	enum pd_status st;

	st = plan_yaml_get_scalar(yd, val, k->key, "a score from -2 to +2", &s,
	    err);
	if (st != PD_OK)
		return st;
	if (goal_score_parse(s, (int *)(void *)((char *)dst + k->offset)) != 0)
		return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
		    "expected a score from -2 to +2, got %s",
		    yamldoc_describe(val, got, sizeof got));
	return PD_OK;
}

static enum pd_status
plan_yaml_get_status(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	const char *s;
	enum pd_status st = plan_yaml_get_scalar(yd, val, k->key,
	    "draft or established",
	    &s, err);

	if (st != PD_OK)
		return st;
	if (plan_status_from_str(s, (enum plan_status *)(void *)((char *)dst +
	    k->offset)) != 0)
		return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
		    "expected draft or established, got '%s'", s);
	return PD_OK;
}

static enum pd_status
plan_yaml_get_format(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	long v = 0;

	(void)dst;
	if (yamldoc_long(yd, val, k->key, 0, 999, &v, NULL) != PD_OK ||
	    v != PLAN_YAML_FORMAT)
		return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
		    "this plan file is in a form this peerdesk does not know "
		    "(expected %d)", PLAN_YAML_FORMAT);
	return PD_OK;
}

/* Each item of the list val as a mapping read by one(); at most max
 * items (aliases could otherwise make a small file huge). */
static enum pd_status
plan_yaml_get_list(struct yamldoc *yd, yaml_node_t *val, const char *what,
    size_t max,
    enum pd_status (*one)(struct yamldoc *, yaml_node_t *, void *,
    struct pd_err *), void *dst, struct pd_err *err)
{
	yaml_node_item_t *it;
	enum pd_status st;
	char got[64];

	if (yamldoc_is_null(val))
		return PD_OK;
	if (val->type != YAML_SEQUENCE_NODE)
		return yamldoc_fail(yd, val, PD_CONFIG, what, err,
		    "expected a list of %s (lines starting with '- '), got %s",
		    what, yamldoc_describe(val, got, sizeof got));
	if ((size_t)(val->data.sequence.items.top -
	    val->data.sequence.items.start) > max)
		return yamldoc_fail(yd, val, PD_CONFIG, what, err,
		    "a plan can have at most %zu %s here", max, what);
	for (it = val->data.sequence.items.start;
	    it < val->data.sequence.items.top; it++) {
		st = one(yd, yaml_document_get_node(&yd->doc, *it), dst, err);
		if (st != PD_OK)
			return st;
	}
	return PD_OK;
}

/* Keys that must be there: a message at the mapping when one is not. */
static enum pd_status
plan_yaml_get_need(struct yamldoc *yd, yaml_node_t *map,
    const struct yamldoc_key *keys,
    yaml_node_t **found, const char *const *need, const char *what,
    struct pd_err *err)
{
	size_t i, j;

	for (j = 0; need[j] != NULL; j++)
		for (i = 0; keys[i].key != NULL; i++)
			if (strcmp(keys[i].key, need[j]) == 0 &&
			    found[i] == NULL)
				return yamldoc_fail(yd, map, PD_CONFIG, need[j],
				    err, "%s needs a '%s:' line", what,
				    need[j]);
	return PD_OK;
}

#define MAXKEYS 16

static const struct yamldoc_key step_keys[] = {
	{ "id", yamldoc_set_int64, offsetof(struct goal_step, id), 1,
	    999999999 },
	{ "text", plan_yaml_get_text, offsetof(struct goal_step, text), 0, 0 },
	{ "done_on", plan_yaml_get_date, offsetof(struct goal_step, done_on), 0,
	    0 },
	{ NULL, NULL, 0, 0, 0 }
};

static enum pd_status
plan_yaml_get_step(struct yamldoc *yd, yaml_node_t *node, void *dst,
    struct pd_err *err)
{
	static const char *const need[] = { "text", NULL };
	struct plan_doc_goal *g = dst;
	yaml_node_t *found[MAXKEYS] = { NULL };
	struct goal_step s;
	enum pd_status st;

	memset(&s, 0, sizeof s);
	st = yamldoc_map(yd, node, step_keys, &s, "a step", "key", found, err);
	if (st == PD_OK)
		st = plan_yaml_get_need(yd, node, step_keys, found, need,
		    "a step", err);
	if (st == PD_OK && s.text == NULL)
		st = yamldoc_fail(yd, found[1], PD_CONFIG, "text", err,
		    "a step needs a few words");
	if (st == PD_OK)
		plan_doc_goal_add_step(g, &s, yamldoc_line(node));
	goal_step_fini(&s);
	return st;
}

static const struct yamldoc_key score_keys[] = {
	{ "on", plan_yaml_get_date, offsetof(struct goal_score, scored_on), 0,
	    0 },
	{ "score", plan_yaml_get_score, offsetof(struct goal_score, score), 0,
	    0 },
	{ NULL, NULL, 0, 0, 0 }
};

static enum pd_status
plan_yaml_get_goal_score(struct yamldoc *yd, yaml_node_t *node, void *dst,
    struct pd_err *err)
{
	static const char *const need[] = { "on", "score", NULL };
	yaml_node_t *found[MAXKEYS] = { NULL };
	struct goal_score s;
	enum pd_status st;

	memset(&s, 0, sizeof s);
	st = yamldoc_map(yd, node, score_keys, &s, "a score", "key", found,
	    err);
	if (st == PD_OK)
		st = plan_yaml_get_need(yd, node, score_keys, found, need,
		    "a score", err);
	if (st == PD_OK && s.scored_on[0] == '\0')
		st = yamldoc_fail(yd, found[0], PD_CONFIG, "on", err,
		    "a score needs the date it was given");
	if (st == PD_OK)
		plan_doc_goal_add_score(dst, &s, yamldoc_line(node));
	return st;
}

#define GOAL_OFF(m) offsetof(struct plan_doc_goal, goal.m)

static enum pd_status plan_yaml_get_steps(struct yamldoc *,
    const struct yamldoc_key *,
    yaml_node_t *, void *, struct pd_err *);
static enum pd_status plan_yaml_get_scores(struct yamldoc *,
    const struct yamldoc_key *,
    yaml_node_t *, void *, struct pd_err *);

static const struct yamldoc_key goal_keys[] = {
	{ "id", yamldoc_set_int64, GOAL_OFF(id), 1, 999999999 },
	{ "area", plan_yaml_get_area, GOAL_OFF(area), 0, 0 },
	{ "title", plan_yaml_get_text, GOAL_OFF(title), 0, 0 },
	{ "detail", plan_yaml_get_text, GOAL_OFF(detail), 0, 0 },
	{ "set_by", plan_yaml_get_text, GOAL_OFF(set_by), 0, 0 },
	{ "target_date", plan_yaml_get_date, GOAL_OFF(target_date), 0, 0 },
	{ "created_on", plan_yaml_get_date, GOAL_OFF(created_on), 0, 0 },
	{ "closed_on", plan_yaml_get_date, GOAL_OFF(closed_on), 0, 0 },
	{ "steps", plan_yaml_get_steps, 0, 0, 0 },
	{ "scores", plan_yaml_get_scores, 0, 0, 0 },
	{ NULL, NULL, 0, 0, 0 }
};

static enum pd_status
plan_yaml_get_steps(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	(void)k;
	return plan_yaml_get_list(yd, val, "steps", PLAN_YAML_MAX_STEPS,
	    plan_yaml_get_step, dst,
	    err);
}

static enum pd_status
plan_yaml_get_scores(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	(void)k;
	return plan_yaml_get_list(yd, val, "scores", PLAN_YAML_MAX_SCORES,
	    plan_yaml_get_goal_score, dst, err);
}

static enum pd_status
plan_yaml_get_goal(struct yamldoc *yd, yaml_node_t *node, void *dst,
    struct pd_err *err)
{
	static const char *const need[] = { "area", "title", NULL };
	struct plan_doc *doc = dst;
	struct plan_doc_goal *g = plan_doc_add_goal(doc);
	yaml_node_t *found[MAXKEYS] = { NULL };
	enum pd_status st;
	size_t i;

	g->line = node ? yamldoc_line(node) : 0;
	st = yamldoc_map(yd, node, goal_keys, g, "a goal", "key", found, err);
	if (st == PD_OK)
		st = plan_yaml_get_need(yd, node, goal_keys, found, need,
		    "a goal", err);
	if (st == PD_OK && g->goal.title == NULL)
		st = yamldoc_fail(yd, found[2], PD_CONFIG, "title", err,
		    "a goal needs a few words to say what it is");
	for (i = 0; st == PD_OK && g->goal.id > 0 && i + 1 < doc->n_goals; i++)
		if (doc->goals[i].goal.id == g->goal.id)
			st = yamldoc_fail(yd, found[0], PD_CONFIG, "id", err,
			    "goal %lld is in the file twice (first on line %d)",
			    (long long)g->goal.id, doc->goals[i].line);
	return st;
}

static const struct yamldoc_key note_keys[] = {
	{ "on", plan_yaml_get_date, offsetof(struct plan_note, written_on), 0,
	    0 },
	{ "by", plan_yaml_get_text, offsetof(struct plan_note, author_name), 0,
	    0 },
	{ "text", plan_yaml_get_text, offsetof(struct plan_note, text), 0, 0 },
	{ NULL, NULL, 0, 0, 0 }
};

static enum pd_status
plan_yaml_get_note(struct yamldoc *yd, yaml_node_t *node, void *dst,
    struct pd_err *err)
{
	static const char *const need[] = { "on", "text", NULL };
	yaml_node_t *found[MAXKEYS] = { NULL };
	struct plan_note n;
	enum pd_status st;

	memset(&n, 0, sizeof n);
	st = yamldoc_map(yd, node, note_keys, &n, "a note", "key", found, err);
	if (st == PD_OK)
		st = plan_yaml_get_need(yd, node, note_keys, found, need,
		    "a note", err);
	if (st == PD_OK && n.text == NULL)
		st = yamldoc_fail(yd, found[2], PD_CONFIG, "text", err,
		    "the note is empty");
	if (st == PD_OK && n.written_on[0] == '\0')
		st = yamldoc_fail(yd, found[0], PD_CONFIG, "on", err,
		    "a note needs the date it was written");
	if (st == PD_OK)
		plan_doc_add_note(dst, &n, yamldoc_line(node));
	plan_note_fini(&n);
	return st;
}

static enum pd_status
plan_yaml_get_goals(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	(void)k;
	return plan_yaml_get_list(yd, val, "goals", PLAN_YAML_MAX_GOALS,
	    plan_yaml_get_goal, dst,
	    err);
}

static enum pd_status
plan_yaml_get_notes(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	(void)k;
	return plan_yaml_get_list(yd, val, "notes", PLAN_YAML_MAX_NOTES,
	    plan_yaml_get_note, dst,
	    err);
}

static enum pd_status
plan_yaml_get_sections(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct yamldoc_key keys[PLAN_NFIELDS + 1];
	struct plan_doc *doc = dst;
	size_t i;

	(void)k;
	doc->sections_line = val ? yamldoc_line(val) : 0;
	if (yamldoc_is_null(val))
		return PD_OK;
	for (i = 0; i < PLAN_NFIELDS; i++) {
		memset(&keys[i], 0, sizeof keys[i]);
		keys[i].key = plan_fields[i].key;
		keys[i].fn = plan_yaml_get_text;
		keys[i].offset = plan_fields[i].offset;
	}
	memset(&keys[PLAN_NFIELDS], 0, sizeof keys[PLAN_NFIELDS]);
	return yamldoc_map(yd, val, keys, &doc->sections, "the sections",
	    "section", NULL, err);
}

static enum pd_status
plan_yaml_get_version(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val,
    void *dst, struct pd_err *err)
{
	((struct plan_doc *)dst)->version_line = val ? yamldoc_line(val) : 0;
	return yamldoc_set_int(yd, k, val, dst, err);
}

#define DOC_OFF(m) offsetof(struct plan_doc, m)

static const struct yamldoc_key doc_keys[] = {
	{ "peerdesk_plan", plan_yaml_get_format, 0, 0, 0 },
	{ "client", yamldoc_set_int64, DOC_OFF(client_id), 1, 999999999 },
	{ "name", plan_yaml_get_text, DOC_OFF(client_name), 0, 0 },
	{ "version", plan_yaml_get_version, DOC_OFF(info.current_version), 0,
	    999999999 },
	{ "status", plan_yaml_get_status, DOC_OFF(info.status), 0, 0 },
	{ "established_on", plan_yaml_get_date, DOC_OFF(info.established_on), 0,
	    0 },
	{ "note", plan_yaml_get_text, DOC_OFF(sections.note), 0, 0 },
	{ "sections", plan_yaml_get_sections, 0, 0, 0 },
	{ "goals", plan_yaml_get_goals, 0, 0, 0 },
	{ "notes", plan_yaml_get_notes, 0, 0, 0 },
	{ NULL, NULL, 0, 0, 0 }
};

enum pd_status
plan_yaml_read(const char *text, size_t len, const char *name,
    struct plan_doc *out, struct pd_err *err)
{
	static const char *const need[] = { "peerdesk_plan", "client",
		"version", NULL };
	yaml_node_t *found[MAXKEYS] = { NULL };
	struct yamldoc yd;
	yaml_node_t *root;
	enum pd_status st;

	plan_doc_init(out);
	st = yamldoc_load(&yd, text, len, name, err);
	if (st == PD_OK) {
		root = yamldoc_root(&yd);
		if (root == NULL)
			st = pd_fail_at(err, PD_PARSE, yd.name, 1, 1, NULL,
			    "the file is empty: there is no plan in it");
		else if (root->type != YAML_MAPPING_NODE)
			st = yamldoc_fail(&yd, root, PD_PARSE, NULL, err,
			    "this is not a plan file: it should start with "
			    "'peerdesk_plan: %d'", PLAN_YAML_FORMAT);
		else
			st = yamldoc_map(&yd, root, doc_keys, out,
			    "a plan file", "key", found, err);
		if (st == PD_OK)
			st = plan_yaml_get_need(&yd, root, doc_keys, found,
			    need,
			    "a plan file", err);
	}
	yamldoc_fini(&yd);
	out->info.client_id = out->client_id;
	if (st == PD_CONFIG) {
		st = PD_PARSE;
		if (err != NULL)
			err->code = PD_PARSE;
	}
	return st;
}

enum pd_status
plan_yaml_read_file(const char *path, struct plan_doc *out,
    struct pd_err *err)
{
	char *text = NULL;
	size_t len = 0;
	enum pd_status st;

	plan_doc_init(out);
	st = yamldoc_read_file(path, &text, &len, err);
	if (st == PD_OK)
		st = plan_yaml_read(text, len, path, out, err);
	free(text);
	return st;
}
