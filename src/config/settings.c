/* settings.c - read the organisation's settings from YAML. */
#include "peerdesk/config/settings.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "paths.h"	/* the Makefile's $(O)/gen/paths.h */
#include "peerdesk/core/xalloc.h"
#include "yamldoc.h"

const char settings_system_path[] = PEERDESK_SYSCONFDIR "/peerdesk/config.yaml";
const char settings_default_db[] = PEERDESK_STATEDIR "/peerdesk.db";

static const char *const settings_editors[] = { "own", "restricted", "off" };

static const char *const settings_days[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

void
settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->org_name = xstrdup("peerdesk");
	s->db_path = xstrdup(SETTINGS_DEFAULT_DB);
	s->week_start = 1;
	s->review_due_days = 28;
	s->review_overdue_days = 42;
	s->review_upcoming_days = 7;
	s->near_percent = 10;
	s->print_command = xstrdup("lp");
	s->editor = SETTINGS_EDITOR_OWN;
	s->pal_editor = SETTINGS_EDITOR_RESTRICTED;
	s->idle_lock_minutes = 10;
	s->mouse = true;
	s->holiday_pay = false;
	s->holiday_pay_rate = 1207;
	s->shared_accounts = NULL;
	s->n_shared_accounts = 0;
	s->supervision_due_weeks = 6;
	s->dbs_recheck_months = 36;
	s->dbs_recheck_months_update_service = 12;
	s->retention_years = 6;
	s->draft_autosave_seconds = 5;
	s->rules_file = NULL;
	s->file = NULL;
	s->origin = SETTINGS_FROM_DEFAULTS;
}

static void
settings_accounts_fini(struct settings *s)
{
	size_t i;

	for (i = 0; i < s->n_shared_accounts; i++)
		free(s->shared_accounts[i]);
	FREE(&s->shared_accounts);
	s->n_shared_accounts = 0;
}

void
settings_fini(struct settings *s)
{
	if (s == NULL)
		return;
	free(s->org_name);
	free(s->db_path);
	free(s->print_command);
	settings_accounts_fini(s);
	free(s->rules_file);
	free(s->file);
	memset(s, 0, sizeof *s);
}

const char *
settings_editor_name(enum settings_editor e)
{
	return (unsigned)e < 3 ? settings_editors[e] : "";
}

const char *
settings_day_name(int day)
{
	return day >= 1 && day <= 7 ? settings_days[day - 1] : "";
}

const char *
settings_origin_str(enum settings_origin o)
{
	switch (o) {
	case SETTINGS_FROM_OPTION:
		return "--config";
	case SETTINGS_FROM_ENV:
		return "PEERDESK_CONFIG";
	case SETTINGS_FROM_SYSTEM:
		return SETTINGS_SYSTEM_PATH;
	case SETTINGS_FROM_FILE:
		return "file";
	case SETTINGS_FROM_DEFAULTS:
		break;
	}
	return "built-in defaults";
}

bool
settings_is_shared_account(const struct settings *s, const char *login)
{
	size_t i;

	if (login == NULL)
		return false;
	for (i = 0; i < s->n_shared_accounts; i++)
		if (strcmp(s->shared_accounts[i], login) == 0)
			return true;
	return false;
}

/* Key handlers: each reads one value into the struct settings at dst. */

/* Like yamldoc_set_text, but empty or null means "not set". */
static enum pd_status
settings_set_optional_text(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	char **slot = (char **)((char *)dst + k->offset);

	if (yamldoc_is_null(val)) {
		FREE(slot);
		return PD_OK;
	}
	return yamldoc_set_text(yd, k, val, dst, err);
}

static enum pd_status
settings_set_day(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct settings *s = dst;
	char got[64];
	int i;

	if (val->type == YAML_SCALAR_NODE) {
		const char *v = (const char *)val->data.scalar.value;

		for (i = 0; i < 7; i++) {
			if (strcasecmp(v, settings_days[i]) == 0 ||
			    (strlen(v) == 3 &&
			    strncasecmp(v, settings_days[i], 3) == 0)) {
				s->week_start = i + 1;
				return PD_OK;
			}
		}
	}
	return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
	    "expected a day name such as monday, got %s",
	    yamldoc_describe(val, got, sizeof got));
}

/* One of settings_editors[k->min ..]: pal_editor may not be "own". */
static enum pd_status
settings_set_editor(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	enum settings_editor *slot =
	    (enum settings_editor *)(void *)((char *)dst + k->offset);
	char got[64];
	long i;

	if (val->type == YAML_SCALAR_NODE) {
		const char *v = (const char *)val->data.scalar.value;

		for (i = k->min; i <= k->max; i++) {
			if (strcasecmp(v, settings_editors[i]) == 0) {
				*slot = (enum settings_editor)i;
				return PD_OK;
			}
		}
	}
	if (k->min > 0)
		return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
		    "expected restricted or off (a PAL never gets their own "
		    "editor), got %s", yamldoc_describe(val, got, sizeof got));
	return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
	    "expected own, restricted or off, got %s",
	    yamldoc_describe(val, got, sizeof got));
}

static enum pd_status
settings_set_rate(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct settings *s = dst;
	enum pd_status st;
	char got[64];
	int64_t v;

	st = yamldoc_hundredths(yd, val, k->key,
	    "a percentage such as 12.07", &v, err);
	if (st != PD_OK)
		return st;
	if (v < k->min || v > k->max)
		return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
		    "expected a percentage from %ld.%02ld to %ld.%02ld, got %s",
		    k->min / 100, k->min % 100, k->max / 100, k->max % 100,
		    yamldoc_describe(val, got, sizeof got));
	s->holiday_pay_rate = (int)v;
	return PD_OK;
}

/* A Unix login: letters, digits, '.', '_', '-'; not starting with '-'. */
static bool
settings_login_ok(const char *v)
{
	size_t i, n = strlen(v);

	if (n == 0 || n > 32 || v[0] == '-')
		return false;
	for (i = 0; i < n; i++) {
		char c = v[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == '-'))
			return false;
	}
	return true;
}

struct settings_login {
	const char *v;
	size_t i;
};

static int
settings_login_cmp(const void *a, const void *b)
{
	const struct settings_login *x = a, *y = b;
	int c = strcmp(x->v, y->v);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Index of the first item (in file order) that repeats an earlier one,
 * or n: sorted once, so a long list costs n log n, not n squared. */
static size_t
settings_first_repeat(yaml_document_t *doc, const yaml_node_t *seq, size_t n)
{
	struct settings_login *v = xcalloc(n ? n : 1, sizeof *v);
	size_t i, first = n;

	for (i = 0; i < n; i++) {
		yaml_node_t *item = yaml_document_get_node(doc,
		    seq->data.sequence.items.start[i]);

		v[i].v = item != NULL && item->type == YAML_SCALAR_NODE ?
		    (const char *)item->data.scalar.value : "";
		v[i].i = i;
	}
	qsort(v, n, sizeof *v, settings_login_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(v[i - 1].v, v[i].v) == 0 && v[i].i < first)
			first = v[i].i;
	free(v);
	return first;
}

static enum pd_status
settings_set_accounts(struct yamldoc *yd, const struct yamldoc_key *k,
    yaml_node_t *val, void *dst, struct pd_err *err)
{
	struct settings *s = dst;
	yaml_node_item_t *it;
	char got[64];
	size_t n, repeat;

	if (yamldoc_is_null(val)) {
		settings_accounts_fini(s);
		return PD_OK;
	}
	if (val->type != YAML_SEQUENCE_NODE)
		return yamldoc_fail(yd, val, PD_CONFIG, k->key, err,
		    "expected a list of Unix logins such as [office], got %s",
		    yamldoc_describe(val, got, sizeof got));
	settings_accounts_fini(s);
	n = (size_t)(val->data.sequence.items.top -
	    val->data.sequence.items.start);
	repeat = settings_first_repeat(&yd->doc, val, n);
	s->shared_accounts = xcalloc(n ? n : 1, sizeof *s->shared_accounts);
	for (it = val->data.sequence.items.start;
	    it < val->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(&yd->doc, *it);
		const char *v = NULL;

		if (item == NULL || item->type != YAML_SCALAR_NODE ||
		    !settings_login_ok(v = (const char *)
		    item->data.scalar.value) ||
		    strlen(v) != item->data.scalar.length)
			return yamldoc_fail(yd, item, PD_CONFIG, k->key, err,
			    "expected a Unix login such as office, got %s",
			    yamldoc_describe(item, got, sizeof got));
		if ((size_t)(it - val->data.sequence.items.start) == repeat)
			return yamldoc_fail(yd, item, PD_CONFIG, k->key, err,
			    "'%s' is listed twice", v);
		s->shared_accounts[s->n_shared_accounts++] = xstrdup(v);
	}
	return PD_OK;
}

#define OFF(f) offsetof(struct settings, f)

/* Every key a settings file may hold; docs/configuration.md says what
 * each one means.  Keep the two in step. */
static const struct yamldoc_key settings_keys[] = {
	{ "organisation", yamldoc_set_text, OFF(org_name), 0, 0 },
	{ "database", yamldoc_set_text, OFF(db_path), 0, 0 },
	{ "week_start", settings_set_day, 0, 0, 0 },
	{ "review_due_days", yamldoc_set_int, OFF(review_due_days), 1, 365 },
	{ "review_overdue_days", yamldoc_set_int, OFF(review_overdue_days),
	  1, 366 },
	{ "review_upcoming_days", yamldoc_set_int,
	  OFF(review_upcoming_days), 0, 60 },
	{ "near_limit_percent", yamldoc_set_int, OFF(near_percent), 0, 50 },
	{ "print_command", yamldoc_set_text, OFF(print_command), 0, 0 },
	{ "editor", settings_set_editor, OFF(editor), SETTINGS_EDITOR_OWN,
	  SETTINGS_EDITOR_OFF },
	{ "pal_editor", settings_set_editor, OFF(pal_editor),
	  SETTINGS_EDITOR_RESTRICTED, SETTINGS_EDITOR_OFF },
	{ "mouse", yamldoc_set_bool, OFF(mouse), 0, 0 },
	{ "idle_lock_minutes", yamldoc_set_int, OFF(idle_lock_minutes),
	  1, 240 },
	{ "holiday_pay_rolled_up", yamldoc_set_bool, OFF(holiday_pay),
	  0, 0 },
	{ "holiday_pay_rate", settings_set_rate, 0, 1, 5000 },
	{ "shared_accounts", settings_set_accounts, 0, 0, 0 },
	{ "supervision_due_weeks", yamldoc_set_int,
	  OFF(supervision_due_weeks), 1, 52 },
	{ "dbs_recheck_months", yamldoc_set_int, OFF(dbs_recheck_months),
	  1, 120 },
	{ "dbs_recheck_months_update_service", yamldoc_set_int,
	  OFF(dbs_recheck_months_update_service), 1, 120 },
	{ "retention_years", yamldoc_set_int, OFF(retention_years), 1, 100 },
	{ "draft_autosave_seconds", yamldoc_set_int,
	  OFF(draft_autosave_seconds), 1, 300 },
	{ "rules_file", settings_set_optional_text, OFF(rules_file), 0, 0 },
	{ NULL, NULL, 0, 0, 0 }
};

#undef OFF

#define SETTINGS_NKEYS (sizeof settings_keys / sizeof settings_keys[0])

static size_t
settings_key_index(const char *key)
{
	size_t i;

	for (i = 0; settings_keys[i].key != NULL; i++)
		if (strcmp(settings_keys[i].key, key) == 0)
			return i;
	return 0;
}

/* Rules between keys, checked once every key has been read. */
static enum pd_status
settings_cross_check(struct yamldoc *yd, yaml_node_t **found,
    const struct settings *s, struct pd_err *err)
{
	yaml_node_t *due = found[settings_key_index("review_due_days")];
	yaml_node_t *over = found[settings_key_index("review_overdue_days")];

	if (s->review_overdue_days <= s->review_due_days) {
		if (over != NULL)
			return yamldoc_fail(yd, over, PD_CONFIG,
			    "review_overdue_days", err,
			    "expected more than review_due_days (%d), got %d",
			    s->review_due_days, s->review_overdue_days);
		return yamldoc_fail(yd, due, PD_CONFIG, "review_due_days", err,
		    "expected less than review_overdue_days (%d), got %d",
		    s->review_overdue_days, s->review_due_days);
	}
	return PD_OK;
}

/* Parse into *out (already holding defaults).  Nothing is copied back on
 * failure: the caller owns out and throws it away. */
static enum pd_status
settings_parse(const char *text, size_t len, const char *name,
    struct settings *out, struct pd_err *err)
{
	yaml_node_t *found[SETTINGS_NKEYS] = { NULL };
	struct yamldoc yd;
	yaml_node_t *root;
	enum pd_status st;

	st = yamldoc_load(&yd, text, len, name, err);
	if (st == PD_OK && (root = yamldoc_root(&yd)) != NULL) {
		st = yamldoc_map(&yd, root, settings_keys, out, "settings",
		    "setting", found, err);
		if (st == PD_OK)
			st = settings_cross_check(&yd, found, out, err);
	}
	yamldoc_fini(&yd);
	return st;
}

enum pd_status
settings_load_text(const char *text, size_t len, const char *name,
    struct settings *s, struct pd_err *err)
{
	struct settings tmp;
	enum pd_status st;

	settings_defaults(&tmp);
	st = settings_parse(text, len, name ? name : "settings", &tmp, err);
	if (st != PD_OK) {
		settings_fini(&tmp);
		settings_defaults(s);
		return st;
	}
	*s = tmp;
	return PD_OK;
}

enum pd_status
settings_load_file(const char *path, struct settings *s, struct pd_err *err)
{
	const char *slash;
	enum pd_status st;
	char *text;
	size_t len;

	st = yamldoc_read_file(path, &text, &len, err);
	if (st != PD_OK) {
		settings_defaults(s);
		return st;
	}
	st = settings_load_text(text, len, path, s, err);
	free(text);
	if (st != PD_OK)
		return st;
	/* A relative rules_file is next to the settings file. */
	slash = strrchr(path, '/');
	if (s->rules_file != NULL && s->rules_file[0] != '/' &&
	    slash != NULL) {
		char *full = xasprintf("%.*s/%s", (int)(slash - path), path,
		    s->rules_file);

		free(s->rules_file);
		s->rules_file = full;
	}
	s->file = xstrdup(path);
	s->origin = SETTINGS_FROM_FILE;
	return PD_OK;
}

enum pd_status
settings_resolve_with(const char *cli_path, const char *env_path,
    const char *system_path, struct settings *s, struct pd_err *err)
{
	struct stat sb;
	enum settings_origin origin;
	const char *path;
	enum pd_status st;

	if (cli_path != NULL) {
		if (cli_path[0] == '\0') {
			settings_defaults(s);
			return pd_fail(err, PD_CONFIG, "--config",
			    "--config needs the name of a settings file");
		}
		path = cli_path;
		origin = SETTINGS_FROM_OPTION;
	} else if (env_path != NULL && env_path[0] != '\0') {
		path = env_path;
		origin = SETTINGS_FROM_ENV;
	} else if (system_path != NULL && stat(system_path, &sb) == 0) {
		path = system_path;
		origin = SETTINGS_FROM_SYSTEM;
	} else {
		settings_defaults(s);
		return PD_OK;
	}
	st = settings_load_file(path, s, err);
	if (st == PD_OK)
		s->origin = origin;
	return st;
}

enum pd_status
settings_resolve(const char *cli_path, const char *env_path,
    struct settings *s, struct pd_err *err)
{
	return settings_resolve_with(cli_path, env_path, SETTINGS_SYSTEM_PATH,
	    s, err);
}
