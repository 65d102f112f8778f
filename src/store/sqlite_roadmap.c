/* sqlite_roadmap.c: roadmaps and their actions, SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_db.h"

/* ---- roadmaps ---- */

#define ROADMAP_COLS "r.id, r.org_id, o.code, o.name, r.period, r.state"

static int roadmap_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct roadmap *r = out;
	memset(r, 0, sizeof(*r));
	if (db_col_rstate(st, 5, &r->state))
		return db_bad_value(err, "roadmap", "state");
	r->id = sqlite3_column_int64(st, 0);
	r->org_id = sqlite3_column_int64(st, 1);
	r->org_code = db_col_str(st, 2);
	r->org_name = db_col_str(st, 3);
	r->period = db_col_str(st, 4);
	return 0;
}

static const char SQL_ROADMAP_GET[] =
	"SELECT " ROADMAP_COLS " FROM roadmap r JOIN org o ON o.id = r.org_id"
	" WHERE r.org_id = ?1 AND r.period = ?2";

int store_roadmap_get(struct store *s, int64_t org_id, const char *period, struct roadmap *out,
		      struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_ROADMAP_GET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_text(st, 2, period);
	return db_get_row(s, st, roadmap_read, out, err);
}

static const char SQL_ROADMAP_INSERT[] =
	"INSERT INTO roadmap (org_id, period, state) VALUES (?1, ?2, ?3)";
static const char SQL_ORG_CODE[] = "SELECT code FROM org WHERE id = ?1";

/* Names an organisation by code in messages ("#id" when unknown). */
static void roadmap_org_name(struct store *s, int64_t org_id, struct buf *out)
{
	struct err ignored = ERR_INIT;
	sqlite3_stmt *st = db_stmt(s, SQL_ORG_CODE, &ignored);
	if (st) {
		db_bind_int64(st, 1, org_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			buf_adds(out, (const char *)sqlite3_column_text(st, 0));
		db_done(st);
	}
	if (!out->len)
		buf_addf(out, "#%lld", (long long)org_id);
	err_free(&ignored);
}

int store_roadmap_create(struct store *s, int64_t org_id, const char *period, int64_t *id,
			 struct err *err)
{
	if (!period || !*period)
		return err_set(err, "période vide");
	sqlite3_stmt *st = db_stmt(s, SQL_ROADMAP_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_text(st, 2, period);
	db_bind_text(st, 3, rstate_code(RSTATE_BROUILLON));
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_DONE) {
		int unique = db_is_unique_violation(s), fk = db_is_fk_violation(s);
		if (!unique && !fk)
			ret = db_fail(s, err);
		db_done(st);
		if (unique) {
			struct buf name = BUF_INIT;
			roadmap_org_name(s, org_id, &name);
			ret = err_set(err, "la feuille de route de « %s » pour %s existe déjà",
				      name.ptr, period);
			buf_free(&name);
		} else if (fk) {
			ret = err_set(err, "organisation inconnue (identifiant %lld)",
				      (long long)org_id);
		}
		return ret;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	db_done(st);
	return 0;
}

static const char SQL_ROADMAP_STATE[] = "UPDATE roadmap SET state = ?2 WHERE id = ?1";

int store_roadmap_set_state(struct store *s, int64_t id, enum rstate state, struct err *err)
{
	if ((unsigned)state >= RSTATE_COUNT)
		return err_set(err, "état de feuille de route invalide");
	sqlite3_stmt *st = db_stmt(s, SQL_ROADMAP_STATE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, rstate_code(state));
	int changed = db_write(s, st, err);
	if (changed == 0)
		return err_set(err, "feuille de route inconnue (identifiant %lld)", (long long)id);
	return changed < 0 ? -1 : 0;
}

static const char SQL_ROADMAP_ALL[] =
	"SELECT " ROADMAP_COLS " FROM roadmap r JOIN org o ON o.id = r.org_id"
	" ORDER BY r.period, o.code";
static const char SQL_ROADMAP_PERIOD[] =
	"SELECT " ROADMAP_COLS " FROM roadmap r JOIN org o ON o.id = r.org_id"
	" WHERE r.period = ?1 ORDER BY o.code";

int store_roadmap_list(struct store *s, const char *period, struct roadmap_list *out,
		       struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, period ? SQL_ROADMAP_PERIOD : SQL_ROADMAP_ALL, err);
	if (!st)
		return -1;
	if (period)
		db_bind_text(st, 1, period);
	if (DB_LIST_ROWS(s, st, roadmap_read, out, err)) {
		roadmap_list_free(out);
		return -1;
	}
	return 0;
}

/* ---- actions ---- */

/* Columns read by action_read, in that order. */
#define ACTION_COLS                                                                      \
	"a.id, a.version, a.ref, a.title, a.description, a.theme, a.level, a.status, "   \
	"a.key_action, COALESCE(d.code, ''), a.start_date, a.due_date, a.budget_cents, " \
	"a.indicator, a.impact_value, a.impact_unit, a.impact_method, a.comment"
#define ACTION_FROM " FROM action a LEFT JOIN org d ON d.id = a.direction_id"

static int action_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct action *a = out;
	memset(a, 0, sizeof(*a));
	enum theme theme;
	enum level level;
	enum status status;
	enum iunit unit = IUNIT_KGCO2E;
	int has_impact = sqlite3_column_type(st, 14) != SQLITE_NULL;
	if (db_col_theme(st, 5, &theme))
		return db_bad_value(err, "action", "theme");
	if (db_col_level(st, 6, &level))
		return db_bad_value(err, "action", "level");
	if (db_col_status(st, 7, &status))
		return db_bad_value(err, "action", "status");
	if (has_impact && db_col_iunit(st, 15, &unit))
		return db_bad_value(err, "action", "impact_unit");
	a->id = sqlite3_column_int64(st, 0);
	a->version = sqlite3_column_int64(st, 1);
	a->ref = db_col_str(st, 2);
	a->title = db_col_str(st, 3);
	a->description = db_col_str(st, 4);
	a->theme = theme;
	a->level = level;
	a->status = status;
	a->key = sqlite3_column_int(st, 8) != 0;
	a->direction = db_col_str(st, 9);
	a->start_date = db_col_str(st, 10);
	a->due_date = db_col_str(st, 11);
	a->has_budget = sqlite3_column_type(st, 12) != SQLITE_NULL;
	a->budget_cents = a->has_budget ? sqlite3_column_int64(st, 12) : 0;
	a->indicator = db_col_str(st, 13);
	a->has_impact = has_impact;
	a->impact_value = has_impact ? sqlite3_column_double(st, 14) : 0;
	a->impact_unit = unit;
	a->impact_method = db_col_str(st, 16);
	a->comment = db_col_str(st, 17);
	return 0;
}

static const char SQL_ACTION_LIST[] =
	"SELECT " ACTION_COLS ACTION_FROM " WHERE a.roadmap_id = ?1 ORDER BY a.position, a.id";

int store_action_list(struct store *s, int64_t roadmap_id, struct action_list *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_ACTION_LIST, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, roadmap_id);
	if (DB_LIST_ROWS(s, st, action_read, out, err)) {
		action_list_free(out);
		return -1;
	}
	return 0;
}

static const char SQL_ACTION_GET[] =
	"SELECT " ACTION_COLS ACTION_FROM " WHERE a.roadmap_id = ?1 AND a.ref = ?2";

int store_action_get(struct store *s, int64_t roadmap_id, const char *ref, struct action *out,
		     struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_ACTION_GET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, roadmap_id);
	db_bind_text(st, 2, ref);
	return db_get_row(s, st, action_read, out, err);
}

/* Checks the enumerations and resolves the direction code to its id. */
static int action_check(struct store *s, const struct action *a, int64_t *direction_id,
			struct err *err)
{
	const char *ref = a->ref ? a->ref : "";
	*direction_id = 0;
	if (!*ref)
		return err_set(err, "référence d'action vide");
	if ((unsigned)a->theme >= THEME_COUNT || (unsigned)a->level >= LEVEL_COUNT ||
	    (unsigned)a->status >= STATUS_COUNT ||
	    (a->has_impact && (unsigned)a->impact_unit >= IUNIT_COUNT))
		return err_set(err,
			       "action « %s » : valeur de thème, niveau, statut ou unité invalide",
			       ref);
	if (a->direction && *a->direction) {
		int found = db_org_id(s, a->direction, direction_id, err);
		if (found < 0)
			return -1;
		if (!found)
			return err_set(err, "action « %s » : direction inconnue : « %s »", ref,
				       a->direction);
	}
	return 0;
}

/* Binds the user-visible fields to parameters 2..19 (shared by insert and
 * update so both write a row the same way). */
static void action_bind(sqlite3_stmt *st, int position, const struct action *a,
			int64_t direction_id)
{
	db_bind_int64(st, 2, position);
	db_bind_text(st, 3, a->ref);
	db_bind_text(st, 4, a->title);
	db_bind_text(st, 5, a->description);
	db_bind_text(st, 6, theme_code(a->theme));
	db_bind_text(st, 7, level_code(a->level));
	db_bind_text(st, 8, status_code(a->status));
	db_bind_int64(st, 9, a->key ? 1 : 0);
	db_bind_id_or_null(st, 10, direction_id);
	db_bind_text_or_null(st, 11, a->start_date);
	db_bind_text_or_null(st, 12, a->due_date);
	if (a->has_budget)
		db_bind_int64(st, 13, a->budget_cents);
	else
		sqlite3_bind_null(st, 13);
	db_bind_text(st, 14, a->indicator);
	if (a->has_impact) {
		sqlite3_bind_double(st, 15, a->impact_value);
		db_bind_text(st, 16, iunit_code(a->impact_unit));
	} else {
		sqlite3_bind_null(st, 15);
		sqlite3_bind_null(st, 16);
	}
	db_bind_text(st, 17, a->impact_method);
	db_bind_text(st, 18, a->comment);
}

static const char SQL_ACTION_INSERT[] =
	"INSERT INTO action (roadmap_id, position, ref, title, description, theme, level,"
	" status, key_action, direction_id, start_date, due_date, budget_cents, indicator,"
	" impact_value, impact_unit, impact_method, comment, version)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
	" ?17, ?18, 1)";

/* Turns a failed write into a message naming the action. */
static int action_write_fail(struct store *s, const struct action *a, struct err *err)
{
	if (db_is_unique_violation(s))
		return err_set(err, "l'action « %s » existe déjà dans cette feuille de route",
			       a->ref);
	if (db_is_fk_violation(s))
		return err_set(err, "action « %s » : feuille de route inconnue", a->ref);
	return db_fail(s, err);
}

int store_action_insert(struct store *s, int64_t roadmap_id, int position, struct action *a,
			struct err *err)
{
	int64_t direction_id;
	if (action_check(s, a, &direction_id, err))
		return -1;
	sqlite3_stmt *st = db_stmt(s, SQL_ACTION_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, roadmap_id);
	action_bind(st, position, a, direction_id);
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_DONE) {
		ret = action_write_fail(s, a, err);
	} else {
		a->id = sqlite3_last_insert_rowid(s->db);
		a->version = 1;
	}
	db_done(st);
	return ret;
}

static const char SQL_ACTION_UPDATE[] =
	"UPDATE action SET position = CASE WHEN ?2 < 0 THEN position ELSE ?2 END, ref = ?3, title = ?4, description = ?5, theme = ?6,"
	" level = ?7, status = ?8, key_action = ?9, direction_id = ?10, start_date = ?11,"
	" due_date = ?12, budget_cents = ?13, indicator = ?14, impact_value = ?15,"
	" impact_unit = ?16, impact_method = ?17, comment = ?18, version = version + 1"
	" WHERE id = ?1 AND version = ?19";
static const char SQL_ACTION_VERSION[] = "SELECT version FROM action WHERE id = ?1";

/* Explains why an update matched no row: gone, or changed by someone else. */
static int action_update_conflict(struct store *s, const struct action *a, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_ACTION_VERSION, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, a->id);
	int64_t version = 0;
	int found = db_get_row(s, st, db_read_int64, &version, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "l'action « %s » n'existe plus (supprimée entre-temps)",
			       a->ref);
	return err_set(err,
		       "l'action « %s » a été modifiée entre-temps (version %lld en base, "
		       "%lld attendue) : rechargez-la et recommencez",
		       a->ref, (long long)version, (long long)a->version);
}

int store_action_update(struct store *s, int position, struct action *a, struct err *err)
{
	int64_t direction_id;
	if (action_check(s, a, &direction_id, err))
		return -1;
	sqlite3_stmt *st = db_stmt(s, SQL_ACTION_UPDATE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, a->id);
	action_bind(st, position, a, direction_id);
	db_bind_int64(st, 19, a->version);
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_DONE) {
		ret = action_write_fail(s, a, err);
		db_done(st);
		return ret;
	}
	int changed = sqlite3_changes(s->db);
	db_done(st);
	if (!changed)
		return action_update_conflict(s, a, err);
	a->version++;
	return 0;
}

static const char SQL_ACTION_DELETE[] = "DELETE FROM action WHERE id = ?1";

int store_action_delete(struct store *s, int64_t id, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_ACTION_DELETE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	int changed = db_write(s, st, err);
	if (changed == 0)
		return err_set(err, "action inconnue (identifiant %lld)", (long long)id);
	return changed < 0 ? -1 : 0;
}
