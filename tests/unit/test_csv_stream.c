/* test_csv_stream.c: unit tests of the streaming CSV reader (src/io/csv_stream.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/csv.h"

/* A stream over the n bytes at data, through a temporary file, read chunk
 * bytes at a time (max_record 0: the default). NULL when the open fails
 * (err then says why). */
static struct csv_reader *open_stream(const char *data, size_t n, size_t chunk, size_t max_record,
				      struct err *err)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	rewind(f);
	struct csv_stream_opts o = { chunk, max_record };
	return csv_open_stream_file("s.csv", f, &o, err);
}

/* Appends one line per csv_next result until the end: what the reader
 * returned, where, and the fields or the message. */
static void transcript(struct csv_reader *r, struct buf *out)
{
	struct err e = ERR_INIT;
	buf_addf(out, "enc=%d delim=%c\n", (int)csv_encoding(r), csv_delimiter(r));
	for (int guard = 0; guard < 10000; guard++) {
		err_clear(&e);
		int rc = csv_next(r, &e);
		buf_addf(out, "%d@%ld:", rc, csv_line(r));
		if (rc < 0)
			buf_addf(out, " [%s]", e.msg.ptr);
		for (size_t i = 0; i < csv_nfields(r); i++)
			buf_addf(out, " <%s>", csv_field(r, i));
		buf_addc(out, '\n');
		if (rc == 0)
			break;
	}
	err_free(&e);
}

/* Inputs whose records must come out of a stream exactly as out of memory,
 * whatever the chunk size. */
static const char *const same[] = {
	"a;b;c\n1;2;3\n",
	"a;b\r\n1;2\r\n3;4\r\n",
	"a;b\r1;2\r3;4",
	"a;b\n\"x\ny\";\"z\r\nw\"\n\"q\"\"r\";s\n",
	"a;b\n\"\"\"\";\"\"\n\"a\"\"\";\"\"\"b\"\n",
	"\n\r\n;;\n , \na,b,c\n1,2,3\n",
	"a\tb\n1\t2,5\n",
	"a;b\n\n   \n;;\n ; \n1;2\n\r\n;\n",
	"a;b\n\"x\"y;2\n3;4\n",
	"1;\"a\"b;\"c\nd\";e\n5;6\n",
	"a;b\n1;\"x\n2;y\n3;z",
	"1;\"a\nb\";\"c\n2;d\n",
	"\"a\"x\n\"b\"y\n\"c\n",
	"\"a\"   ;\"b\"\t\n1;2",
	"nom;valeur\n\xC3\xA9t\xC3\xA9;1\n\xE2\x82\xAC;\xF0\x9F\x98\x80\n",
	"\xEF\xBB\xBFnom;x\n\xE2\x82\xAC;2\n",
	"\xEF\xBB\xBF",
	"caf\xE9;\x80 5;\x9Cuvre\n\x81\x8D;\x8C\x9F\n",
	"\xEF\xBB\xBF"
	"a;\xE9\n",
	"x",
	"a;b\n1;2\r",
	"a;b\r\n\r\n\r\n1;\"\r\n\"\r\n",
	"",
	"   ",
};

static void test_same_as_memory(void **state)
{
	(void)state;
	struct buf want = BUF_INIT, got = BUF_INIT;
	struct err e = ERR_INIT;
	for (size_t t = 0; t < sizeof(same) / sizeof(same[0]); t++) {
		size_t n = strlen(same[t]);
		buf_reset(&want);
		struct csv_reader *r = csv_open_mem("s.csv", same[t], n, &e);
		assert_non_null(r);
		transcript(r, &want);
		csv_close(r);
		for (size_t chunk = 1; chunk <= n + 2; chunk++) {
			buf_reset(&got);
			r = open_stream(same[t], n, chunk, 0, &e);
			if (!r)
				fail_msg("input %zu chunk %zu: %s", t, chunk, e.msg.ptr);
			transcript(r, &got);
			assert_int_equal(csv_bytes_read(r), n);
			assert_int_equal(csv_bytes_total(r), n);
			csv_close(r);
			if (strcmp(want.ptr, got.ptr) != 0)
				fail_msg("input %zu chunk %zu:\nmemory:\n%sstream:\n%s", t, chunk,
					 want.ptr, got.ptr);
		}
	}
	buf_free(&want);
	buf_free(&got);
	err_free(&e);
}

/* Many records of various shapes: every chunk size from 1 to 70 puts
 * boundaries in the middle of quotes, "" pairs, CRLF and UTF-8 sequences. */
static void test_boundaries(void **state)
{
	(void)state;
	struct buf in = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	struct err e = ERR_INIT;
	buf_adds(&in, "nom;texte;n\r\n");
	for (int i = 0; i < 60; i++)
		buf_addf(&in, "r%d;\"l\xC3\xA9gende %d\r\nsuite \"\"%d\"\"\";%d,5\r\n%s", i, i, i,
			 i, i % 7 == 0 ? ";;\r\n" : "");
	struct csv_reader *r = csv_open_mem("s.csv", in.ptr, in.len, &e);
	transcript(r, &want);
	csv_close(r);
	for (size_t chunk = 1; chunk <= 70; chunk++) {
		buf_reset(&got);
		r = open_stream(in.ptr, in.len, chunk, 0, &e);
		assert_non_null(r);
		transcript(r, &got);
		csv_close(r);
		if (strcmp(want.ptr, got.ptr) != 0)
			fail_msg("chunk %zu:\nmemory:\n%sstream:\n%s", chunk, want.ptr, got.ptr);
	}
	assert_non_null(strstr(want.ptr, "<l\xC3\xA9gende 59\nsuite \"59\">"));
	buf_free(&in);
	buf_free(&want);
	buf_free(&got);
	err_free(&e);
}

/* Reads records until csv_next stops returning 1; returns how many. */
static int count_records(struct csv_reader *r, struct err *e)
{
	int k = 0;
	while (csv_next(r, e) == 1)
		k++;
	return k;
}

static void test_encoding_decided_late(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	struct err e = ERR_INIT;
	buf_adds(&in, "a;b\n");
	for (int i = 0; i < 100; i++)
		buf_addf(&in, "x%d;y\n", i);
	buf_adds(&in, "caf\xE9;\x80\n"); /* Windows-1252, line 102 */

	struct csv_reader *r = open_stream(in.ptr, in.len, 64, 0, &e);
	assert_non_null(r);
	assert_int_equal(csv_encoding(r), CSV_UTF8); /* ASCII so far */
	assert_int_equal(count_records(r, &e), 102);
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	assert_int_equal(csv_next(r, &e), 0);
	csv_close(r);

	/* The last record, read alone. */
	r = open_stream(in.ptr, in.len, 64, 0, &e);
	for (int i = 0; i < 101; i++)
		assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_line(r), 102);
	assert_string_equal(csv_field(r, 0), "caf\xC3\xA9");
	assert_string_equal(csv_field(r, 1), "\xE2\x82\xAC");
	csv_close(r);
	buf_free(&in);
	err_free(&e);
}

static void test_mixed_encoding_error(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	struct err e = ERR_INIT;
	buf_adds(&in, "nom;ville\n\xC3\xA9t\xC3\xA9;Paris\n");
	for (int i = 0; i < 200; i++)
		buf_addf(&in, "n%d;\"deux\nlignes\"\n", i);
	buf_adds(&in, "ok;fin\nmauvais;S\xE8te\nsuite;x\n"); /* 0xE8 on line 404 */

	for (size_t chunk = 1; chunk <= 1024; chunk *= 4) {
		struct csv_reader *r = open_stream(in.ptr, in.len, chunk, 0, &e);
		assert_non_null(r);
		assert_int_equal(count_records(r, &e), 203); /* header, été, 200, ok */
		assert_int_equal(csv_line(r), 404);
		assert_non_null(strstr(e.msg.ptr, "octet 0xE8 invalide en UTF-8"));
		assert_int_equal(csv_nfields(r), 0);
		assert_int_equal(csv_next(r, &e), 0); /* and nothing more */
		assert_int_equal(csv_next(r, &e), 0);
		csv_close(r);
	}

	/* Both in the first chunk: decided as a memory reader would. */
	struct csv_reader *r1 = open_stream(in.ptr, in.len, 0, 0, &e);
	assert_int_equal(csv_encoding(r1), CSV_CP1252);
	assert_int_equal(count_records(r1, &e), 205);
	csv_close(r1);

	/* A UTF-8 sequence cut by the end of the file. */
	static const char cut[] = "a;b\n\xC3\xA9;\xE2\x82";
	struct csv_reader *r = open_stream(cut, sizeof(cut) - 1, 2, 0, &e);
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(csv_line(r), 2);
	assert_non_null(strstr(e.msg.ptr, "octet 0xE2 invalide"));
	csv_close(r);
	buf_free(&in);
	err_free(&e);
}

static void test_nul_and_utf16(void **state)
{
	(void)state;
	struct err e = ERR_INIT;
	/* In the first chunk: the open fails, as for csv_open_file. */
	static const char bin[] = "a;b\r\n1;2\r\n3;\0\n";
	assert_null(open_stream(bin, sizeof(bin) - 1, 0, 0, &e));
	assert_string_equal(e.msg.ptr, "s.csv: ligne 3 : octet nul : fichier binaire ?");

	/* Later: the records before it, then a located error. */
	struct csv_reader *r = open_stream(bin, sizeof(bin) - 1, 4, 0, &e);
	assert_non_null(r);
	assert_int_equal(count_records(r, &e), 2);
	assert_int_equal(csv_line(r), 3);
	assert_string_equal(e.msg.ptr, "octet nul : fichier binaire ?");
	assert_int_equal(csv_next(r, &e), 0);
	csv_close(r);

	static const char u16[] = "\xFF\xFE"
				  "a\0;\0b\0";
	assert_null(open_stream(u16, sizeof(u16) - 1, 1, 0, &e));
	assert_non_null(strstr(e.msg.ptr, "UTF-16"));

	assert_null(csv_open_stream("/nonexistent/x.csv", &e));
	assert_string_equal(e.msg.ptr,
			    "impossible d'ouvrir /nonexistent/x.csv : fichier introuvable");
	err_free(&e);
}

static void test_record_limit(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	struct err e = ERR_INIT;
	buf_adds(&in, "a;b\n");
	for (int i = 0; i < 500; i++)
		buf_addc(&in, 'x');
	buf_adds(&in, ";1\n2;3\n1;\"");
	for (int i = 0; i < 500; i++)
		buf_addc(&in, i % 50 == 49 ? '\n' : 'q');
	buf_adds(&in, "\n4;5\n");

	struct csv_reader *r = open_stream(in.ptr, in.len, 16, 100, &e);
	assert_non_null(r);
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(csv_line(r), 2);
	assert_string_equal(e.msg.ptr, "enregistrement trop long (plus de 100 octets) : ignoré "
				       "jusqu'à la fin de sa ligne");
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_line(r), 3);
	assert_string_equal(csv_field(r, 1), "3");
	/* A quote not closed within the limit: as at the end of a memory input. */
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(csv_line(r), 4);
	assert_string_equal(e.msg.ptr, "colonne 2 : guillemet non fermé");
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_line(r), 5);
	assert_true(csv_buffer_bytes(r) < 2000);
	csv_close(r);
	buf_free(&in);
	err_free(&e);
}

/* A file far larger than what the reader may hold: every record is read and
 * the buffers stay at the size of a few chunks. */
static void test_big_file_bounded(void **state)
{
	(void)state;
	char path[] = "/tmp/numeco_test_stream_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_non_null(f);
	const long lines = 300000; /* about 20 MB */
	fputs("nomEquipementPhysique;modele;quantite;commentaire\n", f);
	for (long i = 0; i < lines; i++)
		fprintf(f, "eq-%ld;Serveur mod\xC3\xA8le %ld;%ld;\"note\nsur deux lignes\";\r\n", i,
			i % 97, i % 5 + 1);
	long size = ftell(f);
	fclose(f);

	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_stream(path, &e);
	assert_non_null(r);
	assert_int_equal(csv_bytes_total(r), (size_t)size);
	assert_true(csv_bytes_read(r) < (size_t)size);
	long k = 0;
	size_t peak = 0, last_read = 0;
	int rc;
	while ((rc = csv_next(r, &e)) == 1) {
		if (csv_buffer_bytes(r) > peak)
			peak = csv_buffer_bytes(r);
		assert_true(csv_bytes_read(r) >= last_read);
		last_read = csv_bytes_read(r);
		k++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(k, lines + 1);
	assert_int_equal(csv_line(r), 2 * lines + 2);
	assert_int_equal(csv_bytes_read(r), (size_t)size);
	assert_true(peak < 512 * 1024);
	csv_close(r);
	unlink(path);
	err_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_memory),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_encoding_decided_late),
		cmocka_unit_test(test_mixed_encoding_error),
		cmocka_unit_test(test_nul_and_utf16),
		cmocka_unit_test(test_record_limit),
		cmocka_unit_test(test_big_file_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
