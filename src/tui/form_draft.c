/* form_draft.c - what is typed in any form as draft text, and back
 * (see form_draft.h).  What the application does with drafts comes
 * from the draft hooks of the tui_config (tui.h): the form tells them
 * when it has opened and when it is saved or let go; the screen manager
 * asks them to keep everything before leaving. */
#include "peerdesk/tui/form_draft.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/tui/form_fields.h"
#include "peerdesk/tui/form_layout.h"
#include "peerdesk/tui/tui.h"

bool
form_is(const struct screen *s)
{
	return s != NULL && s->form && s->state != NULL;
}

unsigned long long
form_checksum(const char *text)
{
	unsigned long long h = 14695981039346656037ULL;

	for (; *text != '\0'; text++) {
		h ^= (unsigned char)*text;
		h *= 1099511628211ULL;
	}
	return h;
}

void
form_draft_key(const struct screen *s, char buf[40])
{
	snprintf(buf, 40, "%s", ((const struct form *)s->state)->draft_key);
}

static void
form_draft_key_make(const struct screen *s, char buf[40])
{
	const struct form *fm = s->state;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (s->arg_id > 0) {
		snprintf(buf, 40, "%lld", (long long)s->arg_id);
		return;
	}
	if (s->arg_null) {
		buf[0] = '\0';
		return;
	}
	for (i = 0; i < fm->n; i++) {
		strbuf_adds(&sb, fm->f[i].initial ? fm->f[i].initial : "");
		strbuf_addc(&sb, '\x1f');
	}
	snprintf(buf, 40, "fp:%016llx", form_checksum(strbuf_str(&sb)));
	strbuf_fini(&sb);
}

static void
form_escape(const char *s, struct strbuf *out)
{
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_adds(out, "\\\\");
		else if (*s == '\n')
			strbuf_adds(out, "\\n");
		else if (*s == '\t')
			strbuf_adds(out, "\\t");
		else
			strbuf_addc(out, *s);
	}
}

static void
form_unescape(const char *s, size_t n, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			strbuf_addc(out, s[i] == 'n' ? '\n' : s[i] == 't' ?
			    '\t' : s[i]);
		} else {
			strbuf_addc(out, s[i]);
		}
	}
}

unsigned long long
form_draft_text(const struct screen *s, struct strbuf *out)
{
	const struct form *fm = s->state;
	struct strbuf text = STRBUF_INIT;
	size_t i, start = out->len;

	strbuf_adds(out, "#title\t");
	form_escape(s->title[0] ? s->title : (s->ops->title ? s->ops->title :
	    s->ops->name), out);
	strbuf_addc(out, '\n');
	for (i = 0; i < fm->n; i++) {
		const struct field_def *fd = form_fdef(fm, i);

		strbuf_reset(&text);
		form_text(fm, i, &text);
		if (text.len == 0)
			continue;
		strbuf_addf(out, "#label:%s\t", fd->id);
		form_escape(fd->label ? fd->label : fd->id, out);
		strbuf_addf(out, "\n%s%s\t", strcmp(strbuf_str(&text),
		    fm->f[i].initial ? fm->f[i].initial : "") == 0 ?
		    "#same:" : "", fd->id);
		form_escape(strbuf_str(&text), out);
		strbuf_addc(out, '\n');
	}
	strbuf_fini(&text);
	return form_checksum(strbuf_str(out) + start);
}

bool
form_draft_next(const char *content, size_t *pos, struct strbuf *id,
    struct strbuf *text)
{
	const char *p, *nl, *tab;

	strbuf_reset(id);
	strbuf_reset(text);
	for (;;) {
		p = content + *pos;
		if (*p == '\0')
			return false;
		nl = p + strcspn(p, "\n");
		*pos = (size_t)(nl - content) + (*nl != '\0');
		tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab == NULL)
			continue;
		strbuf_add(id, p, (size_t)(tab - p));
		form_unescape(tab + 1, (size_t)(nl - tab - 1), text);
		return true;
	}
}

void
form_draft_apply(struct screen *s, const char *content)
{
	struct form *fm = s->state;
	struct strbuf id = STRBUF_INIT, text = STRBUF_INIT;
	size_t pos = 0, i, last = SIZE_MAX;

	while (form_draft_next(content, &pos, &id, &text)) {
		const char *name = strbuf_str(&id);

		/* Text that had not been changed goes back only into a new
		 * record: in an existing one it might undo someone's later
		 * change. */
		if (strncmp(name, "#same:", 6) == 0 && s->arg_null)
			name += 6;
		if (name[0] == '#' || (i = form_find(fm, name)) == SIZE_MAX)
			continue;
		form_put_text(fm, i, strbuf_str(&text));
		if (form_fdef(fm, i)->kind != FIELD_CHOICE) {
			le_end(&fm->f[i].le);
			if (strcmp(strbuf_str(&text), fm->f[i].initial ?
			    fm->f[i].initial : "") != 0)
				last = i;
		}
	}
	/* The cursor goes where the typing most likely stopped: the end of
	 * the last field whose text was changed. */
	if (last != SIZE_MAX)
		fm->focus = last;
	form_relayout(s);
	strbuf_fini(&id);
	strbuf_fini(&text);
}

void
form_draft_note(struct screen *s, bool kept, unsigned long long sum)
{
	struct form *fm = s->state;

	fm->kept = kept;
	fm->kept_sum = kept ? sum : 0;
}

bool
form_draft_kept(const struct screen *s, unsigned long long *sum)
{
	const struct form *fm = s->state;

	if (sum != NULL)
		*sum = fm->kept_sum;
	return fm->kept;
}


void
form_draft_opened(struct screen *s)
{
	struct form *fm = s->state;
	const struct tui_draft_hooks *h = tui_draft_hooks(s->ui);

	/* The key is taken from the text the form opened with, so it must
	 * not move once saving replaces that text. */
	form_draft_key_make(s, fm->draft_key);
	if (h->opened != NULL)
		h->opened(s);
}

void
form_draft_done(struct screen *s, bool saved)
{
	const struct tui_draft_hooks *h = tui_draft_hooks(s->ui);

	if (h->done != NULL)
		h->done(s, saved);
}
