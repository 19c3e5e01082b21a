/* yamldoc_set.c - the key readers every config file shares: one value
 * into the field of dst at k->offset (struct yamldoc_key). */
#include "yamldoc.h"

#include <stdlib.h>

#include "peerdesk/core/xalloc.h"

enum pd_status
yamldoc_set_text(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	char **slot = (char **)(void *)((char *)dst + k->offset);
	const char *text;
	enum pd_status st;

	st = yamldoc_text(yd, val, k->key, &text, err);
	if (st != PD_OK)
		return st;
	free(*slot);
	*slot = xstrdup(text);
	return PD_OK;
}

/* A whole number from k->min to k->max. */
static enum pd_status
yamldoc_set_whole(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, long *v, struct pd_err *err)
{
	return yamldoc_long(yd, val, k->key, k->min, k->max, v, err);
}

enum pd_status
yamldoc_set_int(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	long v;
	enum pd_status st = yamldoc_set_whole(yd, k, val, &v, err);

	if (st == PD_OK)
		*(int *)(void *)((char *)dst + k->offset) = (int)v;
	return st;
}

enum pd_status
yamldoc_set_int64(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	enum pd_status st;
	long v;

	if ((st = yamldoc_set_whole(yd, k, val, &v, err)) == PD_OK)
		*(int64_t *)(void *)((char *)dst + k->offset) = v;
	return st;
}

enum pd_status
yamldoc_set_bool(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	bool *slot = (bool *)((char *)dst + k->offset);

	return yamldoc_bool(yd, val, k->key, slot, err);
}

enum pd_status
yamldoc_set_date(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	return yamldoc_date(yd, val, k->key, (char *)dst + k->offset, err);
}
