/* rg_report_util.c: format names, Markdown escaping, score and JSON helpers
 * of the RGESN renderers (declaration and consolidation). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "report/fmt.h"
#include "rgesn/rg_report_int.h"

int rg_format_parse(const char *s, enum rg_format *out)
{
	static const struct {
		const char *name;
		enum rg_format fmt;
	} names[] = {
		{ "html", RG_FMT_HTML },
		{ "md", RG_FMT_MD },
		{ "markdown", RG_FMT_MD },
		{ "json", RG_FMT_JSON },
	};
	if (!s)
		return -1;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].fmt;
			return 0;
		}
	}
	return -1;
}

void rg_fmt_score(struct buf *out, int has_score, double score)
{
	if (!has_score || !isfinite(score)) {
		buf_adds(out, "—");
		return;
	}
	fmt_dec(out, score, 0);
	buf_adds(out, FMT_NBSP "%");
}

void rg_fmt_count(struct buf *out, size_t n, const char *singular, const char *plural)
{
	fmt_count(out, n);
	buf_addc(out, ' ');
	buf_adds(out, n >= 2 ? plural : singular);
}

json_t *rg_json_real(double v, int decimals)
{
	if (!isfinite(v))
		return json_null();
	double scale = pow(10.0, decimals);
	double r = round(v * scale) / scale;
	if (r == 0)
		r = 0; /* no "-0.0" */
	return json_real(r);
}

json_t *rg_json_count(size_t n)
{
	return json_integer((json_int_t)n);
}

json_t *rg_json_str(const char *s)
{
	/* json_string refuses invalid UTF-8: never let a bad byte drop a
	 * field silently. */
	json_t *j = json_string(s ? s : "");
	return j ? j : json_string("\xef\xbf\xbd");
}

void rg_json_dump(json_t *root, struct buf *out)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (!s)
		xalloc_die("json_dumps");
	buf_adds(out, s);
	buf_addc(out, '\n');
	free(s);
	json_decref(root);
}
