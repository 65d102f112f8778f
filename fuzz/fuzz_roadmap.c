/* fuzz_roadmap.c: libFuzzer target for the roadmap template importer's
 * parsing and validation (plan/roadmap_csv.c over io/csv.c and io/parse.c),
 * then the writer on whatever was accepted. */
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "plan/roadmap_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct rm_direction dirs[] = {
		{ "MIN-A-DNUM", "Direction du numérique" },
		{ "MIN-A-SG", "Secrétariat général" },
	};
	struct rm_parsed parsed = { 0 };
	struct diags d = DIAGS_INIT;
	struct buf out = BUF_INIT;
	rm_parse("fuzz.csv", (const char *)data, size, dirs, 2, &parsed, &d);
	for (size_t i = 0; i < d.n; i++)
		diags_format(&d.items[i], &out);
	for (size_t i = 0; i < parsed.n; i++)
		rm_write_action(&out, &parsed.items[i]);
	buf_free(&out);
	diags_free(&d);
	rm_parsed_free(&parsed);
	return 0;
}
