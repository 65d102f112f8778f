/* fuzz_ind_catalogue.c: libFuzzer target for the indicator catalogue parser
 * (indicators/ind_catalogue_csv.c over io/csv.c and io/parse.c). Whatever
 * is accepted must pass ind_def_check and ind_catalogue_check, and must
 * survive a write / parse round trip unchanged; every value formats. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "indicators/ind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ind_catalogue c, again;
	struct diags d = DIAGS_INIT;
	struct buf out = BUF_INIT, out2 = BUF_INIT, tmp = BUF_INIT;
	int rc = ind_catalogue_parse("fuzz.csv", (const char *)data, size, &c, &d);
	for (size_t i = 0; i < d.n; i++)
		diags_format(&d.items[i], &tmp);
	if (rc != 0) {
		if (c.n || c.items || d.errors == 0)
			abort(); /* refused: out empty, and said why */
		goto done;
	}
	for (size_t i = 0; i < c.n; i++) {
		if (ind_def_check(&c.items[i], &tmp))
			abort();
		for (size_t t = 1; t < c.items[i].ntargets; t++)
			if (c.items[i].targets[t - 1].year >= c.items[i].targets[t].year)
				abort();
		ind_fmt_value(&tmp, &c.items[i], 1, c.items[i].has_max ? c.items[i].max : 1e300);
		double v, gap;
		int met;
		if (ind_target_for(&c.items[i], 2030, &v))
			ind_gap(&c.items[i], 2030, v, &gap, &met);
	}
	diags_free(&d);
	if (ind_catalogue_check(&c, "fuzz.csv", &d))
		abort();
	ind_catalogue_write_csv(&c, &out);
	diags_free(&d);
	if (ind_catalogue_parse("again.csv", out.ptr, out.len, &again, &d) != 0 || again.n != c.n)
		abort();
	ind_catalogue_write_csv(&again, &out2);
	if (out.len != out2.len || memcmp(out.ptr, out2.ptr, out.len) != 0)
		abort();
	ind_catalogue_free(&again);
done:
	ind_catalogue_free(&c);
	buf_free(&out);
	buf_free(&out2);
	buf_free(&tmp);
	diags_free(&d);
	return 0;
}
