/* summary.c - what the database holds, in plain lines. */
#include "peerdesk/app/summary.h"

#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/config/settings.h"
#include "peerdesk/db/summary.h"
#include "peerdesk/model/client.h"
#include "peerdesk/model/timesheet.h"

enum pd_status
app_summary_text(struct app *app, struct strbuf *out, struct pd_err *err)
{
	struct db_summary sum;
	enum pd_status s;
	int i;

	if ((s = app_require(app, APP_STAFF, "see the summary", err)) != PD_OK)
		return s;
	memset(&sum, 0, sizeof sum);
	if ((s = db_summary(app->db, &sum, err)) != PD_OK)
		return s;
	strbuf_addf(out, "%s\n", app->settings->org_name);
	strbuf_addf(out, "Database: %s\n", app->db_path);
	strbuf_addf(out, "%d clients:", sum.clients);
	for (i = 0; i <= CLIENT_CLOSED; i++)
		strbuf_addf(out, "%s %d %s", i ? "," : "",
		    sum.clients_by_status[i],
		    client_status_label((enum client_status)i));
	strbuf_adds(out, "\n");
	strbuf_addf(out, "%d staff, of whom %d PALs; %d active assignments; "
	    "%d wellness plans\n", sum.staff_active, sum.pals_active,
	    sum.assignments_active, sum.plans);
	strbuf_addf(out, "%d sessions; %d timesheet lines in %d weeks "
	    "(%d open, %d submitted, %d approved, %d locked)\n", sum.sessions,
	    sum.timesheet_lines, sum.weeks, sum.weeks_by_status[WEEK_OPEN],
	    sum.weeks_by_status[WEEK_SUBMITTED],
	    sum.weeks_by_status[WEEK_APPROVED],
	    sum.weeks_by_status[WEEK_LOCKED]);
	if (sum.first_session[0] != '\0')
		strbuf_addf(out, "Sessions from %s to %s\n", sum.first_session,
		    sum.last_session);
	return PD_OK;
}
