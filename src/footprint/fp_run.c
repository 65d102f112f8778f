/* fp_run.c: an evaluation run: small files into memory, the physical equipment streamed, then VMs
 * and applications. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "footprint/fp_calc_int.h"
#include "footprint/fp_run_tab.h"

#define PROGRESS_STEP (64 * 1024)

struct run {
	const struct fp_run_opts *o;
	struct fp_calc_ctx c;
	struct fp_summary *s;
	struct fp_tabs t;
	struct fp_agg agg;
	struct fp_detail det;
	int has_det;
	struct buf msg;
};

/* Number of reasons held by x (each ends with a NUL; offset 0 is ""). */
static size_t nreasons(const struct fp_inds *x)
{
	size_t n = 0;
	for (size_t i = 1; i < x->reasons.len; i++)
		n += x->reasons.ptr[i] == '\0';
	return n;
}

/* One entry of the error list per faulty line: its first reason, and how
 * many others it has. */
static void line_error(struct run *r, const char *file, long line, const struct fp_inds *x)
{
	if (!x->nerrors || r->s->nerrors >= FP_MAX_ERRORS)
		return;
	buf_reset(&r->msg);
	buf_adds(&r->msg, fp_inds_first_reason(x));
	size_t more = nreasons(x) - 1;
	if (more)
		buf_addf(&r->msg, " (et %zu autre%s motif%s)", more, more > 1 ? "s" : "",
			 more > 1 ? "s" : "");
	fp_summary_add_error(r->s, file, line, r->msg.ptr);
}

static void keep_host(struct run *r, const struct fp_physical *row,
		      const struct fp_phys_result *res)
{
	struct fp_host_rec *h = fp_tabs_host(&r->t, row->name);
	if (!h || h->seen)
		return; /* not a host, or a repeated name: the first line wins */
	h->seen = 1;
	h->line = row->line;
	h->ind.ncrit = res->ind.ncrit;
	memcpy(h->ind.v, res->ind.v, sizeof(h->ind.v));
	memcpy(h->ind.st, res->ind.st, sizeof(h->ind.st));
	h->datacenter = xstrdup(row->datacenter);
}

static int run_physical(struct run *r, struct diags *d)
{
	const char *path = r->o->physical;
	size_t before = d->errors;
	struct fp_reader *rd = fp_reader_open(path, FP_FILE_PHYSICAL, d);
	if (!rd)
		return -1;
	struct fp_physical row;
	fp_physical_init(&row);
	struct fp_phys_result res;
	fp_phys_result_init(&res);
	struct fp_counts *n = &r->s->counts;
	size_t last = 0, done = 0, total = 0;
	int rc;
	while ((rc = fp_read_physical(rd, &row, d)) != 0) {
		if (rc > 0) {
			n->physical++;
			fp_eval_physical(&r->c, &row, fp_tabs_dc(&r->t, row.datacenter), &res);
			n->matched_by_model += res.match == FP_MATCH_MODEL;
			n->matched_by_type += res.match == FP_MATCH_TYPE;
			n->physical_errors += res.ind.nerrors;
			line_error(r, path, row.line, &res.ind);
			fp_agg_add(&r->agg, FP_DIM_TOTAL, "", &res.ind);
			fp_agg_add(&r->agg, FP_DIM_ENTITY, row.entity, &res.ind);
			fp_agg_add(&r->agg, FP_DIM_TYPE, row.type, &res.ind);
			if (!row.error || !row.error[0])
				fp_agg_quantity(&r->agg, row.type, row.quantity);
			fp_agg_add(&r->agg, FP_DIM_DC, row.datacenter, &res.ind);
			if (r->t.nhosts)
				keep_host(r, &row, &res);
			if (r->has_det)
				fp_detail_physical(&r->det, &row, &res);
		}
		if (r->o->progress) {
			fp_reader_progress(rd, &done, &total);
			if (done - last >= PROGRESS_STEP) {
				last = done;
				r->o->progress(r->o->progress_arg, done, total);
			}
		}
	}
	if (r->o->progress) {
		fp_reader_progress(rd, &done, &total);
		r->o->progress(r->o->progress_arg, done, total);
	}
	fp_phys_result_free(&res);
	fp_physical_free(&row);
	fp_reader_close(rd);
	return d->errors > before ? -1 : 0;
}

static void run_virtual(struct run *r)
{
	struct fp_vm_result res;
	fp_vm_result_init(&res);
	size_t cells = r->c.ncrit * FP_PHASE_COUNT;
	for (size_t i = 0; i < r->t.nvms; i++) {
		struct fp_vm_rec *vm = &r->t.vms[i];
		struct fp_host_rec *h = &r->t.hosts[vm->host];
		const struct fp_inds *host = h->seen ? &h->ind : NULL;
		fp_eval_virtual(&r->c, &vm->row, host, &h->vms, &res);
		r->s->counts.virtual_errors += res.ind.nerrors;
		line_error(r, r->o->virtual_, vm->row.line, &res.ind);
		if (r->has_det)
			fp_detail_virtual(&r->det, &vm->row, host, &h->vms,
					  h->datacenter ? h->datacenter : "", &res);
		if (!vm->napps || !cells)
			continue;
		vm->v = xcalloc(cells, sizeof(*vm->v));
		vm->st = xcalloc(cells, 1);
		for (size_t c = 0; c < r->c.ncrit; c++)
			for (int p = 0; p < FP_PHASE_COUNT; p++) {
				vm->v[c * FP_PHASE_COUNT + (size_t)p] = res.ind.v[c][p];
				vm->st[c * FP_PHASE_COUNT + (size_t)p] = res.ind.st[c][p];
			}
	}
	fp_vm_result_free(&res);
}

/* The trace of an application's indicator: its VMs' shares, summed. */
struct app_trace {
	struct run *r;
	const struct fp_app_rec *a;
};

#define APP_TRACE_TERMS 20

static void app_trace(void *arg, size_t c, enum fp_phase p, struct buf *out)
{
	const struct app_trace *x = arg;
	const struct fp_tabs *t = &x->r->t;
	buf_adds(out, "I = Σ I_VM / n_applications :");
	for (size_t k = 0; k < x->a->nrows; k++) {
		if (k == APP_TRACE_TERMS) {
			buf_addf(out, " + … (%zu termes)", x->a->nrows);
			break;
		}
		const struct fp_app_row *row = &t->arows[x->a->rows[k]];
		const struct fp_vm_rec *vm = &t->vms[row->vm];
		buf_addf(out, "%s %s(", k ? " +" : "", row->vm_name);
		fp_num(out, vm->v[c * FP_PHASE_COUNT + (size_t)p]);
		buf_addf(out, " / %zu)", vm->napps);
	}
}

static void run_applications(struct run *r)
{
	struct fp_inds x, vmx;
	fp_inds_init(&x);
	fp_inds_init(&vmx);
	vmx.ncrit = r->c.ncrit;
	for (size_t i = 0; i < r->t.napps; i++) {
		const struct fp_app_rec *a = &r->t.apps[i];
		fp_app_begin(&r->c, &x);
		for (size_t k = 0; k < a->nrows; k++) {
			const struct fp_app_row *row = &r->t.arows[a->rows[k]];
			size_t errs = x.nerrors;
			if (row->error[0]) {
				uint32_t why =
					fp_inds_reason(&x, "ligne invalide : %s", row->error);
				for (size_t c = 0; c < x.ncrit; c++)
					for (int p = 0; p < FP_PHASE_COUNT; p++)
						fp_inds_fail(&x, c, (enum fp_phase)p, why);
			} else if (row->vm == FP_NONE) {
				fp_app_add(&x, NULL, row->vm_name, 0);
			} else {
				const struct fp_vm_rec *vm = &r->t.vms[row->vm];
				for (size_t c = 0; c < vmx.ncrit; c++)
					for (int p = 0; p < FP_PHASE_COUNT; p++) {
						size_t j = c * FP_PHASE_COUNT + (size_t)p;
						vmx.v[c][p] = vm->v[j];
						vmx.st[c][p] = vm->st[j];
					}
				fp_app_add(&x, &vmx, row->vm_name, vm->napps);
			}
			if (x.nerrors > errs && r->s->nerrors < FP_MAX_ERRORS) {
				/* The reason this row added is the last one. */
				const char *why = x.reasons.ptr + x.reasons.len - 1;
				while (why > x.reasons.ptr && why[-1])
					why--;
				fp_summary_add_error(r->s, r->o->applications, row->line, why);
			}
		}
		r->s->counts.application_errors += x.nerrors;
		fp_agg_add(&r->agg, FP_DIM_APP, a->name, &x);
		if (r->has_det) {
			struct app_trace at = { r, a };
			struct fp_app_trace_fn fn = { app_trace, &at };
			fp_detail_app(&r->det, a->name, a->entity, a->nrows, &x, &fn);
		}
	}
	fp_inds_free(&x);
	fp_inds_free(&vmx);
}

static int run_all(struct run *r, struct diags *d)
{
	const struct fp_run_opts *o = r->o;
	int rc = 0;
	if (o->datacenters && fp_load_datacenters(&r->t, o->datacenters, r->s, d) < 0)
		rc = -1;
	if (o->virtual_ && fp_load_virtual(&r->t, o->virtual_, r->s, d) < 0)
		rc = -1;
	if (o->applications && fp_load_applications(&r->t, o->applications, r->s, d) < 0)
		rc = -1;
	if (rc < 0)
		return -1;
	if (o->physical && run_physical(r, d) < 0)
		return -1;
	run_virtual(r);
	run_applications(r);
	return 0;
}

struct fp_summary *fp_run(const struct fp_ref *ref, const struct fp_run_opts *o, struct diags *d,
			  struct err *err)
{
	struct run r;
	memset(&r, 0, sizeof(r));
	r.o = o;
	char date[32];
	if (o->date[0]) {
		memcpy(date, o->date, sizeof(o->date));
		date[sizeof(o->date) - 1] = '\0';
	} else {
		clock_now_iso(date);
		date[10] = '\0';
	}
	if (fp_calc_init(&r.c, ref, o->lifespan, date) < 0) {
		err_set(err, "date d'évaluation invalide « %s » : attendu AAAA-MM-JJ", date);
		return NULL;
	}
	if (fp_ref_ncrit(ref) > FP_MAX_CRIT) {
		err_set(err, "le référentiel a plus de %d critères", FP_MAX_CRIT);
		return NULL;
	}
	r.s = xcalloc(1, sizeof(*r.s));
	r.s->ref = ref;
	memcpy(r.s->date, r.c.date, sizeof(r.s->date));
	fp_tabs_init(&r.t, r.c.ncrit);
	fp_agg_init(&r.agg, r.c.ncrit);
	buf_init(&r.msg);
	int rc = 0;
	if (o->detail_dir) {
		if (fp_detail_open(&r.det, &r.c, o->detail_dir, err) < 0)
			rc = -1;
		else
			r.has_det = 1;
	}
	if (rc == 0 && run_all(&r, d) < 0) {
		rc = -1;
		err_set(err, "évaluation impossible : fichiers d'inventaire en erreur");
	}
	if (r.has_det && fp_detail_close(&r.det, rc == 0) < 0)
		rc = -1;
	if (rc == 0)
		fp_agg_finish(&r.agg, r.s);
	fp_tabs_free(&r.t);
	fp_agg_free(&r.agg);
	buf_free(&r.msg);
	if (rc < 0) {
		fp_summary_free(r.s);
		return NULL;
	}
	return r.s;
}
