/* plandoc.h - a client's whole Wellness and Safety Plan in one struct
 * (what the editor, the client's copy and the YAML file carry), the
 * table of its text sections, and the PAL's Wellness and Development
 * Plan.
 *
 * Pure data: no I/O.  Strings are UTF-8 owned by the struct (NULL = not
 * written), freed by the matching *_fini().
 */
#ifndef PEERDESK_MODEL_PLANDOC_H
#define PEERDESK_MODEL_PLANDOC_H

#include <stddef.h>
#include <stdint.h>

#include "peerdesk/model/plan.h"

/* ---- the text sections (1-7) of the client's plan --------------------- */

#define PLAN_NFIELDS 14		/* text fields of struct plan_sections,
				 * not counting the version note */

struct plan_field {
	const char *key;	/* "keeps_me_well": YAML key, db column */
	int section;		/* 1-7, as in PRODUCT.md */
	const char *heading;	/* the section's heading, on its first
				 * field only (else NULL) */
	const char *label;	/* the field, in the client's own voice */
	const char *hint;	/* a line of help for whoever writes it */
	size_t offset;		/* in struct plan_sections */
};

/* The fields in section order. */
extern const struct plan_field plan_fields[PLAN_NFIELDS];

/* The text of field i of s (borrowed; NULL when empty or i out of
 * range). */
const char *plan_field_get(const struct plan_sections *s, size_t i);

/* Replace field i of s with a copy of text (NULL or "" empties it). */
void plan_field_set(struct plan_sections *s, size_t i, const char *text);

/* Index of the field called key, or -1. */
int plan_field_find(const char *key);

/* A deep copy of src into *dst (dst is overwritten, not freed). */
void plan_sections_copy(struct plan_sections *dst,
    const struct plan_sections *src);

/* The heading of section 1-9 ("What keeps me well", "My Five Ways to
 * Wellbeing goals", "My notes"); "?" out of range. */
const char *plan_section_heading(int section);

/* ---- the whole plan ------------------------------------------------- */

struct plan_doc_goal {
	struct plan_goal goal;
	struct goal_step *steps;	/* by position */
	size_t n_steps;
	struct goal_score *scores;	/* oldest first */
	size_t n_scores;
	int line;		/* where it starts in a file read, else 0 */
	char *group_name;	/* the group goal.group_id names, for the
				 * client's copy; NULL when none or not
				 * looked up */
	int *step_line;		/* per step, as line (NULL when none) */
	int *score_line;	/* per score */
};

struct plan_doc {
	int64_t client_id;
	char *client_name;
	struct plan_info info;
	struct plan_sections sections;	/* the current version (version_no
					 * 0 when nothing is saved yet) */
	char *saved_by_name;		/* who saved the current version */
	char *established_by_name;
	struct plan_doc_goal *goals;	/* ambitions first, then the Five
					 * Ways in order */
	size_t n_goals;
	struct plan_note *notes;	/* by date written */
	size_t n_notes;
	int *note_line;
	int sections_line;		/* file positions, 0 when none */
	int version_line;
};

void plan_doc_init(struct plan_doc *d);
void plan_doc_fini(struct plan_doc *d);
/* Free what a goal holds (its goal, steps, scores) and zero it. */
void plan_doc_goal_fini(struct plan_doc_goal *g);

/* Append a zeroed goal (whose strings the caller fills) and return it;
 * the pointer is valid until the next plan_doc_add_goal. */
struct plan_doc_goal *plan_doc_add_goal(struct plan_doc *d);

/* Append a copy of step / score / note (strings copied; line as given). */
void plan_doc_goal_add_step(struct plan_doc_goal *g,
    const struct goal_step *s, int line);
void plan_doc_goal_add_score(struct plan_doc_goal *g,
    const struct goal_score *s, int line);
void plan_doc_add_note(struct plan_doc *d, const struct plan_note *n,
    int line);

/* Deep copies of a goal record and a step (dst overwritten). */
void plan_goal_copy(struct plan_goal *dst, const struct plan_goal *src);
void goal_step_copy(struct goal_step *dst, const struct goal_step *src);

/* The goal with this id in d, or NULL. */
struct plan_doc_goal *plan_doc_goal_by_id(const struct plan_doc *d,
    int64_t id);

/* ---- the PAL's Wellness and Development Plan ------------------------- */

#define PAL_PLAN_NFIELDS 7

struct pal_plan {
	int64_t pal_id;
	int version_no;		/* 0 = nothing saved yet */
	char *aspirations;
	char *other_commitments;
	char *struggling_signs;	/* how I will know I am struggling */
	char *my_actions;	/* what I will do */
	char *manager_actions;	/* what the Operations Manager can do */
	char *adjustments;	/* reasonable adjustments agreed */
	char *career_development;
	int64_t saved_by;
	char *saved_by_name;	/* read only: filled by reads */
	char saved_at[21];
};

struct pal_plan_field {
	const char *key;	/* db column */
	const char *label;	/* in the PAL's own voice */
	size_t offset;
};

extern const struct pal_plan_field pal_plan_fields[PAL_PLAN_NFIELDS];

void pal_plan_fini(struct pal_plan *p);

/* Text of field i (borrowed; NULL when empty or out of range). */
const char *pal_plan_field_get(const struct pal_plan *p, size_t i);

/* A bit per field (1 << i) that differs between a and b; empty and
 * NULL count as the same. */
unsigned pal_plan_changed(const struct pal_plan *a, const struct pal_plan *b);

#endif
