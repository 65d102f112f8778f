/* xalloc.h: allocation wrappers that abort on exhaustion.
 *
 * numeco is a command-line tool and a server of small pages; running out of
 * memory is not a condition it can recover from meaningfully, so every
 * allocation goes through these and a failure prints a message and aborts.
 * This is the one place below main() that ends the process.
 */
#ifndef NUMECO_XALLOC_H
#define NUMECO_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *items (of elem bytes each) so that index need-1 fits; *cap updated. */
void xgrow(void **items, size_t elem, size_t need, size_t *cap);
_Noreturn void xalloc_die(const char *what);

#endif
