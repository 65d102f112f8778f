/* sqlite_rgesn.c: the register of digital services, with the score of
 * their latest complete RGESN assessment, SQLite backend (store_rgesn.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "store/sqlite_db.h"
#include "store/store_rgesn.h"

/* Each organisation with the root of its tree (its ministry). */
#define SVC_TREE                                                    \
	"WITH RECURSIVE tree (id, root) AS ("                       \
	" SELECT id, id FROM org WHERE parent_id IS NULL UNION ALL" \
	" SELECT o.id, t.root FROM org o JOIN tree t ON o.parent_id = t.id) "

/* The score of the latest complete assessment is counted here rather than
 * loading every referential: criteria of its referential (total), and the
 * answers conforme / non applicable among them (rg_score_compute's rule:
 * criteria without an answer are non évalué). */
#define SVC_SELECT(where)                                                         \
	SVC_TREE                                                                  \
	"SELECT v.id, v.code, v.name, v.url, v.org_id, o.code, t.root, m.code,"   \
	" CASE WHEN v.org_id = t.root THEN '' ELSE o.code END, v.audience, "      \
	"v.status,"                                                               \
	" v.contact, a.id, a.assessed_on,"                                        \
	" (SELECT count(*) FROM rgesn_criterion c WHERE c.ref_id = a.ref_id),"    \
	" (SELECT count(*) FROM assessment_answer x JOIN rgesn_criterion c"       \
	"  ON c.ref_id = a.ref_id AND c.crit_id = x.crit_id"                      \
	"  WHERE x.assessment_id = a.id AND x.answer = 'conforme'),"              \
	" (SELECT count(*) FROM assessment_answer x JOIN rgesn_criterion c"       \
	"  ON c.ref_id = a.ref_id AND c.crit_id = x.crit_id"                      \
	"  WHERE x.assessment_id = a.id AND x.answer = 'non_applicable')"         \
	" FROM service v JOIN org o ON o.id = v.org_id JOIN tree t ON t.id = "    \
	"v.org_id"                                                                \
	" JOIN org m ON m.id = t.root LEFT JOIN assessment a ON a.id = ("         \
	"  SELECT b.id FROM assessment b WHERE b.service_id = v.id AND b.kind = " \
	"'complete'"                                                              \
	"  ORDER BY b.assessed_on DESC, b.id DESC LIMIT 1) WHERE " where

static const char SQL_SVC_BY_CODE[] = SVC_SELECT("v.code = ?1");
static const char SQL_SVC_BY_ID[] = SVC_SELECT("v.id = ?1");
static const char SQL_SVC_LIST[] = SVC_SELECT("(?1 = 0 OR t.root = ?1) ORDER BY m.code, v.code");

static const char SQL_SVC_INSERT[] =
	"INSERT INTO service (org_id, code, name, url, audience, status, contact, "
	"created_at,"
	" updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
static const char SQL_SVC_UPDATE[] =
	"UPDATE service SET org_id = ?2, code = ?3, name = ?4, url = ?5, audience "
	"= ?6,"
	" status = ?7, contact = ?8, updated_at = ?9 WHERE id = ?1";
static const char SQL_SVC_ID[] = "SELECT id FROM service WHERE code = ?1";

static const char *nz(const char *v)
{
	return v ? v : "";
}

static int svc_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct rg_service *v = out;
	memset(v, 0, sizeof(*v));
	v->id = sqlite3_column_int64(st, 0);
	v->code = db_col_str(st, 1);
	v->name = db_col_str(st, 2);
	v->url = db_col_str(st, 3);
	v->org_id = sqlite3_column_int64(st, 4);
	v->org_code = db_col_str(st, 5);
	v->ministry_id = sqlite3_column_int64(st, 6);
	v->ministry_code = db_col_str(st, 7);
	v->direction_code = db_col_str(st, 8);
	v->audience = db_col_str(st, 9);
	v->contact = db_col_str(st, 11);
	v->assessed_on = db_col_str(st, 13);
	if (sqlite3_column_type(st, 12) != SQLITE_NULL) {
		int64_t total = sqlite3_column_int64(st, 14), conf = sqlite3_column_int64(st, 15);
		int64_t applicable = total - sqlite3_column_int64(st, 16);
		v->has_score = applicable > 0;
		v->score = applicable > 0 ? 100.0 * (double)conf / (double)applicable : 0;
	}
	if (rg_service_status_parse((const char *)sqlite3_column_text(st, 10), &v->status)) {
		rg_service_free(v);
		return db_bad_value(err, "service", "status");
	}
	return 0;
}

int store_rg_service_get(struct store *s, const char *code, struct rg_service *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_SVC_BY_CODE, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, nz(code));
	return db_get_row(s, st, svc_read, out, err);
}

int store_rg_service_get_id(struct store *s, int64_t id, struct rg_service *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_SVC_BY_ID, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	return db_get_row(s, st, svc_read, out, err);
}

int store_rg_service_list(struct store *s, int64_t ministry_id, struct rg_service_list *out,
			  struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_SVC_LIST, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, ministry_id);
	if (DB_LIST_ROWS(s, st, svc_read, out, err)) {
		rg_service_list_free(out);
		return -1;
	}
	return 0;
}

/* The owner's id: v->org_id, else the organisation v->org_code. */
static int owner_id(struct store *s, const struct rg_service *v, int64_t *id, struct err *err)
{
	*id = v->org_id;
	if (*id)
		return 0;
	int found = db_org_id(s, nz(v->org_code), id, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "organisation inconnue : « %s »", nz(v->org_code));
	return 0;
}

/* Binds ?2..?9 of SQL_SVC_INSERT / SQL_SVC_UPDATE. */
static void svc_bind(sqlite3_stmt *st, const struct rg_service *v, int64_t org, const char *now)
{
	db_bind_int64(st, 2, org);
	db_bind_text(st, 3, nz(v->code));
	db_bind_text(st, 4, nz(v->name));
	db_bind_text(st, 5, nz(v->url));
	db_bind_text(st, 6, nz(v->audience));
	db_bind_text(st, 7, rg_service_status_code(v->status));
	db_bind_text(st, 8, nz(v->contact));
	db_bind_text(st, 9, now);
}

/* Steps a service write: a clear message on a duplicate code. */
static int svc_write(struct store *s, sqlite3_stmt *st, const char *code, struct err *err)
{
	int rc = 0;
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_is_unique_violation(s) ? err_set(err, "le service « %s » existe déjà", code)
					       : db_fail(s, err);
	db_done(st);
	return rc;
}

int store_rg_service_add(struct store *s, struct rg_service *v, struct err *err)
{
	char now[32];
	int64_t org;
	if (!v->code || !*v->code)
		return err_set(err, "code de service vide");
	if (owner_id(s, v, &org, err))
		return -1;
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_SVC_INSERT, err);
	if (!st)
		return -1;
	svc_bind(st, v, org, now);
	if (svc_write(s, st, v->code, err))
		return -1;
	v->id = sqlite3_last_insert_rowid(s->db);
	v->org_id = org;
	return 0;
}

/* Updates the service v->id (v->code when id is 0); every field is written. */
int store_rg_service_update(struct store *s, const struct rg_service *v, struct err *err)
{
	char now[32];
	int64_t org, id = v->id;
	if (!v->code || !*v->code)
		return err_set(err, "code de service vide");
	if (!id) {
		sqlite3_stmt *q = db_stmt(s, SQL_SVC_ID, err);
		if (!q)
			return -1;
		db_bind_text(q, 1, v->code);
		int found = db_get_row(s, q, db_read_int64, &id, err);
		if (found < 0)
			return -1;
		if (!found)
			return err_set(err, "service inconnu : « %s »", v->code);
	}
	if (owner_id(s, v, &org, err))
		return -1;
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_SVC_UPDATE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	svc_bind(st, v, org, now);
	if (svc_write(s, st, v->code, err))
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return err_set(err, "service inconnu : « %s »", v->code);
	return 0;
}
