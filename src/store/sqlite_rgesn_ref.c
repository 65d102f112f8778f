/* sqlite_rgesn_ref.c: stored RGESN referentials (families, criteria), SQLite
 * backend (store_rgesn.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "store/sqlite_db.h"
#include "store/store_rgesn.h"

static const char SQL_REF_FIND[] = "SELECT id FROM rgesn_ref WHERE name = ?1 AND version = ?2";
static const char SQL_REF_INSERT[] =
	"INSERT INTO rgesn_ref (name, version, title, source, licence, url, "
	"full_text, loaded_at,"
	" loaded_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
/* Same parameters as SQL_REF_INSERT, ?1 the id: replacing keeps the row. */
static const char SQL_REF_UPDATE[] =
	"UPDATE rgesn_ref SET title = ?4, source = ?5, licence = ?6, url = ?7, "
	"full_text = ?8,"
	" loaded_at = ?9, loaded_by = ?10 WHERE id = ?1 AND name = ?2 AND version "
	"= ?3";
static const char SQL_FAM_CLEAR[] = "DELETE FROM rgesn_family WHERE ref_id = ?1";
static const char SQL_CRIT_CLEAR[] = "DELETE FROM rgesn_criterion WHERE ref_id = ?1";
static const char SQL_FAM_INSERT[] =
	"INSERT INTO rgesn_family (ref_id, num, label) VALUES (?1, ?2, ?3)";
static const char SQL_CRIT_INSERT[] =
	"INSERT INTO rgesn_criterion (ref_id, crit_id, position, family, num, "
	"title, objective,"
	" implementation, test, applies, url, priority, difficulty, quick)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

#define REF_COLS                                                                     \
	"r.id, r.name, r.version, r.title, r.source, r.licence, r.url, r.full_text," \
	" r.loaded_at, r.loaded_by,"                                                 \
	" (SELECT count(*) FROM rgesn_criterion c WHERE c.ref_id = r.id)"
static const char SQL_REF_BY_ID[] = "SELECT " REF_COLS " FROM rgesn_ref r WHERE r.id = ?1";
static const char SQL_REF_BY_VERSION[] =
	"SELECT " REF_COLS " FROM rgesn_ref r WHERE r.name = ?1 AND r.version = ?2";
/* The latest version: the highest version string (2024 after 2022), then
 * the last loaded. */
static const char SQL_REF_LATEST[] = "SELECT " REF_COLS " FROM rgesn_ref r WHERE r.name = ?1"
				     " ORDER BY r.version DESC, r.id DESC LIMIT 1";
static const char SQL_REF_LIST[] =
	"SELECT " REF_COLS " FROM rgesn_ref r ORDER BY r.name, r.version, r.id";
static const char SQL_FAM_LOAD[] =
	"SELECT num, label FROM rgesn_family WHERE ref_id = ?1 ORDER BY num";
static const char SQL_CRIT_LOAD[] =
	"SELECT crit_id, family, num, title, objective, implementation, test, "
	"applies, url,"
	" priority, difficulty, quick FROM rgesn_criterion WHERE ref_id = ?1 ORDER "
	"BY position";

static const char *nz(const char *v)
{
	return v ? v : "";
}

static int write_row(struct store *s, sqlite3_stmt *st, struct err *err)
{
	return db_write(s, st, err) < 0 ? -1 : 0;
}

static void bind_header(sqlite3_stmt *st, const struct rg_ref *r, const char *now, const char *by)
{
	db_bind_text(st, 2, nz(r->name));
	db_bind_text(st, 3, nz(r->version));
	db_bind_text(st, 4, nz(r->title));
	db_bind_text(st, 5, nz(r->source));
	db_bind_text(st, 6, nz(r->licence));
	db_bind_text(st, 7, nz(r->url));
	sqlite3_bind_int(st, 8, r->full_text ? 1 : 0);
	db_bind_text(st, 9, now);
	db_bind_text(st, 10, nz(by));
}

static int clear_content(struct store *s, int64_t id, struct err *err)
{
	const char *const sqls[] = { SQL_CRIT_CLEAR, SQL_FAM_CLEAR };
	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]); i++) {
		sqlite3_stmt *st = db_stmt(s, sqls[i], err);
		if (!st)
			return -1;
		db_bind_int64(st, 1, id);
		if (write_row(s, st, err))
			return -1;
	}
	return 0;
}

static int save_header(struct store *s, const struct rg_ref *r, const char *by, int64_t *id,
		       struct err *err)
{
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_REF_FIND, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, nz(r->name));
	db_bind_text(st, 2, nz(r->version));
	int found = db_get_row(s, st, db_read_int64, id, err);
	if (found < 0)
		return -1;
	if (found) {
		if (clear_content(s, *id, err) || !(st = db_stmt(s, SQL_REF_UPDATE, err)))
			return -1;
		db_bind_int64(st, 1, *id);
		bind_header(st, r, now, by);
		return write_row(s, st, err);
	}
	if (!(st = db_stmt(s, SQL_REF_INSERT, err)))
		return -1;
	bind_header(st, r, now, by);
	if (write_row(s, st, err))
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int save_criterion(struct store *s, int64_t id, size_t pos, const struct rg_criterion *c,
			  struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_CRIT_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, nz(c->id));
	db_bind_int64(st, 3, (int64_t)pos);
	db_bind_int64(st, 4, c->family);
	db_bind_int64(st, 5, c->num);
	db_bind_text(st, 6, nz(c->title));
	db_bind_text(st, 7, nz(c->objective));
	db_bind_text(st, 8, nz(c->implementation));
	db_bind_text(st, 9, nz(c->test));
	db_bind_text(st, 10, nz(c->applies));
	db_bind_text(st, 11, nz(c->url));
	db_bind_text(st, 12, rg_priority_code(c->priority));
	db_bind_text(st, 13, rg_difficulty_code(c->difficulty));
	sqlite3_bind_int(st, 14, c->quick ? 1 : 0);
	if (sqlite3_step(st) != SQLITE_DONE) {
		int rc = db_is_unique_violation(s)
				 ? err_set(err, "critère « %s » en double dans le référentiel",
					   nz(c->id))
				 : db_fail(s, err);
		db_done(st);
		return rc;
	}
	db_done(st);
	return 0;
}

int store_rg_ref_save(struct store *s, struct rg_ref *r, const char *by, struct err *err)
{
	int64_t id = 0;
	if (!r->name || !*r->name || !r->version || !*r->version)
		return err_set(err, "référentiel RGESN sans nom ou sans version");
	if (save_header(s, r, by, &id, err))
		return -1;
	for (size_t i = 0; i < r->nfamilies; i++) {
		sqlite3_stmt *st = db_stmt(s, SQL_FAM_INSERT, err);
		if (!st)
			return -1;
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, r->families[i].num);
		db_bind_text(st, 3, nz(r->families[i].label));
		if (write_row(s, st, err))
			return -1;
	}
	for (size_t i = 0; i < r->ncriteria; i++)
		if (save_criterion(s, id, i, &r->criteria[i], err))
			return -1;
	r->id = id;
	return 0;
}

/* ---- reading ---- */

static int meta_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct rg_ref_meta *m = out;
	(void)err;
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->name = db_col_str(st, 1);
	m->version = db_col_str(st, 2);
	m->title = db_col_str(st, 3);
	m->full_text = sqlite3_column_int(st, 7) != 0;
	m->loaded_at = db_col_str(st, 8);
	m->loaded_by = db_col_str(st, 9);
	m->ncriteria = (size_t)sqlite3_column_int64(st, 10);
	return 0;
}

static int header_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct rg_ref *r = out;
	(void)err;
	r->id = sqlite3_column_int64(st, 0);
	r->name = db_col_str(st, 1);
	r->version = db_col_str(st, 2);
	r->title = db_col_str(st, 3);
	r->source = db_col_str(st, 4);
	r->licence = db_col_str(st, 5);
	r->url = db_col_str(st, 6);
	r->full_text = sqlite3_column_int(st, 7) != 0;
	return 0;
}

struct ref_fill {
	struct rg_ref *r;
	size_t cap;
};

static int family_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct ref_fill *f = ctx;
	(void)err;
	xgrow((void **)&f->r->families, sizeof(*f->r->families), f->r->nfamilies + 1, &f->cap);
	struct rg_family *fam = &f->r->families[f->r->nfamilies++];
	fam->num = sqlite3_column_int(st, 0);
	fam->label = db_col_str(st, 1);
	return 0;
}

static int criterion_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct ref_fill *f = ctx;
	xgrow((void **)&f->r->criteria, sizeof(*f->r->criteria), f->r->ncriteria + 1, &f->cap);
	struct rg_criterion *c = &f->r->criteria[f->r->ncriteria++];
	memset(c, 0, sizeof(*c));
	c->id = db_col_str(st, 0);
	c->family = sqlite3_column_int(st, 1);
	c->num = sqlite3_column_int(st, 2);
	c->title = db_col_str(st, 3);
	c->objective = db_col_str(st, 4);
	c->implementation = db_col_str(st, 5);
	c->test = db_col_str(st, 6);
	c->applies = db_col_str(st, 7);
	c->url = db_col_str(st, 8);
	c->quick = sqlite3_column_int(st, 11) != 0;
	if (rg_priority_parse((const char *)sqlite3_column_text(st, 9), &c->priority) ||
	    rg_difficulty_parse((const char *)sqlite3_column_text(st, 10), &c->difficulty))
		return db_bad_value(err, "rgesn_criterion", "priority/difficulty");
	return 0;
}

/* Runs the header query st (bound), then reads families and criteria. */
static int ref_load(struct store *s, sqlite3_stmt *st, struct rg_ref *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	int found = db_get_row(s, st, header_read, out, err);
	if (found <= 0)
		goto done;
	struct ref_fill f = { out, 0 };
	if (!(st = db_stmt(s, SQL_FAM_LOAD, err))) {
		found = -1;
		goto done;
	}
	db_bind_int64(st, 1, out->id);
	if (db_each_row(s, st, family_row, &f, err)) {
		found = -1;
		goto done;
	}
	f.cap = 0;
	if (!(st = db_stmt(s, SQL_CRIT_LOAD, err))) {
		found = -1;
		goto done;
	}
	db_bind_int64(st, 1, out->id);
	if (db_each_row(s, st, criterion_row, &f, err))
		found = -1;
done:
	if (found <= 0) {
		rg_ref_free(out);
		memset(out, 0, sizeof(*out));
	}
	return found;
}

int store_rg_ref_load(struct store *s, const char *name, const char *version, struct rg_ref *out,
		      struct err *err)
{
	int latest = !version || !*version;
	sqlite3_stmt *st = db_stmt(s, latest ? SQL_REF_LATEST : SQL_REF_BY_VERSION, err);
	if (!st) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	db_bind_text(st, 1, nz(name));
	if (!latest)
		db_bind_text(st, 2, version);
	return ref_load(s, st, out, err);
}

int store_rg_ref_load_id(struct store *s, int64_t id, struct rg_ref *out, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_REF_BY_ID, err);
	if (!st) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	db_bind_int64(st, 1, id);
	return ref_load(s, st, out, err);
}

int store_rg_ref_list(struct store *s, struct rg_ref_meta_list *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_REF_LIST, err);
	if (!st)
		return -1;
	if (DB_LIST_ROWS(s, st, meta_read, out, err)) {
		rg_ref_meta_list_free(out);
		return -1;
	}
	return 0;
}
