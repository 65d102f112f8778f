/* web_server.c: the libmicrohttpd glue of `numeco serve`: requests in,
 * responses out, a pool of store connections, request logs, graceful stop. */
#define _GNU_SOURCE /* strncasecmp, usleep */
#include "web/web_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "core/xalloc.h"
#include "web/web_assets.h"
#include "web/web_route.h"

/* Open stores kept for reuse: opening SQLite and checking the schema on
 * every request would cost more than most pages. */
#define POOL_MAX 16

/* The page cache: the last pages served, per session and address, valid
 * while the database has not changed (generation). A page of the dashboard
 * runs a consolidation; served again from here it costs a hash and a copy. */
#define CACHE_SLOTS 512

struct cached {
	char *key; /* NULL: empty slot */
	unsigned long generation;
	int status;
	const char *content_type;
	int gzip;
	struct buf body;
	struct web_kvs headers;
};

/* Sessions recently seen: the person behind a digest. */
#define IDENT_SLOTS 256

struct ident {
	char digest[65]; /* "" : empty slot */
	unsigned long generation;
	char expires_at[32];
	char csrf[65];
	struct person who;
	struct actor actor; /* id points into who */
};

struct server {
	const struct web_cfg *cfg;
	pthread_mutex_t lock;
	struct store *pool[POOL_MAX];
	int pool_counter[POOL_MAX]; /* store_change_counter when last handed out */
	int npool;
	atomic_int active; /* requests being handled */
	/* Bumped after every write request and whenever a connection sees a
	 * change made elsewhere (the CLI, another process). */
	atomic_ulong generation;
	pthread_mutex_t cache_lock;
	struct cached cache[CACHE_SLOTS];
	struct ident idents[IDENT_SLOTS];
};

/* The state of one request across libmicrohttpd's calls. */
struct call {
	struct server *srv;
	struct web_req rq;
	struct MHD_PostProcessor *pp;
	int too_big;
	size_t received;
	struct timespec start;
	int status;
	char *method, *path;
	/* The file being received by the post processor. */
	struct web_file *cur;
	size_t files_cap;
	unsigned long gen_start; /* the cache generation when handling began */
};

int web_listen_parse(const char *listen, unsigned char addr[4], unsigned short *port,
		     struct err *err)
{
	const char *colon = strrchr(listen, ':');
	if (!colon)
		return err_set(err,
			       "--listen invalide « %s » (attendu : ADRESSE:PORT, ex. "
			       "127.0.0.1:8080)",
			       listen);
	char host[64];
	size_t n = (size_t)(colon - listen);
	if (n == 0 || n >= sizeof(host))
		return err_set(err, "--listen invalide « %s » : adresse manquante ou trop longue",
			       listen);
	memcpy(host, listen, n);
	host[n] = '\0';
	if (strcmp(host, "localhost") == 0)
		strcpy(host, "127.0.0.1");
	struct in_addr a;
	if (inet_pton(AF_INET, host, &a) != 1)
		return err_set(err, "--listen : adresse IPv4 invalide « %s »", host);
	char *end;
	long p = strtol(colon + 1, &end, 10);
	if (*end || p < 1 || p > 65535)
		return err_set(err, "--listen : port invalide « %s » (1 à 65535)", colon + 1);
	memcpy(addr, &a.s_addr, 4);
	*port = (unsigned short)p;
	return 0;
}

void web_block_signals(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Hands out a store and, in *counter, its change counter as read now; give
 * both back to pool_put. A connection's own commits leave its counter
 * unchanged, so the value read here stays right until pool_put, and a change
 * made elsewhere meanwhile is seen by the next pool_get. */
static struct store *pool_get(struct server *srv, int *counter, struct err *err)
{
	struct store *s = NULL;
	int before = 0, now = 0;
	pthread_mutex_lock(&srv->lock);
	if (srv->npool > 0) {
		srv->npool--;
		s = srv->pool[srv->npool];
		before = srv->pool_counter[srv->npool];
	}
	pthread_mutex_unlock(&srv->lock);
	if (!s) {
		int migrated;
		s = store_open(srv->cfg->db_path, STORE_OPEN_EXISTING, &migrated, err);
		if (s && store_change_counter(s, &now, err)) {
			store_close(s);
			s = NULL;
		}
		atomic_fetch_add(&srv->generation, 1); /* a new connection knows no past */
	} else if (store_change_counter(s, &now, err) || now != before) {
		atomic_fetch_add(&srv->generation, 1);
	}
	*counter = now;
	return s;
}

static void pool_put(struct server *srv, struct store *s, int counter)
{
	pthread_mutex_lock(&srv->lock);
	if (srv->npool < POOL_MAX) {
		srv->pool_counter[srv->npool] = counter;
		srv->pool[srv->npool++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&srv->lock);
	if (s)
		store_close(s);
}

static size_t cache_slot(const char *key)
{
	size_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return h % CACHE_SLOTS;
}

static void cached_clear(struct cached *c)
{
	free(c->key);
	buf_free(&c->body);
	web_kvs_free(&c->headers);
	memset(c, 0, sizeof(*c));
}

/* The cache key of a request: the dispatcher's, plus the encoding. */
static void full_key(const struct web_req *rq, const char *key, struct buf *out)
{
	int gz = rq->accept_encoding && strstr(rq->accept_encoding, "gzip");
	buf_addf(out, "%s\n%s", key, gz ? "gzip" : "identity");
}

struct call;
static int cache_get(void *ctx, const char *key, struct web_resp *rs);
static int ident_get(void *ctx, const char *digest, const char *fresh_until, struct web_req *rq);
static void ident_put(void *ctx, const char *digest, const char *expires_at,
		      const struct web_req *rq);

static void person_copy(struct person *dst, const struct person *src)
{
	*dst = *src;
	dst->email = xstrdup(src->email);
	dst->name = xstrdup(src->name);
	dst->org_code = xstrdup(src->org_code);
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				   const char *value)
{
	(void)kind;
	web_kvs_add(cls, key, value ? value : "");
	return MHD_YES;
}

static enum MHD_Result on_post(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct call *c = cls;
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	if (!key)
		return MHD_YES;
	if (filename) {
		if (off == 0 || !c->cur || strcmp(c->cur->field, key) != 0) {
			xgrow((void **)&c->rq.files, sizeof(*c->rq.files), c->rq.nfiles + 1,
			      &c->files_cap);
			c->cur = &c->rq.files[c->rq.nfiles++];
			c->cur->field = xstrdup(key);
			c->cur->filename = xstrdup(filename);
			buf_init(&c->cur->data);
		}
		buf_add(&c->cur->data, data, size);
		return MHD_YES;
	}
	/* Text fields may arrive in pieces: append to the last value of key. */
	struct web_kvs *f = &c->rq.form;
	if (off > 0 && f->n && strcmp(f->items[f->n - 1].key, key) == 0) {
		struct web_kv *kv = &f->items[f->n - 1];
		size_t len = strlen(kv->value);
		kv->value = xrealloc(kv->value, len + size + 1);
		memcpy(kv->value + len, data, size);
		kv->value[len + size] = '\0';
	} else {
		char *v = xstrndup(data, size);
		web_kvs_add(f, key, v);
		free(v);
	}
	return MHD_YES;
}

static const char *header(struct MHD_Connection *con, const char *name)
{
	return MHD_lookup_connection_value(con, MHD_HEADER_KIND, name);
}

static struct call *call_new(struct server *srv, struct MHD_Connection *con, const char *url,
			     const char *method)
{
	struct call *c = xcalloc(1, sizeof(*c));
	c->srv = srv;
	clock_gettime(CLOCK_MONOTONIC, &c->start);
	c->method = xstrdup(method);
	c->path = xstrdup(url);
	struct web_req *rq = &c->rq;
	rq->cfg = srv->cfg;
	rq->method = c->method;
	rq->path = c->path;
	buf_init(&rq->body);
	rq->content_type = header(con, MHD_HTTP_HEADER_CONTENT_TYPE);
	rq->cookie_header = header(con, MHD_HTTP_HEADER_COOKIE);
	rq->authorization = header(con, MHD_HTTP_HEADER_AUTHORIZATION);
	rq->accept_encoding = header(con, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	rq->if_none_match = header(con, MHD_HTTP_HEADER_IF_NONE_MATCH);
	rq->csrf_header = header(con, "X-CSRF-Token");
	buf_init(&rq->cache_key);
	rq->cache_get = cache_get;
	rq->ident_get = ident_get;
	rq->ident_put = ident_put;
	rq->cache_ctx = c;
	MHD_get_connection_values(con, MHD_GET_ARGUMENT_KIND, collect_arg, &rq->query);
	const char *ct = rq->content_type ? rq->content_type : "";
	if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0 ||
	    strncasecmp(ct, "multipart/form-data", 19) == 0)
		c->pp = MHD_create_post_processor(con, 65536, on_post, c);
	return c;
}

static void call_free(struct call *c)
{
	struct web_req *rq = &c->rq;
	if (c->pp)
		MHD_destroy_post_processor(c->pp);
	web_kvs_free(&rq->query);
	web_kvs_free(&rq->form);
	for (size_t i = 0; i < rq->nfiles; i++) {
		free(rq->files[i].field);
		free(rq->files[i].filename);
		buf_free(&rq->files[i].data);
	}
	free(rq->files);
	buf_free(&rq->body);
	buf_free(&rq->cache_key);
	person_free(&rq->who);
	free(c->method);
	free(c->path);
	free(c);
}

static int cache_get(void *ctx, const char *key, struct web_resp *rs)
{
	struct call *c = ctx;
	struct server *srv = c->srv;
	struct buf k = BUF_INIT;
	full_key(&c->rq, key, &k);
	struct cached *e = &srv->cache[cache_slot(k.ptr)];
	int hit = 0;
	pthread_mutex_lock(&srv->cache_lock);
	if (e->key && strcmp(e->key, k.ptr) == 0 &&
	    e->generation == atomic_load(&srv->generation)) {
		rs->status = e->status;
		rs->content_type = e->content_type;
		buf_reset(&rs->body);
		buf_add(&rs->body, e->body.ptr, e->body.len);
		rs->body_gzip = e->gzip;
		rs->from_cache = 1;
		for (size_t i = 0; i < e->headers.n; i++)
			web_kvs_add(&rs->headers, e->headers.items[i].key,
				    e->headers.items[i].value);
		hit = 1;
	}
	pthread_mutex_unlock(&srv->cache_lock);
	buf_free(&k);
	return hit;
}

static int ident_get(void *ctx, const char *digest, const char *fresh_until, struct web_req *rq)
{
	struct call *c = ctx;
	struct server *srv = c->srv;
	struct ident *e = &srv->idents[cache_slot(digest) % IDENT_SLOTS];
	int hit = 0;
	pthread_mutex_lock(&srv->cache_lock);
	if (strcmp(e->digest, digest) == 0 && e->generation == atomic_load(&srv->generation) &&
	    strcmp(e->expires_at, fresh_until) > 0) {
		person_copy(&rq->who, &e->who);
		rq->actor = e->actor;
		rq->actor.id = rq->who.email;
		snprintf(rq->csrf, sizeof(rq->csrf), "%s", e->csrf);
		snprintf(rq->session_digest, sizeof(rq->session_digest), "%s", digest);
		rq->signed_in = 1;
		hit = 1;
	}
	pthread_mutex_unlock(&srv->cache_lock);
	return hit;
}

static void ident_put(void *ctx, const char *digest, const char *expires_at,
		      const struct web_req *rq)
{
	struct call *c = ctx;
	struct server *srv = c->srv;
	struct ident *e = &srv->idents[cache_slot(digest) % IDENT_SLOTS];
	pthread_mutex_lock(&srv->cache_lock);
	if (e->digest[0])
		person_free(&e->who);
	snprintf(e->digest, sizeof(e->digest), "%s", digest);
	/* The generation from before the session was read: a change made
	 * meanwhile (a sign-out) makes this entry stale at once. */
	e->generation = c->gen_start;
	snprintf(e->expires_at, sizeof(e->expires_at), "%s", expires_at);
	snprintf(e->csrf, sizeof(e->csrf), "%s", rq->csrf);
	person_copy(&e->who, &rq->who);
	e->actor = rq->actor;
	e->actor.id = e->who.email;
	pthread_mutex_unlock(&srv->cache_lock);
}

/* Keeps a 200 answer to a cacheable GET (no cookie set) for next time. */
static void cache_put(struct call *c, const struct web_resp *rs, const void *body, size_t len,
		      int gzip, unsigned long generation)
{
	struct server *srv = c->srv;
	if (!c->rq.cache_key.len || rs->from_cache || rs->status != 200 ||
	    web_kvs_get(&rs->headers, "Set-Cookie"))
		return;
	struct buf k = BUF_INIT;
	full_key(&c->rq, c->rq.cache_key.ptr, &k);
	struct cached *e = &srv->cache[cache_slot(k.ptr)];
	pthread_mutex_lock(&srv->cache_lock);
	cached_clear(e);
	e->key = buf_detach(&k);
	e->generation = generation;
	e->status = rs->status;
	e->content_type = rs->content_type;
	e->gzip = gzip;
	buf_add(&e->body, body, len);
	for (size_t i = 0; i < rs->headers.n; i++)
		web_kvs_add(&e->headers, rs->headers.items[i].key, rs->headers.items[i].value);
	pthread_mutex_unlock(&srv->cache_lock);
	buf_free(&k);
}

/* Serves /static/… from the embedded assets, without the store. */
static int serve_asset(struct web_req *rq, struct web_resp *rs)
{
	const struct web_asset *a = web_asset_by_path(rq->path);
	if (!a)
		return 0;
	web_kvs_add(&rs->headers, "Cache-Control", "public, max-age=31536000, immutable");
	web_kvs_add(&rs->headers, "ETag", a->etag);
	web_kvs_add(&rs->headers, "Vary", "Accept-Encoding");
	rs->content_type = a->type;
	rs->no_store = 0;
	if (rq->if_none_match && strstr(rq->if_none_match, a->etag)) {
		rs->status = 304;
		return 1;
	}
	rs->status = 200;
	int gzip_ok = rq->accept_encoding && strstr(rq->accept_encoding, "gzip");
	if (a->gz && gzip_ok) {
		rs->static_data = a->gz;
		rs->static_len = a->gz_len;
		rs->static_gzip = 1;
	} else {
		rs->static_data = a->data;
		rs->static_len = a->len;
	}
	return 1;
}

static void handle(struct call *c, struct web_resp *rs)
{
	struct web_req *rq = &c->rq;
	if (c->too_big) {
		rs->status = 413;
		buf_adds(&rs->body, "Requête trop volumineuse.\n");
		rs->content_type = "text/plain; charset=utf-8";
		return;
	}
	if (strncmp(rq->path, "/static/", 8) == 0 && serve_asset(rq, rs))
		return;
	struct err e = ERR_INIT;
	int counter;
	rq->store = pool_get(c->srv, &counter, &e);
	if (!rq->store) {
		fprintf(stderr, "numeco serve: base indisponible : %s\n", e.msg.ptr);
		rs->status = 503;
		rs->content_type = "text/plain; charset=utf-8";
		buf_adds(&rs->body, "Service indisponible : base de données inaccessible.\n");
	} else {
		web_dispatch(rq, rs);
		pool_put(c->srv, rq->store, counter);
		rq->store = NULL;
	}
	err_free(&e);
}

/* gzip of a page body when the client accepts it and it is worth it. */
static int maybe_gzip(const struct web_req *rq, struct web_resp *rs, struct buf *out)
{
	if (rs->body.len < 1024 || !rq->accept_encoding || !strstr(rq->accept_encoding, "gzip"))
		return 0;
	z_stream z;
	memset(&z, 0, sizeof(z));
	/* 15 + 16: a gzip wrapper; level 6: most of level 9's gain for far less time. */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	buf_grow(out, deflateBound(&z, rs->body.len) + 32);
	z.next_in = (unsigned char *)rs->body.ptr;
	z.avail_in = (uInt)rs->body.len;
	z.next_out = (unsigned char *)out->ptr;
	z.avail_out = (uInt)(deflateBound(&z, rs->body.len) + 32);
	int rc = deflate(&z, Z_FINISH);
	size_t n = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END)
		return 0;
	out->len = n;
	web_kvs_add(&rs->headers, "Vary", "Accept-Encoding");
	return 1;
}

static enum MHD_Result respond(struct call *c, struct MHD_Connection *con, struct web_resp *rs,
			       unsigned long generation)
{
	struct buf gz = BUF_INIT;
	struct MHD_Response *r;
	int gzipped = 0;
	if (rs->static_data) {
		r = MHD_create_response_from_buffer(rs->static_len, (void *)rs->static_data,
						    MHD_RESPMEM_PERSISTENT);
		gzipped = rs->static_gzip;
	} else if (rs->body_gzip) {
		gzipped = 1;
		size_t len = rs->body.len;
		r = MHD_create_response_from_buffer(len, buf_detach(&rs->body),
						    MHD_RESPMEM_MUST_FREE);
	} else if ((gzipped = maybe_gzip(&c->rq, rs, &gz))) {
		cache_put(c, rs, gz.ptr, gz.len, 1, generation);
		size_t len = gz.len;
		r = MHD_create_response_from_buffer(len, buf_detach(&gz), MHD_RESPMEM_MUST_FREE);
	} else {
		cache_put(c, rs, rs->body.ptr, rs->body.len, 0, generation);
		size_t len = rs->body.len;
		r = MHD_create_response_from_buffer(len, len ? buf_detach(&rs->body) : (void *)"",
						    len ? MHD_RESPMEM_MUST_FREE
							: MHD_RESPMEM_PERSISTENT);
	}
	buf_free(&gz);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
				rs->content_type ? rs->content_type : "text/html; charset=utf-8");
	if (gzipped)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	if (rs->no_store)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	for (size_t i = 0; i < rs->headers.n; i++)
		MHD_add_response_header(r, rs->headers.items[i].key, rs->headers.items[i].value);
	c->status = rs->status;
	enum MHD_Result ret = MHD_queue_response(con, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **state)
{
	struct server *srv = cls;
	(void)version;
	struct call *c = *state;
	if (!c) {
		*state = call_new(srv, con, url, method);
		atomic_fetch_add(&srv->active, 1);
		return MHD_YES;
	}
	if (*upload_data_size) {
		c->received += *upload_data_size;
		if (c->received > srv->cfg->max_body)
			c->too_big = 1;
		else if (c->pp)
			MHD_post_process(c->pp, upload_data, *upload_data_size);
		else
			buf_add(&c->rq.body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	struct web_resp rs;
	memset(&rs, 0, sizeof(rs));
	rs.status = 200;
	rs.no_store = 1;
	buf_init(&rs.body);
	/* The generation before the handler reads: a change made meanwhile
	 * makes the stored page stale at once. */
	unsigned long generation = atomic_load(&srv->generation);
	c->gen_start = generation;
	handle(c, &rs);
	unsigned long after = atomic_load(&srv->generation);
	web_security_headers(&rs);
	enum MHD_Result ret = respond(c, con, &rs, generation == after ? generation : 0);
	buf_free(&rs.body);
	web_kvs_free(&rs.headers);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *con, void **state,
			 enum MHD_RequestTerminationCode toe)
{
	struct server *srv = cls;
	struct call *c = *state;
	(void)con;
	(void)toe;
	if (!c)
		return;
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (double)(end.tv_sec - c->start.tv_sec) * 1e3 +
		    (double)(end.tv_nsec - c->start.tv_nsec) / 1e6;
	fprintf(stderr, "%s %s %d %.1f ms\n", c->method, c->path, c->status ? c->status : 0, ms);
	if (strcmp(c->method, "GET") != 0 && strcmp(c->method, "HEAD") != 0)
		atomic_fetch_add(&srv->generation, 1);
	call_free(c);
	*state = NULL;
	atomic_fetch_sub(&srv->active, 1);
}

int web_serve(const struct web_cfg *cfg, struct err *err)
{
	unsigned char addr[4];
	unsigned short port;
	if (web_listen_parse(cfg->listen, addr, &port, err))
		return -1;
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(port);
	memcpy(&sa.sin_addr.s_addr, addr, 4);

	struct server srv;
	memset(&srv, 0, sizeof(srv));
	srv.cfg = cfg;
	pthread_mutex_init(&srv.lock, NULL);
	pthread_mutex_init(&srv.cache_lock, NULL);
	atomic_init(&srv.active, 0);
	atomic_init(&srv.generation, 1);
	/* Check the database once before accepting anything. */
	int counter;
	struct store *first = pool_get(&srv, &counter, err);
	if (!first) {
		pthread_mutex_destroy(&srv.lock);
		return -1;
	}
	pool_put(&srv, first, counter);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, port, NULL, NULL,
		on_request, &srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)(cfg->threads ? cfg->threads : 2),
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30, MHD_OPTION_NOTIFY_COMPLETED,
		on_completed, &srv, MHD_OPTION_END);
	if (!d) {
		store_close(srv.pool[0]);
		pthread_mutex_destroy(&srv.lock);
		return err_set(err, "impossible d'écouter sur %s (port déjà pris ?)", cfg->listen);
	}
	fprintf(stderr, "numeco serve: à l'écoute sur http://%s/ (base %s) ; arrêt : SIGTERM\n",
		cfg->listen, cfg->db_path);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "numeco serve: arrêt demandé (%s), fin des requêtes en cours…\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* Stop accepting, then let the requests in progress finish. */
	MHD_socket ls = MHD_quiesce_daemon(d);
	for (int i = 0; i < 300 && atomic_load(&srv.active) > 0; i++)
		usleep(100000);
	MHD_stop_daemon(d);
	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	for (int i = 0; i < srv.npool; i++)
		store_close(srv.pool[i]);
	for (int i = 0; i < CACHE_SLOTS; i++)
		cached_clear(&srv.cache[i]);
	for (int i = 0; i < IDENT_SLOTS; i++)
		if (srv.idents[i].digest[0])
			person_free(&srv.idents[i].who);
	pthread_mutex_destroy(&srv.cache_lock);
	pthread_mutex_destroy(&srv.lock);
	fprintf(stderr, "numeco serve: arrêté.\n");
	return 0;
}
