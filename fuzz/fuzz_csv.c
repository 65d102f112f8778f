/* fuzz_csv.c: libFuzzer target for the CSV reader and the field parsers of io/parse.h. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io/csv.h"
#include "io/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks the reader's promises on one record; a broken one aborts, which
 * libFuzzer reports as a crash. */
static void check_record(const struct csv_reader *r)
{
	size_t nf = csv_nfields(r);
	if (nf == 0 || nf > CSV_MAX_FIELDS)
		__builtin_trap();
	for (size_t i = 0; i < nf; i++) {
		const char *f = csv_field(r, i);
		size_t len = csv_field_len(r, i);
		if (len > CSV_MAX_FIELD || strlen(f) != len)
			__builtin_trap();

		struct err e = ERR_INIT;
		double v;
		int64_t cents;
		char iso[11];
		int b;
		if (parse_number(f, &v, &e) == 0) {
			/* The canonical form must read back to the same value. */
			struct buf out = BUF_INIT;
			double back;
			fmt_number_fr(&out, v);
			if (parse_number(out.ptr, &back, &e) != 0 || back != v)
				__builtin_trap();
			buf_free(&out);
		}
		if (parse_euros(f, &cents, &e) == 0) {
			struct buf out = BUF_INIT;
			int64_t back;
			fmt_euros_fr(&out, cents);
			if (parse_euros(out.ptr, &back, &e) != 0 || back != cents)
				__builtin_trap();
			buf_free(&out);
		}
		if (parse_date(f, iso, &e) == 0 && strlen(iso) != 10)
			__builtin_trap();
		(void)parse_bool(f, &b, &e);
		err_free(&e);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_mem("fuzz.csv", (const char *)data, size, &e);
	if (!r) {
		err_free(&e);
		return 0;
	}
	struct buf rewritten = BUF_INIT;
	long prev_line = 0;
	int rc;
	while ((rc = csv_next(r, &e)) != 0) {
		if (csv_line(r) <= prev_line) /* records move forward */
			__builtin_trap();
		prev_line = csv_line(r);
		if (rc < 0) {
			if (e.msg.len == 0)
				__builtin_trap();
			continue;
		}
		check_record(r);
		for (size_t i = 0; i < csv_nfields(r); i++)
			csv_write_field(&rewritten, csv_field(r, i), csv_delimiter(r), i == 0);
		csv_write_end(&rewritten);
	}
	csv_close(r);
	buf_free(&rewritten);
	err_free(&e);
	return 0;
}
