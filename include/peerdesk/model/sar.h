/* sar.h - everything held about one client, for a subject access
 * request: plain sections of records of named text fields.
 *
 * src/db/privacy.c fills a bundle in one read transaction; the YAML
 * (config/sar_yaml.h) and the PDF (report/sar_pdf.h) render it.  Keys
 * are snake_case ("went_well"); sar_label() makes them words.
 */
#ifndef PEERDESK_MODEL_SAR_H
#define PEERDESK_MODEL_SAR_H

#include <stddef.h>
#include <stdint.h>

struct sar_field {
	char *key;		/* column name, snake_case */
	char *value;		/* text as held; never NULL (empty fields
				 * are left out) */
};

struct sar_record {
	char *title;		/* a plain heading, e.g. "Your plan,
				 * version 3, saved by Dee Walsh on ..." */
	struct sar_field *fields;
	size_t n, cap;
};

struct sar_section {
	char *key;		/* "sessions" */
	char *title;		/* "Sessions with your PAL" */
	struct sar_record *recs;
	size_t n, cap;
};

struct sar_bundle {
	int64_t client_id;
	char *client_name;
	char made_on[11];	/* the day it was made, YYYY-MM-DD */
	char *org_name;		/* who holds the data */
	struct sar_section *sections;
	size_t n, cap;
};

/* Append an empty section / record / field and return it (copies of the
 * strings; title may be NULL). */
struct sar_section *sar_add_section(struct sar_bundle *b, const char *key,
    const char *title);
struct sar_record *sar_add_record(struct sar_section *s, const char *title);
void sar_add_field(struct sar_record *r, const char *key, const char *value);

/* The section with that key, or NULL. */
const struct sar_section *sar_find(const struct sar_bundle *b,
    const char *key);

/* "went_well" -> "Went well" into buf (cut to fit); returns buf. */
char *sar_label(const char *key, char *buf, size_t n);

/* One walk over a bundle for every renderer (the YAML and the PDF), so
 * they show the same sections, records and fields in the same order
 * under the same headings.  Any callback may be NULL; one returning 0
 * stops the walk. */
struct sar_walker {
	int (*section)(void *ctx, const struct sar_section *s);
	/* heading: the record's title, else its section's */
	int (*record)(void *ctx, const struct sar_record *r,
	    const char *heading);
	int (*field)(void *ctx, const struct sar_field *f);
	int (*record_end)(void *ctx, const struct sar_record *r);
	int (*section_end)(void *ctx, const struct sar_section *s);
};

/* Walk b in order with w; 1 when it went to the end, 0 when a callback
 * stopped it. */
int sar_walk(const struct sar_bundle *b, const struct sar_walker *w,
    void *ctx);

/* Free what b owns; it is then all zeros.  NULL allowed. */
void sar_bundle_fini(struct sar_bundle *b);

#endif
