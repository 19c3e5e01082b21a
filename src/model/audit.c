/* audit.c - the audit row of model/audit.h: freeing, copying, and
 * what its action names mean. */
#include "peerdesk/model/audit.h"

#include "peerdesk/core/xalloc.h"

#include "record_priv.h"

static char *
audit_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
audit_entry_copy(struct audit_entry *to, const struct audit_entry *from)
{
	*to = *from;
	to->actor_login = audit_dup(from->actor_login);
	to->action = audit_dup(from->action);
	to->entity = audit_dup(from->entity);
	to->summary = audit_dup(from->summary);
	to->before = audit_dup(from->before);
	to->after = audit_dup(from->after);
	to->reason = audit_dup(from->reason);
	to->client_name = audit_dup(from->client_name);
}

bool
audit_is_session(const char *action)
{
	static const char *const kinds[] = { "sign_in", "sign_out",
	    "sign_in_failed", "sign_in_refused", "lock", "unlock" };
	size_t i;

	for (i = 0; action != NULL && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(action, kinds[i]) == 0)
			return true;
	return false;
}

bool
audit_is_refusal(const char *action)
{
	return action != NULL && (strcmp(action, "sign_in_failed") == 0 ||
	    strcmp(action, "sign_in_refused") == 0);
}

const char *
audit_action_label(const char *action)
{
	if (action == NULL)
		return "";
	if (strcmp(action, "sign_in_failed") == 0)
		return "failed";
	if (strcmp(action, "sign_in_refused") == 0)
		return "refused";
	return action;
}

void
audit_entry_fini(struct audit_entry *a)
{
	FREES(&a->actor_login, &a->action, &a->entity, &a->summary,
	    &a->before, &a->after, &a->reason, &a->client_name);
}
