/* fp_calc_vm.c: the footprint of virtual machines (share of their host) and applications (sum over
 * their VMs). */
#include <string.h>

#include "footprint/fp_calc_int.h"

void fp_host_vms_init(struct fp_host_vms *h)
{
	memset(h, 0, sizeof(*h));
	h->all_vcpu = 1;
	h->all_storage = 1;
}

void fp_host_vms_add(struct fp_host_vms *h, const struct fp_virtual *vm)
{
	h->nvms++;
	if (vm->has_vcpu && !(vm->error && vm->error[0]))
		h->sum_vcpu += vm->vcpu;
	else
		h->all_vcpu = 0;
	if (vm->has_storage && !(vm->error && vm->error[0]))
		h->sum_storage += vm->storage;
	else
		h->all_storage = 0;
}

const char *fp_alloc_code(enum fp_alloc a)
{
	switch (a) {
	case FP_ALLOC_KEY: return "cleRepartition";
	case FP_ALLOC_VCPU: return "vCPU";
	case FP_ALLOC_STORAGE: return "stockage";
	case FP_ALLOC_EVEN: break;
	}
	return "equipartition";
}

static int is_kind(const char *kind, const char *want)
{
	size_t i = 0;
	for (; kind[i] && want[i]; i++) {
		char k = kind[i] >= 'A' && kind[i] <= 'Z' ? (char)(kind[i] + 32) : kind[i];
		if (k != want[i])
			return 0;
	}
	return kind[i] == want[i];
}

double fp_vm_share(const struct fp_virtual *vm, const struct fp_host_vms *h, enum fp_alloc *how)
{
	if (vm->has_key) {
		*how = FP_ALLOC_KEY;
		return vm->key;
	}
	if (is_kind(vm->kind, "calcul") && vm->has_vcpu && h->all_vcpu && h->sum_vcpu > 0) {
		*how = FP_ALLOC_VCPU;
		return vm->vcpu / h->sum_vcpu;
	}
	if (is_kind(vm->kind, "stockage") && vm->has_storage && h->all_storage &&
	    h->sum_storage > 0) {
		*how = FP_ALLOC_STORAGE;
		return vm->storage / h->sum_storage;
	}
	*how = FP_ALLOC_EVEN;
	return 1.0 / (double)(h->nvms ? h->nvms : 1);
}

void fp_vm_result_init(struct fp_vm_result *r)
{
	memset(r, 0, sizeof(*r));
	fp_inds_init(&r->ind);
}

void fp_vm_result_free(struct fp_vm_result *r)
{
	fp_inds_free(&r->ind);
}

static void fail_all(struct fp_inds *x, uint32_t why)
{
	for (size_t cr = 0; cr < x->ncrit; cr++)
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			fp_inds_fail(x, cr, (enum fp_phase)p, why);
}

void fp_eval_virtual(const struct fp_calc_ctx *c, const struct fp_virtual *vm,
		     const struct fp_inds *host, const struct fp_host_vms *h,
		     struct fp_vm_result *res)
{
	struct fp_inds *x = &res->ind;
	fp_inds_reset(x, c->ncrit);
	res->share = 0;
	res->alloc = FP_ALLOC_EVEN;
	if (vm->error && vm->error[0]) {
		fail_all(x, fp_inds_reason(x, "ligne invalide : %s", vm->error));
		return;
	}
	if (!host) {
		fail_all(x,
			 fp_inds_reason(x, "équipement physique hôte « %s » absent de l'inventaire",
					vm->host));
		return;
	}
	res->share = fp_vm_share(vm, h, &res->alloc);
	if (res->share < 0) {
		fail_all(x, fp_inds_reason(x, "clé de répartition négative"));
		return;
	}
	uint32_t why = 0;
	for (size_t cr = 0; cr < c->ncrit; cr++) {
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			if (cr < host->ncrit && host->st[cr][p] == FP_OK) {
				x->v[cr][p] = host->v[cr][p] * res->share;
				continue;
			}
			if (!why)
				why = fp_inds_reason(
					x,
					"indicateur de l'équipement physique hôte « %s » "
					"en erreur",
					vm->host);
			fp_inds_fail(x, cr, (enum fp_phase)p, why);
		}
	}
}

void fp_app_begin(const struct fp_calc_ctx *c, struct fp_inds *app)
{
	fp_inds_reset(app, c->ncrit);
}

void fp_app_add(struct fp_inds *app, const struct fp_inds *vm, const char *vm_name, size_t napps)
{
	if (!vm) {
		fail_all(app,
			 fp_inds_reason(app, "équipement virtuel « %s » absent de l'inventaire",
					vm_name));
		return;
	}
	double k = 1.0 / (double)(napps ? napps : 1);
	uint32_t why = 0;
	for (size_t cr = 0; cr < app->ncrit; cr++) {
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			if (cr < vm->ncrit && vm->st[cr][p] == FP_OK) {
				if (app->st[cr][p] == FP_OK)
					app->v[cr][p] += vm->v[cr][p] * k;
				continue;
			}
			if (!why)
				why = fp_inds_reason(app,
						     "indicateur de l'équipement virtuel « %s » "
						     "en erreur",
						     vm_name);
			fp_inds_fail(app, cr, (enum fp_phase)p, why);
		}
	}
}
