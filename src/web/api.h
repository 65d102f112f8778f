/* api.h: what the JSON API modules (api_*.c, docs/api.md) share: sending
 * JSON and errors, reading the body, the roadmap named by the path, the
 * JSON form of each entity, running a write in one transaction, and the
 * handlers the route table of api.c lists. */
#ifndef NUMECO_WEB_API_H
#define NUMECO_WEB_API_H

#include <jansson.h>

#include "web/web.h"

/* Sends j (its reference is taken) as the body with status. The JSON is
 * written with '<', '>' and '&' as \u escapes, so no API answer can be read
 * as HTML even by a careless client. */
void api_send(struct web_resp *rs, int status, json_t *j);
/* {"erreur": message} with status; the message is printf-formatted. */
void api_error(struct web_resp *rs, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* 422 with {"erreur": …, "champs": fields} (fields is taken). */
void api_invalid(struct web_resp *rs, json_t *fields);

/* The request body as a JSON object; NULL after answering 400. An empty
 * body gives an empty object when empty_ok, else 400. */
json_t *api_body(struct web_req *rq, struct web_resp *rs, int empty_ok);

/* A JSON string (never NULL: invalid UTF-8 becomes U+FFFD). */
json_t *api_str(const char *s);
/* A string, or null when s is NULL or "". */
json_t *api_str_or_null(const char *s);

/* The roadmap of the path's {code}/{periode} (rq->params[0], [1]), with its
 * organisation: 1 found, 0 when a 404 was answered, -1 on error. */
int api_roadmap_find(struct web_req *rq, struct web_resp *rs, struct roadmap *rm, struct org *org,
		     struct err *err);
/* Appends one path segment, percent-encoded outside the unreserved set. */
void api_path_segment(struct buf *out, const char *s);
/* The path of a roadmap in the API: /api/v1/feuilles-de-route/CODE/PÉRIODE,
 * and of one of its actions (ref not NULL): …/actions/RÉF. */
void api_roadmap_path(struct buf *out, const char *code, const char *period, const char *ref);

/* JSON forms (docs/openapi.json, schemas Action, FeuilleDeRoute …). */
json_t *api_action_json(const struct action *a);
/* A roadmap without its actions. */
json_t *api_roadmap_json(const struct roadmap *rm);
json_t *api_review_json(const struct review *r);
/* ministry_code: the code of the root of o's tree. */
json_t *api_org_json(const struct org *o, const char *ministry_code);

/* A write: runs fn inside one store transaction. fn fills rs and returns 1
 * to commit, 0 to roll back (it answered with an error), -1 on failure (err
 * filled: rolled back, answered 500 by the pipeline). */
typedef int (*api_tx_fn)(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_in_tx(struct web_req *rq, struct web_resp *rs, api_tx_fn fn, struct err *err);

/* ---- handlers (one file per resource family) ---- */

/* api.c */
int api_get_index(struct web_req *rq, struct web_resp *rs, struct err *err);
/* api_orgs.c */
int api_get_orgs(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_get_org(struct web_req *rq, struct web_resp *rs, struct err *err);
/* api_roadmaps.c */
int api_get_roadmaps(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_get_roadmap(struct web_req *rq, struct web_resp *rs, struct err *err);
/* api_actions.c */
int api_get_action(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_put_action(struct web_req *rq, struct web_resp *rs, struct err *err);
/* api_review.c */
int api_post_state(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_get_reviews(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_post_review(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_post_review_done(struct web_req *rq, struct web_resp *rs, struct err *err);
/* api_reports.c */
int api_get_report(struct web_req *rq, struct web_resp *rs, struct err *err);
int api_get_footprint(struct web_req *rq, struct web_resp *rs, struct err *err);

#endif
