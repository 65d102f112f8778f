/* sqlite_ind.c: stored indicator catalogue, values and collection states,
 * SQLite backend (store_ind.h; the consolidation input is in
 * sqlite_ind_table.c). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_ind_int.h"
#include "store/store_ind.h"

/* Exact match on a stored code (as db_col_* do for the model's enums). */
#define IND_COL_ENUM(name, type, codefn, count)                             \
	static int name(sqlite3_stmt *st, int col, type *out)               \
	{                                                                   \
		const char *v = (const char *)sqlite3_column_text(st, col); \
		for (int i = 0; v && i < (int)(count); i++) {               \
			if (strcmp(v, codefn((type)i)) == 0) {              \
				*out = (type)i;                             \
				return 0;                                   \
			}                                                   \
		}                                                           \
		return -1;                                                  \
	}

IND_COL_ENUM(col_kind, enum ind_kind, ind_kind_code, IND_KIND_N)
IND_COL_ENUM(col_rule, enum ind_rule, ind_rule_code, IND_RULE_N)
IND_COL_ENUM(col_better, enum ind_better, ind_better_code, IND_BETTER_N)
IND_COL_ENUM(col_calc, enum ind_calc, ind_calc_code, IND_CALC_N)

/* ---- catalogue ---- */

static const char SQL_CAT_LOAD[] =
	"SELECT id, code, label, definition, unit, theme, kind, rule, weight_code, min, max,"
	" better, calc, source FROM indicator ORDER BY position, id";
static const char SQL_CAT_TARGETS[] =
	"SELECT indicator_id, year, value FROM indicator_target ORDER BY "
	"indicator_id, year";
static const char SQL_CAT_INSERT[] =
	"INSERT INTO indicator (position, code, label, definition, unit, theme, kind, rule,"
	" weight_code, min, max, better, calc, source)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
/* Same parameters as SQL_CAT_INSERT but ?1: the position is set apart
 * (SQL_CAT_POSITION). */
static const char SQL_CAT_UPDATE[] =
	"UPDATE indicator SET label = ?3, definition = ?4, unit = ?5, theme = ?6, kind = ?7,"
	" rule = ?8, weight_code = ?9, min = ?10, max = ?11, better = ?12, calc = ?13,"
	" source = ?14 WHERE code = ?2";
static const char SQL_CAT_POSITION[] = "UPDATE indicator SET position = ?2 WHERE id = ?1";
static const char SQL_TARGETS_DELETE[] = "DELETE FROM indicator_target WHERE indicator_id = ?1";
static const char SQL_TARGET_INSERT[] =
	"INSERT INTO indicator_target (indicator_id, year, value) VALUES (?1, ?2, ?3)";
static const char SQL_IND_ID[] = "SELECT id FROM indicator WHERE code = ?1";

static int def_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct ind_def *d = out;
	memset(d, 0, sizeof(*d));
	d->id = sqlite3_column_int64(st, 0);
	d->code = db_col_str(st, 1);
	d->label = db_col_str(st, 2);
	d->definition = db_col_str(st, 3);
	d->unit = db_col_str(st, 4);
	d->weight_code = db_col_str(st, 8);
	d->source = db_col_str(st, 13);
	d->has_min = sqlite3_column_type(st, 9) != SQLITE_NULL;
	d->min = d->has_min ? sqlite3_column_double(st, 9) : 0;
	d->has_max = sqlite3_column_type(st, 10) != SQLITE_NULL;
	d->max = d->has_max ? sqlite3_column_double(st, 10) : 0;
	if (db_col_theme(st, 5, &d->theme) || col_kind(st, 6, &d->kind) ||
	    col_rule(st, 7, &d->rule) || col_better(st, 11, &d->better) ||
	    col_calc(st, 12, &d->calc))
		return db_bad_value(err, "indicator", "theme/kind/rule/better/calc");
	return 0;
}

/* Appends a target row to the definition of its indicator. */
static int target_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct ind_catalogue *c = ctx;
	int64_t id = sqlite3_column_int64(st, 0);
	(void)err;
	for (size_t i = 0; i < c->n; i++) {
		struct ind_def *d = &c->items[i];
		if (d->id != id)
			continue;
		d->targets = xrealloc(d->targets, (d->ntargets + 1) * sizeof(*d->targets));
		d->targets[d->ntargets].year = sqlite3_column_int(st, 1);
		d->targets[d->ntargets].value = sqlite3_column_double(st, 2);
		d->ntargets++;
		break;
	}
	return 0;
}

int store_ind_catalogue_load(struct store *s, struct ind_catalogue *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_CAT_LOAD, err);
	if (!st)
		return -1;
	if (DB_LIST_ROWS(s, st, def_read, out, err))
		goto fail;
	if (!(st = db_stmt(s, SQL_CAT_TARGETS, err)) || db_each_row(s, st, target_row, out, err))
		goto fail;
	return 0;
fail:
	ind_catalogue_free(out);
	return -1;
}

static int str_eq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* 1 when the stored definition a and b say the same (ids and order aside). */
static int def_same(const struct ind_def *a, const struct ind_def *b)
{
	if (!str_eq(a->label, b->label) || !str_eq(a->definition, b->definition) ||
	    !str_eq(a->unit, b->unit) || !str_eq(a->weight_code, b->weight_code) ||
	    !str_eq(a->source, b->source) || a->theme != b->theme || a->kind != b->kind ||
	    a->rule != b->rule || a->better != b->better || a->calc != b->calc ||
	    a->has_min != b->has_min || a->has_max != b->has_max ||
	    (a->has_min && a->min != b->min) || (a->has_max && a->max != b->max) ||
	    a->ntargets != b->ntargets)
		return 0;
	for (size_t i = 0; i < a->ntargets; i++)
		if (a->targets[i].year != b->targets[i].year ||
		    a->targets[i].value != b->targets[i].value)
			return 0;
	return 1;
}

static void bind_opt_double(sqlite3_stmt *st, int i, int has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Binds ?2..?14 of SQL_CAT_INSERT / SQL_CAT_UPDATE. */
static void def_bind(sqlite3_stmt *st, const struct ind_def *d)
{
	db_bind_text(st, 2, d->code);
	db_bind_text(st, 3, d->label ? d->label : "");
	db_bind_text(st, 4, d->definition ? d->definition : "");
	db_bind_text(st, 5, d->unit ? d->unit : "");
	db_bind_text(st, 6, theme_code(d->theme));
	db_bind_text(st, 7, ind_kind_code(d->kind));
	db_bind_text(st, 8, ind_rule_code(d->rule));
	db_bind_text(st, 9, d->weight_code ? d->weight_code : "");
	bind_opt_double(st, 10, d->has_min, d->min);
	bind_opt_double(st, 11, d->has_max, d->max);
	db_bind_text(st, 12, ind_better_code(d->better));
	db_bind_text(st, 13, ind_calc_code(d->calc));
	db_bind_text(st, 14, d->source ? d->source : "");
}

static int targets_write(struct store *s, int64_t id, const struct ind_def *d, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_TARGETS_DELETE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	if (db_write(s, st, err) < 0)
		return -1;
	for (size_t i = 0; i < d->ntargets; i++) {
		if (!(st = db_stmt(s, SQL_TARGET_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, d->targets[i].year);
		sqlite3_bind_double(st, 3, d->targets[i].value);
		if (db_write(s, st, err) < 0)
			return -1;
	}
	return 0;
}

/* Looks the stored id of indicator code up: 1 found, 0 unknown, -1. */
int ind_db_id(struct store *s, const char *code, int64_t *id, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_IND_ID, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	return db_get_row(s, st, db_read_int64, id, err);
}

static int set_position(struct store *s, int64_t id, long pos, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_CAT_POSITION, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, pos);
	return db_write(s, st, err) < 0 ? -1 : 0;
}

/* Writes the fields and targets of d over the stored definition of its code. */
static int def_write(struct store *s, const struct ind_def *d, int64_t id, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_CAT_UPDATE, err);
	if (!st)
		return -1;
	def_bind(st, d);
	if (db_write(s, st, err) < 0)
		return -1;
	return targets_write(s, id, d, err);
}

static int def_insert(struct store *s, const struct ind_def *d, long pos, int64_t *id,
		      struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_CAT_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, pos);
	def_bind(st, d);
	if (sqlite3_step(st) != SQLITE_DONE) {
		int rc = db_is_unique_violation(s)
				 ? err_set(err, "l'indicateur « %s » existe déjà", d->code)
				 : db_fail(s, err);
		db_done(st);
		return rc;
	}
	db_done(st);
	*id = sqlite3_last_insert_rowid(s->db);
	return targets_write(s, *id, d, err);
}

int store_ind_catalogue_save(struct store *s, struct ind_catalogue *c, int *added, int *updated,
			     struct err *err)
{
	struct ind_catalogue old;
	int nadd = 0, nupd = 0, rc = -1;
	long pos = 0;
	if (added)
		*added = 0;
	if (updated)
		*updated = 0;
	if (store_ind_catalogue_load(s, &old, err))
		return -1;
	/* The stored definitions c does not name come first, in their order. */
	for (size_t i = 0; i < old.n; i++)
		if (ind_catalogue_find(c, old.items[i].code) < 0 &&
		    set_position(s, old.items[i].id, pos++, err))
			goto out;
	for (size_t i = 0; i < c->n; i++) {
		struct ind_def *d = &c->items[i];
		long k = ind_catalogue_find(&old, d->code);
		if (k < 0) {
			if (def_insert(s, d, pos++, &d->id, err))
				goto out;
			nadd++;
			continue;
		}
		d->id = old.items[k].id;
		if (!def_same(&old.items[k], d)) {
			if (def_write(s, d, d->id, err))
				goto out;
			nupd++;
		}
		if (set_position(s, d->id, pos++, err))
			goto out;
	}
	if (added)
		*added = nadd;
	if (updated)
		*updated = nupd;
	rc = 0;
out:
	ind_catalogue_free(&old);
	return rc;
}

int store_ind_def_update(struct store *s, const struct ind_def *d, struct err *err)
{
	int64_t id;
	int found = ind_db_id(s, d->code ? d->code : "", &id, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "indicateur inconnu : « %s »", d->code ? d->code : "");
	return def_write(s, d, id, err);
}
