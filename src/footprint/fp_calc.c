/* fp_calc.c: the footprint of one physical equipment line (reference item, lifespan, usage,
 * per-phase impacts). */
#include <stdarg.h>
#include <string.h>

#include "footprint/fp_calc_int.h"

int fp_date_days(const char *iso, long *days)
{
	if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
			return -1;
	long y =
		(iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	long m = (iso[5] - '0') * 10 + (iso[6] - '0');
	long d = (iso[8] - '0') * 10 + (iso[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	/* Days from civil (proleptic Gregorian), H. Hinnant's algorithm. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*days = era * 146097 + doe - 719468;
	return 0;
}

int fp_calc_init(struct fp_calc_ctx *c, const struct fp_ref *ref, enum fp_lifespan_mode mode,
		 const char *date)
{
	memset(c, 0, sizeof(*c));
	c->ref = ref;
	c->ncrit = fp_ref_ncrit(ref);
	if (c->ncrit > FP_MAX_CRIT)
		c->ncrit = FP_MAX_CRIT;
	c->lifespan = mode;
	if (fp_date_days(date, &c->date_days) < 0)
		return -1;
	memcpy(c->date, date, 10);
	c->date[10] = '\0';
	c->has_pue_default = fp_ref_hyp(ref, FP_HYP_PUE, &c->pue_default);
	c->has_life_default = fp_ref_hyp(ref, FP_HYP_LIFESPAN, &c->life_default);
	c->has_cope = fp_ref_hyp(ref, FP_HYP_COPE, &c->cope);
	c->has_byod = fp_ref_hyp(ref, FP_HYP_BYOD, &c->byod);
	return 0;
}

/* ---- indicator sets ---- */

void fp_inds_init(struct fp_inds *x)
{
	memset(x, 0, sizeof(*x));
	buf_init(&x->reasons);
}

void fp_inds_free(struct fp_inds *x)
{
	buf_free(&x->reasons);
}

const char *fp_ind_reason(const struct fp_inds *x, size_t crit, enum fp_phase p)
{
	if (x->st[crit][p] == FP_OK || x->why[crit][p] >= x->reasons.len)
		return "";
	return x->reasons.ptr + x->why[crit][p];
}

const char *fp_inds_first_reason(const struct fp_inds *x)
{
	/* Offset 0 holds "", so the first reason, when any, starts at 1. */
	return x->reasons.len > 1 ? x->reasons.ptr + 1 : "";
}

void fp_inds_reset(struct fp_inds *x, size_t ncrit)
{
	x->ncrit = ncrit;
	x->nerrors = 0;
	memset(x->v, 0, sizeof(x->v));
	memset(x->st, FP_OK, sizeof(x->st));
	memset(x->why, 0, sizeof(x->why));
	buf_reset(&x->reasons);
	buf_addc(&x->reasons, '\0');
}

uint32_t fp_inds_reason(struct fp_inds *x, const char *fmt, ...)
{
	uint32_t off = (uint32_t)x->reasons.len;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&x->reasons, fmt, ap);
	va_end(ap);
	buf_addc(&x->reasons, '\0');
	return off;
}

void fp_inds_fail(struct fp_inds *x, size_t crit, enum fp_phase p, uint32_t why)
{
	/* The first reason of an indicator is kept. */
	if (x->st[crit][p] == FP_OK) {
		x->nerrors++;
		x->why[crit][p] = why;
	}
	x->st[crit][p] = FP_ERREUR;
	x->v[crit][p] = 0;
}

/* ---- physical equipment ---- */

const char *fp_match_code(enum fp_match m)
{
	switch (m) {
	case FP_MATCH_MODEL: return "modele";
	case FP_MATCH_TYPE: return "type";
	case FP_MATCH_NONE: break;
	}
	return "";
}

const char *fp_life_src_code(enum fp_life_src s)
{
	switch (s) {
	case FP_LIFE_REAL: return "reelle";
	case FP_LIFE_REAL_DATE: return "reelle_date_evaluation";
	case FP_LIFE_FIXED: return "fixe";
	case FP_LIFE_TYPE: return "defaut_type";
	case FP_LIFE_HYPOTHESIS: return "hypothese";
	case FP_LIFE_NONE: break;
	}
	return "";
}

void fp_phys_result_init(struct fp_phys_result *r)
{
	memset(r, 0, sizeof(*r));
	fp_inds_init(&r->ind);
}

void fp_phys_result_free(struct fp_phys_result *r)
{
	fp_inds_free(&r->ind);
}

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* Reference item: the model through the matching table, else the type's
 * default item. Returns the reason offset when none, else 0. */
static uint32_t find_item(const struct fp_calc_ctx *c, const struct fp_physical *row,
			  struct fp_phys_result *res)
{
	if (row->model[0]) {
		const char *name = fp_ref_match(c->ref, row->model);
		const struct fp_item *it = name ? fp_ref_item(c->ref, name) : NULL;
		if (it) {
			res->item = it;
			res->match = FP_MATCH_MODEL;
			return 0;
		}
	}
	if (res->type && res->type->default_item && res->type->default_item[0]) {
		const struct fp_item *it = fp_ref_item(c->ref, res->type->default_item);
		if (it) {
			res->item = it;
			res->match = FP_MATCH_TYPE;
			return 0;
		}
		return fp_inds_reason(&res->ind,
				      "élément de référence inconnu : l'élément par défaut « %s » "
				      "du type « %s » est absent du référentiel",
				      res->type->default_item, row->type);
	}
	if (!res->type)
		return fp_inds_reason(&res->ind,
				      "élément de référence inconnu : modèle « %s » sans "
				      "correspondance et type « %s » inconnu du référentiel",
				      row->model, row->type);
	return fp_inds_reason(&res->ind,
			      "élément de référence inconnu : modèle « %s » sans correspondance "
			      "et pas d'élément par défaut pour le type « %s »",
			      row->model, row->type);
}

/* Lifespan when the inventory does not give it: the type's, then the
 * hypothesis. */
static uint32_t default_life(const struct fp_calc_ctx *c, const struct fp_physical *row,
			     struct fp_phys_result *res, const char *why)
{
	if (res->type && res->type->has_lifespan) {
		res->life_src = FP_LIFE_TYPE;
		res->lifespan_raw = res->type->lifespan;
		return 0;
	}
	if (c->has_life_default) {
		res->life_src = FP_LIFE_HYPOTHESIS;
		res->lifespan_raw = c->life_default;
		return 0;
	}
	return fp_inds_reason(&res->ind,
			      "durée de vie inconnue : %s, pas de durée de vie par défaut pour le "
			      "type « %s » ni d'hypothèse " FP_HYP_LIFESPAN,
			      why, row->type);
}

static uint32_t real_life(const struct fp_calc_ctx *c, const struct fp_physical *row,
			  struct fp_phys_result *res)
{
	if (!row->purchase[0])
		return default_life(c, row, res, "date d'achat absente");
	long start, end = c->date_days;
	if (fp_date_days(row->purchase, &start) < 0)
		return fp_inds_reason(&res->ind, "date d'achat invalide « %s »", row->purchase);
	if (row->retire[0] && fp_date_days(row->retire, &end) < 0)
		return fp_inds_reason(&res->ind, "date de retrait invalide « %s »", row->retire);
	if (end <= start) {
		if (row->retire[0])
			return fp_inds_reason(&res->ind,
					      "durée de vie impossible : date de retrait (%s) "
					      "antérieure ou égale à la date d'achat (%s)",
					      row->retire, row->purchase);
		return fp_inds_reason(&res->ind,
				      "durée de vie impossible : date d'achat (%s) postérieure ou "
				      "égale à la date d'évaluation (%s)",
				      row->purchase, c->date);
	}
	res->life_src = row->retire[0] ? FP_LIFE_REAL : FP_LIFE_REAL_DATE;
	res->lifespan_raw = (double)(end - start) / 365.0;
	return 0;
}

static uint32_t fixed_life(const struct fp_calc_ctx *c, const struct fp_physical *row,
			   struct fp_phys_result *res)
{
	if (!row->has_internal)
		return default_life(c, row, res, "durée d'usage interne absente");
	double l = row->internal + (row->has_upstream ? row->upstream : 0) +
		   (row->has_downstream ? row->downstream : 0);
	if (row->internal < 0 || (row->has_upstream && row->upstream < 0) ||
	    (row->has_downstream && row->downstream < 0))
		return fp_inds_reason(&res->ind, "durée d'usage négative");
	res->life_src = FP_LIFE_FIXED;
	res->lifespan_raw = l;
	return 0;
}

static void usage_share(const struct fp_calc_ctx *c, const struct fp_physical *row,
			struct fp_phys_result *res)
{
	if (row->has_rate) {
		res->usage_src = FP_USAGE_RATE;
		res->usage = row->rate;
	} else if (ieq(row->mode, "COPE") && c->has_cope) {
		res->usage_src = FP_USAGE_COPE;
		res->usage = c->cope;
	} else if (ieq(row->mode, "BYOD") && c->has_byod) {
		res->usage_src = FP_USAGE_BYOD;
		res->usage = c->byod;
	} else {
		res->usage_src = FP_USAGE_DEFAULT;
		res->usage = 1;
	}
}

/* Every phase but use: I = Q · F · U / L. */
static void embodied(const struct fp_calc_ctx *c, const struct fp_physical *row,
		     struct fp_phys_result *res, uint32_t why)
{
	static const enum fp_phase phases[] = { FP_FABRICATION, FP_DISTRIBUTION, FP_FIN_DE_VIE };
	struct fp_inds *x = &res->ind;
	double k = why ? 0 : row->quantity * res->usage / res->lifespan;
	for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++) {
		enum fp_phase p = phases[i];
		for (size_t cr = 0; cr < c->ncrit; cr++) {
			if (why) {
				fp_inds_fail(x, cr, p, why);
			} else if (!res->item->has[cr][p]) {
				const struct fp_crit *crit = fp_ref_crit(c->ref, cr);
				fp_inds_fail(x, cr, p,
					     fp_inds_reason(x,
							    "pas de facteur d'impact pour « %s », "
							    "étape %s, élément « %s »",
							    crit->label, fp_phase_label(p),
							    res->item->name));
			} else {
				x->v[cr][p] = k * res->item->f[cr][p];
			}
		}
	}
}

/* Electricity: E, then M (mix of the country × PUE). Returns the reason
 * offset when the use phase cannot be computed at all. */
static uint32_t electricity(const struct fp_calc_ctx *c, const struct fp_physical *row,
			    const struct fp_datacenter *dc, struct fp_phys_result *res)
{
	struct fp_inds *x = &res->ind;
	if (row->has_kwh) {
		res->has_kwh = 1;
		res->kwh = row->kwh;
	} else if (res->item && res->item->has_avg_kwh) {
		res->has_kwh = 1;
		res->kwh_from_item = 1;
		res->kwh = res->item->avg_kwh;
	}
	res->pue = 1;
	int server = res->type && res->type->is_server;
	if (server && dc) {
		res->elec_country = dc->country;
		if (dc->has_pue) {
			res->elec_src = FP_ELEC_DC;
			res->pue = dc->pue;
		} else if (c->has_pue_default) {
			res->elec_src = FP_ELEC_DC_PUE_HYP;
			res->pue = c->pue_default;
		} else {
			return fp_inds_reason(
				x,
				"PUE inconnu : le centre de données « %s » n'en donne "
				"pas et le référentiel n'a pas d'hypothèse " FP_HYP_PUE,
				dc->name);
		}
		if (!dc->country[0])
			return fp_inds_reason(x, "pays du centre de données « %s » non renseigné",
					      dc->name);
	} else {
		if (server && row->datacenter[0])
			res->dc_unknown = row->datacenter;
		res->elec_src = FP_ELEC_COUNTRY;
		res->elec_country = row->country;
		if (!row->country[0])
			return fp_inds_reason(x, "pays d'utilisation non renseigné");
	}
	res->mix = fp_ref_mix(c->ref, res->elec_country);
	if (!res->mix)
		return fp_inds_reason(x, "pays « %s » inconnu du référentiel (mix électrique)",
				      res->elec_country);
	if (!res->has_kwh)
		return fp_inds_reason(x,
				      "consommation électrique inconnue : ni consoElecAnnuelle ni "
				      "consommation moyenne de l'élément de référence");
	return 0;
}

/* Use phase: I = Q · E · M · U. */
static void use_phase(const struct fp_calc_ctx *c, const struct fp_physical *row,
		      const struct fp_datacenter *dc, struct fp_phys_result *res)
{
	struct fp_inds *x = &res->ind;
	uint32_t why = electricity(c, row, dc, res);
	if (why) {
		res->elec_src = FP_ELEC_NONE;
		for (size_t cr = 0; cr < c->ncrit; cr++)
			fp_inds_fail(x, cr, FP_UTILISATION, why);
		return;
	}
	double k = row->quantity * res->kwh * res->pue * res->usage;
	for (size_t cr = 0; cr < c->ncrit; cr++) {
		if (res->mix->has[cr]) {
			x->v[cr][FP_UTILISATION] = k * res->mix->f[cr];
			continue;
		}
		fp_inds_fail(x, cr, FP_UTILISATION,
			     fp_inds_reason(x,
					    "pas de facteur de mix électrique pour « %s » dans le "
					    "pays « %s »",
					    fp_ref_crit(c->ref, cr)->label, res->elec_country));
	}
}

void fp_eval_physical(const struct fp_calc_ctx *c, const struct fp_physical *row,
		      const struct fp_datacenter *dc, struct fp_phys_result *res)
{
	struct fp_inds keep = res->ind;
	memset(res, 0, sizeof(*res));
	res->ind = keep;
	fp_inds_reset(&res->ind, c->ncrit);
	res->pue = 1;
	res->usage = 1;
	if (row->error && row->error[0]) {
		uint32_t why = fp_inds_reason(&res->ind, "ligne invalide : %s", row->error);
		for (size_t cr = 0; cr < c->ncrit; cr++)
			for (int p = 0; p < FP_PHASE_COUNT; p++)
				fp_inds_fail(&res->ind, cr, (enum fp_phase)p, why);
		return;
	}
	res->type = row->type[0] ? fp_ref_type(c->ref, row->type) : NULL;
	uint32_t why = find_item(c, row, res);
	uint32_t why_life =
		c->lifespan == FP_LIFESPAN_REAL ? real_life(c, row, res) : fixed_life(c, row, res);
	if (!why_life) {
		res->lifespan = res->lifespan_raw < 1 ? 1 : res->lifespan_raw;
	} else {
		res->life_src = FP_LIFE_NONE;
		if (!why)
			why = why_life;
	}
	usage_share(c, row, res);
	embodied(c, row, res, why);
	use_phase(c, row, dc, res);
}
