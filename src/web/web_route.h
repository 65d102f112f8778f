/* web_route.h: the route tables of `numeco serve` and the request pipeline
 * around a handler: identity (session cookie or API token), sign-in
 * requirement, CSRF check of writes, security headers.
 *
 * Each page or API module exports one table ended by a {NULL} entry; the
 * list of tables is in web_route.c. Patterns are paths whose segments may be
 * "{name}" (one non-empty segment, captured into rq->params in order).
 */
#ifndef NUMECO_WEB_ROUTE_H
#define NUMECO_WEB_ROUTE_H

#include "web/web.h"

enum {
	WEB_PUBLIC = 1,	 /* no sign-in needed */
	WEB_API = 2,	 /* JSON answers (401/403 as JSON), API tokens accepted */
	WEB_NO_CSRF = 4, /* a write without CSRF token (the sign-in form) */
};

struct web_route {
	const char *method; /* "GET", "POST" … */
	const char *pattern;
	web_handler fn;
	unsigned flags;
};

/* Route tables of the modules (one per file of pages or API). */
extern const struct web_route web_routes_auth[], web_routes_dashboard[], web_routes_ministry[],
	web_routes_action[], web_routes_review[], web_routes_io[], web_routes_footprint[],
	web_routes_account[], web_routes_api[];
/* The indicator pages and their API (page_indicators.c, page_ind_form.c, page_ind_state.c,
 * page_ind_def.c, page_ind_edit.c, page_ind_export.c, api_indicators.c). */
extern const struct web_route web_routes_indicators[], web_routes_ind_form[],
	web_routes_ind_state[], web_routes_ind_def[], web_routes_ind_edit[],
	web_routes_ind_export[], web_routes_api_indicators[];

/* The RGESN pages (page_service_form.c, page_services.c, page_assess.c,
 * page_diag.c, page_declaration.c, page_rgesn.c) and their API
 * (api_services.c). */
extern const struct web_route web_routes_service_form[], web_routes_services[], web_routes_assess[],
	web_routes_diag[], web_routes_declaration[], web_routes_rgesn[], web_routes_api_services[];

/* Runs the request: finds its route, resolves identity in rq->store, checks
 * rights to reach it and the CSRF token, calls the handler, adds the
 * security headers. rq->store must be open. Never fails: errors become
 * responses (500 logged to stderr). */
void web_dispatch(struct web_req *rq, struct web_resp *rs);

/* Security headers every response carries (CSP without inline script …);
 * a header the handler set already is kept (a standalone page's own CSP). */
void web_security_headers(struct web_resp *rs);

/* Name of the session cookie. */
#define WEB_SESSION_COOKIE "numeco_session"

#endif
