/* web_rg.h: what the RGESN pages (page_services.c, page_assess.c,
 * page_diag.c, page_declaration.c, page_rgesn.c) and the services API
 * share: loading a service or an assessment named by a path (404 pages),
 * rights, addresses, score texts and tables, the answers' fields, the
 * declaration's input. Rendering apart from the loaders, which read the
 * store. */
#ifndef NUMECO_WEB_RG_H
#define NUMECO_WEB_RG_H

#include "rgesn/rg_report.h"
#include "rgesn/rgesn.h"
#include "store/store_rgesn.h"
#include "web/web.h"

/* At most this many criteria in one answers form (a light page: DOM under
 * 1 000 elements); the others are on the next pages of the filter. */
enum { WEB_RG_PAGE = 15 };

/* ---- loading ---- */

/* The service of code: 1 found, 0 when a 404 page was written, -1 on error. */
int web_rg_service(struct web_req *rq, struct web_resp *rs, const char *code,
		   struct rg_service *out, struct err *err);

/* An assessment named by a path's id, with its service and referential:
 * 1 found, 0 when a 404 page was written, -1 on error. */
struct web_rg_assess {
	struct rg_assessment a;
	struct rg_service svc;
	struct rg_ref ref;
};
int web_rg_assess_load(struct web_req *rq, struct web_resp *rs, const char *id,
		       struct web_rg_assess *out, struct err *err);
void web_rg_assess_free(struct web_rg_assess *x);

/* The complete assessment made before `a` for the same service (older
 * assessed_on, or same date and smaller id), published ones only when
 * published_only; its referential loaded. 1 found, 0 none, -1 on error. */
int web_rg_previous(struct store *s, const struct rg_assessment *a, int published_only,
		    struct rg_assessment *prev, struct rg_ref *prev_ref, struct err *err);

/* ---- rights ---- */

/* The owning direction of a service for perm_edit_service (0: the ministry). */
int64_t web_rg_direction(const struct rg_service *v);
int web_rg_may_edit(const struct web_req *rq, const struct rg_service *v);
/* 1 when the actor may register a service somewhere (admin, référent,
 * correspondant): the register shows the button, the form opens. */
int web_rg_may_register(const struct web_req *rq);
int web_rg_may_publish(const struct web_req *rq, const struct rg_service *v);
/* A 403 page saying what right is missing, with a link back to the service. */
void web_rg_refuse(struct web_req *rq, struct web_resp *rs, const struct rg_service *v,
		   const char *what);

/* ---- addresses ---- */

/* /services/CODE[SUFFIX][?ok=OK] */
void web_rg_service_url(struct buf *o, const char *code, const char *suffix, const char *ok);
/* /evaluations/ID[SUFFIX][?ok=OK] */
void web_rg_assess_url(struct buf *o, int64_t id, const char *suffix, const char *ok);

/* ---- texts ---- */

/* "62 %" (one decimal when not whole), "—" without applicable criteria. */
void web_rg_score_text(struct buf *o, const struct rg_tally *t);
/* The score of assessment a against r: every criterion of r for a
 * complete assessment; for a diagnosis, only the criteria it asked (those
 * of its items). */
void web_rg_score(const struct rg_ref *r, const struct rg_assessment *a, struct rg_score *out);
/* The referential restricted to the criteria of items (a diagnosis'
 * selection), sharing r's strings: free sub->criteria only (free()). */
void web_rg_subref(const struct rg_ref *r, const struct rg_item *items, size_t n,
		   struct rg_ref *sub);
/* A difference of score: "+5 points", "−2,5 points", "0 point". */
void web_rg_points(struct buf *o, double delta);
/* An answer as a small DSFR badge. */
void web_rg_answer_badge(struct buf *o, enum rg_answer a);
/* "Évaluation complète" / "Autodiagnostic rapide". */
const char *web_rg_kind_label(enum rg_kind k);
/* The score overall, by family and by priority as two DSFR tables
 * (headings h2, ids "familles" and "priorites"), and the counts. */
void web_rg_score_tables(struct buf *o, const struct rg_ref *r, const struct rg_score *s);

/* ---- answers ---- */

/* The answer of criterion id among items (non évalué when absent). */
const struct rg_item *web_rg_item(const struct rg_item *items, size_t n, const char *id);
/* Reads the fields of criterion id from the form ("r-ID" answer, "j-ID"
 * justification, "d-ID" planned date, "n-ID" note); 0 when the answer field
 * is absent. A planned date written JJ/MM/AAAA becomes AAAA-MM-JJ; an answer
 * that is not a code is kept as NON_EVALUE with *bad set. Strings are
 * malloc'd (web_rg_item_free). */
int web_rg_item_read(const struct web_kvs *form, const char *id, struct rg_item *it, int *bad);
void web_rg_item_free(struct rg_item *it);
/* The field id of criterion id's field kind ('r', 'j', 'd', 'n'): "r-4-3"
 * (dots become dashes: ids and anchors stay plain). */
void web_rg_field_id(struct buf *o, char kind, const char *id);

/* ---- filters (GET forms: JavaScript is not needed) ---- */

/* ?famille=N&priorite=CODE&reponse=CODE&page=P; 0 / -1 when absent or
 * unknown (*bad set for a value given but unknown). */
struct web_rg_filter {
	int family;   /* 0: all */
	int priority; /* enum rg_priority, -1: all */
	int answer;   /* enum rg_answer, -1: all */
	size_t page;  /* 1.. */
};
void web_rg_filter_read(const struct web_kvs *q, struct web_rg_filter *f, int *bad);
/* 1 when criterion c (answered it, NULL: non évalué) passes f. */
int web_rg_filter_match(const struct web_rg_filter *f, const struct rg_criterion *c,
			const struct rg_item *it);
/* path, then "?" + keep (a "key=value" kept in front, may be NULL) and the
 * filter's values, page (0: none), ok (NULL: none). */
void web_rg_filter_url(struct buf *o, const char *path, const char *keep,
		       const struct web_rg_filter *f, size_t page, const char *ok);
/* The GET form of the filter (answer filter when with_answer); keep_name /
 * keep_value: a hidden field kept (NULL: none). */
void web_rg_filter_form(struct buf *o, const char *action, const struct rg_ref *r,
			const struct web_rg_filter *f, int with_answer, const char *keep_name,
			const char *keep_value);
/* The DSFR pagination of pages pages of the filter (nothing for one page). */
void web_rg_pagination(struct buf *o, const char *path, const char *keep,
		       const struct web_rg_filter *f, size_t pages);

/* ---- declaration ---- */

/* The input of a declaration of x (its previous published complete
 * assessment when there is one): strings and structs owned by d's holder. */
struct web_rg_decl {
	struct rg_decl d;
	struct rg_score score;
	struct org ministry, direction;
	struct rg_assessment prev;
	struct rg_ref prev_ref;
	struct rg_score prev_score;
};
int web_rg_decl_build(struct store *s, const struct web_rg_assess *x, struct web_rg_decl *out,
		      struct err *err);
void web_rg_decl_free(struct web_rg_decl *d);
/* Sends the declaration of x in fmt: standalone HTML (with a CSP allowing
 * its own inline style sheet), Markdown or JSON. */
int web_rg_decl_send(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x,
		     enum rg_format fmt, struct err *err);

/* The form publishing the declaration of x (contact), for those who may
 * publish an unpublished complete assessment (page_declaration.c); headings h2. */
void web_rg_publish_form(struct web_req *rq, struct buf *o, const struct web_rg_assess *x,
			 const char *contact, const char *error);

/* ---- the diagnosis result (page_diag.c) ---- */

/* The page of a diagnosis: its first score, the criteria to look at first,
 * the answers and the button turning it into a complete assessment. */
void web_rg_diag_result(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x);

#endif
