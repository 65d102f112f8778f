/* web_server.h: `numeco serve`: the HTTP server (libmicrohttpd) that runs
 * the routes of web_route.h. */
#ifndef NUMECO_WEB_SERVER_H
#define NUMECO_WEB_SERVER_H

#include "core/err.h"
#include "web/web.h"

/* Parses "HOST:PORT" (IPv4 address or "localhost") of --listen. */
int web_listen_parse(const char *listen, unsigned char addr[4], unsigned short *port,
		     struct err *err);

/* Serves until SIGTERM or SIGINT, then stops accepting connections, lets the
 * requests in progress finish (a write is never cut short) and returns 0.
 * Logs one line per request to stderr: method, path, status, milliseconds.
 * Returns -1 with err when the server cannot start. The caller must have
 * blocked SIGTERM and SIGINT in every thread (web_block_signals) before. */
int web_serve(const struct web_cfg *cfg, struct err *err);

/* Blocks SIGTERM, SIGINT (and ignores SIGPIPE) in the calling thread, so
 * that the threads it starts inherit the mask and web_serve can wait for them. */
void web_block_signals(void);

#endif
