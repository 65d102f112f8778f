/* sqlite_org.c: organisations (a tree) and people, SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_db.h"

/* Runs the INSERT st of a row whose key must be unique (organisation code,
 * e-mail), then resets it. On a UNIQUE violation err says that what (e.g.
 * "l'organisation") key already exists. 0 (*id set when not NULL), or -1. */
static int db_insert_unique(struct store *s, sqlite3_stmt *st, const char *what, const char *key,
			    int64_t *id, struct err *err)
{
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (db_is_unique_violation(s))
			ret = err_set(err, "%s « %s » existe déjà", what, key);
		else
			ret = db_fail(s, err);
	} else if (id) {
		*id = sqlite3_last_insert_rowid(s->db);
	}
	db_done(st);
	return ret;
}

/* ---- organisations ---- */

static const char SQL_ORG_INSERT[] =
	"INSERT INTO org (code, name, kind, parent_id) VALUES (?1, ?2, ?3, ?4)";

int store_org_add(struct store *s, const char *code, const char *name, enum org_kind kind,
		  const char *parent_code, int64_t *id, struct err *err)
{
	int64_t parent_id = 0;
	if (!code || !*code)
		return err_set(err, "code d'organisation vide");
	if ((unsigned)kind >= ORG_KIND_COUNT)
		return err_set(err, "type d'organisation invalide pour « %s »", code);
	if (parent_code && *parent_code) {
		int found = db_org_id(s, parent_code, &parent_id, err);
		if (found < 0)
			return -1;
		if (!found)
			return err_set(err, "organisation parente inconnue : « %s »", parent_code);
	}
	sqlite3_stmt *st = db_stmt(s, SQL_ORG_INSERT, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, org_kind_code(kind));
	db_bind_id_or_null(st, 4, parent_id);
	return db_insert_unique(s, st, "l'organisation", code, id, err);
}

/* Columns read by org_read, in that order. */
#define ORG_COLS "o.id, o.code, o.name, o.kind, o.parent_id, COALESCE(p.code, '')"

static int org_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct org *o = out;
	memset(o, 0, sizeof(*o));
	if (db_col_org_kind(st, 3, &o->kind))
		return db_bad_value(err, "org", "kind");
	o->id = sqlite3_column_int64(st, 0);
	o->code = db_col_str(st, 1);
	o->name = db_col_str(st, 2);
	o->parent_id = sqlite3_column_int64(st, 4);
	o->parent_code = db_col_str(st, 5);
	o->ministry_id = o->id;
	return 0;
}

/* ministry_id is the root reached by walking the parents up. */
#define ORG_GET_SQL(where)                                                      \
	"WITH RECURSIVE up (id, parent_id) AS ("                                \
	" SELECT id, parent_id FROM org WHERE " where " UNION ALL"              \
	" SELECT o.id, o.parent_id FROM org o JOIN up ON o.id = up.parent_id) " \
	"SELECT " ORG_COLS ", (SELECT id FROM up WHERE parent_id IS NULL) "     \
	"FROM org o LEFT JOIN org p ON p.id = o.parent_id WHERE o." where

static const char SQL_ORG_GET_CODE[] = ORG_GET_SQL("code = ?1");
static const char SQL_ORG_GET_ID[] = ORG_GET_SQL("id = ?1");

/* org_read, plus the ministry_id the ORG_GET_SQL queries compute. */
static int org_read_with_ministry(sqlite3_stmt *st, void *out, struct err *err)
{
	if (org_read(st, out, err))
		return -1;
	((struct org *)out)->ministry_id = sqlite3_column_int64(st, 6);
	return 0;
}

int store_org_get(struct store *s, const char *code, struct org *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_ORG_GET_CODE, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	return db_get_row(s, st, org_read_with_ministry, out, err);
}

int store_org_get_id(struct store *s, int64_t id, struct org *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_ORG_GET_ID, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	return db_get_row(s, st, org_read_with_ministry, out, err);
}

static const char SQL_ORG_ALL[] = "SELECT " ORG_COLS " FROM org o "
				  "LEFT JOIN org p ON p.id = o.parent_id ORDER BY o.code";

/* Links of one organisation in the tree, by index into the list by code. */
struct org_node {
	size_t parent, first_child, last_child, next_sibling; /* NONE when absent */
};

#define NONE ((size_t)-1)

struct org_by_id {
	int64_t id;
	size_t index;
};

static int org_by_id_cmp(const void *a, const void *b)
{
	const struct org_by_id *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* Moves the organisations of flat (ordered by code) into out in tree order:
 * from root (or every root when root is NONE), depth first, children by
 * code; root itself is left out when given. Fills ministry_id on the way.
 * Organisations are few (hundreds), so the tree is built in memory rather
 * than ordered by a recursive query, whose path sorting is not portable. */
static void org_tree_order(struct org_list *flat, size_t root, struct org_list *out)
{
	size_t n = flat->n;
	struct org_node *nodes = xcalloc(n ? n : 1, sizeof(*nodes));
	struct org_by_id *ids = xcalloc(n ? n : 1, sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		ids[i].id = flat->items[i].id;
		ids[i].index = i;
		nodes[i].parent = nodes[i].first_child = nodes[i].last_child = NONE;
		nodes[i].next_sibling = NONE;
	}
	qsort(ids, n, sizeof(*ids), org_by_id_cmp);
	/* Visiting in code order appends children in code order. */
	for (size_t i = 0; i < n; i++) {
		if (!flat->items[i].parent_id)
			continue;
		struct org_by_id key = { flat->items[i].parent_id, 0 };
		struct org_by_id *p = bsearch(&key, ids, n, sizeof(*ids), org_by_id_cmp);
		if (!p)
			continue; /* foreign keys make this impossible */
		size_t pi = p->index;
		nodes[i].parent = pi;
		if (nodes[pi].last_child == NONE)
			nodes[pi].first_child = i;
		else
			nodes[nodes[pi].last_child].next_sibling = i;
		nodes[pi].last_child = i;
	}
	int64_t *ministry = xcalloc(n ? n : 1, sizeof(*ministry));
	char *taken = xcalloc(n ? n : 1, 1);
	for (size_t start = 0; start < n; start++) {
		if (root == NONE ? nodes[start].parent != NONE : start != root)
			continue;
		/* Preorder walk without a stack, using the parent links. */
		size_t i = start;
		while (i != NONE) {
			size_t p = nodes[i].parent;
			ministry[i] = p == NONE ? flat->items[i].id : ministry[p];
			if (i != root) {
				flat->items[i].ministry_id = ministry[i];
				xgrow((void **)&out->items, sizeof(*out->items), out->n + 1,
				      &out->cap);
				out->items[out->n++] = flat->items[i];
				taken[i] = 1;
			}
			if (nodes[i].first_child != NONE) {
				i = nodes[i].first_child;
				continue;
			}
			while (i != start && nodes[i].next_sibling == NONE)
				i = nodes[i].parent;
			i = i == start ? NONE : nodes[i].next_sibling;
		}
	}
	/* What was not moved (outside the subtree) is freed here. */
	for (size_t i = 0; i < n; i++) {
		if (!taken[i])
			org_free(&flat->items[i]);
	}
	free(flat->items);
	memset(flat, 0, sizeof(*flat));
	free(taken);
	free(ministry);
	free(ids);
	free(nodes);
}

static int org_load_all(struct store *s, struct org_list *flat, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_ORG_ALL, err);
	if (!st)
		return -1;
	if (DB_LIST_ROWS(s, st, org_read, flat, err)) {
		org_list_free(flat);
		return -1;
	}
	return 0;
}

int store_org_list(struct store *s, struct org_list *out, struct err *err)
{
	struct org_list flat = { 0 };
	memset(out, 0, sizeof(*out));
	if (org_load_all(s, &flat, err))
		return -1;
	org_tree_order(&flat, NONE, out);
	return 0;
}

int store_org_children(struct store *s, int64_t id, struct org_list *out, struct err *err)
{
	struct org_list flat = { 0 };
	memset(out, 0, sizeof(*out));
	if (org_load_all(s, &flat, err))
		return -1;
	size_t root = NONE;
	for (size_t i = 0; i < flat.n && root == NONE; i++) {
		if (flat.items[i].id == id)
			root = i;
	}
	if (root == NONE) {
		org_list_free(&flat);
		return err_set(err, "organisation inconnue (identifiant %lld)", (long long)id);
	}
	org_tree_order(&flat, root, out);
	return 0;
}

/* ---- people ---- */

static const char SQL_PERSON_INSERT[] =
	"INSERT INTO person (email, name, role, org_id) VALUES (?1, ?2, ?3, ?4)";

int store_person_add(struct store *s, const char *email, const char *name, enum role role,
		     const char *org_code, int64_t *id, struct err *err)
{
	int64_t org_id = 0;
	if (!email || !*email)
		return err_set(err, "adresse électronique vide");
	if ((unsigned)role >= ROLE_COUNT)
		return err_set(err, "rôle invalide pour « %s »", email);
	int found = db_org_id(s, org_code ? org_code : "", &org_id, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "organisation inconnue : « %s »", org_code ? org_code : "");
	sqlite3_stmt *st = db_stmt(s, SQL_PERSON_INSERT, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, role_code(role));
	db_bind_int64(st, 4, org_id);
	return db_insert_unique(s, st, "la personne", email, id, err);
}

#define PERSON_COLS "p.id, p.email, p.name, p.role, o.code, p.org_id"

static int person_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct person *p = out;
	memset(p, 0, sizeof(*p));
	if (db_col_role(st, 3, &p->role))
		return db_bad_value(err, "person", "role");
	p->id = sqlite3_column_int64(st, 0);
	p->email = db_col_str(st, 1);
	p->name = db_col_str(st, 2);
	p->org_code = db_col_str(st, 4);
	p->org_id = sqlite3_column_int64(st, 5);
	return 0;
}

static const char SQL_PERSON_GET[] =
	"SELECT " PERSON_COLS " FROM person p JOIN org o ON o.id = p.org_id"
	" WHERE p.email = ?1";

int store_person_get(struct store *s, const char *email, struct person *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_PERSON_GET, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	return db_get_row(s, st, person_read, out, err);
}

static const char SQL_PERSON_ALL[] =
	"SELECT " PERSON_COLS " FROM person p JOIN org o ON o.id = p.org_id"
	" ORDER BY p.email";

static const char SQL_PERSON_TREE[] =
	"WITH RECURSIVE sub (id) AS ("
	" SELECT id FROM org WHERE id = ?1"
	" UNION ALL"
	" SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "
	"SELECT " PERSON_COLS " FROM person p JOIN org o ON o.id = p.org_id"
	" WHERE p.org_id IN (SELECT id FROM sub) ORDER BY p.email";

int store_person_list(struct store *s, const char *org_code, struct person_list *out,
		      struct err *err)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof(*out));
	if (org_code) {
		int64_t org_id = 0;
		int found = db_org_id(s, org_code, &org_id, err);
		if (found < 0)
			return -1;
		if (!found)
			return err_set(err, "organisation inconnue : « %s »", org_code);
		if (!(st = db_stmt(s, SQL_PERSON_TREE, err)))
			return -1;
		db_bind_int64(st, 1, org_id);
	} else if (!(st = db_stmt(s, SQL_PERSON_ALL, err))) {
		return -1;
	}
	if (DB_LIST_ROWS(s, st, person_read, out, err)) {
		person_list_free(out);
		return -1;
	}
	return 0;
}
