/* fp_calc_trace.c: the French traces of computed indicators (formula with the values used) and the
 * number form they use. */
#include <stdio.h>
#include <stdlib.h>

#include "footprint/fp_calc_int.h"

void fp_num(struct buf *out, double v)
{
	char s[40];
	if (v == 0) {
		buf_addc(out, '0');
		return;
	}
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		buf_addf(out, "%lld", (long long)v);
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, v);
		if (prec == 17 || strtod(s, NULL) == v)
			break;
	}
	buf_adds(out, s);
}

static void life_part(const struct fp_calc_ctx *c, const struct fp_physical *row,
		      const struct fp_phys_result *res, struct buf *out)
{
	buf_adds(out, "L(");
	fp_num(out, res->lifespan);
	buf_adds(out, " ; ");
	switch (res->life_src) {
	case FP_LIFE_REAL: buf_addf(out, "réelle : %s → %s", row->purchase, row->retire); break;
	case FP_LIFE_REAL_DATE:
		buf_addf(out, "réelle : %s → date d'évaluation %s", row->purchase, c->date);
		break;
	case FP_LIFE_FIXED:
		buf_adds(out, "fixe : interne ");
		fp_num(out, row->internal);
		if (row->has_upstream) {
			buf_adds(out, " + amont ");
			fp_num(out, row->upstream);
		}
		if (row->has_downstream) {
			buf_adds(out, " + aval ");
			fp_num(out, row->downstream);
		}
		break;
	case FP_LIFE_TYPE: buf_addf(out, "défaut du type %s", res->type->type); break;
	case FP_LIFE_HYPOTHESIS: buf_adds(out, "hypothèse " FP_HYP_LIFESPAN); break;
	case FP_LIFE_NONE: buf_adds(out, "inconnue"); break;
	}
	if (res->lifespan_raw < 1) {
		buf_adds(out, " ; portée à 1 an, calculée ");
		fp_num(out, res->lifespan_raw);
	}
	buf_addc(out, ')');
}

static void usage_part(const struct fp_phys_result *res, struct buf *out)
{
	buf_adds(out, "U(");
	fp_num(out, res->usage);
	switch (res->usage_src) {
	case FP_USAGE_RATE: buf_adds(out, " ; tauxUtilisation"); break;
	case FP_USAGE_COPE: buf_adds(out, " ; hypothèse " FP_HYP_COPE); break;
	case FP_USAGE_BYOD: buf_adds(out, " ; hypothèse " FP_HYP_BYOD); break;
	case FP_USAGE_DEFAULT: break;
	}
	buf_addc(out, ')');
}

static void source_part(struct buf *out, const char *source)
{
	if (source && source[0])
		buf_addf(out, ", %s", source);
}

void fp_trace_parts_init(struct fp_trace_parts *t)
{
	buf_init(&t->q);
	buf_init(&t->tail);
	buf_init(&t->use_e);
	buf_init(&t->use_m);
}

void fp_trace_parts_free(struct fp_trace_parts *t)
{
	buf_free(&t->q);
	buf_free(&t->tail);
	buf_free(&t->use_e);
	buf_free(&t->use_m);
}

void fp_trace_parts_line(struct fp_trace_parts *t, const struct fp_calc_ctx *c,
			 const struct fp_physical *row, const struct fp_phys_result *res)
{
	buf_reset(&t->q);
	buf_reset(&t->tail);
	buf_reset(&t->use_e);
	buf_reset(&t->use_m);
	buf_adds(&t->q, "I = Q(");
	fp_num(&t->q, row->quantity);
	buf_addc(&t->q, ')');
	if (res->life_src != FP_LIFE_NONE) {
		usage_part(res, &t->tail);
		buf_adds(&t->tail, " / ");
		life_part(c, row, res, &t->tail);
	}
	if (res->elec_src == FP_ELEC_NONE)
		return;
	buf_adds(&t->use_e, " × E(");
	fp_num(&t->use_e, res->kwh);
	if (res->kwh_from_item)
		buf_addf(&t->use_e, " ; moyenne de l'élément %s)", res->item->name);
	else
		buf_adds(&t->use_e, " ; consoElecAnnuelle)");
	buf_adds(&t->use_e, " × M(");
	struct buf *m = &t->use_m;
	if (res->elec_src == FP_ELEC_DC || res->elec_src == FP_ELEC_DC_PUE_HYP) {
		buf_adds(m, " × PUE ");
		fp_num(m, res->pue);
		if (res->elec_src == FP_ELEC_DC_PUE_HYP)
			buf_adds(m, " (hypothèse " FP_HYP_PUE ")");
		buf_addf(m, " ; centre de données %s, mix %s", row->datacenter, res->elec_country);
	} else {
		buf_addf(m, " ; mix %s", res->elec_country);
		if (res->dc_unknown)
			buf_addf(m, " (centre de données %s inconnu)", res->dc_unknown);
	}
	source_part(m, res->mix->source);
	buf_adds(m, ") × ");
	usage_part(res, m);
}

void fp_trace_parts_ind(const struct fp_trace_parts *t, const struct fp_phys_result *res,
			size_t crit, enum fp_phase p, const char *factor, struct buf *out)
{
	if (crit >= res->ind.ncrit || res->ind.st[crit][p] != FP_OK)
		return;
	buf_add(out, t->q.ptr, t->q.len);
	if (p == FP_UTILISATION) {
		buf_add(out, t->use_e.ptr, t->use_e.len);
		buf_adds(out, factor);
		buf_add(out, t->use_m.ptr, t->use_m.len);
		return;
	}
	buf_adds(out, " × F(");
	buf_adds(out, factor);
	source_part(out, res->item->source);
	buf_adds(out, ") × ");
	buf_add(out, t->tail.ptr, t->tail.len);
}

void fp_phys_trace(const struct fp_calc_ctx *c, const struct fp_physical *row,
		   const struct fp_phys_result *res, size_t crit, enum fp_phase p, struct buf *out)
{
	if (crit >= res->ind.ncrit || res->ind.st[crit][p] != FP_OK)
		return;
	struct fp_trace_parts t;
	fp_trace_parts_init(&t);
	fp_trace_parts_line(&t, c, row, res);
	struct buf f = BUF_INIT;
	fp_num(&f, p == FP_UTILISATION ? res->mix->f[crit] : res->item->f[crit][p]);
	fp_trace_parts_ind(&t, res, crit, p, f.ptr, out);
	buf_free(&f);
	fp_trace_parts_free(&t);
}

void fp_vm_trace(const struct fp_virtual *vm, const struct fp_inds *host,
		 const struct fp_host_vms *h, const struct fp_vm_result *res, size_t crit,
		 enum fp_phase p, struct buf *out)
{
	if (!host || crit >= res->ind.ncrit || res->ind.st[crit][p] != FP_OK)
		return;
	buf_adds(out, "I = I_hôte(");
	fp_num(out, host->v[crit][p]);
	buf_addf(out, " ; %s) × A(", vm->host);
	switch (res->alloc) {
	case FP_ALLOC_KEY: fp_num(out, res->share); break;
	case FP_ALLOC_VCPU:
		fp_num(out, vm->vcpu);
		buf_addc(out, '/');
		fp_num(out, h->sum_vcpu);
		break;
	case FP_ALLOC_STORAGE:
		fp_num(out, vm->storage);
		buf_addc(out, '/');
		fp_num(out, h->sum_storage);
		break;
	case FP_ALLOC_EVEN: buf_addf(out, "1/%zu", h->nvms ? h->nvms : 1); break;
	}
	buf_addf(out, " ; %s)", fp_alloc_code(res->alloc));
}
