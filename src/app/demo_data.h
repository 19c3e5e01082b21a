/* demo_data.h - word lists for the demo organisation (private to app/).
 * All names are invented; phone numbers are in Ofcom's drama range. */
#ifndef PEERDESK_APP_DEMO_DATA_H
#define PEERDESK_APP_DEMO_DATA_H

#include "peerdesk/core/xalloc.h"	/* NELEM */

/* The first PALs of the small demo, in this order: Jo is on permitted
 * work with four clients (JOURNEYS.md). */
static const struct demo_pal_seed {
	const char *first, *last, *gender, *rule;
} demo_pal_seeds[] = {
	{ "Jo", "Bennett", "female", "permitted" },
	{ "Marcus", "Lee", "male", "supported" },
	{ "Grace", "Okafor", "female", "uc" },
	{ "Aisha", "Khan", "female", "permitted" },
	{ "Tom", "Hughes", "male", "permitted" },
	{ "Dan", "Price", "male", "permitted" },
	{ "Leah", "Murphy", "female", "permitted" },
	{ "Raj", "Patel", "male", "permitted" },
	{ "Chloe", "Evans", "female", "lower" },
	{ "Kev", "Turner", "male", "permitted" },
	{ "Nadia", "Ali", "female", "permitted" },
	{ "Owen", "Jones", "male", "none" },
	{ "Femi", "Adeyemi", "male", "permitted" },
	{ "Beth", "Clarke", "female", "permitted" },
	{ "Liam", "Walsh", "male", "lower" },
	{ "Megan", "Reid", "female", "permitted" },
	{ "Ian", "Scott", "male", "none" },
	{ "Rosa", "Silva", "female", "permitted" },
};

static const char *const demo_first_f[] = {
	"Amy", "Bea", "Cara", "Dina", "Ella", "Fay", "Gemma", "Hana", "Isla",
	"Jade", "Kim", "Lucy", "Mia", "Nell", "Olive", "Pam", "Ruth", "Sian",
	"Tess", "Una", "Vera", "Wendy", "Yasmin", "Zoë", "Maria", "Joan",
	"Sofia", "Ingrid", "Siobhán", "Agnieszka",
};
static const char *const demo_first_m[] = {
	"Adam", "Ben", "Carl", "Dev", "Eddie", "Frank", "Gary", "Harry", "Ivan",
	"Jack", "Kofi", "Luke", "Mo", "Nick", "Ollie", "Pete", "Ray", "Stan",
	"Terry", "Vic", "Will", "Yusuf", "Zak", "José", "Tomasz", "Ciarán",
	"Arjun", "Kwame", "Seán", "Jamal",
};
static const char *const demo_last[] = {
	"Allen", "Baker", "Carter", "Davies", "Edwards", "Fisher", "Green",
	"Harris", "Irwin", "Jackson", "King", "Lewis", "Mason", "Noble",
	"O'Brien", "Parker", "Quinn", "Roberts", "Shaw", "Taylor", "Usher",
	"Vaughan", "Ward", "Young", "Nowak", "Ahmed", "Chowdhury", "Mensah",
	"Kowalski", "Ó Briain", "Hall", "Wood", "Byrne", "Hussain",
};

static const char *const demo_interests[] = {
	"walking", "gardening", "football", "music", "cooking", "art",
	"fishing", "reading", "films", "cycling", "photography", "knitting",
	"computers", "board games", "swimming", "history", "animals",
	"singing", "woodwork", "yoga",
};

static const char *const demo_languages[] = {
	"English", "English, Polish", "English, Urdu", "English, Welsh",
	"English, Spanish", "English, British Sign Language",
	"English, Yoruba", "English, Irish",
};

static const char *const demo_experience[] = {
	"Worked in retail for ten years before becoming a PAL.",
	"Used to be a chef; loves showing people simple recipes.",
	"Spent years as a carer for a parent.",
	"Former bus driver who knows every route in town.",
	"Trained as a gardener and volunteers at the allotments.",
	"Worked in an office, now studying counselling part-time.",
	"Ran a market stall selling second-hand books.",
	"Used to work in a warehouse; coaches the Sunday football team.",
};

static const char *const demo_story[] = {
	"I know what it is like to feel stuck at home; walking helped me.",
	"I have lived with anxiety for most of my life and found my way back to work.",
	"Recovery College courses gave me confidence; happy to talk about them.",
	"I had a long stay in hospital years ago. I like to say: it gets better.",
	"I am open about my depression and how music keeps me going.",
	"Happy to share how I rebuilt friendships after a hard few years.",
};

static const char *const demo_preferences[] = {
	"a male PAL", "a female PAL", "someone who likes walking",
	"someone who speaks Polish", "someone calm and patient",
	"someone who likes football", "an older PAL", "no preference",
	"someone who can help with cooking", "a PAL who likes art",
};

static const char *const demo_referrer_org[] = {
	"Riverside Council adult social care", "Community Mental Health Team",
	"Hill Street Surgery", "Recovery College", "Self-referral",
	"Riverside Housing", "Carers' Centre",
};

static const char *const demo_referrer_name[] = {
	"Kate Morris (social worker)", "Dr Ahmed", "Paul Grant (care coordinator)",
	"Lisa Wong (social worker)", "Mandy Bell (support worker)",
	"Chris Dale (nurse)",
};

static const char *const demo_streets[] = {
	"Mill Lane", "Station Road", "Church Street", "Park View", "Canal Walk",
	"High Street", "Orchard Close", "Riverside Court", "Bridge Street",
};

static const char *const demo_did[] = {
	"Walked by the river and talked about the week.",
	"Went to the café and planned the shopping together.",
	"Caught the bus into town to look at the library.",
	"Cooked a simple pasta dish at home.",
	"Phone call: talked through a worrying letter.",
	"Went to the allotment and planted beans.",
	"Visited the Recovery College open day.",
	"Practised the route to the new GP surgery.",
	"Looked at volunteering ads online together.",
	"Tidied the kitchen and sorted post.",
	"Went to the walking group together.",
	"Had a coffee and talked about family.",
};

static const char *const demo_went_well[] = {
	"Chatted the whole way and laughed a lot.",
	"Made the phone call without help.",
	"Felt calmer by the end.",
	"Chose what to do today.",
	"Said it was the best week for a while.",
	"Found the bus easy this time.",
	"Tried something new.",
	"",
};

static const char *const demo_follow_up[] = {
	"", "", "", "Ask about the housing letter next week.",
	"Find the walking group times.", "Check the course start date.",
	"", "Remind about the GP appointment on Friday.",
};

static const struct demo_goal_seed {
	const char *area, *title, *detail;
} demo_goals[] = {
	{ "connect", "Go to the Thursday walking group",
	  "Go at least twice a month, with my PAL at first." },
	{ "connect", "Ring my sister every Sunday", "A short call each week." },
	{ "be_active", "Walk to the park three times a week",
	  "Twenty minutes each time; more when I feel like it." },
	{ "be_active", "Try the free swim session", "Once a week by the spring." },
	{ "take_notice", "Keep a small diary of good moments",
	  "Write one line each evening." },
	{ "take_notice", "Sit in the garden with my morning tea",
	  "Notice the birds for five minutes." },
	{ "learn", "A Recovery College course",
	  "Sign up for one course this term and go to most sessions." },
	{ "learn", "Learn to cook three new meals", "One new recipe a month." },
	{ "give", "Help at the café once a week", "Wash up or serve on Fridays." },
	{ "give", "Volunteer at the food bank", "One morning a fortnight." },
};

static const char *const demo_ambitions[] = {
	"I want to get out of the house more and make a friend or two.",
	"I would like to feel confident using the bus on my own.",
	"One day I want to go back to work, maybe in a garden centre.",
	"I want to cook proper meals again and have people round.",
	"I would like to sleep better and feel less on edge.",
	"I want to go to college and learn something new.",
};

static const char *const demo_keeps_well[] = {
	"Music, my cat, a walk first thing, texting my brother.",
	"Routine: breakfast at eight, a shower, getting dressed.",
	"Being outdoors, my allotment, a good film on Fridays.",
	"Talking to someone who listens; writing things down.",
};

static const char *const demo_triggers[] = {
	"Letters from the council; crowded shops; not sleeping.",
	"Money worries and loud neighbours.",
	"Anniversaries, especially in winter; being on my own all day.",
	"Being rushed; people shouting.",
};

static const char *const demo_warning_signs[] = {
	"I stop answering the phone and stay in bed.",
	"I stop eating properly and pace at night.",
	"I get snappy and stop going to the café.",
};

#endif
