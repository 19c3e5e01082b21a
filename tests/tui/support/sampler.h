/* sampler.h - demo screens that exercise the framework.
 *
 * Used by the screen tests (tests/tui/check_screens.c) and as worked
 * examples in docs/tui.md.  Nothing in the app links to them; they need
 * no database: the list invents its rows.
 */
#ifndef PEERDESK_TESTS_SAMPLER_H
#define PEERDESK_TESTS_SAMPLER_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/tui/screen.h"

/* The record behind the sampler form: one of every field kind. */
struct sampler_record {
	char *name;
	char date[11];
	int place;
	int people;
	int64_t fee;
	int minutes;
	char *notes;
	char *follow_up;
};

/* A form with every field kind.  Saving the name "Taken" fails with an
 * error for the name field, as the app layer would report it. */
extern const struct screen_ops sampler_form_screen;

/* A list of SAMPLER_ROWS invented people, paged and filterable; Enter
 * opens the sampler form. */
extern const struct screen_ops sampler_list_screen;

/* The same list, declared as needing 80x24 (an office screen). */
extern const struct screen_ops sampler_office_screen;

#define SAMPLER_ROWS 500

/* What the sampler's model was asked for, and what the form saved. */
struct sampler_stats {
	size_t counts;		/* count() calls */
	size_t fetches;		/* fetch() calls */
	size_t largest_fetch;	/* most rows asked for at once */
	size_t saves;		/* successful form saves */
	char last_filter[64];
	struct sampler_record last_saved;	/* strings owned here */
};

const struct sampler_stats *sampler_stats(void);

/* Forget the statistics (and the last saved record). */
void sampler_reset(void);

#endif
