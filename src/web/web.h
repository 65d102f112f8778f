/* web.h: what the handlers of `numeco serve` see: the request, the response,
 * the signed-in person, and the helpers every page uses.
 *
 * The server (web_server.c) turns each HTTP request into a struct web_req,
 * finds its route (web_route.c), opens a store from the pool, resolves the
 * session or API token, checks the CSRF token of forms, then calls the
 * route's handler, which fills a struct web_resp. Handlers never talk to
 * libmicrohttpd. Everything a handler allocates in the response is freed by
 * the server.
 *
 * Pages are server-rendered HTML in French (web_layout.h builds the frame);
 * every value reaches HTML through report/html.h's escaping calls.
 */
#ifndef NUMECO_WEB_H
#define NUMECO_WEB_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/perm.h"
#include "store/store.h"

/* Key → value pairs (query string, form fields, extra response headers). */
struct web_kv {
	char *key;
	char *value;
};

struct web_kvs {
	struct web_kv *items;
	size_t n, cap;
};

void web_kvs_add(struct web_kvs *l, const char *key, const char *value);
/* The first value of key, or NULL. */
const char *web_kvs_get(const struct web_kvs *l, const char *key);
void web_kvs_free(struct web_kvs *l);

/* A file sent with a multipart form. */
struct web_file {
	char *field;	/* the form field's name */
	char *filename; /* as the browser sent it (never used as a path) */
	struct buf data;
};

/* Process-wide configuration, read once by `numeco serve`. */
struct web_cfg {
	const char *db_path;
	const char *listen;   /* "127.0.0.1:8080" */
	long session_seconds; /* inactivity before a session ends */
	int secure_cookies;   /* add Secure to cookies (behind HTTPS) */
	size_t max_body;      /* bytes accepted in a request body */
	unsigned threads;     /* worker threads */
};

struct web_resp;

struct web_req {
	const struct web_cfg *cfg;
	const char *method; /* "GET", "POST" … */
	const char *path;   /* decoded, without the query string */
	struct web_kvs query;
	struct web_kvs form; /* urlencoded or multipart text fields */
	struct web_file *files;
	size_t nfiles;
	struct buf body; /* raw body when it is not a form (JSON API) */
	/* Request headers (NULL when absent). */
	const char *content_type;
	const char *cookie_header;
	const char *authorization;
	const char *accept_encoding;
	const char *if_none_match;
	const char *csrf_header; /* X-CSRF-Token */
	/* The route's {captures}, in order. */
	const char *params[4];
	int nparams;

	/* Set by the server before the handler runs. */
	struct store *store;
	int signed_in;	    /* 1 with a session or an API token */
	int by_token;	    /* 1 when signed in by an API token (no CSRF needed) */
	struct actor actor; /* valid when signed_in */
	struct person who;  /* the signed-in person */
	char session_digest[65];
	char csrf[65]; /* the session's CSRF token, "" without a session */

	/* The page cache (web_server.c): a GET answered for the same person
	 * since the last change of the database is served again without
	 * running the handler. The dispatcher sets cache_key when the request
	 * may be cached, after identity and rights; cache_get fills rs on a hit. */
	struct buf cache_key;
	int (*cache_get)(void *ctx, const char *key, struct web_resp *rs);
	void *cache_ctx;
	/* The same for sessions: the person behind a session digest, valid
	 * until fresh_until (ISO time) and while the database is unchanged. */
	int (*ident_get)(void *ctx, const char *digest, const char *fresh_until,
			 struct web_req *rq);
	void (*ident_put)(void *ctx, const char *digest, const char *expires_at,
			  const struct web_req *rq);
};

struct web_resp {
	int status;
	const char *content_type; /* a static string; NULL for text/html */
	struct buf body;
	struct web_kvs headers; /* extra headers (Location, Set-Cookie …) */
	int no_store;		/* Cache-Control: no-store (default for pages) */
	/* A static body (assets): used instead of body when not NULL. */
	const unsigned char *static_data;
	size_t static_len;
	int static_gzip; /* static_data is gzip-encoded */
	int body_gzip;	 /* body is already gzip-encoded (from the page cache) */
	int from_cache;	 /* served by the page cache (not stored again) */
};

/* A handler fills rs; returns 0, or -1 with err for a server error (500,
 * logged, the message is not shown to the user). */
typedef int (*web_handler)(struct web_req *rq, struct web_resp *rs, struct err *err);

/* ---- helpers for handlers (web_resp.c) ---- */

/* 303 See Other to location (after a successful form). */
void web_redirect(struct web_resp *rs, const char *location);
/* A page with an error message in French, status 400/403/404/409/413… */
void web_error_page(struct web_req *rq, struct web_resp *rs, int status, const char *message);
/* A JSON body (copied), with '<', '>' and '&' written as \u escapes so that
 * no answer can be read as HTML. */
void web_json_text(struct web_resp *rs, int status, const char *json);
/* {"erreur": message} with status. */
void web_json_error(struct web_resp *rs, int status, const char *message);
/* A file download: type and the file name shown by the browser. */
void web_download(struct web_resp *rs, const char *type, const char *filename);

/* 1 when the signed-in person may read the organisation tree of ministry_id
 * (everyone signed in reads everything in numeco: reading is open to all
 * accounts, writing is scoped). Kept as a function so the rule has one place. */
int web_may_read(const struct web_req *rq, int64_t ministry_id);

#endif
