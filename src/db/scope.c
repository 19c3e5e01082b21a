/* scope.c - "today" for the data layer, and binding a PAL's scope. */
#include "work_priv.h"

#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"

char *
db_scope_today(char buf[11])
{
	return date_format(today_get(), buf);
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
