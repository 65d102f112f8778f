/* fp_ref_text.c: lenient keys and criterion codes of the referential (see fp_ref_int.h). */
#include <string.h>

#include "core/text.h"
#include "footprint/fp_ref_int.h"

/* Non-ASCII code points that separate words: Latin-1 symbols and spaces
 * (no-break space, «, »), general punctuation (’ – — … narrow no-break
 * space), CJK punctuation, BOM, replacement character. */
static int separator(unsigned cp)
{
	return cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || cp == 0xFFFD;
}

void fp_ref_key(const char *s, int spaces, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), start = out->len;
	int pending = 0;
	struct buf one = BUF_INIT;
	while (n > 0) {
		unsigned cp;
		size_t len = text_utf8_decode(p, n, &cp);
		const char *add = NULL;
		size_t addlen = 0;
		char c[5] = { 0 };
		if (len == 0) {
			len = 1; /* invalid byte: a separator, as for text_fold */
		} else if (cp < 0x80) {
			if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
				c[0] = (char)cp;
			else if (cp >= 'A' && cp <= 'Z')
				c[0] = (char)(cp - 'A' + 'a');
			add = c[0] ? c : NULL;
			addlen = 1;
		} else {
			memcpy(c, p, len);
			buf_reset(&one);
			text_fold(c, &one);
			if (one.len) {
				add = one.ptr;
				addlen = one.len;
			} else if (!separator(cp)) {
				add = c;
				addlen = len;
			}
		}
		p += len;
		n -= len;
		if (!add) {
			pending = 1;
			continue;
		}
		if (pending && spaces && out->len > start)
			buf_addc(out, ' ');
		pending = 0;
		buf_add(out, add, addlen);
	}
	buf_free(&one);
}

static const struct fp_ref_known_crit known[] = {
	{ "CLIMATE_CHANGE", "Climate change", "kg CO2 eq" },
	{ "PARTICULATE_MATTER", "Particulate matter and respiratory inorganics",
	  "Disease incidence" },
	{ "IONISING_RADIATION", "Ionising radiation", "kBq U-235 eq" },
	{ "ACIDIFICATION", "Acidification", "mol H+ eq" },
	{ "RESOURCE_USE", "Resource use (minerals and metals)", "kg Sb eq" },
};

const struct fp_ref_known_crit *fp_ref_known_crit(const char *s)
{
	struct buf k = BUF_INIT, w = BUF_INIT;
	const struct fp_ref_known_crit *found = NULL;
	fp_ref_key(s, 0, &k);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]) && !found && k.len; i++) {
		buf_reset(&w);
		fp_ref_key(known[i].code, 0, &w);
		if (!strcmp(w.ptr, k.ptr))
			found = &known[i];
		buf_reset(&w);
		fp_ref_key(known[i].label, 0, &w);
		if (!strcmp(w.ptr, k.ptr))
			found = &known[i];
	}
	buf_free(&k);
	buf_free(&w);
	return found;
}

void fp_ref_crit_code(const char *label, struct buf *out)
{
	const struct fp_ref_known_crit *k = fp_ref_known_crit(label);
	if (k) {
		buf_adds(out, k->code);
		return;
	}
	size_t start = out->len;
	fp_ref_key(label, 1, out);
	for (size_t i = start; i < out->len; i++) {
		char c = out->ptr[i];
		if (c >= 'a' && c <= 'z')
			out->ptr[i] = (char)(c - 'a' + 'A');
		else if (c == ' ')
			out->ptr[i] = '_';
	}
}
