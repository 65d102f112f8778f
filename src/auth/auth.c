/* auth.c: password hashing, random tokens and their digests with libsodium (see auth.h). */
#include "auth/auth.h"

#include <sodium.h>
#include <string.h>

_Static_assert(AUTH_HASH_MAX >= crypto_pwhash_STRBYTES, "AUTH_HASH_MAX too small for argon2id");
_Static_assert(AUTH_TOKEN_LEN == 2 * 32 + 1, "a token is 32 random bytes in hex");
_Static_assert(AUTH_DIGEST_LEN == 2 * crypto_generichash_BYTES + 1,
	       "a digest is BLAKE2b-256 in hex");

/* Longer passwords are refused: hashing megabytes would be a cheap denial of service. */
enum { AUTH_PASSWORD_MAX_BYTES = 1024 };

int auth_init(void)
{
	/* 0 when started now, 1 when already started, -1 on failure. */
	return sodium_init() < 0 ? -1 : 0;
}

/* Number of characters of s (UTF-8 continuation bytes are not counted). */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* 1 when s is one character (possibly several UTF-8 bytes) repeated. */
static int one_char_repeated(const char *s, size_t len)
{
	size_t first = 1;
	while (first < len && ((unsigned char)s[first] & 0xC0) == 0x80)
		first++;
	for (size_t i = first; i < len; i += first)
		if (len - i < first || memcmp(s + i, s, first) != 0)
			return 0;
	return 1;
}

/* ASCII case-insensitive equality of the first n bytes of a with the string b. */
static int same_ascii_ci(const char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

int auth_password_check(const char *password, const char *email, struct err *err)
{
	size_t len = password ? strlen(password) : 0;
	if (len > AUTH_PASSWORD_MAX_BYTES)
		return err_set(err, "le mot de passe est trop long (%d octets au plus)",
			       AUTH_PASSWORD_MAX_BYTES);
	if (utf8_chars(password ? password : "") < AUTH_PASSWORD_MIN)
		return err_set(err, "le mot de passe doit compter au moins %d caractères",
			       AUTH_PASSWORD_MIN);
	if (one_char_repeated(password, len))
		return err_set(err, "le mot de passe ne peut pas être un seul caractère répété");
	if (email && *email) {
		const char *at = strchr(email, '@');
		if (same_ascii_ci(email, strlen(email), password) ||
		    (at && same_ascii_ci(email, (size_t)(at - email), password)))
			return err_set(err, "le mot de passe ne peut pas être l'adresse "
					    "électronique");
	}
	return 0;
}

int auth_password_hash(const char *password, char out[AUTH_HASH_MAX], struct err *err)
{
	memset(out, 0, AUTH_HASH_MAX);
	if (crypto_pwhash_str_alg(
		    out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
		    crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(err, "impossible de calculer l'empreinte du mot de passe "
				    "(mémoire insuffisante)");
	return 0;
}

int auth_password_verify(const char *password, const char *hash)
{
	if (!password || !hash || !*hash || !memchr(hash, '\0', AUTH_HASH_MAX))
		return 0;
	/* Only argon2id hashes are ours; anything else is malformed here. */
	static const char prefix[] = crypto_pwhash_argon2id_STRPREFIX;
	if (strncmp(hash, prefix, sizeof(prefix) - 1) != 0)
		return 0;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void auth_token_new(char out[AUTH_TOKEN_LEN])
{
	unsigned char bin[(AUTH_TOKEN_LEN - 1) / 2];
	randombytes_buf(bin, sizeof(bin));
	sodium_bin2hex(out, AUTH_TOKEN_LEN, bin, sizeof(bin));
	sodium_memzero(bin, sizeof(bin));
}

void auth_token_digest(const char *token, char out[AUTH_DIGEST_LEN])
{
	unsigned char h[crypto_generichash_BYTES];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, AUTH_DIGEST_LEN, h, sizeof(h));
}

int auth_equal(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	size_t n = strlen(a);
	if (strlen(b) != n)
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

void auth_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
