/* auth.h: passwords, session and API tokens, sign-in rules (libsodium).
 *
 * Passwords are hashed with argon2id (crypto_pwhash_str, interactive limits)
 * and never stored or logged in clear. Session cookies and API tokens are
 * random (32 bytes, shown once as 64 hex characters); the store keeps only
 * their hash (BLAKE2b-256, hex), so a stolen database gives no usable token.
 * Call auth_init once in main before any other function.
 */
#ifndef NUMECO_AUTH_H
#define NUMECO_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* Lengths including the terminating NUL. */
#define AUTH_HASH_MAX	128 /* an argon2id encoded hash ($argon2id$v=19$...) */
#define AUTH_TOKEN_LEN	65  /* 64 hex characters */
#define AUTH_DIGEST_LEN 65  /* 64 hex characters */

/* Sign-in rules. */
#define AUTH_PASSWORD_MIN    12	   /* characters (bytes of UTF-8 counted as characters) */
#define AUTH_MAX_FAILURES    5	   /* failed attempts in a row before a lock */
#define AUTH_LOCK_SECONDS    900   /* lock duration after AUTH_MAX_FAILURES */
#define AUTH_SESSION_SECONDS 28800 /* 8 h of inactivity ends a session */

/* 0, or -1 when libsodium cannot start. */
int auth_init(void);

/* Checks a new password (length, not only one repeated character, not the
 * e-mail); French message in err. */
int auth_password_check(const char *password, const char *email, struct err *err);
/* Hashes password into out (AUTH_HASH_MAX bytes). -1 on failure (memory). */
int auth_password_hash(const char *password, char out[AUTH_HASH_MAX], struct err *err);
/* 1 when password matches the stored hash, 0 otherwise (also for a malformed hash). */
int auth_password_verify(const char *password, const char *hash);

/* A new random token, 64 hex characters. */
void auth_token_new(char out[AUTH_TOKEN_LEN]);
/* The hex digest under which a token is stored. */
void auth_token_digest(const char *token, char out[AUTH_DIGEST_LEN]);
/* Constant-time comparison of two NUL-terminated strings of equal length
 * (CSRF tokens); 1 when equal. */
int auth_equal(const char *a, const char *b);
/* Overwrites n bytes at p with zeros in a way the compiler keeps (passwords
 * read from the user, once hashed). */
void auth_wipe(void *p, size_t n);

#endif
