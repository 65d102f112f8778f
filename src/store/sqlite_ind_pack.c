/* sqlite_ind_pack.c: indicator_pack, the values of each ministry and year
 * packed in one row for the national scan, kept in step with
 * indicator_value (see 0006_indicators.sql). */
#include <string.h>

#include "core/buf.h"
#include "store/sqlite_ind_int.h"

static const char SQL_PACK_GET[] =
	"SELECT data FROM indicator_pack WHERE org_id = ?1 AND year = ?2";
static const char SQL_PACK_SET[] =
	"INSERT INTO indicator_pack (org_id, year, data) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (org_id, year) DO UPDATE SET data = excluded.data";
static const char SQL_PACK_DELETE[] = "DELETE FROM indicator_pack WHERE org_id = ?1 AND year = ?2";

void ind_pack_entry(const unsigned char *p, int64_t *indicator_id, double *v)
{
	uint32_t id = 0;
	uint64_t bits = 0;
	for (int i = 3; i >= 0; i--)
		id = id << 8 | p[i];
	for (int i = 11; i >= 4; i--)
		bits = bits << 8 | p[i];
	*indicator_id = id;
	memcpy(v, &bits, sizeof(*v));
}

static void pack_put(unsigned char *p, int64_t indicator_id, double v)
{
	uint32_t id = (uint32_t)indicator_id;
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	for (int i = 0; i < 4; i++, id >>= 8)
		p[i] = (unsigned char)(id & 0xff);
	for (int i = 4; i < 12; i++, bits >>= 8)
		p[i] = (unsigned char)(bits & 0xff);
}

/* Reads the stored pack of (org, year) into b (empty when none). */
static int pack_read(struct store *s, int64_t org_id, int year, struct buf *b, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_PACK_GET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const void *p = sqlite3_column_blob(st, 0);
		int n = sqlite3_column_bytes(st, 0);
		if (p && n > 0)
			buf_add(b, p, (size_t)n);
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(s, err);
}

int ind_pack_update(struct store *s, int64_t org_id, int year, int64_t indicator_id, int has,
		    double v, struct err *err)
{
	struct buf b = BUF_INIT;
	int rc = -1;
	if (indicator_id <= 0 || indicator_id > UINT32_MAX) {
		err_set(err, "identifiant d'indicateur hors limites : %lld",
			(long long)indicator_id);
		goto out;
	}
	if (pack_read(s, org_id, year, &b, err))
		goto out;
	/* The entry of indicator_id, if any (a damaged tail is dropped). */
	size_t n = b.len / IND_PACK_ENTRY, at = n;
	b.len = n * IND_PACK_ENTRY;
	for (size_t i = 0; i < n && at == n; i++) {
		int64_t id;
		double x;
		ind_pack_entry((const unsigned char *)b.ptr + i * IND_PACK_ENTRY, &id, &x);
		if (id == indicator_id)
			at = i;
	}
	if (has && at == n) {
		buf_grow(&b, IND_PACK_ENTRY);
		b.len += IND_PACK_ENTRY;
	}
	if (has) {
		pack_put((unsigned char *)b.ptr + at * IND_PACK_ENTRY, indicator_id, v);
	} else if (at < n) {
		memmove(b.ptr + at * IND_PACK_ENTRY, b.ptr + (at + 1) * IND_PACK_ENTRY,
			(n - at - 1) * IND_PACK_ENTRY);
		b.len -= IND_PACK_ENTRY;
	} else {
		rc = 0; /* nothing there, nothing to remove */
		goto out;
	}
	sqlite3_stmt *st = db_stmt(s, b.len ? SQL_PACK_SET : SQL_PACK_DELETE, err);
	if (!st)
		goto out;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	if (b.len)
		sqlite3_bind_blob(st, 3, b.ptr, (int)b.len, SQLITE_STATIC);
	rc = db_write(s, st, err) < 0 ? -1 : 0;
out:
	buf_free(&b);
	return rc;
}
