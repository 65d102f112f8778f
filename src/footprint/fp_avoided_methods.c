/* fp_avoided_methods.c: the formulas of the avoided-impact methods
 * (docs/formulas-actions.md): avoided = reference scenario − with the action,
 * per criterion, with a French trace and the referential values used. */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "core/text.h"
#include "footprint/fp_avoided_int.h"

#define MINUS "\xe2\x88\x92" /* U+2212, as in the formulas of the docs */

/* Phases of the embodied impact: every phase but use, as in the footprint
 * formula I = Q · F / L of docs/formulas.md. */
#define NONUSE ((1u << FP_FABRICATION) | (1u << FP_DISTRIBUTION) | (1u << FP_FIN_DE_VIE))

static const char *const phase_fr[FP_PHASE_COUNT] = { "fabrication", "distribution", "utilisation",
						      "fin de vie" };

static const struct fp_crit *crit(const struct av_ctx *c, size_t k)
{
	return fp_ref_crit(c->ref, k);
}

/* The criterion's unit, "" when the referential gives none. */
static const char *cunit(const struct av_ctx *c, size_t k)
{
	const char *u = crit(c, k)->unit;
	return u ? u : "";
}

static const char *crit_name(const struct fp_crit *cr)
{
	return cr->label && *cr->label ? cr->label : cr->code;
}

static void put(struct av_ctx *c, size_t k, double v)
{
	c->res->has[k] = 1;
	c->res->v[k] = v;
}

static void num(struct av_ctx *c, double v)
{
	fp_av_fmt(&c->res->trace, v);
}

static void tr(struct av_ctx *c, const char *s)
{
	buf_adds(&c->res->trace, s);
}

/* Sum of the item's factors for criterion k over the phases of mask that it
 * has; returns the mask of those phases (0: no data). */
static unsigned embodied(const struct fp_item *it, size_t k, unsigned mask, double *sum)
{
	unsigned found = 0;
	*sum = 0;
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		if ((mask & (1u << p)) && it->has[k][p]) {
			*sum += it->f[k][p];
			found |= 1u << p;
		}
	return found;
}

static void used_item(struct av_ctx *c, const struct fp_item *it, size_t k, unsigned mask)
{
	const struct fp_crit *cr = crit(c, k);
	struct buf what = BUF_INIT;
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		if (mask & (1u << p)) {
			buf_reset(&what);
			buf_addf(&what, "facteur %s", phase_fr[p]);
			av_used(c, what.ptr, it->name, cr->code, it->f[k][p], cunit(c, k),
				it->source);
		}
	buf_free(&what);
}

static void used_mix(struct av_ctx *c, const struct fp_mix *mx, size_t k)
{
	const struct fp_crit *cr = crit(c, k);
	struct buf unit = BUF_INIT;
	buf_addf(&unit, "%s/kWh", cunit(c, k));
	av_used(c, "mix électrique", mx->country, cr->code, mx->f[k], unit.ptr, mx->source);
	buf_free(&unit);
}

/* "fabrication 150 + distribution 10,3 + fin de vie 25 = 185,3 kg CO2 eq" */
static void trace_embodied(struct av_ctx *c, const struct fp_item *it, size_t k, unsigned mask)
{
	double sum = 0;
	int n = 0;
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		if (mask & (1u << p)) {
			if (n++)
				tr(c, " + ");
			tr(c, phase_fr[p]);
			tr(c, " ");
			num(c, it->f[k][p]);
			sum += it->f[k][p];
		}
	if (n > 1) {
		tr(c, " = ");
		num(c, sum);
	}
	tr(c, " ");
	tr(c, cunit(c, k));
}

static const char *hyp_source(const struct fp_ref *ref, const char *key)
{
	for (size_t i = 0; i < fp_ref_nhyps(ref); i++) {
		const char *k, *src;
		double v;
		fp_ref_hyp_at(ref, i, &k, &v, &src);
		if (text_fold_eq(k, key))
			return src;
	}
	return "";
}

static int hyp(struct av_ctx *c, const char *key, double *out)
{
	if (!fp_ref_hyp(c->ref, key, out))
		return 0;
	av_used(c, "hypothèse", key, "", *out, "", hyp_source(c->ref, key));
	return 1;
}

/* ---- items, types, lifespans, mixes ---- */

/* An item by name, or by model through the matching table. */
static const struct fp_item *find_item(struct av_ctx *c, const char *param, const char *name,
				       struct buf *how)
{
	const struct fp_item *it = fp_ref_item(c->ref, name);
	if (it) {
		buf_adds(how, it->name);
		return it;
	}
	const char *mapped = fp_ref_match(c->ref, name);
	if (mapped && (it = fp_ref_item(c->ref, mapped))) {
		buf_addf(how, "%s (modèle %s)", it->name, name);
		return it;
	}
	err_set(c->err, "paramètre %s : élément « %s » inconnu du référentiel %s", param, name,
		fp_ref_name(c->ref));
	return NULL;
}

static int find_type(struct av_ctx *c, const struct fp_item_type **t)
{
	const char *name = av_text(c, "type");
	*t = NULL;
	if (!name)
		return 0;
	*t = fp_ref_type(c->ref, name);
	if (!*t)
		return err_set(
			c->err,
			"paramètre type : type d'équipement « %s » inconnu du référentiel %s", name,
			fp_ref_name(c->ref));
	return 0;
}

/* The device of the methods on one kind of device: parameter element, else
 * the default item of parameter type. With optional set, neither given
 * leaves *it NULL. */
static int resolve_device(struct av_ctx *c, int optional, const struct fp_item_type **t,
			  const struct fp_item **it, struct buf *how)
{
	*it = NULL;
	if (find_type(c, t) < 0)
		return -1;
	const char *name = av_text(c, "element");
	if (name) {
		*it = find_item(c, "element", name, how);
		return *it ? 0 : -1;
	}
	if (!*t) {
		if (optional)
			return 0;
		return err_set(c->err, "paramètres type ou element : l'un des deux est requis");
	}
	if (!(*t)->default_item || !*(*t)->default_item)
		return err_set(
			c->err,
			"paramètre type : le type « %s » n'a pas d'élément par défaut dans le "
			"référentiel %s ; donner element",
			(*t)->type, fp_ref_name(c->ref));
	*it = fp_ref_item(c->ref, (*t)->default_item);
	if (!*it)
		return err_set(
			c->err,
			"paramètre type : l'élément par défaut « %s » du type « %s » est absent "
			"du référentiel %s",
			(*t)->default_item, (*t)->type, fp_ref_name(c->ref));
	buf_addf(how, "%s (élément par défaut du type %s)", (*it)->name, (*t)->type);
	return 0;
}

/* A lifespan: the parameter, else the type's default lifespan, else the
 * hypothesis dureeVieParDefaut; under one year counts as one year. */
static int lifespan(struct av_ctx *c, const char *param, const struct fp_item_type *t, double *out,
		    struct buf *how)
{
	if (av_num(c, param, out)) {
		buf_adds(how, "donnée");
		return 0;
	}
	if (t && t->has_lifespan && t->lifespan > 0) {
		av_used(c, "durée de vie par défaut du type", t->type, "", t->lifespan, "ans",
			t->source);
		*out = t->lifespan < 1 ? 1 : t->lifespan;
		buf_addf(how, "durée de vie par défaut du type %s", t->type);
		return 0;
	}
	double h;
	if (hyp(c, "dureeVieParDefaut", &h) && h > 0) {
		*out = h < 1 ? 1 : h;
		buf_adds(how, "hypothèse dureeVieParDefaut");
		return 0;
	}
	return err_set(
		c->err,
		"paramètre %s : requis, le référentiel %s ne donnant pas de durée de vie par "
		"défaut%s%s",
		param, fp_ref_name(c->ref), t ? " pour le type " : "", t ? t->type : "");
}

static const struct fp_mix *find_mix(struct av_ctx *c)
{
	const char *country = av_text(c, "pays");
	const struct fp_mix *mx = fp_ref_mix(c->ref, country);
	if (!mx)
		err_set(c->err,
			"paramètre pays : pas de mix électrique pour « %s » dans le référentiel %s",
			country, fp_ref_name(c->ref));
	return mx;
}

/* A PUE: the parameter, else the hypothesis PUEParDefaut. */
static int pue_value(struct av_ctx *c, const char *param, double *out, struct buf *how)
{
	if (av_given(c, param)) {
		av_num(c, param, out);
		buf_adds(how, "donné");
		return 0;
	}
	if (!hyp(c, "PUEParDefaut", out))
		return err_set(c->err,
			       "paramètre %s : requis, le référentiel %s n'a pas d'hypothèse "
			       "PUEParDefaut",
			       param, fp_ref_name(c->ref));
	if (!(*out >= 1))
		return err_set(
			c->err,
			"hypothèse PUEParDefaut du référentiel %s invalide (inférieure à 1) ; "
			"donner %s",
			fp_ref_name(c->ref), param);
	buf_adds(how, "hypothèse PUEParDefaut");
	return 0;
}

/* ---- the parameter-reading preamble of the methods ---- */

/* Reads number parameters: pairs of a name and a double *, ended by a NULL
 * name. Each number a method reads is required or has a default, so each has
 * a value once the parameters are checked (fp_avoided.c). */
static void read_nums(const struct av_ctx *c, ...) __attribute__((sentinel));
static void read_nums(const struct av_ctx *c, ...)
{
	va_list ap;
	const char *name;
	va_start(ap, c);
	while ((name = va_arg(ap, const char *)) != NULL)
		av_num(c, name, va_arg(ap, double *));
	va_end(ap);
}

/* The device of a method on one kind of device, and its lifespan, each with
 * how it was found (for the trace). */
struct av_device {
	const struct fp_item_type *t; /* parameter type, NULL when not given */
	const struct fp_item *it;     /* NULL only when optional and neither given */
	double l;		      /* lifespan in years; 1 when not read */
	struct buf how, lhow;
};

/* Resolves the device (resolve_device) then, when life names the lifespan
 * parameter and there is a device, its lifespan (lifespan()). 0, or -1 with
 * c->err set. Free d with device_free whatever the result. */
static int read_device(struct av_ctx *c, int optional, const char *life, struct av_device *d)
{
	d->t = NULL;
	d->it = NULL;
	d->l = 1;
	buf_init(&d->how);
	buf_init(&d->lhow);
	if (resolve_device(c, optional, &d->t, &d->it, &d->how) < 0)
		return -1;
	if (life && d->it && lifespan(c, life, d->t, &d->l, &d->lhow) < 0)
		return -1;
	return 0;
}

static void device_free(struct av_device *d)
{
	buf_free(&d->how);
	buf_free(&d->lhow);
}

/* ---- trace pieces ---- */

static void trace_head(struct av_ctx *c)
{
	struct buf *t = &c->res->trace;
	buf_addf(t, "Méthode : %s (%s) ; référentiel : %s", c->m->label, c->m->code,
		 fp_ref_name(c->ref));
	const char *v = fp_ref_version(c->ref);
	if (v && *v)
		buf_addf(t, " %s", v);
	buf_adds(t, "\n");
}

/* " = 11 118 kg CO2e/an\n" after the GHG formula. */
static void trace_ghg_result(struct av_ctx *c, double v)
{
	const char *per = c->m->kind == FP_AV_YEARLY ? "/an" : "";
	tr(c, " = ");
	num(c, v);
	if (c->ghg_scale == 1) {
		buf_addf(&c->res->trace, " kg CO2e%s", per);
	} else {
		buf_addf(&c->res->trace, " %s%s, soit ", cunit(c, (size_t)c->ghg), per);
		num(c, v * c->ghg_scale);
		buf_addf(&c->res->trace, " kg CO2e%s", per);
	}
}

/* The criteria other than GHG: their values, and those left out for lack
 * of data. */
static void trace_others(struct av_ctx *c)
{
	struct fp_av_result *r = c->res;
	const char *per = c->m->kind == FP_AV_YEARLY ? "/an" : "";
	int n = 0, missing = 0;
	for (size_t k = 0; k < r->ncrit; k++) {
		if ((int)k == c->ghg)
			continue;
		if (!r->has[k]) {
			missing++;
			continue;
		}
		tr(c, n++ ? " ; " : "Autres critères : ");
		buf_addf(&r->trace, "%s ", crit_name(crit(c, k)));
		num(c, r->v[k]);
		buf_addf(&r->trace, " %s%s", cunit(c, k), per);
	}
	if (n)
		tr(c, "\n");
	if (!missing)
		return;
	n = 0;
	for (size_t k = 0; k < r->ncrit; k++)
		if ((int)k != c->ghg && !r->has[k]) {
			tr(c, n++ ? ", "
				  : "Critères non estimés (données absentes du référentiel) : ");
			tr(c, crit_name(crit(c, k)));
		}
	tr(c, "\n");
}

static int no_embodied(struct av_ctx *c, const struct fp_item *it)
{
	return err_set(c->err,
		       "l'élément « %s » n'a aucun facteur hors usage (fabrication, distribution, "
		       "fin de vie) pour le critère %s dans le référentiel %s",
		       it->name, crit_name(crit(c, (size_t)c->ghg)), fp_ref_name(c->ref));
}

static int no_mix_factor(struct av_ctx *c, const struct fp_mix *mx, size_t k)
{
	return err_set(c->err,
		       "paramètre pays : le mix électrique de « %s » n'a pas de facteur pour le "
		       "critère %s dans le référentiel %s",
		       mx->country, crit_name(crit(c, k)), fp_ref_name(c->ref));
}

/* ---- cross-parameter checks (no referential) ---- */

int av_check_device(struct av_ctx *c)
{
	if (!av_given(c, "type") && !av_given(c, "element"))
		return err_set(c->err, "paramètres type ou element : l'un des deux est requis");
	return 0;
}

int av_check_allongement(struct av_ctx *c)
{
	double l0, l1;
	if (av_check_device(c) < 0)
		return -1;
	if (av_num(c, "l0", &l0) && av_num(c, "l1", &l1) && !(l1 > l0)) {
		struct buf b = BUF_INIT;
		fp_av_fmt(&b, l0);
		err_set(c->err, "paramètre l1 : doit être supérieur à l0 (%s)", b.ptr);
		buf_free(&b);
		return -1;
	}
	return 0;
}

int av_check_pue(struct av_ctx *c)
{
	double p0, p1;
	if (av_num(c, "pue0", &p0) && av_num(c, "pue1", &p1) && !(p1 < p0)) {
		struct buf b = BUF_INIT;
		fp_av_fmt(&b, p0);
		err_set(c->err, "paramètre pue1 : doit être inférieur à pue0 (%s)", b.ptr);
		buf_free(&b);
		return -1;
	}
	return 0;
}

int av_check_consolidation(struct av_ctx *c)
{
	double n0, n1;
	if (av_num(c, "n0", &n0) && av_num(c, "n1", &n1) && !(n1 <= n0)) {
		struct buf b = BUF_INIT;
		fp_av_fmt(&b, n0);
		err_set(c->err, "paramètre n1 : doit être inférieur ou égal à n0 (%s)", b.ptr);
		buf_free(&b);
		return -1;
	}
	return 0;
}

/* ---- the per-criterion loop of the embodied-impact methods ---- */

/* Puts, for every criterion whose non-use factors the item has, the avoided
 * value formula(c, k, e, p) of their sum e, and records the factors used.
 * Criteria without factors are skipped, except climate change: then it
 * fails (no_embodied), since the estimate is about GHG first. */
typedef double av_formula(const struct av_ctx *c, size_t k, double e, const double *p);

static int put_embodied(struct av_ctx *c, const struct fp_item *it, av_formula *formula,
			const double *p)
{
	for (size_t k = 0; k < c->res->ncrit; k++) {
		double e;
		unsigned mask = embodied(it, k, NONUSE, &e);
		if (!mask) {
			if ((int)k == c->ghg) {
				no_embodied(c, it);
				return -1;
			}
			continue;
		}
		put(c, k, formula(c, k, e, p));
		used_item(c, it, k, mask);
	}
	return 0;
}

/* p: n, l0, l1, repair share, repair GHG (criterion's unit, climate change only). */
static double avoided_extension(const struct av_ctx *c, size_t k, double e, const double *p)
{
	double r = p[3] * e + ((int)k == c->ghg ? p[4] : 0);
	return p[0] * (e / p[1] - (e + r) / p[2]);
}

/* p: n, share borne by a refurbished device, lifespan. */
static double avoided_refurbished(const struct av_ctx *c, size_t k, double e, const double *p)
{
	(void)c;
	(void)k;
	return p[0] * (e - p[1] * e) / p[2];
}

/* p: n, substitution share. */
static double avoided_reuse(const struct av_ctx *c, size_t k, double e, const double *p)
{
	(void)c;
	(void)k;
	return p[0] * p[1] * e;
}

/* ---- allongement ---- */

int av_allongement(struct av_ctx *c)
{
	struct av_device d;
	double n, l1, rep_kg, rep_part;
	int rc = -1;
	read_nums(c, "n", &n, "l1", &l1, "reparation", &rep_kg, "reparation_part", &rep_part,
		  (const char *)NULL);
	if (read_device(c, 0, "l0", &d) < 0)
		goto out;
	const struct fp_item *it = d.it;
	double l0 = d.l;
	if (!(l1 > l0)) {
		struct buf b = BUF_INIT;
		fp_av_fmt(&b, l0);
		err_set(c->err, "paramètre l1 : doit être supérieur à l0 (%s, %s)", b.ptr,
			d.lhow.ptr);
		buf_free(&b);
		goto out;
	}
	double rep_ghg = rep_kg / c->ghg_scale; /* in the criterion's unit */
	const double pa[] = { n, l0, l1, rep_part, rep_ghg };
	if (put_embodied(c, it, avoided_extension, pa))
		goto out;

	size_t g = (size_t)c->ghg;
	double e;
	unsigned mask = embodied(it, g, NONUSE, &e);
	double r = rep_part * e + rep_ghg;
	trace_head(c);
	buf_addf(&c->res->trace, "Élément : %s ; impact hors usage par appareil : ", d.how.ptr);
	trace_embodied(c, it, g, mask);
	tr(c, "\nDurées de vie : l0 = ");
	num(c, l0);
	buf_addf(&c->res->trace, " ans (%s), l1 = ", d.lhow.ptr);
	num(c, l1);
	tr(c, " ans\n");
	if (r > 0) {
		tr(c, "Réparation par appareil : ");
		if (rep_kg > 0 && rep_part > 0) {
			num(c, rep_ghg);
			tr(c, " + ");
		}
		if (rep_part > 0) {
			num(c, rep_part);
			tr(c, " × ");
			num(c, e);
			tr(c, " = ");
		}
		num(c, r);
		buf_addf(&c->res->trace, " %s\n", cunit(c, g));
	}
	tr(c, "Changement climatique : ");
	num(c, n);
	tr(c, " × (");
	num(c, e);
	tr(c, " / ");
	num(c, l0);
	tr(c, " " MINUS " ");
	if (r > 0) {
		tr(c, "(");
		num(c, e);
		tr(c, " + ");
		num(c, r);
		tr(c, ")");
	} else {
		num(c, e);
	}
	tr(c, " / ");
	num(c, l1);
	tr(c, ")");
	trace_ghg_result(c, c->res->v[g]);
	tr(c, "\n");
	trace_others(c);
	rc = 0;
out:
	device_free(&d);
	return rc;
}

/* ---- reconditionne ---- */

int av_reconditionne(struct av_ctx *c)
{
	struct av_device d;
	double n, s;
	int rc = -1;
	read_nums(c, "n", &n, "part", &s, (const char *)NULL);
	if (read_device(c, 0, "duree", &d) < 0)
		goto out;
	const struct fp_item *it = d.it;
	double l = d.l;
	const double pr[] = { n, s, l };
	if (put_embodied(c, it, avoided_refurbished, pr))
		goto out;

	size_t g = (size_t)c->ghg;
	double e;
	unsigned mask = embodied(it, g, NONUSE, &e);
	trace_head(c);
	buf_addf(&c->res->trace,
		 "Élément neuf remplacé : %s ; impact hors usage par appareil : ", d.how.ptr);
	trace_embodied(c, it, g, mask);
	tr(c, "\nPart portée par un appareil reconditionné : ");
	num(c, s);
	buf_addf(&c->res->trace,
		 " (%s) ; durée d'usage : ", av_given(c, "part") ? "donnée" : "valeur par défaut");
	num(c, l);
	buf_addf(&c->res->trace, " ans (%s)\n", d.lhow.ptr);
	tr(c, "Changement climatique : ");
	num(c, n);
	tr(c, " × (");
	num(c, e);
	tr(c, " " MINUS " ");
	num(c, s);
	tr(c, " × ");
	num(c, e);
	tr(c, ") / ");
	num(c, l);
	trace_ghg_result(c, c->res->v[g]);
	tr(c, "\n");
	trace_others(c);
	rc = 0;
out:
	device_free(&d);
	return rc;
}

/* ---- reemploi ---- */

int av_reemploi(struct av_ctx *c)
{
	struct av_device d;
	double n, s;
	int rc = -1;
	read_nums(c, "n", &n, "substitution", &s, (const char *)NULL);
	if (read_device(c, 0, NULL, &d) < 0)
		goto out;
	const struct fp_item *it = d.it;
	const double pu[] = { n, s };
	if (put_embodied(c, it, avoided_reuse, pu))
		goto out;

	size_t g = (size_t)c->ghg;
	double e;
	unsigned mask = embodied(it, g, NONUSE, &e);
	trace_head(c);
	buf_addf(&c->res->trace,
		 "Élément neuf évité : %s ; impact hors usage par appareil : ", d.how.ptr);
	trace_embodied(c, it, g, mask);
	tr(c, "\nPart des appareils réemployés qui remplacent un achat neuf : ");
	num(c, s);
	tr(c, "\nChangement climatique : ");
	num(c, n);
	tr(c, " × ");
	num(c, s);
	tr(c, " × ");
	num(c, e);
	trace_ghg_result(c, c->res->v[g]);
	tr(c, ", une seule fois (fabrication de ");
	num(c, n * s);
	tr(c, " appareils neufs évitée ; impact ponctuel, à ne pas additionner aux impacts "
	      "annuels)\n");
	trace_others(c);
	rc = 0;
out:
	device_free(&d);
	return rc;
}

/* ---- achat_responsable ---- */

/* Yearly consumption of an item: the parameter, else its average kWh. */
static int item_kwh(struct av_ctx *c, const char *param, const struct fp_item *it, double *out,
		    struct buf *how)
{
	if (av_num(c, param, out)) {
		buf_adds(how, "donnée");
		return 0;
	}
	if (!it->has_avg_kwh)
		return err_set(c->err,
			       "paramètre %s : requis, l'élément « %s » n'a pas de consommation "
			       "moyenne dans le référentiel %s",
			       param, it->name, fp_ref_name(c->ref));
	*out = it->avg_kwh;
	av_used(c, "consommation moyenne", it->name, "", it->avg_kwh, "kWh/an", it->source);
	buf_adds(how, "consommation moyenne du référentiel");
	return 0;
}

int av_achat_responsable(struct av_ctx *c)
{
	const struct fp_item_type *t;
	const struct fp_item *sel, *ref;
	const struct fp_mix *mx;
	struct buf hs = BUF_INIT, hr = BUF_INIT, lhow = BUF_INIT, ks = BUF_INIT, kr = BUF_INIT;
	double n, l, kwh_s, kwh_r;
	int rc = -1;
	read_nums(c, "n", &n, (const char *)NULL);
	if (find_type(c, &t) < 0 || !(sel = find_item(c, "element", av_text(c, "element"), &hs)) ||
	    !(ref = find_item(c, "element_ref", av_text(c, "element_ref"), &hr)) ||
	    lifespan(c, "duree", t, &l, &lhow) < 0 || !(mx = find_mix(c)) ||
	    item_kwh(c, "kwh", sel, &kwh_s, &ks) < 0 ||
	    item_kwh(c, "kwh_ref", ref, &kwh_r, &kr) < 0)
		goto out;
	for (size_t k = 0; k < c->res->ncrit; k++) {
		double es, er;
		/* Only the phases both items have, so that a phase missing on
		 * one side does not count as avoided. */
		unsigned mask = embodied(sel, k, NONUSE, &es) & embodied(ref, k, NONUSE, &er);
		if (!mask || !mx->has[k]) {
			if ((int)k != c->ghg)
				continue;
			if (!mx->has[k])
				no_mix_factor(c, mx, k);
			else
				err_set(c->err,
					"les éléments « %s » et « %s » n'ont aucune phase hors "
					"usage "
					"en commun pour le critère %s dans le référentiel %s",
					sel->name, ref->name, crit_name(crit(c, k)),
					fp_ref_name(c->ref));
			goto out;
		}
		embodied(sel, k, mask, &es);
		embodied(ref, k, mask, &er);
		put(c, k, n * ((er - es) / l + (kwh_r - kwh_s) * mx->f[k]));
		used_item(c, ref, k, mask);
		used_item(c, sel, k, mask);
		used_mix(c, mx, k);
	}

	size_t g = (size_t)c->ghg;
	double es, er;
	unsigned mask = embodied(sel, g, NONUSE, &es) & embodied(ref, g, NONUSE, &er);
	embodied(sel, g, mask, &es);
	embodied(ref, g, mask, &er);
	trace_head(c);
	buf_addf(&c->res->trace,
		 "Élément de référence : %s ; impact hors usage par appareil : ", hr.ptr);
	trace_embodied(c, ref, g, mask);
	buf_addf(&c->res->trace,
		 "\nÉlément choisi : %s ; impact hors usage par appareil : ", hs.ptr);
	trace_embodied(c, sel, g, mask);
	double all_s, all_r;
	if (embodied(sel, g, NONUSE, &all_s) != mask || embodied(ref, g, NONUSE, &all_r) != mask)
		tr(c, " (seules les phases présentes pour les deux éléments sont comparées)");
	tr(c, "\nDurée d'usage : ");
	num(c, l);
	buf_addf(&c->res->trace, " ans (%s) ; consommation : référence ", lhow.ptr);
	num(c, kwh_r);
	buf_addf(&c->res->trace, " kWh/an (%s), choisi ", kr.ptr);
	num(c, kwh_s);
	buf_addf(&c->res->trace, " kWh/an (%s) ; mix électrique %s : ", ks.ptr, mx->country);
	num(c, mx->f[g]);
	buf_addf(&c->res->trace, " %s/kWh\n", cunit(c, g));
	double per_dev_embodied = (er - es) / l, per_dev_use = (kwh_r - kwh_s) * mx->f[g];
	tr(c, "Changement climatique : ");
	num(c, n);
	tr(c, " × ((");
	num(c, er);
	tr(c, " " MINUS " ");
	num(c, es);
	tr(c, ") / ");
	num(c, l);
	tr(c, " + (");
	num(c, kwh_r);
	tr(c, " " MINUS " ");
	num(c, kwh_s);
	tr(c, ") × ");
	num(c, mx->f[g]);
	tr(c, ") = ");
	num(c, n);
	tr(c, " × (");
	num(c, per_dev_embodied);
	tr(c, " + ");
	num(c, per_dev_use);
	tr(c, ")");
	trace_ghg_result(c, c->res->v[g]);
	tr(c, "\n");
	trace_others(c);
	rc = 0;
out:
	buf_free(&hs);
	buf_free(&hr);
	buf_free(&lhow);
	buf_free(&ks);
	buf_free(&kr);
	return rc;
}

/* ---- pue ---- */

int av_pue(struct av_ctx *c)
{
	const struct fp_mix *mx;
	struct buf how = BUF_INIT;
	double kwh, p0, p1;
	int rc = -1;
	read_nums(c, "kwh", &kwh, "pue1", &p1, (const char *)NULL);
	if (pue_value(c, "pue0", &p0, &how) < 0 || !(mx = find_mix(c)))
		goto out;
	if (!(p1 < p0)) {
		struct buf b = BUF_INIT;
		fp_av_fmt(&b, p0);
		err_set(c->err, "paramètre pue1 : doit être inférieur à pue0 (%s, %s)", b.ptr,
			how.ptr);
		buf_free(&b);
		goto out;
	}
	for (size_t k = 0; k < c->res->ncrit; k++) {
		if (!mx->has[k]) {
			if ((int)k == c->ghg) {
				no_mix_factor(c, mx, k);
				goto out;
			}
			continue;
		}
		put(c, k, kwh * (p0 - p1) * mx->f[k]);
		used_mix(c, mx, k);
	}

	size_t g = (size_t)c->ghg;
	trace_head(c);
	tr(c, "Énergie informatique : ");
	num(c, kwh);
	tr(c, " kWh/an ; PUE avant : ");
	num(c, p0);
	buf_addf(&c->res->trace, " (%s), après : ", how.ptr);
	num(c, p1);
	buf_addf(&c->res->trace, " ; mix électrique %s : ", mx->country);
	num(c, mx->f[g]);
	buf_addf(&c->res->trace, " %s/kWh\n", cunit(c, g));
	tr(c, "Changement climatique : ");
	num(c, kwh);
	tr(c, " × (");
	num(c, p0);
	tr(c, " " MINUS " ");
	num(c, p1);
	tr(c, ") × ");
	num(c, mx->f[g]);
	trace_ghg_result(c, c->res->v[g]);
	tr(c, "\n");
	trace_others(c);
	rc = 0;
out:
	buf_free(&how);
	return rc;
}

/* ---- consolidation ---- */

static void trace_energy(struct av_ctx *c, const char *when, double n, double w, double h,
			 double pue, double kwh)
{
	buf_addf(&c->res->trace, "Énergie %s : ", when);
	num(c, n);
	tr(c, " × ");
	num(c, w);
	tr(c, " W × ");
	num(c, h);
	tr(c, " h × ");
	num(c, pue);
	tr(c, " / ");
	num(c, 1000);
	tr(c, " = ");
	num(c, kwh);
	tr(c, " kWh/an\n");
}

int av_consolidation(struct av_ctx *c)
{
	const struct fp_mix *mx;
	struct av_device d;
	struct buf phow = BUF_INIT;
	double n0, n1, w0, w1, h, pue;
	int rc = -1;
	read_nums(c, "n0", &n0, "n1", &n1, "w0", &w0, "w1", &w1, "heures", &h, (const char *)NULL);
	if (read_device(c, 1, "duree", &d) < 0 || pue_value(c, "pue", &pue, &phow) < 0 ||
	    !(mx = find_mix(c)))
		goto out;
	const struct fp_item *it = d.it;
	double l = d.l;
	double kwh0 = n0 * w0 * h * pue / 1000, kwh1 = n1 * w1 * h * pue / 1000;
	for (size_t k = 0; k < c->res->ncrit; k++) {
		double e = 0;
		unsigned mask = it ? embodied(it, k, NONUSE, &e) : 0;
		if (!mx->has[k] || (it && !mask)) {
			if ((int)k != c->ghg)
				continue;
			if (!mx->has[k])
				no_mix_factor(c, mx, k);
			else
				no_embodied(c, it);
			goto out;
		}
		put(c, k, (kwh0 - kwh1) * mx->f[k] + (n0 - n1) * e / l);
		used_mix(c, mx, k);
		if (it)
			used_item(c, it, k, mask);
	}

	size_t g = (size_t)c->ghg;
	double e = 0;
	unsigned mask = it ? embodied(it, g, NONUSE, &e) : 0;
	trace_head(c);
	trace_energy(c, "sans l'action", n0, w0, h, pue, kwh0);
	trace_energy(c, "avec l'action", n1, w1, h, pue, kwh1);
	tr(c, "PUE : ");
	num(c, pue);
	buf_addf(&c->res->trace, " (%s) ; mix électrique %s : ", phow.ptr, mx->country);
	num(c, mx->f[g]);
	buf_addf(&c->res->trace, " %s/kWh\n", cunit(c, g));
	if (it) {
		buf_addf(&c->res->trace,
			 "Serveur : %s ; impact hors usage par serveur : ", d.how.ptr);
		trace_embodied(c, it, g, mask);
		tr(c, " ; durée de vie : ");
		num(c, l);
		buf_addf(&c->res->trace, " ans (%s)\n", d.lhow.ptr);
	} else {
		tr(c, "Fabrication évitée non comptée : ni type ni element donné\n");
	}
	double use = (kwh0 - kwh1) * mx->f[g];
	tr(c, "Changement climatique : (");
	num(c, kwh0);
	tr(c, " " MINUS " ");
	num(c, kwh1);
	tr(c, ") × ");
	num(c, mx->f[g]);
	if (it) {
		tr(c, " + (");
		num(c, n0);
		tr(c, " " MINUS " ");
		num(c, n1);
		tr(c, ") × ");
		num(c, e);
		tr(c, " / ");
		num(c, l);
		tr(c, " = ");
		num(c, use);
		tr(c, " + ");
		num(c, (n0 - n1) * e / l);
	}
	trace_ghg_result(c, c->res->v[g]);
	tr(c, "\n");
	trace_others(c);
	rc = 0;
out:
	device_free(&d);
	buf_free(&phow);
	return rc;
}
