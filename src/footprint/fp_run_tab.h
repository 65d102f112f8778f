/* fp_run_tab.h: the in-memory tables of a run (data centres, hosts, virtual
 * machines, applications), filled by fp_run_load.c before the physical
 * equipment file is streamed; internal to src/footprint/. */
#ifndef NUMECO_FP_RUN_TAB_H
#define NUMECO_FP_RUN_TAB_H

#include "footprint/fp_run_int.h"

#define FP_NONE ((size_t)-1)

struct fp_dc_rec {
	struct fp_datacenter row; /* strings point to owned copies in s[] */
	char *s[5];
};

/* A physical equipment named as the host of some VM. */
struct fp_host_rec {
	struct fp_host_vms vms;
	int seen;	    /* found in the physical equipment file */
	struct fp_inds ind; /* its indicators (reasons not kept) */
	char *datacenter;
	long line;
};

struct fp_vm_rec {
	struct fp_virtual row; /* strings point to owned copies in s[] */
	char *s[6];
	size_t host;
	size_t napps; /* (application, VM) rows naming it */
	double *v;    /* its indicators, kept only when napps > 0 */
	unsigned char *st;
};

struct fp_app_row {
	size_t vm; /* FP_NONE when unknown */
	char *vm_name;
	char *error;
	long line;
};

struct fp_app_rec {
	char *name, *entity;
	size_t *rows; /* indexes into the run's app rows */
	size_t nrows, cap;
};

struct fp_tabs {
	size_t ncrit;
	struct fp_map dc_map;
	struct fp_dc_rec *dcs;
	size_t ndcs, dccap;
	struct fp_map host_map;
	struct fp_host_rec *hosts;
	size_t nhosts, hostcap;
	struct fp_map vm_map;	   /* "host\x1fname" → index */
	struct fp_map vm_name_map; /* name → index, FP_NONE - 1 when ambiguous */
	struct fp_vm_rec *vms;
	size_t nvms, vmcap;
	struct fp_map app_map; /* name → index */
	struct fp_app_rec *apps;
	size_t napps, appcap;
	struct fp_app_row *arows;
	size_t narows, arowcap;
};

void fp_tabs_init(struct fp_tabs *t, size_t ncrit);
void fp_tabs_free(struct fp_tabs *t);

/* Readers of the three small files; each returns 0, or -1 when the file
 * cannot be used (diagnostics in d). Errors of rows go to s. */
int fp_load_datacenters(struct fp_tabs *t, const char *path, struct fp_summary *s, struct diags *d);
int fp_load_virtual(struct fp_tabs *t, const char *path, struct fp_summary *s, struct diags *d);
int fp_load_applications(struct fp_tabs *t, const char *path, struct fp_summary *s,
			 struct diags *d);

/* The data centre named name, or NULL. */
const struct fp_datacenter *fp_tabs_dc(const struct fp_tabs *t, const char *name);
/* The host record of a physical equipment name, or NULL. */
struct fp_host_rec *fp_tabs_host(struct fp_tabs *t, const char *name);

#endif
