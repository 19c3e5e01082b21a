/* scope.c - "today" for the data layer, and binding a PAL's scope. */
#include "peerdesk/db/scope.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "work_priv.h"

static char scope_today_set[11];	/* "" = read the clock */

void
db_scope_set_today(const char *ymd)
{
	snprintf(scope_today_set, sizeof scope_today_set, "%s",
	    ymd != NULL ? ymd : "");
}

char *
db_scope_today(char buf[11])
{
	time_t t;
	struct tm tm;

	if (scope_today_set[0] != '\0') {
		memcpy(buf, scope_today_set, sizeof scope_today_set);
		return buf;
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
	return buf;
}

void
db_scope_bind(sqlite3_stmt *st, int64_t scope_pal)
{
	char today[11];

	db_bind_int64(st, ":scope_pal", scope_pal);
	db_bind_text(st, ":today", db_scope_today(today));
}

void
db_scope_bind_today(sqlite3_stmt *st)
{
	char today[11];

	db_bind_text(st, ":today", db_scope_today(today));
}
