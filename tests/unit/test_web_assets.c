/* test_web_assets.c: unit tests of the embedded web assets (src/web/web_assets.c,
 * cmake/assets.cmake). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "web/web_assets.h"

/* ---- a small SHA-256 (FIPS 180-4), to check the hashes the build computed ---- */

static uint32_t ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
	static const uint32_t k[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
		0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
		0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
		0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
		0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
		0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
		0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
		0xc67178f2,
	};
	uint32_t w[64], v[8];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(v, h, sizeof v);
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) +
			      ((v[4] & v[5]) ^ (~v[4] & v[6])) + k[i] + w[i];
		uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) +
			      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof v[0]);
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (int i = 0; i < 8; i++)
		h[i] += v[i];
}

/* The SHA-256 of data as 64 lowercase hex digits and a NUL. */
static void sha256_hex(const unsigned char *data, size_t len, char out[65])
{
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	unsigned char tail[128] = { 0 };
	size_t full = len / 64 * 64, rest = len - full;
	for (size_t i = 0; i < full; i += 64)
		sha256_block(h, data + i);
	memcpy(tail, data + full, rest);
	tail[rest] = 0x80;
	size_t tlen = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[tlen - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha256_block(h, tail);
	if (tlen == 128)
		sha256_block(h, tail + 64);
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		unsigned char b = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
		out[2 * i] = hex[b >> 4];
		out[2 * i + 1] = hex[b & 15];
	}
	out[64] = '\0';
}

/* ---- helpers ---- */

static int is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* The asset's bytes as a NUL-terminated string (to free). */
static char *asset_text(const struct web_asset *a)
{
	char *s = malloc(a->len + 1);
	assert_non_null(s);
	memcpy(s, a->data, a->len);
	s[a->len] = '\0';
	return s;
}

static const struct web_asset *by_name(const char *name)
{
	const char *url = web_asset_url(name);
	assert_non_null(url);
	const struct web_asset *a = web_asset_by_path(url);
	assert_non_null(a);
	assert_string_equal(a->name, name);
	return a;
}

/* ---- tests ---- */

static void test_css_asset(void **state)
{
	(void)state;
	const struct web_asset *a = by_name("numeco.css");
	assert_string_equal(a->type, "text/css; charset=utf-8");
	/* /static/numeco.<12 hex>.css */
	assert_int_equal(strlen(a->path), strlen("/static/numeco.") + 12 + strlen(".css"));
	assert_memory_equal(a->path, "/static/numeco.", 15);
	assert_true(is_hex(a->path + 15, 12));
	assert_string_equal(a->path + 27, ".css");
	assert_true(a->len > 1000);
	assert_non_null(a->gz);
	/* the same lookups give the same answers */
	assert_ptr_equal(web_asset_url("numeco.css"), a->path);
	assert_ptr_equal(web_asset_by_path(a->path), a);
}

static void test_paths_are_content_hashes(void **state)
{
	(void)state;
	size_t n = web_asset_count();
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) {
		const struct web_asset *a = web_asset_at(i);
		char sha[65];
		assert_non_null(a);
		sha256_hex(a->data, a->len, sha);
		/* ETag: the quoted SHA-256 of the bytes */
		assert_int_equal(strlen(a->etag), 66);
		assert_int_equal(a->etag[0], '"');
		assert_int_equal(a->etag[65], '"');
		assert_memory_equal(a->etag + 1, sha, 64);
		/* path: /static/STEM.<first 12 hex>.EXT for name STEM.EXT */
		const char *dot = strrchr(a->name, '.');
		assert_non_null(dot);
		size_t stem = (size_t)(dot - a->name);
		assert_memory_equal(a->path, "/static/", 8);
		assert_memory_equal(a->path + 8, a->name, stem);
		assert_int_equal(a->path[8 + stem], '.');
		assert_memory_equal(a->path + 9 + stem, sha, 12);
		assert_string_equal(a->path + 21 + stem, dot);
		assert_ptr_equal(web_asset_by_path(a->path), a);
		assert_string_equal(web_asset_url(a->name), a->path);
	}
	assert_null(web_asset_at(n));
}

static void test_unknown(void **state)
{
	(void)state;
	const struct web_asset *css = by_name("numeco.css");
	char stale[64];
	assert_null(web_asset_by_path("/static/numeco.css"));
	assert_null(web_asset_by_path("/static/"));
	assert_null(web_asset_by_path(""));
	assert_null(web_asset_by_path(NULL));
	assert_null(web_asset_url("dsfr.min.css"));
	assert_null(web_asset_url(NULL));
	/* another hash: not served */
	assert_true(strlen(css->path) < sizeof stale);
	strcpy(stale, css->path);
	stale[15] = stale[15] == '0' ? '1' : '0';
	assert_null(web_asset_by_path(stale));
}

static void test_gzip_copies(void **state)
{
	(void)state;
	for (size_t i = 0; i < web_asset_count(); i++) {
		const struct web_asset *a = web_asset_at(i);
		int text = strncmp(a->type, "text/", 5) == 0 || strstr(a->type, "svg") != NULL;
		if (!a->gz) {
			assert_false(text);
			assert_int_equal(a->gz_len, 0);
			continue;
		}
		assert_true(a->gz_len > 18 && a->gz_len < a->len);
		assert_int_equal(a->gz[0], 0x1f);
		assert_int_equal(a->gz[1], 0x8b);
		unsigned char *out = malloc(a->len + 1);
		assert_non_null(out);
		z_stream z;
		memset(&z, 0, sizeof z);
		assert_int_equal(inflateInit2(&z, 16 + MAX_WBITS), Z_OK);
		z.next_in = (unsigned char *)(uintptr_t)a->gz;
		z.avail_in = (uInt)a->gz_len;
		z.next_out = out;
		z.avail_out = (uInt)(a->len + 1);
		assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
		assert_int_equal(z.total_out, a->len);
		assert_memory_equal(out, a->data, a->len);
		inflateEnd(&z);
		free(out);
	}
}

static void test_fonts(void **state)
{
	(void)state;
	const char *names[] = { "Marianne-Regular.woff2", "Marianne-Bold.woff2" };
	for (size_t i = 0; i < 2; i++) {
		const struct web_asset *a = by_name(names[i]);
		assert_string_equal(a->type, "font/woff2");
		assert_true(a->len > 4);
		assert_memory_equal(a->data, "wOF2", 4);
		assert_null(a->gz); /* WOFF2 is compressed already */
	}
}

/* Every url(...) of the CSS is a data: URI or one of the fonts shipped, and
 * each font shipped is used: the stylesheet causes no other request. */
static void test_css_urls(void **state)
{
	(void)state;
	const struct web_asset *css = by_name("numeco.css");
	const char *fonts[] = { web_asset_url("Marianne-Regular.woff2"),
				web_asset_url("Marianne-Bold.woff2") };
	int seen[2] = { 0, 0 };
	char *s = asset_text(css);
	size_t urls = 0;
	for (const char *p = strstr(s, "url("); p; p = strstr(p + 1, "url(")) {
		if (p > s && (p[-1] == '-' || (p[-1] >= 'a' && p[-1] <= 'z')))
			continue; /* url-prefix() of @-moz-document */
		const char *v = p + 4;
		if (*v == '"' || *v == '\'')
			v++;
		urls++;
		if (strncmp(v, "data:", 5) == 0)
			continue;
		int known = 0;
		for (size_t i = 0; i < 2; i++) {
			assert_non_null(fonts[i]);
			size_t n = strlen(fonts[i]);
			if (strncmp(v, fonts[i], n) == 0 && (v[n] == ')' || v[n] == '"')) {
				seen[i]++;
				known = 1;
			}
		}
		if (!known)
			fail_msg("numeco.css requests another file: %.60s", p);
	}
	assert_true(urls > 2);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], 1);
	/* only the two faces shipped, nothing left of the other DSFR files */
	size_t faces = 0;
	for (const char *p = strstr(s, "@font-face"); p; p = strstr(p + 1, "@font-face"))
		faces++;
	assert_int_equal(faces, 2);
	assert_null(strstr(s, "../"));
	assert_null(strstr(s, ".svg"));
	assert_null(strstr(s, ".woff)"));
	/* DSFR's licence notice is kept */
	assert_non_null(strstr(s, "SPDX-License-Identifier: Etalab-2.0"));
	free(s);
}

/* First load: CSS (gzip) + both fonts under 110 KB, so that a page of about
 * 10 KB stays well under the 150 KB budget (docs/web-assets.md). */
static void test_budget(void **state)
{
	(void)state;
	size_t total = 0;
	for (size_t i = 0; i < web_asset_count(); i++) {
		const struct web_asset *a = web_asset_at(i);
		total += a->gz ? a->gz_len : a->len;
	}
	const struct web_asset *css = by_name("numeco.css");
	assert_true(css->gz_len < 60 * 1000);
	assert_true(by_name("Marianne-Regular.woff2")->len < 25 * 1000);
	assert_true(by_name("Marianne-Bold.woff2")->len < 25 * 1000);
	if (total >= 110 * 1000)
		fail_msg("web assets weigh %zu bytes transferred, budget 110000", total);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_css_asset), cmocka_unit_test(test_paths_are_content_hashes),
		cmocka_unit_test(test_unknown),	  cmocka_unit_test(test_gzip_copies),
		cmocka_unit_test(test_fonts),	  cmocka_unit_test(test_css_urls),
		cmocka_unit_test(test_budget),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
