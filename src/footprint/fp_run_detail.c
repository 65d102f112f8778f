/* fp_run_detail.c: streams the per-item indicators to ind_physical_equipment.csv,
 * ind_virtual_equipment.csv, ind_application.csv.
 *
 * UTF-8 without BOM, ';' delimiter, CRLF line ends, RFC 4180 quoting (the
 * shape of NumEcoEval's outputs, for tools that read them), numbers with a
 * '.' and the shortest form that reads back to the same double. One row per
 * item × phase × criterion, phases in NumEcoEval order, criteria in the
 * referential's order. The first ten columns are the same in the three
 * files:
 *
 *   <name>           equipmentName, virtualEquipmentName or applicationName
 *   acvStep          FABRICATION, DISTRIBUTION, UTILISATION, FIN_DE_VIE
 *   criteria         the criterion's label ("Climate change")
 *   indicatorStatus  OK or ERREUR
 *   unitImpact       the value per year in the criterion's unit; empty if ERREUR
 *   unit             the criterion's unit ("kg CO2 eq")
 *   quantity         quantite (physical equipment); empty otherwise
 *   type             equipment type; typeEqv for a VM; empty for an application
 *   entity           nomEntite
 *   datacenter       nomCourtDatacenter (a VM: its host's)
 *
 * then, ind_physical_equipment.csv:
 *   referenceItem    the reference item used; matchedBy: modele or type
 *   lifespan         L in years (after the one-year floor); lifespanOrigin:
 *                    reelle, reelle_date_evaluation, fixe, defaut_type, hypothese
 *   factor           F (impact factor of the item), or for the use phase the
 *                    electricity factor of the country; usageRate U;
 *                    pue (use phase, server in a data centre)
 * ind_virtual_equipment.csv:
 *   physicalEquipmentName, allocation (cleRepartition, vCPU, stockage,
 *   equipartition), share (A)
 * ind_application.csv:
 *   virtualEquipments (number of (application, VM) rows summed)
 * and last, in every file: trace (the formula with the values used, see
 * docs/formulas.md) and errorReason (why the indicator is ERREUR).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_run_int.h"
#include "io/csv.h"

static const char *const names[3] = { "ind_physical_equipment.csv", "ind_virtual_equipment.csv",
				      "ind_application.csv" };

static const char *const heads[3] = {
	"equipmentName;acvStep;criteria;indicatorStatus;unitImpact;unit;quantity;type;entity;"
	"datacenter;referenceItem;matchedBy;lifespan;lifespanOrigin;factor;usageRate;pue;trace;"
	"errorReason",
	"virtualEquipmentName;acvStep;criteria;indicatorStatus;unitImpact;unit;quantity;type;"
	"entity;datacenter;physicalEquipmentName;allocation;share;trace;errorReason",
	"applicationName;acvStep;criteria;indicatorStatus;unitImpact;unit;quantity;type;entity;"
	"datacenter;virtualEquipments;trace;errorReason",
};

#define FLUSH_AT (64 * 1024)

static void flush(struct fp_detail *d, int which)
{
	if (!d->out.len)
		return;
	if (!d->failed && fwrite(d->out.ptr, 1, d->out.len, d->f[which]) != d->out.len) {
		d->failed = 1;
		err_set(d->err, "impossible d'écrire %s : %s", d->path[which], strerror(errno));
	}
	buf_reset(&d->out);
}

int fp_detail_open(struct fp_detail *d, const struct fp_calc_ctx *c, const char *dir,
		   struct err *err)
{
	memset(d, 0, sizeof(*d));
	d->c = c;
	d->err = err;
	buf_init(&d->out);
	buf_init(&d->trace);
	buf_init(&d->num);
	fp_trace_parts_init(&d->parts);
	buf_init(&d->fac);
	buf_init(&d->fac_pool);
	buf_init(&d->qty);
	buf_init(&d->life);
	buf_init(&d->usage);
	for (int i = 0; i < 3; i++) {
		struct buf p = BUF_INIT;
		buf_addf(&p, "%s/%s", dir, names[i]);
		d->path[i] = buf_detach(&p);
		buf_addf(&p, "%s.tmp", d->path[i]);
		d->tmp[i] = buf_detach(&p);
		d->f[i] = fopen(d->tmp[i], "wb");
		if (!d->f[i]) {
			err_set(err, "impossible de créer %s : %s", d->tmp[i], strerror(errno));
			d->failed = 1;
			fp_detail_close(d, 0);
			return -1;
		}
		buf_adds(&d->out, heads[i]);
		csv_write_end(&d->out);
		flush(d, i);
	}
	return 0;
}

int fp_detail_close(struct fp_detail *d, int ok)
{
	if (d->f[d->cur])
		flush(d, d->cur);
	int rc = d->failed ? -1 : 0;
	for (int i = 0; i < 3; i++) {
		if (d->f[i] && fclose(d->f[i]) != 0 && !d->failed) {
			err_set(d->err, "impossible d'écrire %s : %s", d->path[i], strerror(errno));
			d->failed = 1;
			rc = -1;
		}
		d->f[i] = NULL;
	}
	for (int i = 0; i < 3; i++) {
		if (!d->tmp[i])
			continue;
		if (ok && rc == 0) {
			if (rename(d->tmp[i], d->path[i]) != 0) {
				err_set(d->err, "impossible de renommer %s : %s", d->tmp[i],
					strerror(errno));
				rc = -1;
			}
		} else {
			remove(d->tmp[i]);
		}
	}
	for (int i = 0; i < 3; i++) {
		free(d->path[i]);
		free(d->tmp[i]);
		d->path[i] = d->tmp[i] = NULL;
	}
	buf_free(&d->out);
	buf_free(&d->trace);
	buf_free(&d->num);
	fp_trace_parts_free(&d->parts);
	buf_free(&d->fac);
	fp_map_free(&d->fac_map);
	free(d->fac_off);
	buf_free(&d->fac_pool);
	buf_free(&d->qty);
	buf_free(&d->life);
	buf_free(&d->usage);
	return rc;
}

static void field(struct buf *out, const char *s)
{
	csv_write_field(out, s ? s : "", ';', 0);
}

static void num_field(struct fp_detail *d, int has, double v)
{
	buf_reset(&d->num);
	if (has)
		fp_num(&d->num, v);
	field(&d->out, d->num.ptr);
}

/* The ten common columns. */
static void lead(struct fp_detail *d, int which, const char *name, size_t c, enum fp_phase p,
		 const struct fp_inds *x, const char *qty, const char *type, const char *entity,
		 const char *dc)
{
	if (d->cur != which) {
		flush(d, d->cur);
		d->cur = which;
	}
	const struct fp_crit *crit = fp_ref_crit(d->c->ref, c);
	csv_write_field(&d->out, name, ';', 1);
	field(&d->out, fp_phase_code(p));
	field(&d->out, crit->label);
	int ok = x->st[c][p] == FP_OK;
	field(&d->out, ok ? "OK" : "ERREUR");
	num_field(d, ok, x->v[c][p]);
	field(&d->out, crit->unit);
	field(&d->out, qty);
	field(&d->out, type);
	field(&d->out, entity);
	field(&d->out, dc);
}

static void tail(struct fp_detail *d, const struct fp_inds *x, size_t c, enum fp_phase p, int which)
{
	field(&d->out, d->trace.ptr);
	field(&d->out, fp_ind_reason(x, c, p));
	csv_write_end(&d->out);
	if (d->out.len >= FLUSH_AT)
		flush(d, which);
}

static void fmt_opt(struct buf *b, int has, double v)
{
	buf_reset(b);
	if (has)
		fp_num(b, v);
}

/* The formatted factors of an item (mix NULL) or of a mix, per criterion
 * and phase (a mix has one factor per criterion, for the use phase). */
static const uint32_t (*factors(struct fp_detail *d, const struct fp_item *it,
				const struct fp_mix *mix))[FP_PHASE_COUNT]
{
	char key[48];
	snprintf(key, sizeof(key), "%c%p", it ? 'i' : 'm',
		 it ? (const void *)it : (const void *)mix);
	size_t i = fp_map_intern(&d->fac_map, key, strlen(key), d->nfac);
	if (i < d->nfac)
		return d->fac_off[i];
	xgrow((void **)&d->fac_off, sizeof(*d->fac_off), d->nfac + 1, &d->faccap);
	d->nfac++;
	if (!d->fac_pool.len)
		buf_addc(&d->fac_pool, '\0'); /* offset 0: "" */
	for (size_t c = 0; c < d->c->ncrit; c++)
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			int has = it ? it->has[c][p] : p == FP_UTILISATION && mix->has[c];
			if (!has) {
				d->fac_off[i][c][p] = 0;
				continue;
			}
			d->fac_off[i][c][p] = (uint32_t)d->fac_pool.len;
			fp_num(&d->fac_pool, it ? it->f[c][p] : mix->f[c]);
			buf_addc(&d->fac_pool, '\0');
		}
	return d->fac_off[i];
}

void fp_detail_physical(struct fp_detail *d, const struct fp_physical *row,
			const struct fp_phys_result *res)
{
	const struct fp_inds *x = &res->ind;
	int row_ok = !(row->error && row->error[0]);
	fmt_opt(&d->qty, 1, row->quantity);
	fmt_opt(&d->life, res->life_src != FP_LIFE_NONE, res->lifespan);
	fmt_opt(&d->usage, row_ok, res->usage);
	if (x->nerrors < x->ncrit * FP_PHASE_COUNT)
		fp_trace_parts_line(&d->parts, d->c, row, res);
	int in_dc = res->elec_src == FP_ELEC_DC || res->elec_src == FP_ELEC_DC_PUE_HYP;
	const uint32_t(*fi)[FP_PHASE_COUNT] = res->item ? factors(d, res->item, NULL) : NULL;
	const uint32_t(*fm)[FP_PHASE_COUNT] = res->mix ? factors(d, NULL, res->mix) : NULL;
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		for (size_t c = 0; c < x->ncrit; c++) {
			int ok = x->st[c][p] == FP_OK;
			lead(d, 0, row->name, c, (enum fp_phase)p, x, d->qty.ptr, row->type,
			     row->entity, row->datacenter);
			field(&d->out, res->item ? res->item->name : "");
			field(&d->out, fp_match_code(res->match));
			field(&d->out, d->life.ptr);
			field(&d->out, fp_life_src_code(res->life_src));
			const char *fac = "";
			if (ok && p == FP_UTILISATION)
				fac = d->fac_pool.ptr + fm[c][p];
			else if (ok)
				fac = d->fac_pool.ptr + fi[c][p];
			field(&d->out, fac);
			field(&d->out, d->usage.ptr);
			num_field(d, ok && p == FP_UTILISATION && in_dc, res->pue);
			buf_reset(&d->trace);
			if (ok)
				fp_trace_parts_ind(&d->parts, res, c, (enum fp_phase)p, fac,
						   &d->trace);
			tail(d, x, c, (enum fp_phase)p, 0);
		}
	}
}

void fp_detail_virtual(struct fp_detail *d, const struct fp_virtual *vm, const struct fp_inds *host,
		       const struct fp_host_vms *h, const char *datacenter,
		       const struct fp_vm_result *res)
{
	const struct fp_inds *x = &res->ind;
	int has_share = host && !(vm->error && vm->error[0]) && res->share >= 0;
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		for (size_t c = 0; c < x->ncrit; c++) {
			lead(d, 1, vm->name, c, (enum fp_phase)p, x, "", vm->kind, vm->entity,
			     datacenter);
			field(&d->out, vm->host);
			field(&d->out, has_share ? fp_alloc_code(res->alloc) : "");
			num_field(d, has_share, res->share);
			buf_reset(&d->trace);
			fp_vm_trace(vm, host, h, res, c, (enum fp_phase)p, &d->trace);
			tail(d, x, c, (enum fp_phase)p, 1);
		}
	}
}

void fp_detail_app(struct fp_detail *d, const char *name, const char *entity, size_t nvms,
		   const struct fp_inds *x, const struct fp_app_trace_fn *trace)
{
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		for (size_t c = 0; c < x->ncrit; c++) {
			lead(d, 2, name, c, (enum fp_phase)p, x, "", "", entity, "");
			num_field(d, 1, (double)nvms);
			buf_reset(&d->trace);
			if (x->st[c][p] == FP_OK)
				trace->fn(trace->arg, c, (enum fp_phase)p, &d->trace);
			tail(d, x, c, (enum fp_phase)p, 2);
		}
	}
}
