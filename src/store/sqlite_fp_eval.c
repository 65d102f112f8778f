/* sqlite_fp_eval.c: stored footprint evaluations and action estimates in the
 * SQLite store (store_fp.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "store/sqlite_db.h"
#include "store/store_fp.h"

static const char SQL_EVAL_DELETE[] = "DELETE FROM fp_evaluation WHERE org_id = ?1 AND year = ?2";
static const char SQL_EVAL_INSERT[] =
	"INSERT INTO fp_evaluation (org_id, year, referential_id, eval_date, lifespan_mode,"
	" physical, virtual, applications, errors, created_at, created_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_RESULT_INSERT[] =
	"INSERT INTO fp_result (evaluation_id, dimension, key, criterion, criterion_label, unit,"
	" phase, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_QTY_INSERT[] =
	"INSERT INTO fp_type_quantity (evaluation_id, type, quantity) VALUES (?1, ?2, ?3)";

int store_fp_save(struct store *s, const char *org_code, int year, int64_t referential_id,
		  enum fp_lifespan_mode mode, const struct fp_summary *sum, const char *by,
		  int64_t *id, struct err *err)
{
	int64_t org_id;
	int found = db_org_id(s, org_code, &org_id, err);
	if (found == 0)
		return err_set(err, "organisation inconnue : « %s » (voir numeco org list)",
			       org_code);
	if (found < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(s, SQL_EVAL_DELETE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	if (db_write(s, st, err) < 0)
		return -1;

	const struct fp_counts *c = fp_summary_counts(sum);
	char now[32];
	clock_now_iso(now);
	if (!(st = db_stmt(s, SQL_EVAL_INSERT, err)))
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	db_bind_int64(st, 3, referential_id);
	db_bind_text(st, 4, fp_summary_date(sum));
	db_bind_text(st, 5, mode == FP_LIFESPAN_FIXED ? "fixed" : "real");
	db_bind_int64(st, 6, (int64_t)c->physical);
	db_bind_int64(st, 7, (int64_t)c->virtual_);
	db_bind_int64(st, 8, (int64_t)c->applications);
	db_bind_int64(st, 9,
		      (int64_t)(c->physical_errors + c->virtual_errors + c->application_errors));
	db_bind_text(st, 10, now);
	db_bind_text(st, 11, by);
	if (db_write(s, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);

	const struct fp_ref *ref = fp_summary_ref(sum);
	for (size_t i = 0; i < fp_summary_nrows(sum); i++) {
		struct fp_agg_row row;
		fp_summary_row(sum, i, &row);
		const struct fp_crit *cr = fp_ref_crit(ref, row.crit);
		if (!(st = db_stmt(s, SQL_RESULT_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, *id);
		db_bind_text(st, 2, row.dim);
		db_bind_text(st, 3, row.key);
		db_bind_text(st, 4, cr->code);
		db_bind_text(st, 5, cr->label ? cr->label : "");
		db_bind_text(st, 6, cr->unit ? cr->unit : "");
		db_bind_text(st, 7, fp_phase_code(row.phase));
		sqlite3_bind_double(st, 8, row.value);
		if (db_write(s, st, err) < 0)
			return -1;
	}
	/* Quantities per equipment type, for the indicators computed from
	 * evaluations (workstations). */
	for (size_t i = 0; i < fp_summary_ntypes(sum); i++) {
		const char *type;
		double qty;
		fp_summary_type_quantity(sum, i, &type, &qty);
		if (!(st = db_stmt(s, SQL_QTY_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, *id);
		db_bind_text(st, 2, type);
		sqlite3_bind_double(st, 3, qty);
		if (db_write(s, st, err) < 0)
			return -1;
	}
	return 0;
}

void fp_stored_total_list_free(struct fp_stored_total_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct fp_stored_total *t = &l->items[i];
		free(t->org_code);
		free(t->org_name);
		free(t->referential);
		free(t->criterion);
		free(t->criterion_label);
		free(t->unit);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* One row per evaluation × criterion × phase, grouped into totals in C. */
static const char SQL_TOTALS[] =
	"SELECT o.code, o.name, e.year, r.name || ' ' || r.version, x.criterion,"
	" x.criterion_label, x.unit, x.phase, x.value"
	" FROM fp_result x JOIN fp_evaluation e ON e.id = x.evaluation_id"
	" JOIN org o ON o.id = e.org_id JOIN referential r ON r.id = e.referential_id"
	" WHERE x.dimension = 'total' AND (?1 = 0 OR e.year = ?1)"
	" ORDER BY o.code, e.year, x.criterion";

static int total_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fp_stored_total_list *l = ctx;
	const char *org = (const char *)sqlite3_column_text(st, 0);
	const char *crit = (const char *)sqlite3_column_text(st, 4);
	int year = sqlite3_column_int(st, 2);
	struct fp_stored_total *t = l->n ? &l->items[l->n - 1] : NULL;
	if (!t || strcmp(t->org_code, org ? org : "") || t->year != year ||
	    strcmp(t->criterion, crit ? crit : "")) {
		xgrow((void **)&l->items, sizeof(*l->items), l->n + 1, &l->cap);
		t = &l->items[l->n++];
		memset(t, 0, sizeof(*t));
		t->org_code = db_col_str(st, 0);
		t->org_name = db_col_str(st, 1);
		t->year = year;
		t->referential = db_col_str(st, 3);
		t->criterion = db_col_str(st, 4);
		t->criterion_label = db_col_str(st, 5);
		t->unit = db_col_str(st, 6);
	}
	enum fp_phase p;
	if (fp_phase_parse((const char *)sqlite3_column_text(st, 7), &p))
		return db_bad_value(err, "fp_result", "phase");
	double v = sqlite3_column_double(st, 8);
	t->by_phase[p] += v;
	t->total += v;
	return 0;
}

int store_fp_totals(struct store *s, int year, struct fp_stored_total_list *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_TOTALS, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, year);
	if (db_each_row(s, st, total_row, out, err)) {
		fp_stored_total_list_free(out);
		return -1;
	}
	return 0;
}

/* ---- action estimates ---- */

void action_estimate_free(struct action_estimate *e)
{
	free(e->method);
	free(e->params);
	free(e->referential_name);
	free(e->referential_version);
	free(e->trace);
	free(e->computed_at);
	free(e->org_code);
	free(e->period);
	free(e->action_ref);
	memset(e, 0, sizeof(*e));
}

void action_estimate_list_free(struct action_estimate_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		action_estimate_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static const char SQL_EST_SET[] =
	"INSERT INTO action_estimate (action_id, method, params, referential_name,"
	" referential_version, ghg_kg, one_time, trace, computed_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	" ON CONFLICT (action_id) DO UPDATE SET method = excluded.method,"
	" params = excluded.params, referential_name = excluded.referential_name,"
	" referential_version = excluded.referential_version, ghg_kg = excluded.ghg_kg,"
	" one_time = excluded.one_time, trace = excluded.trace,"
	" computed_at = excluded.computed_at";
static const char SQL_EST_GET[] =
	"SELECT action_id, method, params, referential_name, referential_version, ghg_kg,"
	" one_time, trace, computed_at FROM action_estimate WHERE action_id = ?1";

int store_estimate_set(struct store *s, const struct action_estimate *e, struct err *err)
{
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_EST_SET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, e->action_id);
	db_bind_text(st, 2, e->method);
	db_bind_text(st, 3, e->params);
	db_bind_text(st, 4, e->referential_name);
	db_bind_text(st, 5, e->referential_version);
	sqlite3_bind_double(st, 6, e->ghg_kg);
	sqlite3_bind_int(st, 7, e->one_time ? 1 : 0);
	db_bind_text(st, 8, e->trace);
	db_bind_text(st, 9, e->computed_at && *e->computed_at ? e->computed_at : now);
	return db_write(s, st, err) < 0 ? -1 : 0;
}

static int estimate_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct action_estimate *e = out;
	(void)err;
	e->action_id = sqlite3_column_int64(st, 0);
	e->method = db_col_str(st, 1);
	e->params = db_col_str(st, 2);
	e->referential_name = db_col_str(st, 3);
	e->referential_version = db_col_str(st, 4);
	e->ghg_kg = sqlite3_column_double(st, 5);
	e->one_time = sqlite3_column_int(st, 6);
	e->trace = db_col_str(st, 7);
	e->computed_at = db_col_str(st, 8);
	return 0;
}

int store_estimate_get(struct store *s, int64_t action_id, struct action_estimate *out,
		       struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_EST_GET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, action_id);
	int found = db_get_row(s, st, estimate_read, out, err);
	if (found == 1) {
		/* Only the list fills where the action is: "" here, never NULL. */
		out->org_code = xstrdup("");
		out->period = xstrdup("");
		out->action_ref = xstrdup("");
	}
	return found;
}

static const char SQL_EST_LIST[] =
	"SELECT e.action_id, e.method, e.params, e.referential_name, e.referential_version,"
	" e.ghg_kg, e.one_time, e.trace, e.computed_at, o.code, r.period, a.ref"
	" FROM action_estimate e JOIN action a ON a.id = e.action_id"
	" JOIN roadmap r ON r.id = a.roadmap_id JOIN org o ON o.id = r.org_id"
	" WHERE ?1 IS NULL OR e.referential_name = ?1 ORDER BY o.code, r.period, a.ref";

static int estimate_list_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct action_estimate *e = out;
	estimate_read(st, e, err);
	e->org_code = db_col_str(st, 9);
	e->period = db_col_str(st, 10);
	e->action_ref = db_col_str(st, 11);
	return 0;
}

int store_estimate_list(struct store *s, const char *referential_name,
			struct action_estimate_list *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_EST_LIST, err);
	if (!st)
		return -1;
	db_bind_text_or_null(st, 1, referential_name);
	if (DB_LIST_ROWS(s, st, estimate_list_read, out, err)) {
		action_estimate_list_free(out);
		return -1;
	}
	return 0;
}
