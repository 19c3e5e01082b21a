/* fieldmerge.c - the three-way merge of a record, field by field. */
#include "peerdesk/model/fieldmerge.h"

#include <string.h>

static const char *
fmerge_text(const char *s)
{
	return s != NULL ? s : "";
}

static int
fmerge_same(const char *a, const char *b)
{
	return strcmp(fmerge_text(a), fmerge_text(b)) == 0;
}

enum fmerge
fmerge_field(const char *base, const char *mine, const char *theirs)
{
	int i_changed = !fmerge_same(base, mine);
	int they_changed = !fmerge_same(base, theirs);

	if (!i_changed && !they_changed)
		return FMERGE_SAME;
	if (i_changed && !they_changed)
		return FMERGE_MINE;
	if (!i_changed)
		return FMERGE_THEIRS;
	return fmerge_same(mine, theirs) ? FMERGE_AGREE : FMERGE_CONFLICT;
}

const char *
fmerge_keep(enum fmerge how, const char *mine, const char *theirs)
{
	return how == FMERGE_THEIRS ? fmerge_text(theirs) : fmerge_text(mine);
}

size_t
fmerge_record(size_t n, const char *const base[], const char *const mine[],
    const char *const theirs[], enum fmerge how[], struct fmerge_count *count)
{
	struct fmerge_count c = { 0, 0, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		how[i] = fmerge_field(base[i], mine[i], theirs[i]);
		switch (how[i]) {
		case FMERGE_MINE:
			c.mine++;
			break;
		case FMERGE_THEIRS:
			c.theirs++;
			break;
		case FMERGE_AGREE:
			c.agree++;
			break;
		case FMERGE_CONFLICT:
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
fmerge_labels(size_t n, const char *const labels[], const enum fmerge how[],
    enum fmerge want, struct strbuf *out)
{
	size_t i, named = 0;

	for (i = 0; i < n; i++) {
		if (how[i] != want)
			continue;
		if (named++ > 0)
			strbuf_adds(out, ", ");
		strbuf_adds(out, fmerge_text(labels[i]));
	}
	return named;
}

int
fmerge_choice(const char *choices, size_t k, int *theirs)
{
	if (choices == NULL || strlen(choices) <= k)
		return 0;
	if (choices[k] != 't' && choices[k] != 'm')
		return 0;
	*theirs = choices[k] == 't';
	return 1;
}
