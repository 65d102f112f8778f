/* fuzz_referential.c: libFuzzer target for the referential file readers (fp_ref_load_mem). */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/err.h"
#include "footprint/fp_ref.h"
#include "footprint/fp_ref_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What every loaded referential keeps, whatever the input: lookups find what
 * the lists hold, strings are set, values finite. */
static void check(const struct fp_ref *r)
{
	if (fp_ref_ncrit(r) > FP_MAX_CRIT)
		__builtin_trap();
	for (size_t c = 0; c < fp_ref_ncrit(r); c++) {
		const struct fp_crit *cr = fp_ref_crit(r, c);
		if (!cr->code[0] || !cr->label || !cr->unit ||
		    fp_ref_find_crit(r, cr->code) != (int)c)
			__builtin_trap();
		int l = fp_ref_find_crit(r, cr->label); /* -1: a label of punctuation only */
		if (l != (int)c && l != -1)
			__builtin_trap();
	}
	for (size_t i = 0; i < fp_ref_nitems(r); i++) {
		const struct fp_item *it = fp_ref_item_at(r, i);
		if (fp_ref_item(r, it->name) != it || !it->category || !it->source ||
		    (it->has_avg_kwh && !(it->avg_kwh >= 0)))
			__builtin_trap();
		for (size_t c = 0; c < FP_MAX_CRIT; c++)
			for (int p = 0; p < FP_PHASE_COUNT; p++)
				if (it->has[c][p] &&
				    (c >= fp_ref_ncrit(r) || !isfinite(it->f[c][p])))
					__builtin_trap();
	}
	for (size_t i = 0; i < fp_ref_nmixes(r); i++) {
		const struct fp_mix *m = fp_ref_mix_at(r, i);
		if (fp_ref_mix(r, m->country) != m || !m->country[0] || !m->source)
			__builtin_trap();
		for (size_t c = 0; c < FP_MAX_CRIT; c++)
			if (m->has[c] && (c >= fp_ref_ncrit(r) || !isfinite(m->f[c])))
				__builtin_trap();
	}
	for (size_t i = 0; i < fp_ref_ntypes(r); i++) {
		const struct fp_item_type *t = fp_ref_type_at(r, i);
		if (fp_ref_type(r, t->type) != t || !t->type[0] || !t->default_item || !t->source ||
		    (t->has_lifespan && !(t->lifespan > 0)))
			__builtin_trap();
	}
	for (size_t i = 0; i < fp_ref_nmatches(r); i++) {
		const char *model, *item;
		fp_ref_match_at(r, i, &model, &item);
		if (!model[0] || !item[0] || strcmp(fp_ref_match(r, model), item))
			__builtin_trap();
	}
	for (size_t i = 0; i < fp_ref_nhyps(r); i++) {
		const char *key, *source;
		double v, w;
		fp_ref_hyp_at(r, i, &key, &v, &source);
		if (!key[0] || !source || !isfinite(v) || !fp_ref_hyp(r, key, &w) || v != w)
			__builtin_trap();
	}
}

/* The first byte chooses the file kind, the dialect named in messages, and
 * whether criteria were declared by a criteria file beforehand. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	enum fp_ref_file f = (enum fp_ref_file)(data[0] % FP_REF_NFILES);
	enum fp_ref_dialect dl =
		(enum fp_ref_dialect)((data[0] / FP_REF_NFILES) % FP_REF_NDIALECTS);
	unsigned flags = (data[0] & 0x80) ? FP_REF_CRIT_DECLARED : 0;
	struct fp_ref *r = fp_ref_new("fuzz", "1");
	if (flags) {
		fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq");
		fp_ref_add_crit(r, NULL, "Resource use (minerals and metals)", NULL);
	}
	struct diags d = DIAGS_INIT;
	int rc = fp_ref_load_mem(r, f, dl, "fuzz.csv", (const char *)data + 1, size - 1, flags, &d);
	if ((rc < 0) != (d.errors > 0)) /* refused exactly when an error says why */
		__builtin_trap();
	for (size_t i = 0; i < d.n; i++)
		if (strcmp(d.items[i].file, "fuzz.csv") || d.items[i].line < 0 ||
		    !d.items[i].msg[0])
			__builtin_trap();
	check(r);
	diags_free(&d);
	fp_ref_free(r);
	return 0;
}
