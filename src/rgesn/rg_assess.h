/* rg_assess.h: RGESN operations shared by the CLI and the web pages —
 * loading a referential, the services register, assessments and answers,
 * the quick self-diagnosis and its conversion, publishing declarations,
 * and consolidation input. Each writing operation checks rights
 * (perm_edit_services: admin or the référent of the service's ministry;
 * correspondants of the owning direction may assess), checks the input,
 * writes its audit entry (entity "service" / "evaluation"), inside the
 * caller's transaction. */
#ifndef NUMECO_RG_ASSESS_H
#define NUMECO_RG_ASSESS_H

#include "core/err.h"
#include "core/perm.h"
#include "rgesn/rg_report.h"
#include "rgesn/rgesn.h"
#include "store/store_rgesn.h"

/* Loads a referential file (admin). Errors of the file go to d (-1). */
int rg_load(struct store *s, const struct actor *a, const char *file, const char *data, size_t len,
	    const char *name, const char *version, int64_t *id, struct diags *d, struct err *err);
/* Installs the shipped structure of RGESN 2024 (numeco init), unless stored. */
int rg_install_default(struct store *s, const struct actor *a, int *installed, struct err *err);

/* Adds or updates a service; refusals (bad URL, unknown direction outside
 * the ministry, status) go to why. */
int rg_service_save(struct store *s, const struct actor *a, struct rg_service *v, int create,
		    struct buf *why, struct err *err);

/* Starts an assessment of service_code against referential name@version
 * (NULL: latest RGESN) of kind; every criterion (or the quick ones for a
 * diagnosis) starts non évalué. Fills *id. */
int rg_assessment_new(struct store *s, const struct actor *a, const char *service_code,
		      const char *ref, enum rg_kind kind, const char *date, int64_t *id,
		      struct err *err);
/* Sets answers; each is checked (rg_item_check, criterion of the
 * assessment's referential/selection): refusals per criterion go to d
 * (file "" line 0, field = criterion id) and nothing is stored (-1). A
 * published assessment cannot change. */
int rg_answers_set(struct store *s, const struct actor *a, int64_t assessment_id,
		   const struct rg_item *items, size_t n, struct diags *d, struct err *err);
/* Turns a diagnosis into a complete assessment of the same referential: its
 * answers copied, every other criterion non évalué. Fills *id. */
int rg_convert(struct store *s, const struct actor *a, int64_t diagnosis_id, int64_t *id,
	       struct err *err);
/* Publishes the declaration of a complete assessment (contact required). */
int rg_publish(struct store *s, const struct actor *a, int64_t assessment_id, const char *contact,
	       struct err *err);

/* The assessment of the same service and kind made just before a (older
 * date, or same date and created first); published_only: among published
 * ones only (what a public declaration compares with). 1 and prev filled,
 * 0 when none, -1 on error. */
int rg_previous(struct store *s, const struct rg_assessment *a, int published_only,
		struct rg_assessment *prev, struct err *err);

/* Referentials loaded by stored id, each once, for the duration of a
 * command or a request. Returned pointers stay valid until the cache is
 * freed (the cache holds pointers, so growing it moves nothing). */
struct rg_ref_cache {
	struct rg_ref **items;
	size_t n, cap;
};
/* The referential of id; NULL with err filled when it cannot be loaded. */
const struct rg_ref *rg_ref_cache_get(struct store *s, struct rg_ref_cache *c, int64_t id,
				      struct err *err);
void rg_ref_cache_free(struct rg_ref_cache *c);

/* Consolidates every registered service of ministry_id (0: all) with its
 * latest complete assessment, each scored against the referential it was
 * made with (store_rg_latest, then rg_consolidate; ministries named as
 * stored). Retired services count, as in the indicator of services
 * assessed. out is filled by the call; free it with rg_cons_free. */
int rg_cons_load(struct store *s, int64_t ministry_id, size_t top, struct rg_cons *out,
		 struct err *err);

#endif
