/* web_route.c: route tables, identity, sign-in requirement, CSRF check and
 * security headers around every handler (see web_route.h). */
#include "web/web_route.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/clock.h"
#include "plan/actor.h"
#include "store/store_auth.h"

/* Every module's table; add a module here. */
static const struct web_route *const tables[] = {
	web_routes_auth,
	web_routes_dashboard,
	web_routes_ministry,
	web_routes_action,
	web_routes_review,
	web_routes_io,
	web_routes_footprint,
	web_routes_account,
	web_routes_indicators,
	web_routes_ind_form,
	web_routes_ind_state,
	web_routes_ind_def,
	web_routes_ind_edit,
	web_routes_ind_export,
	web_routes_service_form, /* before web_routes_services: /services/nouveau */
	web_routes_services,
	web_routes_assess,
	web_routes_diag,
	web_routes_declaration,
	web_routes_rgesn,
	web_routes_api,
	web_routes_api_services,
	web_routes_api_indicators,
	NULL,
};

/* Matches path against pattern segment by segment; the captures point into
 * copy, where path is split at its '/'. */
static int match(const char *pattern, const char *path, char *copy, size_t cap, struct web_req *rq)
{
	size_t n = strlen(path);
	if (n + 1 > cap || path[0] != '/')
		return 0;
	memcpy(copy, path, n + 1);
	int np = 0;
	const char *p = pattern + 1;
	char *q = copy + 1;
	for (;;) {
		const char *pend = strchr(p, '/');
		size_t plen = pend ? (size_t)(pend - p) : strlen(p);
		char *qend = strchr(q, '/');
		size_t qlen = qend ? (size_t)(qend - q) : strlen(q);
		if (plen >= 2 && p[0] == '{' && p[plen - 1] == '}') {
			if (qlen == 0 || np >= 4)
				return 0;
			rq->params[np++] = q;
		} else if (plen != qlen || strncmp(p, q, plen) != 0) {
			return 0;
		}
		if (!pend || !qend) {
			if (pend || qend)
				return 0;
			break;
		}
		*qend = '\0';
		p = pend + 1;
		q = qend + 1;
	}
	rq->nparams = np;
	return 1;
}

/* The value of cookie name in a Cookie header, into out (at most cap-1 bytes). */
static int cookie_value(const char *header, const char *name, char *out, size_t cap)
{
	size_t n = strlen(name);
	for (const char *p = header; p && *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > n && strncmp(p, name, n) == 0 && p[n] == '=') {
			size_t vlen = len - n - 1;
			if (vlen >= cap)
				return 0;
			memcpy(out, p + n + 1, vlen);
			out[vlen] = '\0';
			return 1;
		}
		p = end;
	}
	return 0;
}

static void sign_in_as(struct web_req *rq, const char *email, struct err *err)
{
	if (actor_load(rq->store, email, &rq->who, &rq->actor, err) > 0)
		rq->signed_in = 1;
}

/* Resolves the API token or the session cookie. */
static void identify(struct web_req *rq, struct err *err)
{
	char now[32], digest[AUTH_DIGEST_LEN];
	clock_now_iso(now);
	const char *auth = rq->authorization;
	if (auth && strncmp(auth, "Bearer ", 7) == 0) {
		char *email = NULL;
		auth_token_digest(auth + 7, digest);
		if (store_token_find(rq->store, digest, now, &email, err) > 0) {
			sign_in_as(rq, email, err);
			rq->by_token = rq->signed_in;
		}
		free(email);
		return;
	}
	char token[AUTH_TOKEN_LEN];
	if (!rq->cookie_header ||
	    !cookie_value(rq->cookie_header, WEB_SESSION_COOKIE, token, sizeof(token)))
		return;
	auth_token_digest(token, digest);
	/* Renew the session at most once a minute: a write per request would
	 * make every page a write. A session known to the server and not due
	 * for renewal needs no query at all. */
	char renew[32];
	if (clock_iso_add(now, rq->cfg->session_seconds - 60, renew))
		return;
	/* Known and valid past both now and the renewal time (short timeouts
	 * put the renewal time before now). */
	const char *fresh = strcmp(renew, now) > 0 ? renew : now;
	if (rq->ident_get && rq->ident_get(rq->cache_ctx, digest, fresh, rq))
		return;
	struct session se = { 0 };
	if (store_session_get(rq->store, digest, now, &se, err) <= 0)
		return;
	sign_in_as(rq, se.email, err);
	if (rq->signed_in) {
		snprintf(rq->csrf, sizeof(rq->csrf), "%s", se.csrf);
		snprintf(rq->session_digest, sizeof(rq->session_digest), "%s", digest);
		char until[32];
		snprintf(until, sizeof(until), "%s", se.expires_at);
		if (strcmp(renew, se.expires_at) > 0) {
			clock_iso_add(now, rq->cfg->session_seconds, until);
			store_session_touch(rq->store, digest, until, err);
		}
		if (rq->ident_put)
			rq->ident_put(rq->cache_ctx, digest, until, rq);
	}
	session_free(&se);
}

/* Adds header key unless the response has it already. */
static void header_once(struct web_resp *rs, const char *key, const char *value)
{
	if (!web_kvs_get(&rs->headers, key))
		web_kvs_add(&rs->headers, key, value);
}

void web_security_headers(struct web_resp *rs)
{
	header_once(rs, "Content-Security-Policy",
		    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
		    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	header_once(rs, "X-Content-Type-Options", "nosniff");
	header_once(rs, "Referrer-Policy", "same-origin");
	header_once(rs, "X-Frame-Options", "DENY");
}

static int is_write(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

static void refuse(struct web_req *rq, struct web_resp *rs, const struct web_route *r, int status,
		   const char *msg)
{
	if (r->flags & WEB_API)
		web_json_error(rs, status, msg);
	else
		web_error_page(rq, rs, status, msg);
}

void web_dispatch(struct web_req *rq, struct web_resp *rs)
{
	const struct web_route *found = NULL;
	int path_known = 0;
	char copy[1024];
	for (int t = 0; tables[t] && !found; t++)
		for (const struct web_route *r = tables[t]; r->method && !found; r++)
			if (match(r->pattern, rq->path, copy, sizeof(copy), rq)) {
				path_known = 1;
				int head = strcmp(rq->method, "HEAD") == 0 &&
					   strcmp(r->method, "GET") == 0;
				if (strcmp(r->method, rq->method) == 0 || head)
					found = r;
			}
	struct err e = ERR_INIT;
	identify(rq, &e);
	err_free(&e);
	if (!found) {
		int api = strncmp(rq->path, "/api/", 5) == 0;
		int status = path_known ? 405 : 404;
		const char *msg = path_known ? "Méthode non permise sur cette adresse."
					     : "Cette page n'existe pas.";
		if (api)
			web_json_error(rs, status, msg);
		else
			web_error_page(rq, rs, status, msg);
		return;
	}
	if (!(found->flags & WEB_PUBLIC) && !rq->signed_in) {
		if (found->flags & WEB_API) {
			web_json_error(rs, 401,
				       "authentification requise (session ou jeton d'API)");
			web_kvs_add(&rs->headers, "WWW-Authenticate", "Bearer");
		} else {
			struct buf loc = BUF_INIT;
			buf_adds(&loc, "/connexion?retour=");
			for (const unsigned char *p = (const unsigned char *)rq->path; *p; p++)
				if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				    (*p >= '0' && *p <= '9') || strchr("/-_.", *p))
					buf_addc(&loc, (char)*p);
				else
					buf_addf(&loc, "%%%02X", *p);
			web_redirect(rs, loc.ptr);
			buf_free(&loc);
		}
		return;
	}
	if (is_write(rq->method) && !(found->flags & WEB_NO_CSRF) && !rq->by_token) {
		const char *sent = web_kvs_get(&rq->form, "csrf");
		if (!sent)
			sent = rq->csrf_header;
		if (!rq->csrf[0] || !sent || strlen(sent) != strlen(rq->csrf) ||
		    !auth_equal(sent, rq->csrf)) {
			refuse(rq, rs, found, 403,
			       "Jeton de sécurité du formulaire absent ou périmé : rechargez la "
			       "page "
			       "et recommencez.");
			return;
		}
	}
	if (strcmp(rq->method, "GET") == 0 && rq->cache_get) {
		/* Pages hold the person's name and the session's CSRF token: the key
		 * names the session (or the token's person), then the address. */
		if (rq->session_digest[0])
			buf_adds(&rq->cache_key, rq->session_digest);
		else if (rq->by_token)
			buf_addf(&rq->cache_key, "token:%s", rq->actor.id);
		else
			buf_adds(&rq->cache_key, "-");
		buf_addf(&rq->cache_key, "\n%s", rq->path);
		for (size_t i = 0; i < rq->query.n; i++)
			buf_addf(&rq->cache_key, "\n%s=%s", rq->query.items[i].key,
				 rq->query.items[i].value);
		if (rq->cache_get(rq->cache_ctx, rq->cache_key.ptr, rs))
			return;
	}
	if (found->fn(rq, rs, &e)) {
		fprintf(stderr, "numeco serve: %s %s : %s\n", rq->method, rq->path, e.msg.ptr);
		buf_reset(&rs->body);
		web_kvs_free(&rs->headers);
		refuse(rq, rs, found, 500, "Erreur interne du serveur ; elle a été consignée.");
	}
	err_free(&e);
	if (strcmp(rq->method, "HEAD") == 0)
		buf_reset(&rs->body);
}
