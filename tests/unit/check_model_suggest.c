/* Tier 1: model/suggest - ranking PALs for a client, and the reasons. */
#include <string.h>

#include "support/testlib.h"
#include "peerdesk/model/suggest.h"
#include "peerdesk/core/utf8.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- word lists -------------------------------------------------------- */

static const struct {
	const char *a, *b;
	int shared;
	const char *shown;
} shared_cases[] = {
	{ "walking", "walks", 1, "walking" },
	{ "walking, music", "Walks, music and films", 1, "walking, music" },
	{ "Walking", "WALKING", 1, "Walking" },
	{ "board games", "video games", 0, "" },
	{ "the Thursday walking group", "walking", 1, "walking" },
	{ "art", "smart phones", 0, "" },
	{ "art", "arts and crafts", 1, "art" },
	{ "cycling", "cycle rides", 1, "cycling" },
	{ "gardening and cooking", "cook; garden", 1, "gardening, cooking" },
	{ "swimming", "swim", 1, "swimming" },
	{ "knitting", "knit", 1, "knitting" },
	{ "dancing", "dance", 1, "dancing" },
	{ "music", "", 0, "" },
	{ "music", NULL, 0, "" },
	{ NULL, "music", 0, "" },
	{ "a, the, and", "the and a", 0, "" },
	{ "films / reading", "reading\nfilms", 1, "films, reading" },
	{ "fishing", "fish", 1, "fishing" },
	{ "music, music", "music", 1, "music" },
};

START_TEST(test_shared)
{
	char buf[128];
	int r = suggest_shared(shared_cases[_i].a, shared_cases[_i].b, buf,
	    sizeof buf);

	ck_assert_msg(r == shared_cases[_i].shared, "%s / %s: %d",
	    shared_cases[_i].a, shared_cases[_i].b, r);
	ck_assert_str_eq(buf, shared_cases[_i].shown);
}
END_TEST

static const struct {
	const char *pref;
	const char *want;
} gender_cases[] = {
	{ "a male PAL", "male" },
	{ "A MALE pal please", "male" },
	{ "a man", "male" },
	{ "a female PAL", "female" },
	{ "female PAL please", "female" },
	{ "a woman, someone calm", "female" },
	{ "no preference", NULL },
	{ "", NULL },
	{ NULL, NULL },
	{ "a male or female PAL", NULL },
	{ "someone who likes walking", NULL },
	{ "Manchester United fan", NULL },
	{ "a non-binary PAL", NULL },
};

START_TEST(test_wanted_gender)
{
	const char *g = suggest_wanted_gender(gender_cases[_i].pref);

	if (gender_cases[_i].want == NULL)
		ck_assert_msg(g == NULL, "%s: %s", gender_cases[_i].pref, g);
	else
		ck_assert_str_eq(g, gender_cases[_i].want);
}
END_TEST

/* ---- one PAL at a time: the reasons ----------------------------------- */

static struct suggest_pal
pal(const char *name)
{
	struct suggest_pal p;

	memset(&p, 0, sizeof p);
	p.pal_id = 1;
	p.name = name;
	p.max_clients = 5;
	p.caseload = 2;
	p.minutes_left = -1;
	p.pence_left = -1;
	return p;
}

/* Does s have reason text (good or against as said)? */
static int
has_reason(const struct suggestion *s, int good, const char *text)
{
	int i;

	for (i = 0; i < s->nreasons; i++)
		if (s->reasons[i].good == good &&
		    strcmp(s->reasons[i].text, text) == 0)
			return 1;
	return 0;
}

static void
dump(const struct suggestion *s, char *buf, size_t n)
{
	suggest_reasons_text(s, buf, n);
}

struct reason_case {
	const char *what;
	struct suggest_client c;
	const char *gender, *interests, *skills, *experience, *languages;
	int good;
	const char *reason;
};

static const struct reason_case reason_cases[] = {
	{ "interests", { NULL, "walking, music", NULL }, NULL,
	  "Walks, music and films", NULL, NULL, NULL, 1,
	  "shares: walking, music" },
	{ "male asked, male PAL", { "a male PAL", NULL, NULL }, "male",
	  NULL, NULL, NULL, NULL, 1, "you asked for a male PAL" },
	{ "male asked, Male PAL", { "Would like a man", NULL, NULL }, "Male",
	  NULL, NULL, NULL, NULL, 1, "you asked for a male PAL" },
	{ "male asked, female PAL", { "a male PAL", NULL, NULL }, "female",
	  NULL, NULL, NULL, NULL, 0, "not a male PAL, which you asked for" },
	{ "female asked, female PAL", { "female PAL please", NULL, NULL },
	  "female", NULL, NULL, NULL, NULL, 1, "you asked for a female PAL" },
	{ "male asked, gender unsaid", { "a male PAL", NULL, NULL }, NULL,
	  NULL, NULL, NULL, NULL, 0,
	  "has not said their gender; you asked for a male PAL" },
	{ "language", { "someone who speaks Polish", NULL, NULL }, NULL,
	  NULL, NULL, NULL, "English, Polish", 1, "speaks Polish, as you asked" },
	{ "language after", { "a Polish-speaking PAL", NULL, NULL }, NULL,
	  NULL, NULL, NULL, "English, Polish", 1, "speaks Polish, as you asked" },
	{ "language missing", { "someone who speaks Polish", NULL, NULL },
	  NULL, NULL, NULL, NULL, "English, Welsh", 0,
	  "no Polish listed, which you asked for" },
	{ "BSL", { "uses BSL", NULL, NULL }, NULL, NULL, NULL, NULL,
	  "English, British Sign Language", 1,
	  "speaks sign language, as you asked" },
	{ "skills", { NULL, NULL, "cooking, using the bus" }, NULL, NULL,
	  NULL, "Used to be a chef; loves cooking for people.", NULL, 1,
	  "can help you learn: cooking" },
	{ "skills from the skills list", { NULL, NULL, "computers" }, NULL,
	  NULL, "computers, CVs", NULL, NULL, 1,
	  "can help you learn: computers" },
	{ "preference words", { "someone who likes walking", NULL, NULL },
	  NULL, "walking, art", NULL, NULL, NULL, 1, "as you asked: walking" },
	{ "similar experience", { "someone who knows anxiety", NULL, NULL },
	  NULL, NULL, NULL, NULL, NULL, 1, "as you asked: anxiety" },
};

START_TEST(test_reasons)
{
	const struct reason_case *rc = &reason_cases[_i];
	struct suggest_pal p = pal("Tom Hughes");
	struct suggestion s;
	char buf[600];

	p.gender = rc->gender;
	p.interests = rc->interests;
	p.skills = rc->skills;
	p.work_experience = rc->experience;
	p.languages = rc->languages;
	if (strcmp(rc->what, "similar experience") == 0)
		p.my_story = "I have lived with anxiety for most of my life.";
	suggest_rank(&rc->c, &p, 1, &s);
	dump(&s, buf, sizeof buf);
	ck_assert_msg(has_reason(&s, rc->good, rc->reason), "%s: got \"%s\"",
	    rc->what, buf);
}
END_TEST

/* Capacity: caseload against the limit, room this week. */
struct room_case {
	const char *what;
	int caseload, max_clients, has_limit, minutes_left;
	int64_t pence_left, rate;
	int week_minutes;
	int has_room, good;
	const char *reason;
	int room_minutes;
};

static const struct room_case room_cases[] = {
	{ "clients of max", 4, 5, 0, -1, -1, 1271, 300, 1, 1,
	  "has 4 of 5 clients", -1 },
	{ "full caseload", 5, 5, 0, -1, -1, 1271, 300, 0, 0,
	  "full: has 5 of 5 clients", -1 },
	{ "over the caseload", 6, 5, 0, -1, -1, 1271, 300, 0, 0,
	  "full: has 6 of 5 clients", -1 },
	{ "no client limit", 3, -1, 0, -1, -1, 1271, 300, 1, 1,
	  "has 3 clients", -1 },
	{ "one client", 1, -1, 0, -1, -1, 1271, 300, 1, 1, "has 1 client", -1 },
	{ "no benefit limit", 2, 5, 0, -1, -1, 1271, 300, 1, 1,
	  "this week so far: 5h", -1 },
	{ "permitted work room", 2, 5, 1, 375, 7940, 1271, 500, 1, 1,
	  "room this week: 6h 15m, £79.40", 374 },
	{ "pay limit only", 2, 5, 1, -1, 7940, 1270, 500, 1, 1,
	  "room this week: £79.40", 375 },
	{ "pay limit, no rate", 2, 5, 1, -1, 7940, 0, 500, 1, 1,
	  "room this week: £79.40", -1 },
	{ "no hours left", 2, 5, 1, 0, 7940, 1271, 959, 0, 0,
	  "no room left this week", 0 },
	{ "no pay left", 2, 5, 1, 300, 0, 1271, 600, 0, 0,
	  "no room left this week", 0 },
	{ "little room", 2, 5, 1, 45, 950, 1271, 900, 1, 0,
	  "little room this week: 45m, £9.50", 44 },
	{ "little room by pay", 2, 5, 1, 600, 1000, 1271, 200, 1, 0,
	  "little room this week: 10h, £10.00", 47 },
	{ "a limit with no figures", 2, 5, 1, -1, -1, 1271, 90, 1, 1,
	  "this week so far: 1h 30m", -1 },
};

START_TEST(test_room)
{
	const struct room_case *rc = &room_cases[_i];
	struct suggest_pal p = pal("Jo Bennett");
	struct suggestion s;
	char buf[600];

	p.caseload = rc->caseload;
	p.max_clients = rc->max_clients;
	p.has_limit = rc->has_limit;
	p.minutes_left = rc->minutes_left;
	p.pence_left = rc->pence_left;
	p.rate_pence = rc->rate;
	p.week_minutes = rc->week_minutes;
	suggest_rank(NULL, &p, 1, &s);
	dump(&s, buf, sizeof buf);
	ck_assert_msg(s.has_room == rc->has_room, "%s: room %d", rc->what,
	    s.has_room);
	ck_assert_msg(has_reason(&s, rc->good, rc->reason), "%s: got \"%s\"",
	    rc->what, buf);
	ck_assert_msg(s.room_minutes == rc->room_minutes, "%s: %d minutes",
	    rc->what, s.room_minutes);
}
END_TEST

/* ---- ranking ----------------------------------------------------------- */

START_TEST(test_rank_matches)
{
	struct suggest_client c = { "a male PAL", "walking, music", NULL };
	struct suggest_pal p[4];
	struct suggestion s[4];

	p[0] = pal("Aisha Khan");	/* shares walking; not male */
	p[0].gender = "female";
	p[0].interests = "walking";
	p[1] = pal("Marcus Lee");	/* male, shares both */
	p[1].gender = "male";
	p[1].interests = "music, walking";
	p[1].pal_id = 2;
	p[2] = pal("Tom Hughes");	/* male, nothing shared */
	p[2].gender = "male";
	p[2].pal_id = 3;
	p[3] = pal("Dan Price");	/* male, shares music */
	p[3].gender = "male";
	p[3].interests = "music";
	p[3].pal_id = 4;
	suggest_rank(&c, p, 4, s);
	ck_assert_int_eq(s[0].pal_id, 2);
	ck_assert_int_eq(s[1].pal_id, 4);
	ck_assert_int_eq(s[2].pal_id, 3);
	ck_assert_int_eq(s[3].pal_id, 1);
	ck_assert_int_gt(s[0].score, s[1].score);
	ck_assert_int_gt(s[1].score, s[2].score);
	ck_assert_int_gt(s[2].score, s[3].score);
	ck_assert_uint_eq(s[3].index, 0);
}
END_TEST

/* A PAL with no room ranks below every PAL with room, however well the
 * rest fits. */
START_TEST(test_rank_capacity)
{
	struct suggest_client c = { "a male PAL", "walking, music, art",
	    NULL };
	struct suggest_pal p[4];
	struct suggestion s[4];
	char buf[600];

	p[0] = pal("Marcus Lee");	/* perfect, but no room this week */
	p[0].gender = "male";
	p[0].interests = "walking, music, art";
	p[0].has_limit = 1;
	p[0].minutes_left = 0;
	p[0].pence_left = 1200;
	p[0].rate_pence = 1271;
	p[1] = pal("Owen Jones");	/* nothing shared, plenty of room */
	p[1].pal_id = 2;
	p[1].caseload = 0;
	p[2] = pal("Raj Patel");	/* male, walking, full caseload */
	p[2].pal_id = 3;
	p[2].gender = "male";
	p[2].interests = "walking";
	p[2].caseload = 5;
	p[3] = pal("Kev Turner");	/* male, little room */
	p[3].pal_id = 4;
	p[3].gender = "male";
	p[3].has_limit = 1;
	p[3].minutes_left = 60;
	p[3].pence_left = 1271;
	p[3].rate_pence = 1271;
	suggest_rank(&c, p, 4, s);
	ck_assert_int_eq(s[0].pal_id, 4);	/* little room is still room */
	ck_assert_int_eq(s[1].pal_id, 2);
	ck_assert_int_eq(s[2].pal_id, 1);	/* best fit, but no room */
	ck_assert_int_eq(s[3].pal_id, 3);
	ck_assert(s[0].has_room && s[1].has_room);
	ck_assert(!s[2].has_room && !s[3].has_room);
	ck_assert_int_gt(s[2].score, s[0].score);
	suggest_reasons_text(&s[2], buf, sizeof buf);
	ck_assert_str_eq(buf, "shares: walking, music, art; you asked for a "
	    "male PAL; has 2 of 5 clients; but no room left this week");
}
END_TEST

/* More free places and fewer clients break ties; then the name. */
START_TEST(test_rank_ties)
{
	struct suggest_pal p[3];
	struct suggestion s[3];

	p[0] = pal("Beth Clarke");
	p[0].caseload = 4;
	p[1] = pal("Amy Allen");
	p[1].pal_id = 2;
	p[1].caseload = 4;
	p[2] = pal("Zoe Young");
	p[2].pal_id = 3;
	p[2].caseload = 1;
	suggest_rank(NULL, p, 3, s);
	ck_assert_int_eq(s[0].pal_id, 3);
	ck_assert_int_eq(s[1].pal_id, 2);
	ck_assert_int_eq(s[2].pal_id, 1);
}
END_TEST

START_TEST(test_changed_from)
{
	struct suggest_client c = { NULL, "music", NULL };
	struct suggest_pal p[2];
	struct suggestion s[2];

	p[0] = pal("Marcus Lee");
	p[0].interests = "music";
	memcpy(p[0].changed_from_on, "2026-12-20", 11);
	p[1] = pal("Owen Jones");
	p[1].pal_id = 2;
	suggest_rank(&c, p, 2, s);
	ck_assert_int_eq(s[0].pal_id, 2);
	ck_assert(has_reason(&s[1], 0,
	    "you changed from this PAL on 2026-12-20"));
}
END_TEST

START_TEST(test_empty)
{
	struct suggestion s[1];

	suggest_rank(NULL, NULL, 0, s);
	ck_assert(1);
}
END_TEST

/* Long text is cut at a character boundary, never mid-character. */
START_TEST(test_cut_utf8)
{
	struct suggest_client c = { NULL,
	    "ééééééééééééééééééééééééééééééé, çççççççççççççççççççççççççç", NULL };
	struct suggest_pal p = pal("Siobhán Ó Briain");
	struct suggestion s;
	char buf[40];
	int i;

	p.interests = c.interests;
	suggest_rank(&c, &p, 1, &s);
	for (i = 0; i < s.nreasons; i++)
		ck_assert(utf8_valid(s.reasons[i].text,
		    strlen(s.reasons[i].text)));
	ck_assert(has_reason(&s, 1, "has 2 of 5 clients"));
	suggest_reasons_text(&s, buf, sizeof buf);
	ck_assert(utf8_valid(buf, strlen(buf)));
	ck_assert_uint_lt(strlen(buf), sizeof buf);
	ck_assert_uint_gt(strlen(buf), 20);
}
END_TEST

static Suite *
suggest_suite(void)
{
	Suite *s = suite_create("model_suggest");
	TCase *t = tcase_create("suggest");

	tcase_add_loop_test(t, test_shared, 0, N(shared_cases));
	tcase_add_loop_test(t, test_wanted_gender, 0, N(gender_cases));
	tcase_add_loop_test(t, test_reasons, 0, N(reason_cases));
	tcase_add_loop_test(t, test_room, 0, N(room_cases));
	tcase_add_test(t, test_rank_matches);
	tcase_add_test(t, test_rank_capacity);
	tcase_add_test(t, test_rank_ties);
	tcase_add_test(t, test_changed_from);
	tcase_add_test(t, test_empty);
	tcase_add_test(t, test_cut_utf8);
	suite_add_tcase(s, t);
	return s;
}

PD_TEST_MAIN(suggest_suite)
