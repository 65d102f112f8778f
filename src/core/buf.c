/* buf.c: growable byte buffer (see buf.h). */
#include "core/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* Shared empty string so an unallocated buffer still reads as "". Never written:
 * every write goes through buf_grow, which allocates first. */
char buf_empty_[1];

void buf_init(struct buf *b)
{
	b->ptr = buf_empty_;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	if (b->cap)
		b->ptr[0] = '\0';
	b->len = 0;
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < b->len)
		xalloc_die("buf_grow: size overflow");
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 32;
	while (cap < need) {
		if (cap > ((size_t)-1) / 2)
			cap = need;
		else
			cap *= 2;
	}
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, cap);
	} else {
		b->ptr = xmalloc(cap);
		b->ptr[0] = '\0';
	}
	b->cap = cap;
}

void buf_add(struct buf *b, const void *data, size_t n)
{
	if (n == 0)
		return;
	buf_grow(b, n);
	memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	buf_grow(b, 64);
	int n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		xalloc_die("buf_vaddf: bad format");
	if ((size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_truncate(struct buf *b, size_t n)
{
	if (n >= b->len)
		return;
	b->len = n;
	b->ptr[n] = '\0';
}

char *buf_detach(struct buf *b)
{
	char *s = b->cap ? b->ptr : xstrdup("");
	buf_init(b);
	return s;
}

void buf_trim(struct buf *b)
{
	size_t start = 0, end = b->len;
	while (start < end && (b->ptr[start] == ' ' || b->ptr[start] == '\t' ||
			       b->ptr[start] == '\r' || b->ptr[start] == '\n'))
		start++;
	while (end > start && (b->ptr[end - 1] == ' ' || b->ptr[end - 1] == '\t' ||
			       b->ptr[end - 1] == '\r' || b->ptr[end - 1] == '\n'))
		end--;
	if (start == 0 && end == b->len)
		return;
	memmove(b->ptr, b->ptr + start, end - start);
	b->len = end - start;
	b->ptr[b->len] = '\0';
}
