/* store_rgesn.h: stored RGESN referentials, services, assessments (SQLite
 * backend in sqlite_rgesn*.c, schema migrations/sqlite/0007_rgesn.sql).
 * Same conventions as store.h. */
#ifndef NUMECO_STORE_RGESN_H
#define NUMECO_STORE_RGESN_H

#include <stdint.h>

#include "core/err.h"
#include "rgesn/rgesn.h"
#include "store/store.h"

/* ---- referentials ---- */

struct rg_ref_meta {
	int64_t id;
	char *name, *version, *title, *loaded_at, *loaded_by;
	int full_text;
	size_t ncriteria;
};
struct rg_ref_meta_list {
	struct rg_ref_meta *items;
	size_t n, cap;
};
void rg_ref_meta_list_free(struct rg_ref_meta_list *l);

/* Stores r under (name, version); an existing one is replaced in place (same
 * id, assessments kept: their answers refer to criterion ids). Fills r->id. */
int store_rg_ref_save(struct store *s, struct rg_ref *r, const char *by, struct err *err);
/* version NULL or "": the latest version of name (highest version string,
 * then the last loaded). 1 found, 0 not, -1. */
int store_rg_ref_load(struct store *s, const char *name, const char *version, struct rg_ref *out,
		      struct err *err);
int store_rg_ref_load_id(struct store *s, int64_t id, struct rg_ref *out, struct err *err);
int store_rg_ref_list(struct store *s, struct rg_ref_meta_list *out, struct err *err);

/* ---- services ---- */

enum rg_service_status { RG_SVC_EN_PROJET, RG_SVC_EN_PRODUCTION, RG_SVC_RETIRE, RG_SVC_N };
const char *rg_service_status_code(enum rg_service_status s);  /* en_projet … */
const char *rg_service_status_label(enum rg_service_status s); /* En projet … */
int rg_service_status_parse(const char *s, enum rg_service_status *out);

struct rg_service {
	int64_t id;
	char *code; /* unique, e.g. "MIN-A-DEMARCHES" */
	char *name;
	char *url;
	int64_t org_id;	     /* owning organisation */
	char *org_code;
	int64_t ministry_id; /* root of org's tree */
	char *ministry_code;
	char *direction_code; /* "" when none */
	char *audience;
	enum rg_service_status status;
	char *contact;
	/* Filled by list functions: the latest complete assessment's score
	 * (has_score 0 when none) and date. */
	int has_score;
	double score;
	char *assessed_on;
};
struct rg_service_list {
	struct rg_service *items;
	size_t n, cap;
};
void rg_service_free(struct rg_service *v);
void rg_service_list_free(struct rg_service_list *l);

int store_rg_service_add(struct store *s, struct rg_service *v, struct err *err);
int store_rg_service_update(struct store *s, const struct rg_service *v, struct err *err);
int store_rg_service_get(struct store *s, const char *code, struct rg_service *out, struct err *err);
int store_rg_service_get_id(struct store *s, int64_t id, struct rg_service *out, struct err *err);
/* ministry_id 0: all; by ministry code then service code. */
int store_rg_service_list(struct store *s, int64_t ministry_id, struct rg_service_list *out,
			  struct err *err);

/* ---- assessments ---- */

enum rg_kind { RG_KIND_COMPLETE, RG_KIND_DIAGNOSTIC };

struct rg_assessment {
	int64_t id;
	int64_t service_id;
	int64_t ref_id;
	char *ref_label; /* "RGESN 2024" */
	enum rg_kind kind;
	char *assessed_on; /* AAAA-MM-JJ */
	char *published_at; /* "" when not published */
	char *contact;
	char *created_at, *created_by;
	int64_t from_id; /* the diagnosis it was made from, 0 */
	struct rg_item *items;
	size_t nitems;
};
struct rg_assessment_list {
	struct rg_assessment *items; /* without their items */
	size_t n, cap;
};
void rg_assessment_free(struct rg_assessment *a);
void rg_assessment_list_free(struct rg_assessment_list *l);

int store_rg_assessment_add(struct store *s, struct rg_assessment *a, struct err *err);
/* Replaces the answer of one criterion (inserting it). */
int store_rg_answer_set(struct store *s, int64_t assessment_id, const struct rg_item *it,
			struct err *err);
int store_rg_assessment_set_published(struct store *s, int64_t id, const char *at,
				      struct err *err);
/* The declaration's contact (set by rg_publish). */
int store_rg_assessment_set_contact(struct store *s, int64_t id, const char *contact,
				    struct err *err);
int store_rg_assessment_get(struct store *s, int64_t id, struct rg_assessment *out,
			    struct err *err);
/* Assessments of a service, newest first (assessed_on, then id). */
int store_rg_assessment_list(struct store *s, int64_t service_id, struct rg_assessment_list *out,
			     struct err *err);
/* The latest published complete assessment of a service: 1, 0, -1. */
int store_rg_assessment_latest_published(struct store *s, int64_t service_id,
					 struct rg_assessment *out, struct err *err);

/* For consolidation: every service (of ministry_id, 0 for all; by ministry
 * code then service code) with its latest complete assessment and its items;
 * a service without a complete assessment has assessment.id 0 (no items). */
struct rg_latest {
	struct rg_service service;
	struct rg_assessment assessment;
};
struct rg_latest_list {
	struct rg_latest *items;
	size_t n, cap;
};
void rg_latest_list_free(struct rg_latest_list *l);
int store_rg_latest(struct store *s, int64_t ministry_id, struct rg_latest_list *out,
		    struct err *err);

#endif
