/* fuzz_inventory.c: libFuzzer target for the inventory readers and the CSV stream under them. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "footprint/fp_inventory.h"
#include "io/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The reader's promises on a string of a row: valid to read, no NUL inside
 * the field it came from (checked by strlen not running past the buffer). */
static void check_text(const char *s)
{
	if (!s)
		__builtin_trap();
	(void)strlen(s);
}

static void check_date(const char *d)
{
	size_t n = strlen(d);
	if (n != 0 && (n != 10 || d[4] != '-' || d[7] != '-'))
		__builtin_trap();
}

/* A row that is not in error keeps the rules the evaluation relies on. */
static void check_physical(const struct fp_physical *p)
{
	check_text(p->name);
	check_text(p->model);
	check_text(p->type);
	check_text(p->country);
	check_text(p->entity);
	check_text(p->mode);
	check_date(p->purchase);
	check_date(p->retire);
	if (p->error[0])
		return;
	if (!p->name[0] || !(p->quantity > 0) || (p->has_rate && !(p->rate >= 0 && p->rate <= 1)) ||
	    (p->has_kwh && p->kwh < 0) || (p->has_internal && p->internal < 0))
		__builtin_trap();
}

/* Everything csv_next returned, to compare two readers. Returns 1 when the
 * stream stopped on an encoding fault (its records then differ, by design). */
static int transcript(struct csv_reader *r, struct buf *out)
{
	struct err e = ERR_INIT;
	int rc, stopped = 0;
	while ((rc = csv_next(r, &e)) != 0) {
		buf_addf(out, "%d@%ld", rc, csv_line(r));
		if (rc < 0) {
			buf_addf(out, "[%s]", e.msg.ptr);
			stopped |= strstr(e.msg.ptr, "octet") != NULL;
		}
		for (size_t i = 0; i < csv_nfields(r); i++)
			buf_addf(out, "<%s>", csv_field(r, i));
		buf_addc(out, '\n');
	}
	buf_addf(out, "end@%ld", csv_line(r));
	err_free(&e);
	return stopped;
}

/* The stream, read in chunks of chunk bytes, must give what the memory
 * reader gives on the same bytes (when both settle on the same encoding). */
static void check_stream(const char *data, size_t size, size_t chunk)
{
	struct err e = ERR_INIT;
	struct csv_reader *m = csv_open_mem("f", data, size, &e);
	if (!m) {
		err_free(&e);
		return;
	}
	FILE *f = fmemopen((void *)data, size, "rb");
	if (!f)
		__builtin_trap();
	struct csv_stream_opts o = { chunk, 0 };
	struct csv_reader *s = csv_open_stream_file("f", f, &o, &e);
	if (!s) {
		/* Only a fault met while the header line was read may refuse
		 * what the memory reader takes. */
		if (!strstr(e.msg.ptr, "octet"))
			__builtin_trap();
		csv_close(m);
		err_free(&e);
		return;
	}
	struct buf tm = BUF_INIT, ts = BUF_INIT;
	transcript(m, &tm);
	int stopped = transcript(s, &ts);
	if (!stopped && csv_encoding(m) == csv_encoding(s) &&
	    (csv_delimiter(m) != csv_delimiter(s) || strcmp(tm.ptr, ts.ptr) != 0))
		__builtin_trap();
	if (csv_bytes_read(s) > size)
		__builtin_trap();
	buf_free(&tm);
	buf_free(&ts);
	csv_close(m);
	csv_close(s);
	err_free(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	enum fp_file kind = (enum fp_file)(data[0] % 4);
	if (data[0] & 4) /* the rest of the byte: a chunk size */
		check_stream((const char *)data + 1, size - 1, (size_t)(data[0] >> 3) + 1);
	struct diags d = DIAGS_INIT;
	struct fp_reader *r =
		fp_reader_open_mem("fuzz.csv", (const char *)data + 1, size - 1, kind, &d);
	if (!r) {
		if (d.errors == 0)
			__builtin_trap(); /* a refusal always says why */
		diags_free(&d);
		return 0;
	}
	struct fp_datacenter dc;
	struct fp_physical p;
	struct fp_virtual v;
	struct fp_application a;
	fp_datacenter_init(&dc);
	fp_physical_init(&p);
	fp_virtual_init(&v);
	fp_application_init(&a);
	long prev = 0;
	for (int rc = 1; rc != 0;) {
		switch (kind) {
		case FP_FILE_DATACENTER:
			rc = fp_read_datacenter(r, &dc, &d);
			if (rc == 1 && !dc.error[0] &&
			    (!dc.name[0] || (dc.has_pue && !(dc.pue >= 1))))
				__builtin_trap();
			break;
		case FP_FILE_PHYSICAL:
			rc = fp_read_physical(r, &p, &d);
			if (rc == 1)
				check_physical(&p);
			break;
		case FP_FILE_VIRTUAL:
			rc = fp_read_virtual(r, &v, &d);
			if (rc == 1 && !v.error[0] && (!v.name[0] || !v.host[0]))
				__builtin_trap();
			break;
		case FP_FILE_APPLICATION:
			rc = fp_read_application(r, &a, &d);
			if (rc == 1 && !a.error[0] && (!a.name[0] || !a.vm[0]))
				__builtin_trap();
			break;
		}
		if (rc == 1) {
			long line = kind == FP_FILE_DATACENTER ? dc.line
				    : kind == FP_FILE_PHYSICAL ? p.line
				    : kind == FP_FILE_VIRTUAL  ? v.line
							       : a.line;
			if (line <= prev) /* rows move forward */
				__builtin_trap();
			prev = line;
		}
	}
	size_t done, total;
	fp_reader_progress(r, &done, &total);
	if (done != total)
		__builtin_trap();
	fp_datacenter_free(&dc);
	fp_physical_free(&p);
	fp_virtual_free(&v);
	fp_application_free(&a);
	fp_reader_close(r);
	diags_free(&d);
	return 0;
}
