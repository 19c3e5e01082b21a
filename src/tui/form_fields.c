/* form_fields.c - a form's fields: their text, their choices, the
 * record they are read from and stored into (see form_fields.h). */
#include "peerdesk/tui/form_fields.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

bool
form_is_text_kind(enum field_kind k)
{
	return k != FIELD_CHOICE;
}

const struct field_def *
form_fdef(const struct form *fm, size_t i)
{
	return &fm->f[i].def;
}

void
form_choices_refresh(struct form *fm)
{
	size_t i;

	for (i = 0; i < fm->n; i++)
		fm->f[i].def.choices = field_choices(&fm->def->fields[i],
		    fm->rec);
}

void
form_text(const struct form *fm, size_t i, struct strbuf *out)
{
	const struct field_def *fd = form_fdef(fm, i);

	if (fd->kind == FIELD_CHOICE) {
		if (fm->f[i].choice >= 0)
			strbuf_adds(out, fd->choices[fm->f[i].choice].label);
		return;
	}
	le_text(&fm->f[i].le, out);
}

void
form_set_field_error(struct form *fm, size_t i, const char *msg)
{
	FREE(&fm->f[i].error);
	if (msg != NULL && msg[0] != '\0')
		fm->f[i].error = xstrdup(msg);
}

void
form_put_text(struct form *fm, size_t i, const char *text)
{
	const struct field_def *fd = form_fdef(fm, i);

	if (fd->kind == FIELD_CHOICE)
		fm->f[i].choice = field_choice_find(fd->choices, text);
	else
		le_set(&fm->f[i].le, text);
}

static void
form_default_init(const struct form_def *def, void *rec)
{
	const struct field_def *f;
	char *base = rec;
	int minus = -1;
	int64_t minus64 = -1;

	for (f = def->fields; f->id != NULL; f++) {
		if (f->get != NULL)
			continue;
		switch (f->kind) {
		case FIELD_NUMBER:
		case FIELD_DURATION:
		case FIELD_CHOICE:
			memcpy(base + f->offset, &minus, sizeof minus);
			break;
		case FIELD_MONEY:
			memcpy(base + f->offset, &minus64, sizeof minus64);
			break;
		default:
			break;
		}
	}
}

void *
form_rec_new(const struct form_def *def)
{
	void *rec = xcalloc(1, def->rec_size ? def->rec_size : 1);

	if (def->rec_init != NULL)
		def->rec_init(rec);
	else
		form_default_init(def, rec);
	return rec;
}

void
form_rec_fini(const struct form_def *def, void *rec)
{
	if (def->rec_fini != NULL)
		def->rec_fini(rec);
	else
		field_free_strings(def->fields, rec);
}

size_t
form_find(const struct form *fm, const char *id)
{
	size_t i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(form_fdef(fm, i)->id, id) == 0)
			return i;
	return SIZE_MAX;
}
