/* sqlite_rgesn_assess.c: RGESN assessments of services and their answers,
 * and the latest complete assessment of each service for consolidation,
 * SQLite backend (store_rgesn.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "store/sqlite_db.h"
#include "store/store_rgesn.h"

static const char *const KIND_CODES[] = { "complete", "diagnostic" };

static const char SQL_AS_INSERT[] =
	"INSERT INTO assessment (service_id, ref_id, kind, assessed_on, "
	"published_at, contact,"
	" created_at, created_by, from_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"?9)";
static const char SQL_ANSWER_SET[] =
	"INSERT OR REPLACE INTO assessment_answer (assessment_id, crit_id, answer, "
	"justification,"
	" planned, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_AS_PUBLISH[] = "UPDATE assessment SET published_at = ?2 WHERE id = ?1";
static const char SQL_AS_CONTACT[] = "UPDATE assessment SET contact = ?2 WHERE id = ?1";

#define AS_COLS                                                              \
	"a.id, a.service_id, a.ref_id, r.name || ' ' || r.version, a.kind, " \
	"a.assessed_on,"                                                     \
	" a.published_at, a.contact, a.created_at, a.created_by, "           \
	"coalesce(a.from_id, 0)"                                             \
	" FROM assessment a JOIN rgesn_ref r ON r.id = a.ref_id"
static const char SQL_AS_GET[] = "SELECT " AS_COLS " WHERE a.id = ?1";
static const char SQL_AS_LIST[] = "SELECT " AS_COLS " WHERE a.service_id = ?1"
				  " ORDER BY a.assessed_on DESC, a.id DESC";
static const char SQL_AS_PUBLISHED[] =
	"SELECT " AS_COLS " WHERE a.service_id = ?1 AND a.kind = 'complete'"
	" AND a.published_at <> '' ORDER BY a.assessed_on DESC, a.published_at "
	"DESC, a.id DESC"
	" LIMIT 1";
static const char SQL_AS_LATEST_ID[] =
	"SELECT id FROM assessment WHERE service_id = ?1 AND kind = 'complete'"
	" ORDER BY assessed_on DESC, id DESC LIMIT 1";
/* In the referential's order; answers to criteria it no longer has last. */
static const char SQL_ITEMS[] =
	"SELECT x.crit_id, x.answer, x.justification, x.planned, x.note FROM "
	"assessment_answer x"
	" JOIN assessment a ON a.id = x.assessment_id LEFT JOIN rgesn_criterion c"
	" ON c.ref_id = a.ref_id AND c.crit_id = x.crit_id WHERE x.assessment_id = "
	"?1"
	" ORDER BY c.position IS NULL, c.position, x.crit_id";

static const char *nz(const char *v)
{
	return v ? v : "";
}

static int bind_item(sqlite3_stmt *st, int64_t id, const struct rg_item *it, struct err *err)
{
	if ((unsigned)it->answer >= RG_ANS_N || !it->criterion || !*it->criterion)
		return err_set(err, "réponse invalide pour le critère « %s »", nz(it->criterion));
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, it->criterion);
	db_bind_text(st, 3, rg_answer_code(it->answer));
	db_bind_text(st, 4, nz(it->justification));
	db_bind_text(st, 5, nz(it->planned));
	db_bind_text(st, 6, nz(it->note));
	return 0;
}

int store_rg_answer_set(struct store *s, int64_t assessment_id, const struct rg_item *it,
			struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_ANSWER_SET, err);
	if (!st)
		return -1;
	if (bind_item(st, assessment_id, it, err)) {
		db_done(st);
		return -1;
	}
	return db_write(s, st, err) < 0 ? -1 : 0;
}

int store_rg_assessment_add(struct store *s, struct rg_assessment *a, struct err *err)
{
	char now[32];
	if ((unsigned)a->kind > RG_KIND_DIAGNOSTIC)
		return err_set(err, "type d'évaluation invalide");
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_AS_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, a->service_id);
	db_bind_int64(st, 2, a->ref_id);
	db_bind_text(st, 3, KIND_CODES[a->kind]);
	db_bind_text(st, 4, nz(a->assessed_on));
	db_bind_text(st, 5, nz(a->published_at));
	db_bind_text(st, 6, nz(a->contact));
	db_bind_text(st, 7, a->created_at && *a->created_at ? a->created_at : now);
	db_bind_text(st, 8, nz(a->created_by));
	db_bind_id_or_null(st, 9, a->from_id);
	if (db_write(s, st, err) < 0)
		return -1;
	int64_t id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < a->nitems; i++)
		if (store_rg_answer_set(s, id, &a->items[i], err))
			return -1;
	a->id = id;
	return 0;
}

static int update_text(struct store *s, const char *sql, int64_t id, const char *v, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, nz(v));
	int n = db_write(s, st, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, "évaluation inconnue : %lld", (long long)id);
	return 0;
}

int store_rg_assessment_set_published(struct store *s, int64_t id, const char *at, struct err *err)
{
	return update_text(s, SQL_AS_PUBLISH, id, at, err);
}

int store_rg_assessment_set_contact(struct store *s, int64_t id, const char *contact,
				    struct err *err)
{
	return update_text(s, SQL_AS_CONTACT, id, contact, err);
}

/* ---- reading ---- */

static int as_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct rg_assessment *a = out;
	memset(a, 0, sizeof(*a));
	const char *kind = (const char *)sqlite3_column_text(st, 4);
	if (!kind || (strcmp(kind, KIND_CODES[0]) && strcmp(kind, KIND_CODES[1])))
		return db_bad_value(err, "assessment", "kind");
	a->kind = strcmp(kind, KIND_CODES[0]) ? RG_KIND_DIAGNOSTIC : RG_KIND_COMPLETE;
	a->id = sqlite3_column_int64(st, 0);
	a->service_id = sqlite3_column_int64(st, 1);
	a->ref_id = sqlite3_column_int64(st, 2);
	a->ref_label = db_col_str(st, 3);
	a->assessed_on = db_col_str(st, 5);
	a->published_at = db_col_str(st, 6);
	a->contact = db_col_str(st, 7);
	a->created_at = db_col_str(st, 8);
	a->created_by = db_col_str(st, 9);
	a->from_id = sqlite3_column_int64(st, 10);
	return 0;
}

struct items_fill {
	struct rg_assessment *a;
	size_t cap;
};

static int item_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct items_fill *f = ctx;
	struct rg_item it;
	memset(&it, 0, sizeof(it));
	if (rg_answer_parse((const char *)sqlite3_column_text(st, 1), &it.answer))
		return db_bad_value(err, "assessment_answer", "answer");
	xgrow((void **)&f->a->items, sizeof(*f->a->items), f->a->nitems + 1, &f->cap);
	it.criterion = db_col_str(st, 0);
	it.justification = db_col_str(st, 2);
	it.planned = db_col_str(st, 3);
	it.note = db_col_str(st, 4);
	f->a->items[f->a->nitems++] = it;
	return 0;
}

/* Runs the bound header query st and reads the items: 1, 0, -1. */
static int as_load(struct store *s, sqlite3_stmt *st, struct rg_assessment *out, struct err *err)
{
	int found = db_get_row(s, st, as_read, out, err);
	if (found <= 0)
		return found;
	struct items_fill f = { out, 0 };
	if (!(st = db_stmt(s, SQL_ITEMS, err)))
		goto fail;
	db_bind_int64(st, 1, out->id);
	if (db_each_row(s, st, item_row, &f, err))
		goto fail;
	return 1;
fail:
	rg_assessment_free(out);
	return -1;
}

int store_rg_assessment_get(struct store *s, int64_t id, struct rg_assessment *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_AS_GET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	return as_load(s, st, out, err);
}

int store_rg_assessment_list(struct store *s, int64_t service_id, struct rg_assessment_list *out,
			     struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_AS_LIST, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, service_id);
	if (DB_LIST_ROWS(s, st, as_read, out, err)) {
		rg_assessment_list_free(out);
		return -1;
	}
	return 0;
}

int store_rg_assessment_latest_published(struct store *s, int64_t service_id,
					 struct rg_assessment *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_AS_PUBLISHED, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, service_id);
	return as_load(s, st, out, err);
}

/* Every service (of ministry_id, 0 for all) with its latest complete
 * assessment; a service without one has assessment.id 0. */
int store_rg_latest(struct store *s, int64_t ministry_id, struct rg_latest_list *out,
		    struct err *err)
{
	struct rg_service_list sl;
	memset(out, 0, sizeof(*out));
	if (store_rg_service_list(s, ministry_id, &sl, err))
		return -1;
	out->items = xcalloc(sl.n + 1, sizeof(*out->items));
	out->cap = sl.n + 1;
	for (size_t i = 0; i < sl.n; i++) {
		struct rg_latest *l = &out->items[out->n++];
		l->service = sl.items[i];
		memset(&sl.items[i], 0, sizeof(sl.items[i]));
		int64_t aid = 0;
		sqlite3_stmt *st = db_stmt(s, SQL_AS_LATEST_ID, err);
		if (!st)
			goto fail;
		db_bind_int64(st, 1, l->service.id);
		int found = db_get_row(s, st, db_read_int64, &aid, err);
		if (found < 0 ||
		    (found && store_rg_assessment_get(s, aid, &l->assessment, err) < 0))
			goto fail;
	}
	rg_service_list_free(&sl);
	return 0;
fail:
	rg_service_list_free(&sl);
	rg_latest_list_free(out);
	return -1;
}
