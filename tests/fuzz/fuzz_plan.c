/* fuzz_plan.c - libFuzzer target: the wellness-plan file reader and
 * writer (config/plan_yaml).
 *
 * Whatever the bytes, reading either succeeds or fails with an error
 * that names the file and says something; never a crash, a leak or a
 * read past the text.  When it succeeds, the plan is written out, read
 * back and compared field by field, and written again: the two texts
 * must be the same bytes (the round trip `peerdesk plan export` and
 * `peerdesk plan import` rely on).  The plan's delta and charts are
 * exercised on the way.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/config/plan_yaml.h"
#include "peerdesk/core/status.h"
#include "peerdesk/core/strbuf.h"
#include "peerdesk/model/plandiff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
check_same(const struct plan_doc *a, const struct plan_doc *b)
{
	size_t i, j;

	if (a->client_id != b->client_id || !same_text(a->client_name,
	    b->client_name) || a->info.current_version !=
	    b->info.current_version || a->n_goals != b->n_goals ||
	    a->n_notes != b->n_notes)
		abort();
	for (i = 0; i < PLAN_NFIELDS; i++)
		if (!same_text(plan_field_get(&a->sections, i),
		    plan_field_get(&b->sections, i)))
			abort();
	for (i = 0; i < a->n_goals; i++) {
		const struct plan_doc_goal *x = &a->goals[i], *y = &b->goals[i];

		if (x->goal.id != y->goal.id || x->goal.area != y->goal.area ||
		    !same_text(x->goal.title, y->goal.title) ||
		    !same_text(x->goal.detail, y->goal.detail) ||
		    !same_text(x->goal.set_by, y->goal.set_by) ||
		    strcmp(x->goal.target_date, y->goal.target_date) != 0 ||
		    x->n_steps != y->n_steps || x->n_scores != y->n_scores)
			abort();
		for (j = 0; j < x->n_steps; j++)
			if (!same_text(x->steps[j].text, y->steps[j].text) ||
			    strcmp(x->steps[j].done_on, y->steps[j].done_on))
				abort();
		for (j = 0; j < x->n_scores; j++)
			if (x->scores[j].score != y->scores[j].score)
				abort();
	}
	for (i = 0; i < a->n_notes; i++)
		if (!same_text(a->notes[i].text, b->notes[i].text))
			abort();
}

static void
exercise(const struct plan_doc *d)
{
	struct plan_delta delta;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	plan_delta_compute(d, &d->sections, 1, "2026-01-01", &delta);
	plan_delta_format(d, &delta, NULL, NULL, 40, &sb);
	plan_delta_fini(&delta);
	for (i = 0; i < d->n_goals && i < 4; i++)
		goal_chart(d->goals[i].scores, d->goals[i].n_scores, 40, &sb);
	strbuf_fini(&sb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, not NUL-terminated: a read past the end of
	 * the text is caught by AddressSanitizer. */
	char *text = malloc(size ? size : 1);
	struct plan_doc a, b;
	struct strbuf one = STRBUF_INIT, two = STRBUF_INIT;
	struct pd_err err;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	memset(&err, 0, sizeof err);
	if (plan_yaml_read(text, size, "fuzz-plan.yaml", &a, &err) != PD_OK) {
		if (err.code == PD_OK || err.msg[0] == '\0' ||
		    strcmp(err.file, "fuzz-plan.yaml") != 0)
			abort();
		plan_doc_fini(&a);
		free(text);
		return 0;
	}
	exercise(&a);
	if (plan_yaml_write(&a, &one, &err) != PD_OK)
		abort();
	if (plan_yaml_read(one.buf, one.len, "again.yaml", &b, &err) != PD_OK)
		abort();
	check_same(&a, &b);
	if (plan_yaml_write(&b, &two, &err) != PD_OK)
		abort();
	if (one.len != two.len || memcmp(one.buf, two.buf, one.len) != 0)
		abort();
	plan_doc_fini(&a);
	plan_doc_fini(&b);
	strbuf_fini(&one);
	strbuf_fini(&two);
	free(text);
	return 0;
}
