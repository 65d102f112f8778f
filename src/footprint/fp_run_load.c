/* fp_run_load.c: reads data centres, virtual machines and applications into the run's tables. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_run_tab.h"

void fp_tabs_init(struct fp_tabs *t, size_t ncrit)
{
	memset(t, 0, sizeof(*t));
	t->ncrit = ncrit;
}

void fp_tabs_free(struct fp_tabs *t)
{
	for (size_t i = 0; i < t->ndcs; i++)
		for (int k = 0; k < 5; k++)
			free(t->dcs[i].s[k]);
	for (size_t i = 0; i < t->nhosts; i++) {
		free(t->hosts[i].datacenter);
		fp_inds_free(&t->hosts[i].ind);
	}
	for (size_t i = 0; i < t->nvms; i++) {
		for (int k = 0; k < 6; k++)
			free(t->vms[i].s[k]);
		free(t->vms[i].v);
		free(t->vms[i].st);
	}
	for (size_t i = 0; i < t->napps; i++) {
		free(t->apps[i].name);
		free(t->apps[i].entity);
		free(t->apps[i].rows);
	}
	for (size_t i = 0; i < t->narows; i++) {
		free(t->arows[i].vm_name);
		free(t->arows[i].error);
	}
	free(t->dcs);
	free(t->hosts);
	free(t->vms);
	free(t->apps);
	free(t->arows);
	fp_map_free(&t->dc_map);
	fp_map_free(&t->host_map);
	fp_map_free(&t->vm_map);
	fp_map_free(&t->vm_name_map);
	fp_map_free(&t->app_map);
	memset(t, 0, sizeof(*t));
}

static char *dup(char **slot, const char *s)
{
	*slot = xstrdup(s ? s : "");
	return *slot;
}

static int row_failed(const char *error)
{
	return error && error[0];
}

int fp_load_datacenters(struct fp_tabs *t, const char *path, struct fp_summary *s, struct diags *d)
{
	size_t before = d->errors;
	struct fp_reader *r = fp_reader_open(path, FP_FILE_DATACENTER, d);
	if (!r)
		return -1;
	struct fp_datacenter row;
	fp_datacenter_init(&row);
	int rc;
	while ((rc = fp_read_datacenter(r, &row, d)) != 0) {
		if (rc < 0)
			continue;
		s->counts.datacenters++;
		if (row_failed(row.error)) {
			fp_summary_add_error(s, path, row.line, row.error);
			continue;
		}
		size_t i = fp_map_intern(&t->dc_map, row.name, strlen(row.name), t->ndcs);
		if (i != t->ndcs)
			continue; /* the first row of a name wins */
		xgrow((void **)&t->dcs, sizeof(*t->dcs), t->ndcs + 1, &t->dccap);
		struct fp_dc_rec *x = &t->dcs[t->ndcs++];
		memset(x, 0, sizeof(*x));
		x->row.line = row.line;
		x->row.error = dup(&x->s[0], "");
		x->row.name = dup(&x->s[1], row.name);
		x->row.long_name = dup(&x->s[2], row.long_name);
		x->row.country = dup(&x->s[3], row.country);
		x->row.entity = dup(&x->s[4], row.entity);
		x->row.has_pue = row.has_pue;
		x->row.pue = row.pue;
	}
	fp_datacenter_free(&row);
	fp_reader_close(r);
	return d->errors > before ? -1 : 0;
}

const struct fp_datacenter *fp_tabs_dc(const struct fp_tabs *t, const char *name)
{
	size_t i;
	if (!name[0] || !fp_map_get(&t->dc_map, name, strlen(name), &i))
		return NULL;
	return &t->dcs[i].row;
}

struct fp_host_rec *fp_tabs_host(struct fp_tabs *t, const char *name)
{
	size_t i;
	if (!fp_map_get(&t->host_map, name, strlen(name), &i))
		return NULL;
	return &t->hosts[i];
}

static size_t host_of(struct fp_tabs *t, const char *name)
{
	size_t i = fp_map_intern(&t->host_map, name, strlen(name), t->nhosts);
	if (i == t->nhosts) {
		xgrow((void **)&t->hosts, sizeof(*t->hosts), t->nhosts + 1, &t->hostcap);
		struct fp_host_rec *h = &t->hosts[t->nhosts++];
		memset(h, 0, sizeof(*h));
		fp_host_vms_init(&h->vms);
		fp_inds_init(&h->ind);
	}
	return i;
}

static void vm_key(struct buf *b, const char *host, const char *name)
{
	buf_reset(b);
	buf_adds(b, host);
	buf_addc(b, '\x1f');
	buf_adds(b, name);
}

int fp_load_virtual(struct fp_tabs *t, const char *path, struct fp_summary *s, struct diags *d)
{
	size_t before = d->errors;
	struct fp_reader *r = fp_reader_open(path, FP_FILE_VIRTUAL, d);
	if (!r)
		return -1;
	struct fp_virtual row;
	fp_virtual_init(&row);
	struct buf key = BUF_INIT;
	int rc;
	while ((rc = fp_read_virtual(r, &row, d)) != 0) {
		if (rc < 0)
			continue;
		s->counts.virtual_++;
		xgrow((void **)&t->vms, sizeof(*t->vms), t->nvms + 1, &t->vmcap);
		size_t vi = t->nvms++;
		struct fp_vm_rec *x = &t->vms[vi];
		memset(x, 0, sizeof(*x));
		x->row.line = row.line;
		x->row.error = dup(&x->s[0], row.error);
		x->row.name = dup(&x->s[1], row.name);
		x->row.host = dup(&x->s[2], row.host);
		x->row.cluster = dup(&x->s[3], row.cluster);
		x->row.kind = dup(&x->s[4], row.kind);
		x->row.entity = dup(&x->s[5], row.entity);
		x->row.has_key = row.has_key;
		x->row.key = row.key;
		x->row.has_vcpu = row.has_vcpu;
		x->row.vcpu = row.vcpu;
		x->row.has_kwh = row.has_kwh;
		x->row.kwh = row.kwh;
		x->row.has_storage = row.has_storage;
		x->row.storage = row.storage;
		x->host = host_of(t, row.host);
		fp_host_vms_add(&t->hosts[x->host].vms, &x->row);
		vm_key(&key, row.host, row.name);
		fp_map_intern(&t->vm_map, key.ptr, key.len, vi);
		size_t first = fp_map_intern(&t->vm_name_map, row.name, strlen(row.name), vi);
		if (first != vi && first != FP_NONE - 1 &&
		    strcmp(t->vms[first].row.host, row.host) != 0)
			fp_map_set(&t->vm_name_map, row.name, strlen(row.name), FP_NONE - 1);
	}
	buf_free(&key);
	fp_virtual_free(&row);
	fp_reader_close(r);
	return d->errors > before ? -1 : 0;
}

/* The VM an application row names: by (host, name) when the row gives the
 * host, else by name when only one host has a VM of that name. */
static size_t find_vm(struct fp_tabs *t, const struct fp_application *row, struct buf *key)
{
	size_t i;
	if (row->host[0]) {
		vm_key(key, row->host, row->vm);
		return fp_map_get(&t->vm_map, key->ptr, key->len, &i) ? i : FP_NONE;
	}
	if (fp_map_get(&t->vm_name_map, row->vm, strlen(row->vm), &i) && i != FP_NONE - 1)
		return i;
	return FP_NONE;
}

int fp_load_applications(struct fp_tabs *t, const char *path, struct fp_summary *s, struct diags *d)
{
	size_t before = d->errors;
	struct fp_reader *r = fp_reader_open(path, FP_FILE_APPLICATION, d);
	if (!r)
		return -1;
	struct fp_application row;
	fp_application_init(&row);
	struct buf key = BUF_INIT;
	int rc;
	while ((rc = fp_read_application(r, &row, d)) != 0) {
		if (rc < 0)
			continue;
		s->counts.applications++;
		size_t ai = fp_map_intern(&t->app_map, row.name, strlen(row.name), t->napps);
		if (ai == t->napps) {
			xgrow((void **)&t->apps, sizeof(*t->apps), t->napps + 1, &t->appcap);
			struct fp_app_rec *a = &t->apps[t->napps++];
			memset(a, 0, sizeof(*a));
			a->name = xstrdup(row.name);
			a->entity = xstrdup(row.entity);
		}
		xgrow((void **)&t->arows, sizeof(*t->arows), t->narows + 1, &t->arowcap);
		size_t ri = t->narows++;
		struct fp_app_row *x = &t->arows[ri];
		x->vm_name = xstrdup(row.vm);
		x->error = xstrdup(row.error);
		x->line = row.line;
		x->vm = row_failed(row.error) ? FP_NONE : find_vm(t, &row, &key);
		if (x->vm != FP_NONE)
			t->vms[x->vm].napps++;
		struct fp_app_rec *a = &t->apps[ai];
		xgrow((void **)&a->rows, sizeof(*a->rows), a->nrows + 1, &a->cap);
		a->rows[a->nrows++] = ri;
	}
	buf_free(&key);
	fp_application_free(&row);
	fp_reader_close(r);
	return d->errors > before ? -1 : 0;
}
