/* sqlite_fp_ref.c: footprint referentials in the SQLite store (store_fp.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "store/sqlite_db.h"
#include "store/store_fp.h"

void ref_meta_free(struct ref_meta *m)
{
	free(m->name);
	free(m->version);
	free(m->licence);
	free(m->owner_org_code);
	free(m->loaded_at);
	free(m->loaded_by);
	memset(m, 0, sizeof(*m));
}

void ref_meta_list_free(struct ref_meta_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		ref_meta_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static const char SQL_REF_FIND[] = "SELECT id FROM referential WHERE name = ?1 AND version = ?2";
static const char SQL_REF_INSERT[] =
	"INSERT INTO referential (name, version, licence, restricted, owner_org_id, loaded_at,"
	" loaded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_REF_UPDATE[] =
	"UPDATE referential SET licence = ?2, restricted = ?3, owner_org_id = ?4, loaded_at = ?5,"
	" loaded_by = ?6 WHERE id = ?1";
/* Replacing keeps the referential row (and its id) and renews its content. */
static const char *const SQL_REF_CLEAR[] = {
	"DELETE FROM ref_criterion WHERE referential_id = ?1",
	"DELETE FROM ref_item WHERE referential_id = ?1",
	"DELETE FROM ref_mix WHERE referential_id = ?1",
	"DELETE FROM ref_item_type WHERE referential_id = ?1",
	"DELETE FROM ref_match WHERE referential_id = ?1",
	"DELETE FROM ref_hypothesis WHERE referential_id = ?1",
};
static const char SQL_CRIT_INSERT[] = "INSERT INTO ref_criterion (referential_id, idx, code,"
				      " label, unit) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_ITEM_INSERT[] = "INSERT INTO ref_item (referential_id, name, category,"
				      " avg_kwh, source) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_FACTOR_INSERT[] = "INSERT INTO ref_factor (item_id, criterion, phase,"
					" value) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_MIX_INSERT[] = "INSERT INTO ref_mix (referential_id, country, criterion,"
				     " value, source) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_TYPE_INSERT[] = "INSERT INTO ref_item_type (referential_id, type, lifespan,"
				      " is_server, default_item, source)"
				      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_MATCH_INSERT[] = "INSERT INTO ref_match (referential_id, model, item)"
				       " VALUES (?1, ?2, ?3)";
static const char SQL_HYP_INSERT[] = "INSERT INTO ref_hypothesis (referential_id, key, value,"
				     " source) VALUES (?1, ?2, ?3, ?4)";

static void bind_real_or_null(sqlite3_stmt *st, int i, int has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a prepared insert; -1 on failure. */
static int step_insert(struct store *s, sqlite3_stmt *st, struct err *err)
{
	return db_write(s, st, err) < 0 ? -1 : 0;
}

static int save_header(struct store *s, const struct fp_ref *r, const char *licence,
		       int restricted, int64_t owner, const char *by, int replace, int64_t *id,
		       struct err *err)
{
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_REF_FIND, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, fp_ref_name(r));
	db_bind_text(st, 2, fp_ref_version(r));
	int found = db_get_row(s, st, db_read_int64, id, err);
	if (found < 0)
		return -1;
	if (found && !replace)
		return err_set(err,
			       "le référentiel « %s » version « %s » existe déjà (--replace pour le "
			       "remplacer)",
			       fp_ref_name(r), fp_ref_version(r));
	if (found) {
		for (size_t i = 0; i < sizeof(SQL_REF_CLEAR) / sizeof(SQL_REF_CLEAR[0]); i++) {
			if (!(st = db_stmt(s, SQL_REF_CLEAR[i], err)))
				return -1;
			db_bind_int64(st, 1, *id);
			if (db_write(s, st, err) < 0)
				return -1;
		}
		if (!(st = db_stmt(s, SQL_REF_UPDATE, err)))
			return -1;
		db_bind_int64(st, 1, *id);
		db_bind_text(st, 2, licence);
		sqlite3_bind_int(st, 3, restricted ? 1 : 0);
		db_bind_id_or_null(st, 4, owner);
		db_bind_text(st, 5, now);
		db_bind_text(st, 6, by);
		return step_insert(s, st, err);
	}
	if (!(st = db_stmt(s, SQL_REF_INSERT, err)))
		return -1;
	db_bind_text(st, 1, fp_ref_name(r));
	db_bind_text(st, 2, fp_ref_version(r));
	db_bind_text(st, 3, licence);
	sqlite3_bind_int(st, 4, restricted ? 1 : 0);
	db_bind_id_or_null(st, 5, owner);
	db_bind_text(st, 6, now);
	db_bind_text(st, 7, by);
	if (step_insert(s, st, err))
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int save_item(struct store *s, int64_t ref_id, size_t ncrit, const struct fp_item *it,
		     struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_ITEM_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, ref_id);
	db_bind_text(st, 2, it->name);
	db_bind_text(st, 3, it->category ? it->category : "");
	bind_real_or_null(st, 4, it->has_avg_kwh, it->avg_kwh);
	db_bind_text(st, 5, it->source ? it->source : "");
	if (step_insert(s, st, err))
		return -1;
	int64_t item_id = sqlite3_last_insert_rowid(s->db);
	for (size_t c = 0; c < ncrit; c++) {
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			if (!it->has[c][p])
				continue;
			if (!(st = db_stmt(s, SQL_FACTOR_INSERT, err)))
				return -1;
			db_bind_int64(st, 1, item_id);
			db_bind_int64(st, 2, (int64_t)c);
			db_bind_text(st, 3, fp_phase_code((enum fp_phase)p));
			sqlite3_bind_double(st, 4, it->f[c][p]);
			if (step_insert(s, st, err))
				return -1;
		}
	}
	return 0;
}

static int save_content(struct store *s, int64_t id, const struct fp_ref *r, struct err *err)
{
	sqlite3_stmt *st;
	size_t ncrit = fp_ref_ncrit(r);
	for (size_t c = 0; c < ncrit; c++) {
		const struct fp_crit *cr = fp_ref_crit(r, c);
		if (!(st = db_stmt(s, SQL_CRIT_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, (int64_t)c);
		db_bind_text(st, 3, cr->code);
		db_bind_text(st, 4, cr->label ? cr->label : "");
		db_bind_text(st, 5, cr->unit ? cr->unit : "");
		if (step_insert(s, st, err))
			return -1;
	}
	for (size_t i = 0; i < fp_ref_nitems(r); i++)
		if (save_item(s, id, ncrit, fp_ref_item_at(r, i), err))
			return -1;
	for (size_t i = 0; i < fp_ref_nmixes(r); i++) {
		const struct fp_mix *m = fp_ref_mix_at(r, i);
		for (size_t c = 0; c < ncrit; c++) {
			if (!m->has[c])
				continue;
			if (!(st = db_stmt(s, SQL_MIX_INSERT, err)))
				return -1;
			db_bind_int64(st, 1, id);
			db_bind_text(st, 2, m->country);
			db_bind_int64(st, 3, (int64_t)c);
			sqlite3_bind_double(st, 4, m->f[c]);
			db_bind_text(st, 5, m->source ? m->source : "");
			if (step_insert(s, st, err))
				return -1;
		}
	}
	for (size_t i = 0; i < fp_ref_ntypes(r); i++) {
		const struct fp_item_type *t = fp_ref_type_at(r, i);
		if (!(st = db_stmt(s, SQL_TYPE_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, t->type);
		bind_real_or_null(st, 3, t->has_lifespan, t->lifespan);
		sqlite3_bind_int(st, 4, t->is_server ? 1 : 0);
		db_bind_text(st, 5, t->default_item ? t->default_item : "");
		db_bind_text(st, 6, t->source ? t->source : "");
		if (step_insert(s, st, err))
			return -1;
	}
	for (size_t i = 0; i < fp_ref_nmatches(r); i++) {
		const char *model, *item;
		fp_ref_match_at(r, i, &model, &item);
		if (!(st = db_stmt(s, SQL_MATCH_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, model);
		db_bind_text(st, 3, item);
		if (step_insert(s, st, err))
			return -1;
	}
	for (size_t i = 0; i < fp_ref_nhyps(r); i++) {
		const char *key, *source;
		double v;
		fp_ref_hyp_at(r, i, &key, &v, &source);
		if (!(st = db_stmt(s, SQL_HYP_INSERT, err)))
			return -1;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, key);
		sqlite3_bind_double(st, 3, v);
		db_bind_text(st, 4, source ? source : "");
		if (step_insert(s, st, err))
			return -1;
	}
	return 0;
}

int store_ref_save(struct store *s, const struct fp_ref *r, const char *licence, int restricted,
		   const char *owner_org_code, const char *loaded_by, int replace, int64_t *id,
		   struct err *err)
{
	int64_t owner = 0;
	if (owner_org_code && *owner_org_code) {
		int found = db_org_id(s, owner_org_code, &owner, err);
		if (found == 0)
			return err_set(err, "organisation inconnue : « %s »", owner_org_code);
		if (found < 0)
			return -1;
	}
	if (save_header(s, r, licence ? licence : "", restricted, owner, loaded_by, replace, id,
			err))
		return -1;
	return save_content(s, *id, r, err);
}

#define META_COLS                                                                         \
	"r.id, r.name, r.version, r.licence, r.restricted, COALESCE(o.code, ''),"          \
	" COALESCE(r.owner_org_id, 0), r.loaded_at, r.loaded_by,"                           \
	" (SELECT COUNT(*) FROM ref_criterion WHERE referential_id = r.id),"                \
	" (SELECT COUNT(*) FROM ref_item WHERE referential_id = r.id),"                     \
	" (SELECT COUNT(DISTINCT country) FROM ref_mix WHERE referential_id = r.id),"       \
	" (SELECT COUNT(*) FROM ref_item_type WHERE referential_id = r.id)"
#define META_FROM " FROM referential r LEFT JOIN org o ON o.id = r.owner_org_id"

static const char SQL_META_VERSION[] =
	"SELECT " META_COLS META_FROM " WHERE r.name = ?1 AND r.version = ?2";
static const char SQL_META_LATEST[] =
	"SELECT " META_COLS META_FROM " WHERE r.name = ?1 ORDER BY r.loaded_at DESC, r.id DESC";
static const char SQL_META_ALL[] = "SELECT " META_COLS META_FROM " ORDER BY r.name, r.loaded_at";

static int meta_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct ref_meta *m = out;
	(void)err;
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->name = db_col_str(st, 1);
	m->version = db_col_str(st, 2);
	m->licence = db_col_str(st, 3);
	m->restricted = sqlite3_column_int(st, 4);
	m->owner_org_code = db_col_str(st, 5);
	m->owner_org_id = sqlite3_column_int64(st, 6);
	m->loaded_at = db_col_str(st, 7);
	m->loaded_by = db_col_str(st, 8);
	m->ncrit = sqlite3_column_int64(st, 9);
	m->nitems = sqlite3_column_int64(st, 10);
	m->nmixes = sqlite3_column_int64(st, 11);
	m->ntypes = sqlite3_column_int64(st, 12);
	return 0;
}

int store_ref_list(struct store *s, struct ref_meta_list *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_META_ALL, err);
	if (!st)
		return -1;
	if (DB_LIST_ROWS(s, st, meta_read, out, err)) {
		ref_meta_list_free(out);
		return -1;
	}
	return 0;
}

static const char SQL_LOAD_CRIT[] =
	"SELECT code, label, unit FROM ref_criterion WHERE referential_id = ?1 ORDER BY idx";
static const char SQL_LOAD_ITEM[] = "SELECT name, category, avg_kwh, source FROM ref_item"
				    " WHERE referential_id = ?1 ORDER BY id";
static const char SQL_LOAD_FACTOR[] =
	"SELECT i.name, f.criterion, f.phase, f.value FROM ref_factor f"
	" JOIN ref_item i ON i.id = f.item_id WHERE i.referential_id = ?1";
static const char SQL_LOAD_MIX[] = "SELECT country, criterion, value, source FROM ref_mix"
				   " WHERE referential_id = ?1 ORDER BY country, criterion";
static const char SQL_LOAD_TYPE[] = "SELECT type, lifespan, is_server, default_item, source"
				    " FROM ref_item_type WHERE referential_id = ?1 ORDER BY type";
static const char SQL_LOAD_MATCH[] =
	"SELECT model, item FROM ref_match WHERE referential_id = ?1 ORDER BY model";
static const char SQL_LOAD_HYP[] =
	"SELECT key, value, source FROM ref_hypothesis WHERE referential_id = ?1 ORDER BY key";

static const char *col_text(sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);
	return v ? v : "";
}

static void set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = xstrdup(v);
}

static int crit_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	if (fp_ref_add_crit(ctx, col_text(st, 0), col_text(st, 1), col_text(st, 2)) < 0)
		return err_set(err, "trop de critères dans le référentiel stocké");
	return 0;
}

static int item_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	(void)err;
	struct fp_item *it = fp_ref_item_get(ctx, col_text(st, 0));
	set_str(&it->category, col_text(st, 1));
	it->has_avg_kwh = sqlite3_column_type(st, 2) != SQLITE_NULL;
	it->avg_kwh = sqlite3_column_double(st, 2);
	set_str(&it->source, col_text(st, 3));
	return 0;
}

static int factor_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fp_ref *r = ctx;
	struct fp_item *it = fp_ref_item_get(r, col_text(st, 0));
	int64_t c = sqlite3_column_int64(st, 1);
	enum fp_phase p;
	if (c < 0 || (size_t)c >= fp_ref_ncrit(r) || fp_phase_parse(col_text(st, 2), &p))
		return db_bad_value(err, "ref_factor", "criterion/phase");
	it->has[c][p] = 1;
	it->f[c][p] = sqlite3_column_double(st, 3);
	return 0;
}

static int mix_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fp_ref *r = ctx;
	struct fp_mix *m = fp_ref_mix_get(r, col_text(st, 0));
	int64_t c = sqlite3_column_int64(st, 1);
	if (c < 0 || (size_t)c >= fp_ref_ncrit(r))
		return db_bad_value(err, "ref_mix", "criterion");
	m->has[c] = 1;
	m->f[c] = sqlite3_column_double(st, 2);
	set_str(&m->source, col_text(st, 3));
	return 0;
}

static int type_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	(void)err;
	struct fp_item_type *t = fp_ref_type_get(ctx, col_text(st, 0));
	t->has_lifespan = sqlite3_column_type(st, 1) != SQLITE_NULL;
	t->lifespan = sqlite3_column_double(st, 1);
	t->is_server = sqlite3_column_int(st, 2);
	set_str(&t->default_item, col_text(st, 3));
	set_str(&t->source, col_text(st, 4));
	return 0;
}

static int match_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	(void)err;
	fp_ref_set_match(ctx, col_text(st, 0), col_text(st, 1));
	return 0;
}

static int hyp_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	(void)err;
	fp_ref_set_hyp(ctx, col_text(st, 0), sqlite3_column_double(st, 1), col_text(st, 2));
	return 0;
}

static int load_part(struct store *s, const char *sql, int64_t id, db_row_fn *fn,
		     struct fp_ref *r, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	return db_each_row(s, st, fn, r, err);
}

/* Message listing the stored referentials, for an unknown name. */
static void unknown_ref(struct store *s, const char *name, const char *version, struct err *err)
{
	struct ref_meta_list l;
	struct err ignored = ERR_INIT;
	struct buf known = BUF_INIT;
	if (store_ref_list(s, &l, &ignored) == 0) {
		for (size_t i = 0; i < l.n; i++)
			buf_addf(&known, "%s%s %s", i ? ", " : "", l.items[i].name,
				 l.items[i].version);
		ref_meta_list_free(&l);
	}
	err_set(err, "référentiel inconnu : « %s »%s%s (référentiels enregistrés : %s)", name,
		version && *version ? " version " : "", version && *version ? version : "",
		known.len ? known.ptr : "aucun");
	buf_free(&known);
	err_free(&ignored);
}

struct fp_ref *store_ref_load(struct store *s, const char *name, const char *version,
			      struct ref_meta *meta, struct err *err)
{
	struct ref_meta m;
	int latest = !version || !*version;
	sqlite3_stmt *st = db_stmt(s, latest ? SQL_META_LATEST : SQL_META_VERSION, err);
	if (!st)
		return NULL;
	db_bind_text(st, 1, name);
	if (!latest)
		db_bind_text(st, 2, version);
	int found = db_get_row(s, st, meta_read, &m, err);
	if (found <= 0) {
		if (found == 0)
			unknown_ref(s, name, version, err);
		return NULL;
	}
	struct fp_ref *r = fp_ref_new(m.name, m.version);
	if (load_part(s, SQL_LOAD_CRIT, m.id, crit_row, r, err) ||
	    load_part(s, SQL_LOAD_ITEM, m.id, item_row, r, err) ||
	    load_part(s, SQL_LOAD_FACTOR, m.id, factor_row, r, err) ||
	    load_part(s, SQL_LOAD_MIX, m.id, mix_row, r, err) ||
	    load_part(s, SQL_LOAD_TYPE, m.id, type_row, r, err) ||
	    load_part(s, SQL_LOAD_MATCH, m.id, match_row, r, err) ||
	    load_part(s, SQL_LOAD_HYP, m.id, hyp_row, r, err)) {
		fp_ref_free(r);
		ref_meta_free(&m);
		return NULL;
	}
	if (meta)
		*meta = m;
	else
		ref_meta_free(&m);
	return r;
}
