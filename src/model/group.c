/* group.c - groups and drop-ins: records and words. */
#include "peerdesk/model/group.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[GROUP_KINDS] = {
	"walk", "meal", "drop_in", "peer_group", "course"
};
static const char *const kind_labels[GROUP_KINDS] = {
	"walk", "meal", "drop-in", "peer group", "course"
};
static const char *const day_labels[8] = {
	"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday"
};

void
group_fini(struct group *g)
{
	free(g->name);
	free(g->place);
	g->name = g->place = NULL;
}

void
group_row_fini(struct group_row *r)
{
	group_fini(&r->g);
	free(r->facilitators);
	r->facilitators = NULL;
}

void
group_rows_free(struct group_row *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		group_row_fini(&v[i]);
	free(v);
}

void
group_meeting_fini(struct group_meeting *m)
{
	free(m->notes);
	m->notes = NULL;
}

void
group_attendees_free(struct group_attendee *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].name);
	free(v);
}

void
group_regulars_free(struct group_regular *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].name);
	free(v);
}

const char *
group_kind_str(enum group_kind k)
{
	return (int)k >= 0 && (int)k < GROUP_KINDS ? kind_names[k] : NULL;
}

const char *
group_kind_label(enum group_kind k)
{
	return (int)k >= 0 && (int)k < GROUP_KINDS ? kind_labels[k] : NULL;
}

int
group_kind_from_str(const char *s, enum group_kind *out)
{
	char buf[16];
	size_t k;
	int i;

	if (s == NULL || strlen(s) >= sizeof buf)
		return -1;
	/* "peer-group", "peer group", "Drop-in", "drop_in": all the same */
	for (k = 0; s[k] != '\0'; k++)
		buf[k] = s[k] == '-' || s[k] == ' ' ? '_' : s[k];
	buf[k] = '\0';
	for (i = 0; i < GROUP_KINDS; i++)
		if (strcasecmp(buf, kind_names[i]) == 0 ||
		    (i == GROUP_PEER && strcasecmp(buf, "peer") == 0)) {
			*out = (enum group_kind)i;
			return 0;
		}
	return -1;
}

const char *
group_day_label(int day)
{
	return day >= 1 && day <= 7 ? day_labels[day] : "";
}

int
group_day_from_str(const char *s)
{
	size_t n;
	int i;

	if (s == NULL || *s == '\0')
		return 0;
	if (s[0] >= '1' && s[0] <= '7' && s[1] == '\0')
		return s[0] - '0';
	n = strlen(s);
	if (n < 3)
		return 0;
	for (i = 1; i <= 7; i++)
		if (n <= strlen(day_labels[i]) &&
		    strncasecmp(s, day_labels[i], n) == 0)
			return i;
	return 0;
}

void
group_first_name(const char *name, const char *preferred, char *buf,
    size_t n)
{
	const char *s = preferred != NULL && *preferred != '\0' ? preferred :
	    name != NULL ? name : "";
	size_t k = 0;

	if (n == 0)
		return;
	while (*s == ' ')
		s++;
	while (s[k] != '\0' && s[k] != ' ' && k + 1 < n)
		k++;
	memcpy(buf, s, k);
	buf[k] = '\0';
}
