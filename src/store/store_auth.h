/* store_auth.h: stored credentials, sessions and API tokens (SQLite backend
 * in sqlite_auth.c). Same conventions as store.h. Times are ISO 8601 UTC
 * strings as written by core/clock.h (they compare as text). */
#ifndef NUMECO_STORE_AUTH_H
#define NUMECO_STORE_AUTH_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* ---- passwords and sign-in failures ---- */

struct person_auth {
	int64_t person_id;
	char *password_hash; /* "" when the person has no password (cannot sign in) */
	int failures;	     /* failed attempts in a row */
	char *locked_until;  /* "" when not locked */
};

void person_auth_free(struct person_auth *a);

/* Sets (or replaces) the password hash of a person; unknown e-mail: an error. */
int store_password_set(struct store *s, const char *email, const char *hash, struct err *err);
/* 1 found, 0 unknown e-mail, -1 error. */
int store_person_auth(struct store *s, const char *email, struct person_auth *out, struct err *err);
/* Records a failed attempt; locked_until "" or a time until which sign-in is
 * refused (a stored lock is never shortened: the later time is kept). */
int store_login_failed(struct store *s, int64_t person_id, const char *locked_until,
		       struct err *err);
/* Resets the failure count and lock after a successful sign-in. */
int store_login_ok(struct store *s, int64_t person_id, struct err *err);

/* ---- sessions ---- */

struct session {
	char *digest; /* the stored digest of the cookie value */
	int64_t person_id;
	char *email;	  /* of the person, for store_person_get */
	char *csrf;	  /* 64 hex characters, sent back in every form */
	char *expires_at; /* end of the session unless renewed */
};

void session_free(struct session *se);

int store_session_create(struct store *s, const char *digest, int64_t person_id, const char *csrf,
			 const char *expires_at, struct err *err);
/* 1 found and not expired at now, 0 otherwise (an expired session is deleted), -1 error. */
int store_session_get(struct store *s, const char *digest, const char *now, struct session *out,
		      struct err *err);
/* Moves the end of a session; -1 with a message when there is no such session. */
int store_session_touch(struct store *s, const char *digest, const char *expires_at,
			struct err *err);
/* Ends a session (signing out); 0 also when it was already gone. */
int store_session_delete(struct store *s, const char *digest, struct err *err);
/* Ends every session of a person (after a password change). */
int store_session_delete_person(struct store *s, int64_t person_id, struct err *err);
/* Deletes the expired sessions (housekeeping). */
int store_session_purge(struct store *s, const char *now, struct err *err);

/* ---- personal API tokens ---- */

struct api_token {
	int64_t id;
	int64_t person_id;
	char *name; /* what the person called it */
	char *created_at;
	char *last_used_at; /* "" when never used */
};

struct api_token_list {
	struct api_token *items;
	size_t n, cap;
};

void api_token_list_free(struct api_token_list *l);

int store_token_create(struct store *s, int64_t person_id, const char *name, const char *digest,
		       int64_t *id, struct err *err);
/* The tokens of a person, newest first (never their digest). */
int store_token_list(struct store *s, int64_t person_id, struct api_token_list *out,
		     struct err *err);
/* Revokes token id of person_id; 0 when done, -1 with a message when no such token. */
int store_token_revoke(struct store *s, int64_t person_id, int64_t id, struct err *err);
/* 1 and the e-mail of its person (malloc'ed) for a valid digest, 0 unknown, -1
 * error; records the use time. */
int store_token_find(struct store *s, const char *digest, const char *now, char **email,
		     struct err *err);

#endif
