/* fieldmerge.c - the three-way merge of a record, field by field. */
#include "peerdesk/model/fieldmerge.h"

#include <stdbool.h>
#include <string.h>

static const char *
fieldmerge_text(const char *s)
{
	return s != NULL ? s : "";
}

static bool
fieldmerge_same(const char *a, const char *b)
{
	return strcmp(fieldmerge_text(a), fieldmerge_text(b)) == 0;
}

enum fieldmerge
fieldmerge_field(const char *base, const char *mine, const char *theirs)
{
	int i_changed = !fieldmerge_same(base, mine);
	int they_changed = !fieldmerge_same(base, theirs);

	if (!i_changed && !they_changed)
		return FIELDMERGE_SAME;
	if (i_changed && !they_changed)
		return FIELDMERGE_MINE;
	if (!i_changed)
		return FIELDMERGE_THEIRS;
	return fieldmerge_same(mine, theirs) ? FIELDMERGE_AGREE :
	    FIELDMERGE_CONFLICT;
}

const char *
fieldmerge_keep(enum fieldmerge how, const char *mine, const char *theirs)
{
	return how == FIELDMERGE_THEIRS ? fieldmerge_text(theirs) :
	    fieldmerge_text(mine);
}

size_t
fieldmerge_record(size_t n, const char *const base[], const char *const mine[],
    const char *const theirs[], enum fieldmerge how[],
    struct fieldmerge_count *count)
{
	struct fieldmerge_count c = { 0, 0, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		how[i] = fieldmerge_field(base[i], mine[i], theirs[i]);
		switch (how[i]) {
		case FIELDMERGE_MINE:
			c.mine++;
			break;
		case FIELDMERGE_THEIRS:
			c.theirs++;
			break;
		case FIELDMERGE_AGREE:
			c.agree++;
			break;
		case FIELDMERGE_CONFLICT:
			c.conflict++;
			break;
		default:
			break;
		}
	}
	if (count != NULL)
		*count = c;
	return c.conflict;
}

size_t
fieldmerge_labels(size_t n, const char *const labels[],
    const enum fieldmerge how[], enum fieldmerge want, struct strbuf *out)
{
	size_t i, named = 0;

	for (i = 0; i < n; i++) {
		if (how[i] != want)
			continue;
		if (named++ > 0)
			strbuf_adds(out, ", ");
		strbuf_adds(out, fieldmerge_text(labels[i]));
	}
	return named;
}

int
fieldmerge_choice(const char *choices, size_t k, int *theirs)
{
	if (choices == NULL || strlen(choices) <= k)
		return 0;
	if (choices[k] != 't' && choices[k] != 'm')
		return 0;
	*theirs = choices[k] == 't';
	return 1;
}
