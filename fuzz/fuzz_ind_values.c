/* fuzz_ind_values.c: libFuzzer target for the indicator values parser
 * (indicators/ind_values_csv.c), then what the importer does with the rows
 * it reads: value checks against a small catalogue, a table filled from
 * the rows and its consolidation by every rule. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "indicators/ind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One definition per rule; the weighted one is weighted by the first. */
static void small_catalogue(struct ind_catalogue *c)
{
	static const char *const codes[IND_RULE_N] = { "somme", "pond", "moy", "mini", "maxi" };
	memset(c, 0, sizeof(*c));
	c->items = xcalloc(IND_RULE_N, sizeof(*c->items));
	c->n = c->cap = IND_RULE_N;
	for (int i = 0; i < IND_RULE_N; i++) {
		struct ind_def *d = &c->items[i];
		d->code = xstrdup(codes[i]);
		d->label = xstrdup(codes[i]);
		d->definition = xstrdup("");
		d->unit = xstrdup(i == IND_RULE_WMEAN ? "%" : "u");
		d->weight_code = xstrdup(i == IND_RULE_WMEAN ? "somme" : "");
		d->source = xstrdup("");
		d->rule = (enum ind_rule)i;
		d->kind = i == IND_RULE_WMEAN ? IND_KIND_SHARE : IND_KIND_NUMBER;
		d->has_min = 1;
		d->has_max = i == IND_RULE_WMEAN;
		d->max = 100;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ind_rows rows;
	struct diags d = DIAGS_INIT;
	struct buf tmp = BUF_INIT;
	int rc = ind_values_parse("fuzz.csv", (const char *)data, size, &rows, &d);
	for (size_t i = 0; i < d.n; i++)
		diags_format(&d.items[i], &tmp);
	if (rc != 0 && d.errors == 0)
		abort();
	struct ind_catalogue cat;
	struct ind_table t;
	small_catalogue(&cat);
	ind_table_init(&t, &cat, 3, IND_YEAR_MIN, IND_YEAR_MAX);
	for (size_t o = 0; o < 3; o++) {
		t.org_id[o] = (int64_t)o + 1;
		t.org_code[o] = xstrdup(o == 0 ? "A" : o == 1 ? "B" : "C");
		t.org_name[o] = xstrdup("");
	}
	for (size_t i = 0; i < rows.n; i++) {
		const struct ind_row *r = &rows.items[i];
		if (r->year < IND_YEAR_MIN || r->year > IND_YEAR_MAX || !*r->code ||
		    !*r->ministry || (r->has_value && !isfinite(r->value)) || !r->comment ||
		    !r->source || r->line < 2)
			abort();
		long org = ind_table_org_code(&t, r->ministry);
		long ind = ind_catalogue_find(&cat, r->code);
		if (org < 0 || ind < 0 || !r->has_value)
			continue;
		/* The state follows the comment's length, for variety. */
		t.state[(size_t)org * ind_table_nyears(&t) + (size_t)(r->year - t.year_from)] =
			(enum ind_state)(strlen(r->comment) % IND_STATE_N);
		if (ind_check_value(&cat.items[ind], r->value, 1, r->value / 4, r->comment, &tmp) ==
		    IND_CHECK_RANGE)
			continue;
		ind_table_set(&t, (size_t)org, (size_t)ind, r->year, r->value, r->computed);
		struct ind_result res;
		ind_table_consolidate(&t, (size_t)ind, r->year, &res);
		if (res.counted > res.expected || res.validated > res.counted ||
		    res.missing_weight > res.counted)
			abort();
		buf_reset(&tmp);
		ind_fmt_value(&tmp, &cat.items[ind], res.has_value, res.value);
	}
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	ind_rows_free(&rows);
	buf_free(&tmp);
	diags_free(&d);
	return 0;
}
