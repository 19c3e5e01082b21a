/* sar.c - the subject access bundle's plain structs. */
#include "peerdesk/model/sar.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

struct sar_section *
sar_add_section(struct sar_bundle *b, const char *key, const char *title)
{
	struct sar_section *s;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->sections = xrealloc(b->sections, b->cap * sizeof *s);
	}
	s = &b->sections[b->n++];
	memset(s, 0, sizeof *s);
	s->key = xstrdup(key);
	s->title = xstrdup(title != NULL ? title : key);
	return s;
}

struct sar_record *
sar_add_record(struct sar_section *s, const char *title)
{
	struct sar_record *r;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->recs = xrealloc(s->recs, s->cap * sizeof *r);
	}
	r = &s->recs[s->n++];
	memset(r, 0, sizeof *r);
	r->title = title != NULL ? xstrdup(title) : NULL;
	return r;
}

void
sar_add_field(struct sar_record *r, const char *key, const char *value)
{
	struct sar_field *f;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->fields = xrealloc(r->fields, r->cap * sizeof *f);
	}
	f = &r->fields[r->n++];
	f->key = xstrdup(key);
	f->value = xstrdup(value != NULL ? value : "");
}

const struct sar_section *
sar_find(const struct sar_bundle *b, const char *key)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->sections[i].key, key) == 0)
			return &b->sections[i];
	return NULL;
}

char *
sar_label(const char *key, char *buf, size_t n)
{
	size_t i;

	if (n == 0)
		return buf;
	for (i = 0; key[i] != '\0' && i + 1 < n; i++)
		buf[i] = key[i] == '_' ? ' ' : key[i];
	buf[i] = '\0';
	/* the word "pal" is always "PAL" */
	for (i = 0; buf[i] != '\0'; i++)
		if ((i == 0 || buf[i - 1] == ' ') && strncmp(buf + i, "pal", 3)
		    == 0 && (buf[i + 3] == ' ' || buf[i + 3] == '\0'))
			memcpy(buf + i, "PAL", 3);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

int
sar_walk(const struct sar_bundle *b, const struct sar_walker *w, void *ctx)
{
	size_t i, j, k;

	for (i = 0; i < b->n; i++) {
		const struct sar_section *s = &b->sections[i];

		if (w->section != NULL && !w->section(ctx, s))
			return 0;
		for (j = 0; j < s->n; j++) {
			const struct sar_record *r = &s->recs[j];

			if (w->record != NULL && !w->record(ctx, r,
			    r->title != NULL ? r->title : s->title))
				return 0;
			for (k = 0; k < r->n; k++)
				if (w->field != NULL &&
				    !w->field(ctx, &r->fields[k]))
					return 0;
			if (w->record_end != NULL && !w->record_end(ctx, r))
				return 0;
		}
		if (w->section_end != NULL && !w->section_end(ctx, s))
			return 0;
	}
	return 1;
}

void
sar_bundle_fini(struct sar_bundle *b)
{
	size_t i, j, k;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		struct sar_section *s = &b->sections[i];

		for (j = 0; j < s->n; j++) {
			struct sar_record *r = &s->recs[j];

			for (k = 0; k < r->n; k++) {
				free(r->fields[k].key);
				free(r->fields[k].value);
			}
			free(r->fields);
			free(r->title);
		}
		free(s->recs);
		free(s->key);
		free(s->title);
	}
	free(b->sections);
	free(b->client_name);
	free(b->org_name);
	memset(b, 0, sizeof *b);
}
