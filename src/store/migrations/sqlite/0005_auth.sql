-- 0005_auth.sql: signing in to the web application: password hashes and
-- failed attempts of people, sessions and personal API tokens.
-- Times are ISO 8601 UTC text (they compare as text); '' means none.

-- password_hash: argon2id encoded hash ($argon2id$v=19$...), '' for a person
-- who has no password yet (and cannot sign in). login_failures counts the
-- failed attempts in a row; locked_until is the time until which sign-in is
-- refused after too many of them.
ALTER TABLE person ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN login_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN locked_until TEXT NOT NULL DEFAULT '';

-- One row per signed-in browser. digest is the hash (BLAKE2b-256, hex) of
-- the random cookie value, never the value itself; csrf is the token sent
-- back in every form of that session. A session ends at expires_at unless
-- renewed by activity, and with its person.
CREATE TABLE session (
	digest TEXT NOT NULL PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);

CREATE INDEX session_person ON session (person_id);
CREATE INDEX session_expires ON session (expires_at);

-- Personal API tokens (for scripts), named by their person, shown once at
-- creation and stored only as their digest, like sessions. last_used_at is
-- '' until the first use.
CREATE TABLE api_token (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	digest TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	last_used_at TEXT NOT NULL DEFAULT ''
);

CREATE INDEX api_token_person ON api_token (person_id);
