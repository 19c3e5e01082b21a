/* xalloc.h - allocation that never returns NULL.
 *
 * Out of memory is the one error that aborts: it runs the registered
 * shutdown hook (which restores the terminal) and exits with status 70.
 */
#ifndef PEERDESK_CORE_XALLOC_H
#define PEERDESK_CORE_XALLOC_H

#include <stddef.h>

/* The number of elements of array a (an array, not a pointer). */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Array growth with overflow check: xreallocarray(p, count, size). */
void *xreallocarray(void *p, size_t count, size_t size);
/* Copies of s; xstrdup(NULL) returns NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string the caller owns. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Free *pp and set it to NULL.  pp must not be NULL. */
#define FREE(pp) do { free(*(pp)); *(pp) = NULL; } while (0)

/* Called before a fatal exit (out of memory, die()); e.g. endwin(). */
void xalloc_set_fatal_hook(void (*hook)(void));

/* Print "peerdesk: <message>" to stderr after running the fatal hook,
 * and exit(code). Only main/cli/tui may call this, never model/db/app. */
void die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

#endif
