/* buf.h: growable byte buffer, the one string type of numeco.
 *
 * A struct buf always holds a NUL-terminated string (ptr is never NULL once
 * initialised with BUF_INIT or buf_init), so ptr can be passed to any C string
 * function. Bytes may include NULs when built with buf_add; len counts them.
 *
 * Ownership: the buffer owns ptr; release it with buf_free, or take it with
 * buf_detach (the caller then frees it with free()). Allocation failure aborts
 * the process (see xalloc.h): numeco does not try to run out of memory politely.
 */
#ifndef NUMECO_BUF_H
#define NUMECO_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
};

extern char buf_empty_[];
#define BUF_INIT                 \
	{                        \
		buf_empty_, 0, 0 \
	}

void buf_init(struct buf *b);
void buf_free(struct buf *b);
/* Empties the buffer but keeps its memory for reuse. */
void buf_reset(struct buf *b);
/* Makes room for at least extra more bytes (plus the terminating NUL). */
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Shortens to n bytes (n <= len). */
void buf_truncate(struct buf *b, size_t n);
/* Returns the malloc'ed string and leaves b empty; caller frees. */
char *buf_detach(struct buf *b);
/* Removes ASCII white space at both ends. */
void buf_trim(struct buf *b);

#endif
