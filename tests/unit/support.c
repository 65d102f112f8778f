/* support.c: helpers shared by the unit tests (see support.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "support.h"

int ts_tmpdir_make(struct ts_tmpdir *t, const char *tag)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/numeco-test-%s-XXXXXX", tag);
	if (!mkdtemp(t->dir))
		return -1;
	snprintf(t->path, sizeof(t->path), "%s/numeco.db", t->dir);
	return 0;
}

int ts_tmpdir_remove(const struct ts_tmpdir *t)
{
	char p[160];
	unlink(t->path);
	snprintf(p, sizeof(p), "%s-wal", t->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", t->path);
	unlink(p);
	return rmdir(t->dir);
}

int ts_store_setup(struct ts_tmpdir *t, struct store **s, struct err *err, const char *tag,
		   int *migrated)
{
	*err = (struct err)ERR_INIT;
	*s = NULL;
	if (ts_tmpdir_make(t, tag)) {
		perror("mkdtemp");
		return -1;
	}
	*s = store_open(t->path, STORE_OPEN_CREATE, migrated, err);
	if (!*s) {
		fprintf(stderr, "store_open: %s\n", err->msg.ptr);
		err_free(err);
		ts_tmpdir_remove(t);
		return -1;
	}
	return 0;
}

int ts_store_teardown(struct ts_tmpdir *t, struct store *s, struct err *err)
{
	store_close(s);
	err_free(err);
	return ts_tmpdir_remove(t);
}

void ts_assert_msg_has(const char *msg, const char *part)
{
	if (!strstr(msg, part))
		fail_msg("message \"%s\" lacks \"%s\"", msg, part);
}

void ts_org_add(struct store *s, const char *code, const char *name, enum org_kind kind,
		const char *parent, int64_t *id, struct err *err)
{
	int64_t tmp;
	if (store_org_add(s, code, name, kind, parent, id ? id : &tmp, err))
		fail_msg("store_org_add %s: %s", code, err->msg.ptr);
}

int64_t ts_org_id(struct store *s, const char *code, struct err *err)
{
	struct org o;
	int found = store_org_get(s, code, &o, err);
	if (found != 1)
		fail_msg("org %s not found (%d): %s", code, found, err->msg.ptr);
	int64_t id = o.id;
	org_free(&o);
	return id;
}

size_t ts_audit_count(struct store *s, struct err *err)
{
	struct audit_list l;
	if (store_audit_list(s, NULL, 0, &l, err))
		fail_msg("store_audit_list: %s", err->msg.ptr);
	size_t n = l.n;
	audit_list_free(&l);
	return n;
}

static void audit_field_is(const char *field, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		fail_msg("audit %s: \"%s\" != \"%s\"", field, got, want);
}

void ts_assert_audit(const struct audit_entry *e, const char *entity, const char *entity_key,
		     const char *op, const char *actor, const char *at, const char *before,
		     const char *after)
{
	audit_field_is("entity", e->entity, entity);
	audit_field_is("entity_key", e->entity_key, entity_key);
	audit_field_is("op", e->op, op);
	audit_field_is("actor", e->actor, actor);
	audit_field_is("at", e->at, at);
	audit_field_is("before", e->before, before);
	audit_field_is("after", e->after, after);
}

void ts_actors_init(struct ts_actors *as, int64_t mission, int64_t min_a, int64_t dir_a,
		    int64_t min_b)
{
	as->local = (struct actor){ "cli:test", 1, ROLE_ADMIN, 0, 0 };
	as->admin = (struct actor){ "admin@m.fr", 0, ROLE_ADMIN, mission, mission };
	as->ref_a = (struct actor){ "ref@a.fr", 0, ROLE_REFERENT, min_a, min_a };
	as->ref_b = (struct actor){ "ref@b.fr", 0, ROLE_REFERENT, min_b, min_b };
	as->corr_a = (struct actor){ "corr@a.fr", 0, ROLE_CORRESPONDANT, dir_a, min_a };
	as->lect_a = (struct actor){ "lect@a.fr", 0, ROLE_LECTEUR, min_a, min_a };
}

void ts_set(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

void ts_action_full(struct action *a)
{
	action_init(a);
	ts_set(&a->ref, "A-01");
	ts_set(&a->title, "Un titre");
	ts_set(&a->description, "Une description");
	a->theme = THEME_ACHATS;
	a->level = LEVEL_REALISATION;
	a->status = STATUS_EN_COURS;
	a->key = 1;
	ts_set(&a->direction, "MIN-A-DNUM");
	ts_set(&a->start_date, "2022-02-01");
	ts_set(&a->due_date, "2022-12-31");
	a->has_budget = 1;
	a->budget_cents = 123450;
	ts_set(&a->indicator, "Un indicateur");
	a->has_impact = 1;
	a->impact_value = 12.5;
	a->impact_unit = IUNIT_TCO2E;
	ts_set(&a->impact_method, "Une méthode");
	ts_set(&a->comment, "Un commentaire");
}

char *ts_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return buf_detach(&b);
}

char *ts_read_data(const char *name, size_t *len)
{
	const char *dir = getenv("NUMECO_TEST_DATA");
	char path[512];
	if (!dir)
		dir = "tests/data";
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *data = ts_read_file(path, len);
	if (!data)
		fail_msg("cannot open %s", path);
	return data;
}

void ts_dump_diags(const struct diags *d)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		buf_reset(&b);
		diags_format(&d->items[i], &b);
		fprintf(stderr, "  diag: %s\n", b.ptr);
	}
	buf_free(&b);
}

int64_t ts_roadmap_add(struct store *s, int64_t org, const char *period, struct err *err)
{
	int64_t id = 0;
	TS_OK(err, store_roadmap_create(s, org, period, &id, err));
	return id;
}

void ts_action_add(struct store *s, int64_t roadmap, int pos, const char *ref, enum status status,
		   int key, struct err *err)
{
	struct action a;
	action_init(&a);
	ts_set(&a.ref, ref);
	ts_set(&a.title, ref);
	a.status = status;
	a.key = key;
	TS_OK(err, store_action_insert(s, roadmap, pos, &a, err));
	action_free(&a);
}
