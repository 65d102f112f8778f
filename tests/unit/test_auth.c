/* test_auth.c: password hashing and rules, tokens, digests and comparisons (src/auth/auth.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/buf.h"
#include "core/err.h"
#include "support.h"

#define PASSWORD "cheval correct agrafe"

/* One hash shared by the tests (argon2id is slow on purpose). */
static char g_hash[AUTH_HASH_MAX];

static int group_setup(void **state)
{
	(void)state;
	struct err e = ERR_INIT;
	if (auth_init() || auth_password_hash(PASSWORD, g_hash, &e)) {
		err_free(&e);
		return -1;
	}
	err_free(&e);
	return 0;
}

static void test_init_twice(void **state)
{
	(void)state;
	assert_int_equal(auth_init(), 0);
}

static void test_hash_format(void **state)
{
	(void)state;
	/* argon2id with the interactive limits: 64 MiB, 2 passes. */
	ts_assert_msg_has(g_hash, "$argon2id$v=19$m=65536,t=2,p=1$");
	assert_int_equal(strncmp(g_hash, "$argon2id$", 10), 0);
	assert_true(strlen(g_hash) < AUTH_HASH_MAX);
	assert_null(strstr(g_hash, PASSWORD));
}

static void test_verify_round_trip(void **state)
{
	(void)state;
	assert_int_equal(auth_password_verify(PASSWORD, g_hash), 1);
}

static void test_verify_wrong_password(void **state)
{
	(void)state;
	assert_int_equal(auth_password_verify("cheval correct agrafE", g_hash), 0);
	assert_int_equal(auth_password_verify("", g_hash), 0);
}

static void test_salted(void **state)
{
	(void)state;
	struct err e = ERR_INIT;
	char other[AUTH_HASH_MAX];
	TS_OK(&e, auth_password_hash(PASSWORD, other, &e));
	assert_string_not_equal(other, g_hash);
	err_free(&e);
}

static void test_verify_malformed(void **state)
{
	(void)state;
	assert_int_equal(auth_password_verify(PASSWORD, ""), 0);
	assert_int_equal(auth_password_verify(PASSWORD, NULL), 0);
	assert_int_equal(auth_password_verify(NULL, g_hash), 0);
	assert_int_equal(auth_password_verify(PASSWORD, "pas une empreinte"), 0);
	assert_int_equal(auth_password_verify(PASSWORD, PASSWORD), 0);
	assert_int_equal(auth_password_verify(PASSWORD, "$argon2id$v=19$m=65536,t=2,p=1$"), 0);
	assert_int_equal(auth_password_verify(PASSWORD, "$argon2id$v=19$m=abc,t=2,p=1$xx$yy"), 0);
	/* Another algorithm's hash (argon2i) is not accepted. */
	char other[AUTH_HASH_MAX];
	strcpy(other, g_hash);
	memcpy(other, "$argon2i$", 9);
	memmove(other + 9, other + 10, strlen(other + 10) + 1);
	assert_int_equal(auth_password_verify(PASSWORD, other), 0);
	/* Truncated, and with the digest altered. */
	strcpy(other, g_hash);
	other[strlen(other) - 5] = '\0';
	assert_int_equal(auth_password_verify(PASSWORD, other), 0);
	strcpy(other, g_hash);
	size_t last = strlen(other) - 2;
	other[last] = other[last] == 'A' ? 'B' : 'A';
	assert_int_equal(auth_password_verify(PASSWORD, other), 0);
	/* No terminating NUL within AUTH_HASH_MAX bytes. */
	char longer[AUTH_HASH_MAX + 8];
	memset(longer, 'a', sizeof(longer) - 1);
	memcpy(longer, "$argon2id$", 10);
	longer[sizeof(longer) - 1] = '\0';
	assert_int_equal(auth_password_verify(PASSWORD, longer), 0);
}

/* Asserts that auth_password_check refuses pw with a message containing part. */
static void refused(const char *pw, const char *email, const char *part)
{
	struct err e = ERR_INIT;
	assert_int_equal(auth_password_check(pw, email, &e), -1);
	ts_assert_msg_has(e.msg.ptr, part);
	err_free(&e);
}

static void accepted(const char *pw, const char *email)
{
	struct err e = ERR_INIT;
	if (auth_password_check(pw, email, &e))
		fail_msg("« %s » refusé : %s", pw, e.msg.ptr);
	err_free(&e);
}

static void test_password_rules(void **state)
{
	(void)state;
	const char *mail = "jean.dupont@exemple.gouv.fr";
	refused("", mail, "le mot de passe doit compter au moins 12 caractères");
	refused(NULL, mail, "au moins 12 caractères");
	refused("court", mail, "au moins 12 caractères");
	refused("abcdefghijk", mail, "au moins 12 caractères"); /* 11 */
	accepted("abcdefghijkl", mail);				/* 12 */
	/* Characters, not bytes: 11 « é » are 22 bytes but 11 characters. */
	refused("ééééééééééé", mail, "au moins 12 caractères");
	accepted("éàèùâêîôûçëï", mail);
	/* One character repeated, also a multi-byte one. */
	refused("aaaaaaaaaaaaaaaa", mail, "ne peut pas être un seul caractère répété");
	refused("éééééééééééééé", mail, "un seul caractère répété");
	accepted("abababababab", mail);
	accepted("aaaaaaaaaaab", mail);
	/* The e-mail, whatever its case, or its part before @. */
	refused(mail, mail, "ne peut pas être l'adresse électronique");
	refused("JEAN.DUPONT@EXEMPLE.GOUV.FR", mail, "l'adresse électronique");
	refused("jean.dupont.long", "jean.dupont.long@exemple.fr", "l'adresse électronique");
	accepted("jean.dupont@exemple.gouv.fr!", mail);
	accepted(mail, NULL);
	accepted(mail, "");
	/* A bounded length: hashing megabytes would be a denial of service. */
	struct buf big = BUF_INIT;
	for (int i = 0; i < 1025; i++)
		buf_addc(&big, (char)('a' + i % 26));
	refused(big.ptr, mail, "trop long");
	buf_truncate(&big, 1024);
	accepted(big.ptr, mail);
	buf_free(&big);
}

static int is_lower_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", s[i]) || !s[i])
			return 0;
	return 1;
}

static void test_tokens(void **state)
{
	(void)state;
	char a[AUTH_TOKEN_LEN], b[AUTH_TOKEN_LEN];
	auth_token_new(a);
	auth_token_new(b);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strlen(b), 64);
	assert_true(is_lower_hex(a, 64));
	assert_true(is_lower_hex(b, 64));
	assert_string_not_equal(a, b);
	/* A hundred tokens, all different. */
	static char many[100][AUTH_TOKEN_LEN];
	for (int i = 0; i < 100; i++) {
		auth_token_new(many[i]);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(many[i], many[j]);
	}
}

static void test_digest(void **state)
{
	(void)state;
	char d1[AUTH_DIGEST_LEN], d2[AUTH_DIGEST_LEN], tok[AUTH_TOKEN_LEN];
	/* BLAKE2b-256 test vector. */
	auth_token_digest("abc", d1);
	assert_string_equal(d1, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
	auth_token_new(tok);
	auth_token_digest(tok, d1);
	auth_token_digest(tok, d2);
	assert_string_equal(d1, d2);
	assert_int_equal(strlen(d1), 64);
	assert_true(is_lower_hex(d1, 64));
	assert_string_not_equal(d1, tok);
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	auth_token_digest(tok, d2);
	assert_string_not_equal(d1, d2);
}

static void test_equal(void **state)
{
	(void)state;
	char tok[AUTH_TOKEN_LEN], copy[AUTH_TOKEN_LEN];
	auth_token_new(tok);
	strcpy(copy, tok);
	assert_int_equal(auth_equal(tok, copy), 1);
	copy[63] = copy[63] == '0' ? '1' : '0';
	assert_int_equal(auth_equal(tok, copy), 0);
	assert_int_equal(auth_equal("abc", "abc"), 1);
	assert_int_equal(auth_equal("abc", "abd"), 0);
	assert_int_equal(auth_equal("abc", "abcd"), 0); /* a prefix */
	assert_int_equal(auth_equal("abcd", "abc"), 0);
	assert_int_equal(auth_equal("", ""), 1);
	assert_int_equal(auth_equal("", "a"), 0);
	assert_int_equal(auth_equal(NULL, "a"), 0);
	assert_int_equal(auth_equal("a", NULL), 0);
}

static void test_wipe(void **state)
{
	(void)state;
	char secret[] = "un secret";
	auth_wipe(secret, sizeof(secret));
	for (size_t i = 0; i < sizeof(secret); i++)
		assert_int_equal(secret[i], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_twice),
		cmocka_unit_test(test_hash_format),
		cmocka_unit_test(test_verify_round_trip),
		cmocka_unit_test(test_verify_wrong_password),
		cmocka_unit_test(test_salted),
		cmocka_unit_test(test_verify_malformed),
		cmocka_unit_test(test_password_rules),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_digest),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_wipe),
	};
	return cmocka_run_group_tests(tests, group_setup, NULL);
}
