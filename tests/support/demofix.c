/* demofix.c - the demo organisation, made once and copied per test. */
#include "support/demofix.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/app/access.h"
#include "peerdesk/app/demo.h"
#include "peerdesk/core/xalloc.h"
#include "peerdesk/model/date.h"
#include "peerdesk/model/today.h"
#include "support/testlib.h"

static char demofix_dir[256];

char *
demofix_path(const char *name)
{
	return xasprintf("%s/%s", demofix_dir, name);
}

void
demofix_today(void)
{
	pd_date d;

	ck_assert_int_eq(date_parse(DEMOFIX_TODAY, &d, NULL), PD_OK);
	today_set(d);
}

void
demofix_open(struct app *a, const char *db, int create)
{
	struct app_options o;
	struct pd_err err;
	char *config = demofix_path("config.yaml");

	memset(&o, 0, sizeof o);
	o.config_path = config;
	o.db_path = db;
	o.create = create;
	ck_assert_msg(app_open(a, &o, &err) == PD_OK, "open: %s", err.msg);
	free(config);
}

void
demofix_make(const char *tag, const char *config_text,
    enum pd_status (*extra)(struct app *a, struct pd_err *err))
{
	struct app a;
	struct demo_stats st;
	struct pd_err err;
	char *db, *config;
	FILE *f;
	const char *base = getenv("TMPDIR");

	snprintf(demofix_dir, sizeof demofix_dir, "%s/peerdesk-%s-XXXXXX",
	    base != NULL && base[0] != '\0' ? base : "/tmp", tag);
	if (mkdtemp(demofix_dir) == NULL)
		abort();
	config = demofix_path("config.yaml");
	if ((f = fopen(config, "w")) == NULL)
		abort();
	fputs(config_text != NULL ? config_text :
	    "organisation: Riverside PALs\n", f);
	fclose(f);
	free(config);
	demofix_today();
	db = demofix_path("demo.db");
	demofix_open(&a, db, 1);
	access_set_system(&a, NULL);
	if (app_demo_create(&a, DEMO_SMALL, &st, &err) != PD_OK ||
	    (extra != NULL && extra(&a, &err) != PD_OK)) {
		fprintf(stderr, "demo: %s\n", err.msg);
		abort();
	}
	app_close(&a);
	free(db);
}

void
demofix_remove(void)
{
	char cmd[600];

	if (demofix_dir[0] != '\0' && getenv("PEERDESK_KEEP_TMP") == NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", demofix_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", demofix_dir);
	}
}

void
demofix_open_copy(struct app *a, const char *name)
{
	char *from = demofix_path("demo.db"), *to = test_path(name);
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;

	ck_assert(in != NULL && out != NULL);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
	demofix_today();
	demofix_open(a, to, 0);
	free(from);
	free(to);
}
