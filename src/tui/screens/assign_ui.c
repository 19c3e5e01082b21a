/* assign_ui.c - shared helpers for the PAL, shortlist, assignment and
 * review screens. */
#include "assign_ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/tui/form.h"

struct app *
assign_app(const struct screen *s)
{
	return s->app;
}

int
assign_ui_manager(const struct screen *s)
{
	const struct app *app = s->app;

	return app != NULL && app_actor_is_manager(app);
}

int
assign_ui_pal(const struct screen *s)
{
	const struct app *app = s->app;

	return app != NULL && app_actor_is_pal(app);
}

void
assign_people_add(struct assign_people *p, int64_t id, const char *name)
{
	p->ids = xreallocarray(p->ids, p->n + 1, sizeof *p->ids);
	p->names = xreallocarray(p->names, p->n + 1, sizeof *p->names);
	p->choices = xreallocarray(p->choices, p->n + 2, sizeof *p->choices);
	p->ids[p->n] = id;
	p->names[p->n] = xstrdup(name);
	p->choices[p->n].value = (int)p->n;
	p->choices[p->n].label = p->names[p->n];
	p->n++;
	p->choices[p->n].value = 0;
	p->choices[p->n].label = NULL;
}

int64_t
assign_people_id(const struct assign_people *p, int index)
{
	return index >= 0 && (size_t)index < p->n ? p->ids[index] : 0;
}

void
assign_people_fini(struct assign_people *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->names[i]);
	free(p->names);
	free(p->ids);
	free(p->choices);
	memset(p, 0, sizeof *p);
}

void
assign_said_set_title(struct assign_said *said, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(said->title, sizeof said->title, fmt, ap);
	va_end(ap);
}

void
assign_said_set_note(struct assign_said *said, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(said->note, sizeof said->note, fmt, ap);
	va_end(ap);
}

void
assign_said_title(const void *rec, struct strbuf *out)
{
	const struct assign_said *said = rec;

	strbuf_adds(out, said->title);
}

void
assign_said_outcome(const void *rec, struct screen_result *out)
{
	const struct assign_said *said = rec;

	out->text = said->note[0] != '\0' ? said->note : NULL;
	out->data = &said->next;
	out->size = sizeof said->next;
}

const struct assign_next *
assign_next_of(const struct screen_result *r)
{
	return r->data != NULL && r->size == sizeof(struct assign_next) ?
	    r->data : NULL;
}
