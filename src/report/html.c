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

const char html_page_css[] =
	"*{box-sizing:border-box}"
	"body{margin:0;color:#161616;background:#fff;"
	"font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}"
	"main{max-width:62rem;margin:0 auto;padding:1.5rem 1rem 3rem}"
	"h1{font-size:1.75rem;line-height:1.25;margin:0 0 .5rem;color:#000091}"
	"h2{font-size:1.3rem;line-height:1.3;margin:2.5rem 0 .75rem;padding-top:.75rem;"
	"border-top:2px solid #000091}"
	".sub{color:#3a3a3a;margin:0 0 1.5rem}"
	".kpi{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem;"
	"margin:0}"
	".kpi div{border:1px solid #ddd;border-left:4px solid #000091;padding:.5rem .75rem}"
	".kpi dt{font-size:.875rem;color:#3a3a3a}"
	".kpi dd{margin:0;font-size:1.25rem;font-weight:700}"
	".tw{overflow-x:auto}"
	"table{border-collapse:collapse;width:100%;font-size:.875rem;margin:.5rem 0 1rem;"
	"font-variant-numeric:tabular-nums}"
	"caption{text-align:left;font-weight:700;padding:.25rem 0}"
	"th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;vertical-align:top;text-align:left}"
	"thead th{background:#ececf7}"
	"tbody th{font-weight:400}"
	"tfoot th,tfoot td{font-weight:700;background:#f6f6f6}"
	".n{text-align:right;white-space:nowrap}"
	"figure{margin:1rem 0}"
	"svg{display:block;max-width:100%;height:auto}"
	"@media print{body{font-size:10pt}main{max-width:none;padding:0}"
	"h2{break-after:avoid}figure,tr,.kpi div{break-inside:avoid}.tw{overflow:visible}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

void html_th_row(struct buf *out, const char *text)
{
	buf_adds(out, "<th scope=\"row\">");
	html_esc(out, text);
	buf_adds(out, "</th>");
}

void html_th_col(struct buf *out, const char *text, int numeric)
{
	buf_adds(out, numeric ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">");
	html_esc(out, text);
	buf_adds(out, "</th>");
}

void html_section(struct buf *out, const char *id, const char *title)
{
	buf_adds(out, "<section");
	html_attrf(out, "aria-labelledby", "h-%s", id);
	buf_adds(out, "><h2");
	html_attrf(out, "id", "h-%s", id);
	buf_addc(out, '>');
	html_esc(out, title);
	buf_adds(out, "</h2>");
}

void html_table_open(struct buf *out, const char *id, const char *caption)
{
	buf_adds(out, "<div class=\"tw\" tabindex=\"0\" role=\"region\"");
	html_attrf(out, "aria-labelledby", "c-%s", id);
	buf_adds(out, "><table><caption");
	html_attrf(out, "id", "c-%s", id);
	buf_addc(out, '>');
	html_esc(out, caption);
	buf_adds(out, "</caption>");
}
