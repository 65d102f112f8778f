/* test_csv.c: unit tests of src/io/csv.c and src/io/encoding.c (read, write, encodings). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "io/csv.h"
#include "io/encoding.h"

/* Opens a reader over a string literal, embedded NULs and all. */
#define OPEN(lit) open_mem_ok((lit), sizeof(lit) - 1)

static struct csv_reader *open_mem_ok(const char *data, size_t n)
{
	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_mem("t.csv", data, n, &e);
	if (!r)
		print_error("csv_open_mem: %s\n", e.msg.ptr);
	assert_non_null(r);
	err_free(&e);
	return r;
}

/* Reads the next record and checks its starting line and fields (a NULL-ended
 * list of expected strings). */
static void expect_rec(struct csv_reader *r, long line, ...)
{
	struct err e = ERR_INIT;
	int rc = csv_next(r, &e);
	if (rc != 1)
		print_error("csv_next = %d (%s), expected a record at line %ld\n", rc, e.msg.ptr,
			    line);
	assert_int_equal(rc, 1);
	assert_int_equal(csv_line(r), line);
	va_list ap;
	va_start(ap, line);
	size_t i = 0;
	const char *want;
	while ((want = va_arg(ap, const char *)) != NULL) {
		if (i >= csv_nfields(r) || strcmp(csv_field(r, i), want) != 0)
			print_error("line %ld field %zu: got \"%s\", want \"%s\"\n", line, i,
				    csv_field(r, i), want);
		assert_true(i < csv_nfields(r));
		assert_string_equal(csv_field(r, i), want);
		assert_int_equal(csv_field_len(r, i), strlen(want));
		i++;
	}
	va_end(ap);
	assert_int_equal(csv_nfields(r), i);
	err_free(&e);
}

/* Reads the next record, expecting a malformed one at line with msg in the error. */
static void expect_bad(struct csv_reader *r, long line, const char *msgpart)
{
	struct err e = ERR_INIT;
	int rc = csv_next(r, &e);
	if (rc != -1)
		print_error("csv_next = %d, expected an error at line %ld\n", rc, line);
	assert_int_equal(rc, -1);
	assert_int_equal(csv_line(r), line);
	if (!strstr(e.msg.ptr, msgpart))
		print_error("message \"%s\" lacks \"%s\"\n", e.msg.ptr, msgpart);
	assert_non_null(strstr(e.msg.ptr, msgpart));
	assert_int_equal(csv_nfields(r), 0);
	err_free(&e);
}

static void expect_end(struct csv_reader *r)
{
	struct err e = ERR_INIT;
	assert_int_equal(csv_next(r, &e), 0);
	assert_int_equal(csv_nfields(r), 0);
	assert_int_equal(csv_next(r, &e), 0); /* and stays there */
	err_free(&e);
}

static void test_utf8(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN("nom;valeur\n\xC3\xA9t\xC3\xA9;1\n");
	assert_int_equal(csv_encoding(r), CSV_UTF8);
	assert_int_equal(csv_delimiter(r), ';');
	assert_string_equal(csv_name(r), "t.csv");
	expect_rec(r, 1, "nom", "valeur", NULL);
	expect_rec(r, 2, "\xC3\xA9t\xC3\xA9", "1", NULL);
	expect_end(r);
	csv_close(r);
}

static void test_utf8_bom(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN("\xEF\xBB\xBFnom;x\n\xE2\x82\xAC;2\n");
	assert_int_equal(csv_encoding(r), CSV_UTF8_BOM);
	expect_rec(r, 1, "nom", "x", NULL); /* no BOM left in the first name */
	expect_rec(r, 2, "\xE2\x82\xAC", "2", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("\xEF\xBB\xBF");
	assert_int_equal(csv_encoding(r), CSV_UTF8_BOM);
	expect_end(r);
	csv_close(r);
}

static void test_cp1252(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN(
		"caf\xE9;\x80 5;\x9Cuvre;\x92;\x85;\xA0|\xFF\n\x81\x8D\x8F\x90\x9D;\x8C\x9F\n");
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	expect_rec(r, 1, "caf\xC3\xA9", "\xE2\x82\xAC 5", "\xC5\x93uvre", "\xE2\x80\x99",
		   "\xE2\x80\xA6", "\xC2\xA0|\xC3\xBF", NULL);
	expect_rec(r, 2, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
		   "\xC5\x92\xC5\xB8", NULL);
	expect_end(r);
	csv_close(r);

	/* One invalid sequence makes the whole input Windows-1252, including
	 * bytes that happened to look like UTF-8. */
	r = OPEN("\xC3\xA9;\xE9\n");
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	expect_rec(r, 1, "\xC3\x83\xC2\xA9", "\xC3\xA9", NULL);
	csv_close(r);

	/* Overlong and surrogate forms are not UTF-8 either. */
	r = OPEN("\xC0\xAF;\xED\xA0\x80\n");
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	csv_close(r);

	/* A BOM followed by invalid UTF-8: the BOM is dropped, the rest converted. */
	r = OPEN("\xEF\xBB\xBF"
		 "a;\xE9\n");
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	expect_rec(r, 1, "a", "\xC3\xA9", NULL);
	csv_close(r);
}

static void test_cp1252_table(void **state)
{
	(void)state;
	/* The full 0x80–0x9F block against CP1252.TXT. */
	/* clang-format off */
	static const uint32_t want[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
		0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
	};
	/* clang-format on */
	for (unsigned i = 0; i < 32; i++)
		assert_int_equal(enc_cp1252_cp((unsigned char)(0x80 + i)), want[i]);
	for (unsigned b = 0; b < 0x80; b++)
		assert_int_equal(enc_cp1252_cp((unsigned char)b), b);
	for (unsigned b = 0xA0; b <= 0xFF; b++)
		assert_int_equal(enc_cp1252_cp((unsigned char)b), b);

	/* Every byte converts to valid UTF-8. */
	char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	struct buf out = BUF_INIT;
	enc_cp1252_to_utf8(all, sizeof(all), &out);
	assert_true(out.len > 256);
	buf_free(&out);

	enc_utf8_put(&out, 0x41);
	enc_utf8_put(&out, 0xE9);
	enc_utf8_put(&out, 0x20AC);
	enc_utf8_put(&out, 0x1F600);
	enc_utf8_put(&out, 0xD800);   /* surrogate */
	enc_utf8_put(&out, 0x110000); /* beyond Unicode */
	assert_string_equal(out.ptr, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
				     "\xEF\xBF\xBD\xEF\xBF\xBD");
	buf_free(&out);
}

static void test_delimiters(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN("a,b,c\n1,2,3\n");
	assert_int_equal(csv_delimiter(r), ',');
	expect_rec(r, 1, "a", "b", "c", NULL);
	expect_rec(r, 2, "1", "2", "3", NULL);
	csv_close(r);

	r = OPEN("a\tb\n1\t2,5\n");
	assert_int_equal(csv_delimiter(r), '\t');
	expect_rec(r, 1, "a", "b", NULL);
	expect_rec(r, 2, "1", "2,5", NULL);
	csv_close(r);

	r = OPEN("a;b,c\n"); /* tie: ';' wins */
	assert_int_equal(csv_delimiter(r), ';');
	expect_rec(r, 1, "a", "b,c", NULL);
	csv_close(r);

	r = OPEN("a,b\tc\n"); /* tie between ',' and tab: ',' */
	assert_int_equal(csv_delimiter(r), ',');
	csv_close(r);

	r = OPEN("a,b;c;d\n1,5;2;3\n");
	assert_int_equal(csv_delimiter(r), ';');
	expect_rec(r, 1, "a,b", "c", "d", NULL);
	expect_rec(r, 2, "1,5", "2", "3", NULL);
	csv_close(r);

	r = OPEN("nom\nx\n"); /* single column */
	assert_int_equal(csv_delimiter(r), ';');
	expect_rec(r, 1, "nom", NULL);
	expect_rec(r, 2, "x", NULL);
	csv_close(r);

	r = OPEN("\"a;b;c\",d,e\n"); /* delimiters inside quotes do not count */
	assert_int_equal(csv_delimiter(r), ',');
	expect_rec(r, 1, "a;b;c", "d", "e", NULL);
	csv_close(r);

	r = OPEN("\n  \r\na,b\n"); /* decided on the first non-blank line */
	assert_int_equal(csv_delimiter(r), ',');
	expect_rec(r, 3, "a", "b", NULL);
	csv_close(r);

	r = OPEN(";;;\n\t\na,b,c\n"); /* an empty row before the header does not decide */
	assert_int_equal(csv_delimiter(r), ',');
	expect_rec(r, 3, "a", "b", "c", NULL);
	csv_close(r);

	r = OPEN("a;b\n1,2,3,4,5\n"); /* only the header line decides */
	assert_int_equal(csv_delimiter(r), ';');
	csv_close(r);
}

static void test_quoting(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN("\"a;b\";\"he said \"\"hi\"\"\";\"\";\"\"\"\"\n");
	expect_rec(r, 1, "a;b", "he said \"hi\"", "", "\"", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("\"a\"  ;b;\"c\"\t\n"); /* spaces after a closing quote are dropped */
	expect_rec(r, 1, "a", "b", "c", NULL);
	csv_close(r);

	r = OPEN("a\"b;c \"d\" e\n"); /* a quote inside an unquoted field is literal */
	expect_rec(r, 1, "a\"b", "c \"d\" e", NULL);
	csv_close(r);

	r = OPEN(" \"a\";b\n"); /* a quote after a space does not open a quoted field */
	expect_rec(r, 1, " \"a\"", "b", NULL);
	csv_close(r);
}

static void test_multiline(void **state)
{
	(void)state;
	struct csv_reader *r =
		OPEN("id;texte\n1;\"ligne 1\nligne 2\n\nligne 4\"\n2;x\n3;\"a\r\nb\rc\"\n4;fin\n");
	expect_rec(r, 1, "id", "texte", NULL);
	expect_rec(r, 2, "1", "ligne 1\nligne 2\n\nligne 4", NULL);
	expect_rec(r, 6, "2", "x", NULL);
	expect_rec(r, 7, "3", "a\nb\nc", NULL); /* CRLF and CR inside quotes become LF */
	expect_rec(r, 10, "4", "fin", NULL);
	expect_end(r);
	csv_close(r);
}

static void test_line_ends(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN("a;b\r\n1;2\r\n");
	expect_rec(r, 1, "a", "b", NULL);
	expect_rec(r, 2, "1", "2", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("a;b\r1;2\r3;4");
	expect_rec(r, 1, "a", "b", NULL);
	expect_rec(r, 2, "1", "2", NULL);
	expect_rec(r, 3, "3", "4", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("a\r\nb\nc\rd\n\re\r\n"); /* mixed; "\n\r" is two line ends */
	expect_rec(r, 1, "a", NULL);
	expect_rec(r, 2, "b", NULL);
	expect_rec(r, 3, "c", NULL);
	expect_rec(r, 4, "d", NULL);
	expect_rec(r, 6, "e", NULL);
	expect_end(r);
	csv_close(r);
}

static void test_final_line(void **state)
{
	(void)state;
	struct csv_reader *r = OPEN("a;b\n1;2");
	expect_rec(r, 1, "a", "b", NULL);
	expect_rec(r, 2, "1", "2", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("a;\"b\"");
	expect_rec(r, 1, "a", "b", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("a;");
	expect_rec(r, 1, "a", "", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("a;b;;\n;x\n");
	expect_rec(r, 1, "a", "b", "", "", NULL);
	expect_rec(r, 2, "", "x", NULL);
	assert_string_equal(csv_field(r, 2), ""); /* past the end */
	assert_int_equal(csv_field_len(r, 99), 0);
	csv_close(r);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_mem("vide.csv", NULL, 0, &e);
	assert_non_null(r);
	assert_int_equal(csv_encoding(r), CSV_UTF8);
	assert_int_equal(csv_delimiter(r), ';');
	expect_end(r);
	csv_close(r);
	csv_close(NULL);

	r = OPEN("\n\r\n\r  \n\t\n");
	expect_end(r);
	csv_close(r);

	r = OPEN("a;b\n\n   \n;;\n ; \n1;2\n\r\n;\n");
	expect_rec(r, 1, "a", "b", NULL);
	expect_rec(r, 6, "1", "2", NULL);
	expect_end(r);
	csv_close(r);

	r = OPEN("a;b\n\"\";\n"); /* quoted empty field: a record, not a blank line */
	expect_rec(r, 1, "a", "b", NULL);
	expect_rec(r, 2, "", "", NULL);
	csv_close(r);
	err_free(&e);
}

static void test_malformed_resync(void **state)
{
	(void)state;
	/* Characters after a closing quote: error, then the next line. */
	struct csv_reader *r = OPEN("a;b\n\"x\"y;2\n3;4\n");
	expect_rec(r, 1, "a", "b", NULL);
	expect_bad(r, 2, "colonne 1 : caractères après le guillemet fermant");
	expect_rec(r, 3, "3", "4", NULL);
	expect_end(r);
	csv_close(r);

	/* The error is on the second column; the record ends at its real end,
	 * even when a later field spans lines. */
	r = OPEN("1;\"a\"b;\"c\nd\";e\n5;6\n");
	expect_bad(r, 1, "colonne 2 :");
	expect_rec(r, 3, "5", "6", NULL);
	csv_close(r);

	/* Unterminated quote: error at the record's line, reading resumes on the
	 * line after the opening quote. */
	r = OPEN("a;b\n1;\"x\n2;y\n3;z");
	expect_rec(r, 1, "a", "b", NULL);
	expect_bad(r, 2, "guillemet non fermé");
	expect_rec(r, 3, "2", "y", NULL);
	expect_rec(r, 4, "3", "z", NULL);
	expect_end(r);
	csv_close(r);

	/* The stray quote is on a later line of a multi-line record. */
	struct err e = ERR_INIT;
	r = OPEN("1;\"a\nb\";\"c\n2;d\n");
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(csv_line(r), 1);
	assert_string_equal(e.msg.ptr, "colonne 3 : guillemet non fermé (ouvert ligne 2)");
	expect_rec(r, 3, "2", "d", NULL);
	expect_end(r);
	csv_close(r);

	/* Several bad records in a row, each reported once. */
	r = OPEN("\"a\"x\n\"b\"y\n\"c\n");
	expect_bad(r, 1, "guillemet fermant");
	expect_bad(r, 2, "guillemet fermant");
	expect_bad(r, 3, "guillemet non fermé");
	expect_end(r);
	csv_close(r);

	/* Line numbers after multi-line fields and an error stay right. */
	r = OPEN("\"a\nb\"x;1\n2;3\n");
	expect_bad(r, 1, "guillemet fermant");
	expect_rec(r, 3, "2", "3", NULL);
	csv_close(r);
	err_free(&e);
}

static void test_field_too_long(void **state)
{
	(void)state;
	size_t n = CSV_MAX_FIELD + 1;
	struct buf in = BUF_INIT;
	buf_adds(&in, "a;b\n");
	for (size_t i = 0; i < n; i++)
		buf_addc(&in, 'x');
	buf_adds(&in, ";1\n\"");
	for (size_t i = 0; i < n; i++)
		buf_addc(&in, i % 100 == 99 ? '\n' : 'y');
	buf_adds(&in, "\";2\n");
	for (size_t i = 0; i < CSV_MAX_FIELD; i++)
		buf_addc(&in, 'z');
	buf_adds(&in, ";3\n");

	struct csv_reader *r = open_mem_ok(in.ptr, in.len);
	expect_rec(r, 1, "a", "b", NULL);
	struct err e = ERR_INIT;
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(csv_line(r), 2);
	assert_string_equal(e.msg.ptr, "colonne 1 : champ trop long (plus de 65536 octets)");
	expect_bad(r, 3, "champ trop long");
	long line = 3 + (long)(n / 100); /* the quoted field held n / 100 line ends */
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_line(r), line + 1);
	assert_int_equal(csv_field_len(r, 0), CSV_MAX_FIELD); /* exactly the limit is fine */
	assert_string_equal(csv_field(r, 1), "3");
	expect_end(r);
	csv_close(r);
	buf_free(&in);
	err_free(&e);
}

static void test_too_many_fields(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	for (int i = 0; i < CSV_MAX_FIELDS; i++)
		buf_addf(&in, "%s%d", i ? ";" : "", i);
	buf_adds(&in, "\n");
	for (int i = 0; i < CSV_MAX_FIELDS + 1; i++)
		buf_addf(&in, "%s%d", i ? ";" : "", i);
	buf_adds(&in, "\nfin;ok\n");

	struct csv_reader *r = open_mem_ok(in.ptr, in.len);
	struct err e = ERR_INIT;
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_nfields(r), CSV_MAX_FIELDS);
	assert_string_equal(csv_field(r, CSV_MAX_FIELDS - 1), "255");
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(csv_line(r), 2);
	assert_string_equal(e.msg.ptr, "trop de champs (plus de 256)");
	expect_rec(r, 3, "fin", "ok", NULL);
	expect_end(r);
	csv_close(r);
	buf_free(&in);
	err_free(&e);
}

static void test_nul_bytes(void **state)
{
	(void)state;
	struct err e = ERR_INIT;
	static const char bin[] = "a;b\r\n1;2\r\n3;\0\n";
	assert_null(csv_open_mem("t.csv", bin, sizeof(bin) - 1, &e));
	assert_string_equal(e.msg.ptr, "ligne 3 : octet nul : fichier binaire ?");

	static const char bin2[] = "\0";
	assert_null(csv_open_mem("", bin2, 1, &e));
	assert_string_equal(e.msg.ptr, "ligne 1 : octet nul : fichier binaire ?");

	static const char bin3[] = "a\r\rb\r\0";
	assert_null(csv_open_mem("x", bin3, sizeof(bin3) - 1, &e));
	assert_string_equal(e.msg.ptr, "ligne 4 : octet nul : fichier binaire ?");

	/* UTF-16 (Excel's "Unicode text") gets a message of its own. */
	static const char u16[] = "\xFF\xFE"
				  "a\0;\0b\0";
	assert_null(csv_open_mem("u.csv", u16, sizeof(u16) - 1, &e));
	assert_non_null(strstr(e.msg.ptr, "UTF-16"));
	err_free(&e);
}

static void test_open_file(void **state)
{
	(void)state;
	char path[] = "/tmp/numeco_test_csv_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	static const char content[] = "R\xE9"
				      "f\xE9rence;Montant\r\nA1;\"12 000 \x80\"\r\n";
	assert_int_equal(write(fd, content, sizeof(content) - 1), (ssize_t)(sizeof(content) - 1));
	close(fd);

	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_file(path, &e);
	assert_non_null(r);
	assert_string_equal(csv_name(r), path);
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	expect_rec(r, 1,
		   "R\xC3\xA9"
		   "f\xC3\xA9rence",
		   "Montant", NULL);
	expect_rec(r, 2, "A1", "12 000 \xE2\x82\xAC", NULL);
	expect_end(r);
	csv_close(r);
	unlink(path);

	/* Binary content: the message names the file and the line. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "a\nb\0", 4), 4);
	close(fd);
	assert_null(csv_open_file(path, &e));
	struct buf want = BUF_INIT;
	buf_addf(&want, "%s: ligne 2 : octet nul : fichier binaire ?", path);
	assert_string_equal(e.msg.ptr, want.ptr);
	buf_free(&want);
	unlink(path);

	assert_null(csv_open_file(path, &e));
	struct buf want2 = BUF_INIT;
	buf_addf(&want2, "impossible d'ouvrir %s : fichier introuvable", path);
	assert_string_equal(e.msg.ptr, want2.ptr);
	buf_free(&want2);

	assert_null(csv_open_file("/", &e));
	assert_non_null(strstr(e.msg.ptr, "impossible de lire / : "));
	err_free(&e);
}

/* A fixture as Excel (French) saves "CSV (séparateur : point-virgule)". */
static void test_fixture(void **state)
{
	(void)state;
	const char *dir = getenv("NUMECO_TEST_DATA");
	if (!dir)
		skip();
	struct buf path = BUF_INIT;
	buf_addf(&path, "%s/csv/excel_cp1252.csv", dir);
	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_file(path.ptr, &e);
	if (!r)
		print_error("%s\n", e.msg.ptr);
	assert_non_null(r);
	assert_int_equal(csv_encoding(r), CSV_CP1252);
	assert_int_equal(csv_delimiter(r), ';');
	expect_rec(r, 1,
		   "R\xC3\xA9"
		   "f\xC3\xA9rence",
		   "Th\xC3\xA8me", "Intitul\xC3\xA9", "Budget",
		   "\xC3\x89"
		   "ch\xC3\xA9"
		   "ance",
		   NULL);
	expect_rec(r, 2, "MIN-01", "Achats",
		   "Clauses \xE2\x80\x9C"
		   "\xC3\xA9"
		   "co\xE2\x80\x9D",
		   "12 000,00 \xE2\x82\xAC", "31/12/2024", NULL);
	expect_rec(r, 3, "MIN-02", "Fin d\xE2\x80\x99usage",
		   "R\xC3\xA9"
		   "emploi; dons\n\xC5\x93uvres",
		   "", "", NULL);
	expect_rec(r, 6, "MIN-03", "Usage", "Sobri\xC3\xA9t\xC3\xA9",
		   "1\xC2\xA0"
		   "500 \xE2\x82\xAC",
		   "01/06/2025", NULL);
	expect_end(r);
	csv_close(r);
	buf_free(&path);
	err_free(&e);
}

static void test_write(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	csv_write_field(&out, "simple", ';', 1);
	csv_write_field(&out, "a;b", ';', 0);
	csv_write_field(&out, "a,b", ';', 0);
	csv_write_field(&out, "il dit \"oui\"", ';', 0);
	csv_write_field(&out, "deux\nlignes", ';', 0);
	csv_write_field(&out, "cr\r", ';', 0);
	csv_write_field(&out, " espace", ';', 0);
	csv_write_field(&out, "espace ", ';', 0);
	csv_write_field(&out, "", ';', 0);
	csv_write_field(&out, "\xC3\xA9t\xC3\xA9", ';', 0);
	csv_write_end(&out);
	assert_string_equal(out.ptr, "simple;\"a;b\";a,b;\"il dit \"\"oui\"\"\";\"deux\nlignes\";"
				     "\"cr\r\";\" espace\";\"espace \";;\xC3\xA9t\xC3\xA9\r\n");

	buf_reset(&out);
	csv_write_field(&out, "a,b", ',', 1);
	csv_write_field(&out, "a;b", ',', 0);
	csv_write_field(&out, "\"", ',', 0);
	csv_write_end(&out);
	assert_string_equal(out.ptr, "\"a,b\",a;b,\"\"\"\"\r\n");
	buf_free(&out);
}

static void test_write_read_round_trip(void **state)
{
	(void)state;
	static const char *const rows[][4] = {
		{ "R\xC3\xA9"
		  "f",
		  "Intitul\xC3\xA9", "Texte", "Montant" },
		{ "A;1", "\"cit\xC3\xA9\"", "l1\nl2\n", "12,50" },
		{ " lead", "trail ", "", "\"\"" },
		{ "x", "a\"b\"c", ";;;", "\xE2\x82\xAC" },
	};
	const char delims[] = { ';', ',', '\t' };
	for (size_t d = 0; d < sizeof(delims); d++) {
		struct buf out = BUF_INIT;
		for (size_t i = 0; i < 4; i++) {
			for (size_t j = 0; j < 4; j++)
				csv_write_field(&out, rows[i][j], delims[d], j == 0);
			csv_write_end(&out);
		}
		struct csv_reader *r = open_mem_ok(out.ptr, out.len);
		assert_int_equal(csv_delimiter(r), delims[d]);
		struct err e = ERR_INIT;
		for (size_t i = 0; i < 4; i++) {
			assert_int_equal(csv_next(r, &e), 1);
			assert_int_equal(csv_nfields(r), 4);
			for (size_t j = 0; j < 4; j++)
				assert_string_equal(csv_field(r, j), rows[i][j]);
		}
		expect_end(r);
		csv_close(r);
		buf_free(&out);
		err_free(&e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_cp1252_table),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_multiline),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_final_line),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_malformed_resync),
		cmocka_unit_test(test_field_too_long),
		cmocka_unit_test(test_too_many_fields),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_open_file),
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_write_read_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
