/* payexport.c - the payroll export's lines (see payexport.h). */
#include "peerdesk/model/payexport.h"

#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/xalloc.h"

struct pay_line *
pay_export_add(struct pay_export *e, const struct pay_line *l,
    const char *login, const char *name, const char *note,
    const char *override_reason)
{
	struct pay_line *c;

	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	c = &e->v[e->n++];
	*c = *l;
	c->login = xstrdup(login != NULL ? login : "");
	c->name = xstrdup(name != NULL ? name : "");
	c->note = xstrdup(note != NULL ? note : "");
	c->override_reason = xstrdup(override_reason != NULL ?
	    override_reason : "");
	return c;
}

void
pay_export_fini(struct pay_export *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->n; i++) {
		free(e->v[i].login);
		free(e->v[i].name);
		free(e->v[i].note);
		free(e->v[i].override_reason);
	}
	free(e->v);
	memset(e, 0, sizeof *e);
}
