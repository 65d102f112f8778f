/* err.c: error values and located diagnostics (see err.h). */
#include "core/err.h"

#include <stdarg.h>
#include <stdlib.h>

#include "core/xalloc.h"

int err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;
	buf_reset(&e->msg);
	va_start(ap, fmt);
	buf_vaddf(&e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int err_prefix(struct err *e, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	buf_add(&b, e->msg.ptr, e->msg.len);
	buf_free(&e->msg);
	e->msg = b;
	return -1;
}

void err_clear(struct err *e)
{
	buf_reset(&e->msg);
}

void err_free(struct err *e)
{
	buf_free(&e->msg);
}

void diags_add(struct diags *d, enum diag_level level, const char *file, long line,
	       const char *field, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);

	xgrow((void **)&d->items, sizeof(*d->items), d->n + 1, &d->cap);
	struct diag *it = &d->items[d->n++];
	it->level = level;
	it->file = xstrdup(file ? file : "");
	it->line = line;
	it->field = xstrdup(field ? field : "");
	it->msg = buf_detach(&msg);
	if (level == DIAG_ERROR)
		d->errors++;
}

void diags_format(const struct diag *it, struct buf *out)
{
	if (it->file[0]) {
		buf_adds(out, it->file);
		if (it->line > 0)
			buf_addf(out, ":%ld", it->line);
		buf_adds(out, ": ");
	} else if (it->line > 0) {
		buf_addf(out, "ligne %ld: ", it->line);
	}
	if (it->field[0]) {
		buf_adds(out, it->field);
		buf_adds(out, ": ");
	}
	if (it->level == DIAG_WARNING)
		buf_adds(out, "attention : ");
	buf_adds(out, it->msg);
}

void diags_print(const struct diags *d, FILE *out)
{
	struct buf line = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		buf_reset(&line);
		diags_format(&d->items[i], &line);
		fprintf(out, "%s\n", line.ptr);
	}
	buf_free(&line);
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].field);
		free(d->items[i].msg);
	}
	free(d->items);
	d->items = NULL;
	d->n = d->cap = d->errors = 0;
}
