/* html.c: HTML escaping appenders (see html.h). */
#include "report/html.h"

#include "core/text.h"

#include <stdarg.h>
#include <string.h>

#define HTML_REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

void html_esc_n(struct buf *out, const char *text, size_t n)
{
	if (!text)
		return;
	const unsigned char *p = (const unsigned char *)text;
	buf_grow(out, n);
	while (n > 0) {
		unsigned cp;
		size_t len = text_utf8_decode(p, n, &cp);
		if (len == 0) {
			buf_adds(out, HTML_REPLACEMENT);
			p++;
			n--;
			continue;
		}
		switch (cp) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		case '\t':
		case '\n':
		case '\r': buf_addc(out, (char)cp); break;
		default:
			/* C0 and C1 controls and DEL are not allowed in HTML text. */
			if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
				break;
			buf_add(out, p, len);
		}
		p += len;
		n -= len;
	}
}

void html_esc(struct buf *out, const char *text)
{
	if (text)
		html_esc_n(out, text, strlen(text));
}

void html_escf(struct buf *out, const char *fmt, ...)
{
	struct buf tmp = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	html_esc_n(out, tmp.ptr, tmp.len);
	buf_free(&tmp);
}

static int html_name_ok(const char *name)
{
	if (!name || !*name)
		return 0;
	for (const char *p = name; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-'))
			return 0;
	}
	return 1;
}

void html_attr(struct buf *out, const char *name, const char *value)
{
	if (!html_name_ok(name))
		return;
	buf_addc(out, ' ');
	buf_adds(out, name);
	buf_adds(out, "=\"");
	html_esc(out, value);
	buf_addc(out, '"');
}

void html_attrf(struct buf *out, const char *name, const char *fmt, ...)
{
	struct buf tmp = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	html_attr(out, name, tmp.ptr);
	buf_free(&tmp);
}
