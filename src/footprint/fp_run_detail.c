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
 *
 * A physical line gives 4 × ncrit rows that share most of their bytes, and
 * the file is about 250 bytes per row: rows are copied from pieces escaped
 * once per run (phase, criterion, unit) and once per line (name, the
 * columns from quantity to lifespanOrigin, usage rate, PUE, and the trace
 * before and after its factor), the factors once per referential item or
 * mix; only the value is formatted per row, by fp_num without printf. The
 * buffer goes to the file in FLUSH_AT chunks, so memory does not grow with
 * the inventory.
 */
#include <errno.h>
#include <stdint.h>
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

#define FLUSH_AT (256 * 1024)

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

static void field(struct buf *out, const char *s);

/* "<phase>;", "<criterion label>;" and ";<unit>;", escaped once. */
static void fixed_pieces(struct fp_detail *d)
{
	struct buf *b = &d->fixed;
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		d->phase_at[p] = (uint32_t)b->len;
		csv_write_field(b, fp_phase_code((enum fp_phase)p), ';', 1);
		buf_addc(b, ';');
		d->phase_len[p] = (uint32_t)(b->len - d->phase_at[p]);
	}
	for (size_t c = 0; c < d->c->ncrit; c++) {
		const struct fp_crit *crit = fp_ref_crit(d->c->ref, c);
		d->label_at[c] = (uint32_t)b->len;
		csv_write_field(b, crit->label, ';', 1);
		buf_addc(b, ';');
		d->label_len[c] = (uint32_t)(b->len - d->label_at[c]);
		d->unit_at[c] = (uint32_t)b->len;
		field(b, crit->unit);
		buf_addc(b, ';');
		d->unit_len[c] = (uint32_t)(b->len - d->unit_at[c]);
	}
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
	buf_init(&d->fixed);
	fp_trace_parts_init(&d->parts);
	buf_init(&d->fac_pool);
	buf_init(&d->qty);
	buf_init(&d->life);
	buf_init(&d->usage);
	buf_init(&d->scratch);
	buf_init(&d->l_name);
	buf_init(&d->l_mid);
	buf_init(&d->l_usage);
	buf_init(&d->l_pue);
	for (int i = 0; i < 2; i++) {
		buf_init(&d->pre[i]);
		buf_init(&d->post[i]);
	}
	fixed_pieces(d);
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
		/* Rows go out in FLUSH_AT chunks: no second copy in stdio. */
		setvbuf(d->f[i], NULL, _IONBF, 0);
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
	buf_free(&d->fixed);
	fp_trace_parts_free(&d->parts);
	fp_map_free(&d->fac_map);
	free(d->fac_off);
	buf_free(&d->fac_pool);
	buf_free(&d->qty);
	buf_free(&d->life);
	buf_free(&d->usage);
	buf_free(&d->scratch);
	buf_free(&d->l_name);
	buf_free(&d->l_mid);
	buf_free(&d->l_usage);
	buf_free(&d->l_pue);
	for (int i = 0; i < 2; i++) {
		buf_free(&d->pre[i]);
		buf_free(&d->post[i]);
	}
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
 * and phase (a mix has one factor per criterion, for the use phase): the
 * index of their offsets into fac_pool. */
static size_t factors(struct fp_detail *d, const struct fp_item *it, const struct fp_mix *mix)
{
	int kind = it ? 0 : 1;
	const void *ptr = it ? (const void *)it : (const void *)mix;
	if (d->nfac && d->last_fac[kind] == ptr)
		return d->last_idx[kind];
	/* Key: kind and the pointer in hexadecimal. */
	char key[2 + 2 * sizeof(uintptr_t)];
	size_t n = 0;
	key[n++] = it ? 'i' : 'm';
	for (uintptr_t v = (uintptr_t)ptr; v; v >>= 4)
		key[n++] = "0123456789abcdef"[v & 15];
	size_t i = fp_map_intern(&d->fac_map, key, n, d->nfac);
	d->last_fac[kind] = ptr;
	d->last_idx[kind] = i;
	if (i < d->nfac)
		return i;
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
	return i;
}

/* Appends n bytes without the terminating NUL (the row's end sets it). */
static inline void put(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
}

/* A CSV field that needs quotes (csv_write_field's rule): delimiter, quote
 * or line end inside, or white space at either end. */
static int special(const struct buf *b)
{
	for (size_t i = 0; i < b->len; i++) {
		char ch = b->ptr[i];
		if (ch == ';' || ch == '"' || ch == '\r' || ch == '\n')
			return 1;
	}
	return 0;
}

static int blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Escapes quotes of src into dst (the field's content between quotes). */
static void escape_into(struct buf *dst, const struct buf *src)
{
	buf_reset(dst);
	for (const char *p = src->ptr, *end = src->ptr + src->len; p < end;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (!q) {
			buf_add(dst, p, (size_t)(end - p));
			break;
		}
		buf_add(dst, p, (size_t)(q - p) + 1);
		buf_addc(dst, '"');
		p = q + 1;
	}
}

/* The line's pieces common to its rows (see struct fp_detail). */
static void line_pieces(struct fp_detail *d, const struct fp_physical *row,
			const struct fp_phys_result *res)
{
	const struct fp_inds *x = &res->ind;
	int row_ok = !(row->error && row->error[0]);
	fmt_opt(&d->qty, 1, row->quantity);
	fmt_opt(&d->life, res->life_src != FP_LIFE_NONE, res->lifespan);
	fmt_opt(&d->usage, row_ok, res->usage);
	buf_reset(&d->l_name);
	csv_write_field(&d->l_name, row->name, ';', 1);
	buf_addc(&d->l_name, ';');
	struct buf *m = &d->l_mid;
	buf_reset(m);
	csv_write_field(m, d->qty.ptr, ';', 1);
	field(m, row->type);
	field(m, row->entity);
	field(m, row->datacenter);
	field(m, res->item ? res->item->name : "");
	field(m, fp_match_code(res->match));
	field(m, d->life.ptr);
	field(m, fp_life_src_code(res->life_src));
	buf_addc(m, ';');
	buf_reset(&d->l_usage);
	field(&d->l_usage, d->usage.ptr);
	buf_addc(&d->l_usage, ';');
	int in_dc = res->elec_src == FP_ELEC_DC || res->elec_src == FP_ELEC_DC_PUE_HYP;
	fmt_opt(&d->l_pue, in_dc, res->pue);
	if (x->nerrors >= x->ncrit * FP_PHASE_COUNT)
		return;
	fp_trace_parts_line(&d->parts, d->c, row, res);
	for (int use = 0; use < 2; use++) {
		buf_reset(&d->trace);
		buf_reset(&d->scratch);
		fp_trace_parts_frame(&d->parts, res, use, &d->trace, &d->scratch);
		d->quote[use] = special(&d->trace) || special(&d->scratch);
		escape_into(&d->pre[use], &d->trace);
		escape_into(&d->post[use], &d->scratch);
	}
}

/* The trace pre + factor + post, quoted when csv_write_field would. */
static void put_trace(struct fp_detail *d, int use, const char *fac)
{
	const char *part[3] = { d->pre[use].ptr, fac, d->post[use].ptr };
	size_t len[3] = { d->pre[use].len, strlen(fac), d->post[use].len };
	/* Its first and last characters (escaping keeps them). */
	char first = 'x', last = 'x';
	for (int i = 0; i < 3; i++)
		if (len[i]) {
			first = part[i][0];
			break;
		}
	for (int i = 2; i >= 0; i--)
		if (len[i]) {
			last = part[i][len[i] - 1];
			break;
		}
	int quote = d->quote[use] || blank(first) || blank(last);
	if (quote)
		put(&d->out, "\"", 1);
	for (int i = 0; i < 3; i++)
		put(&d->out, part[i], len[i]);
	if (quote)
		put(&d->out, "\"", 1);
}

void fp_detail_physical(struct fp_detail *d, const struct fp_physical *row,
			const struct fp_phys_result *res)
{
	const struct fp_inds *x = &res->ind;
	line_pieces(d, row, res);
	int in_dc = res->elec_src == FP_ELEC_DC || res->elec_src == FP_ELEC_DC_PUE_HYP;
	/* Both lookups before taking pointers: a new entry moves fac_off. */
	size_t ii = res->item ? factors(d, res->item, NULL) : 0;
	size_t im = res->mix ? factors(d, NULL, res->mix) : 0;
	const uint32_t(*fi)[FP_PHASE_COUNT] = res->item ? d->fac_off[ii] : NULL;
	const uint32_t(*fm)[FP_PHASE_COUNT] = res->mix ? d->fac_off[im] : NULL;
	if (d->cur != 0) {
		flush(d, d->cur);
		d->cur = 0;
	}
	struct buf *out = &d->out;
	const char *fixed = d->fixed.ptr;
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		int use = p == FP_UTILISATION;
		for (size_t c = 0; c < x->ncrit; c++) {
			int ok = x->st[c][p] == FP_OK;
			put(out, d->l_name.ptr, d->l_name.len);
			put(out, fixed + d->phase_at[p], d->phase_len[p]);
			put(out, fixed + d->label_at[c], d->label_len[c]);
			if (ok) {
				put(out, "OK;", 3);
				fp_num(out, x->v[c][p]);
			} else {
				put(out, "ERREUR;", 7);
			}
			put(out, fixed + d->unit_at[c], d->unit_len[c]);
			put(out, d->l_mid.ptr, d->l_mid.len);
			const char *fac = "";
			if (ok)
				fac = d->fac_pool.ptr + (use ? fm[c][p] : fi[c][p]);
			put(out, fac, strlen(fac));
			put(out, d->l_usage.ptr, d->l_usage.len);
			if (ok && use && in_dc)
				put(out, d->l_pue.ptr, d->l_pue.len);
			put(out, ";", 1);
			if (ok) {
				put_trace(d, use, fac);
				put(out, ";", 1);
			} else {
				field(out, fp_ind_reason(x, c, (enum fp_phase)p));
			}
			put(out, "\r\n", 2);
			out->ptr[out->len] = '\0';
			if (out->len >= FLUSH_AT)
				flush(d, 0);
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
