/* fp_avoided.c: the avoided-impact method registry, parameters (k=v, checks,
 * canonical form), results, and the estimate entry point. */
#include "footprint/fp_avoided.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "footprint/fp_avoided_int.h"
#include "io/parse.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- registry ---- */

#define LIFESPAN_DEF "durée de vie par défaut du type, sinon hypothèse dureeVieParDefaut"
#define PUE_DEF	     "hypothèse PUEParDefaut du référentiel"
#define TYPE_DESC    "type d'équipement (son élément par défaut et sa durée de vie par défaut servent)"
#define ELEMENT_DESC                                                                                        \
	"élément de référence (ou modèle) du référentiel ; prioritaire sur l'élément par défaut " \
	"du type"

static const struct fp_av_param_def p_allongement[] = {
	{ "n", "nombre d'appareils dont la durée de vie est allongée", "appareils", FP_AV_NUM,
	  FP_AV_COUNT, 1, NULL },
	{ "type", TYPE_DESC, "", FP_AV_TEXT, FP_AV_ANY, 0, NULL },
	{ "element", ELEMENT_DESC, "", FP_AV_TEXT, FP_AV_ANY, 0, NULL },
	{ "l0", "durée de vie sans l'action", "ans", FP_AV_NUM, FP_AV_YEARS, 0, LIFESPAN_DEF },
	{ "l1", "durée de vie avec l'action", "ans", FP_AV_NUM, FP_AV_YEARS, 1, NULL },
	{ "reparation", "impact GES d'une réparation, par appareil", "kg CO2e", FP_AV_NUM,
	  FP_AV_NONNEG, 0, "0" },
	{ "reparation_part",
	  "impact d'une réparation en part de l'impact hors usage de l'appareil (tous critères)",
	  "", FP_AV_NUM, FP_AV_SHARE, 0, "0" },
};

static const struct fp_av_param_def p_reconditionne[] = {
	{ "n", "nombre d'appareils achetés reconditionnés au lieu de neufs", "appareils", FP_AV_NUM,
	  FP_AV_COUNT, 1, NULL },
	{ "type", TYPE_DESC, "", FP_AV_TEXT, FP_AV_ANY, 0, NULL },
	{ "element", ELEMENT_DESC, "", FP_AV_TEXT, FP_AV_ANY, 0, NULL },
	{ "part",
	  "part de l'impact hors usage d'un appareil neuf que porte un appareil reconditionné "
	  "(0,2 par défaut : valeur prudente de numeco ; l'étude ADEME de 2022 sur les produits "
	  "reconditionnés mesure de 43 à 97 % d'impact annuel évité selon l'équipement et "
	  "l'indicateur, 87 % en changement climatique pour un smartphone)",
	  "", FP_AV_NUM, FP_AV_SHARE, 0, "0,2" },
	{ "duree", "durée d'usage des appareils", "ans", FP_AV_NUM, FP_AV_YEARS, 0, LIFESPAN_DEF },
};

static const struct fp_av_param_def p_reemploi[] = {
	{ "n", "nombre d'appareils réformés réemployés ou donnés pour une seconde vie", "appareils",
	  FP_AV_NUM, FP_AV_COUNT, 1, NULL },
	{ "type", TYPE_DESC, "", FP_AV_TEXT, FP_AV_ANY, 0, NULL },
	{ "element", ELEMENT_DESC, "", FP_AV_TEXT, FP_AV_ANY, 0, NULL },
	{ "substitution", "part des appareils réemployés qui remplacent réellement un achat neuf",
	  "", FP_AV_NUM, FP_AV_SHARE1, 0, "1" },
};

static const struct fp_av_param_def p_achat[] = {
	{ "n", "nombre d'appareils achetés", "appareils", FP_AV_NUM, FP_AV_COUNT, 1, NULL },
	{ "element", "élément (ou modèle) choisi par l'achat responsable", "", FP_AV_TEXT,
	  FP_AV_ANY, 1, NULL },
	{ "element_ref", "élément (ou modèle) de référence, l'achat habituel", "", FP_AV_TEXT,
	  FP_AV_ANY, 1, NULL },
	{ "type", "type d'équipement (pour sa durée de vie par défaut)", "", FP_AV_TEXT, FP_AV_ANY,
	  0, NULL },
	{ "duree", "durée d'usage des appareils", "ans", FP_AV_NUM, FP_AV_YEARS, 0, LIFESPAN_DEF },
	{ "pays", "pays d'utilisation (mix électrique de la phase d'usage)", "", FP_AV_TEXT,
	  FP_AV_ANY, 1, NULL },
	{ "kwh", "consommation annuelle d'un appareil choisi", "kWh/an", FP_AV_NUM, FP_AV_NONNEG, 0,
	  "consommation moyenne de l'élément dans le référentiel" },
	{ "kwh_ref", "consommation annuelle d'un appareil de référence", "kWh/an", FP_AV_NUM,
	  FP_AV_NONNEG, 0, "consommation moyenne de l'élément dans le référentiel" },
};

static const struct fp_av_param_def p_pue[] = {
	{ "kwh", "énergie annuelle consommée par les équipements informatiques", "kWh/an",
	  FP_AV_NUM, FP_AV_POS, 1, NULL },
	{ "pue0", "PUE avant l'action", "", FP_AV_NUM, FP_AV_PUE, 0, PUE_DEF },
	{ "pue1", "PUE après l'action", "", FP_AV_NUM, FP_AV_PUE, 1, NULL },
	{ "pays", "pays du centre de données (mix électrique)", "", FP_AV_TEXT, FP_AV_ANY, 1,
	  NULL },
};

static const struct fp_av_param_def p_consolidation[] = {
	{ "n0", "nombre de serveurs avant", "serveurs", FP_AV_NUM, FP_AV_COUNT, 1, NULL },
	{ "n1", "nombre de serveurs après", "serveurs", FP_AV_NUM, FP_AV_COUNT, 1, NULL },
	{ "w0", "puissance électrique moyenne d'un serveur avant", "W", FP_AV_NUM, FP_AV_POS, 1,
	  NULL },
	{ "w1", "puissance électrique moyenne d'un serveur après", "W", FP_AV_NUM, FP_AV_POS, 1,
	  NULL },
	{ "heures", "heures de fonctionnement par an", "h/an", FP_AV_NUM, FP_AV_HOURS, 0, "8760" },
	{ "pue", "PUE du centre de données", "", FP_AV_NUM, FP_AV_PUE, 0, PUE_DEF },
	{ "pays", "pays du centre de données (mix électrique)", "", FP_AV_TEXT, FP_AV_ANY, 1,
	  NULL },
	{ "type", "type d'équipement des serveurs (fabrication évitée)", "", FP_AV_TEXT, FP_AV_ANY,
	  0, NULL },
	{ "element", "élément serveur du référentiel (fabrication évitée)", "", FP_AV_TEXT,
	  FP_AV_ANY, 0, NULL },
	{ "duree", "durée de vie des serveurs", "ans", FP_AV_NUM, FP_AV_YEARS, 0, LIFESPAN_DEF },
};

static const struct fp_av_method methods[] = {
	{ "allongement", "Allongement de la durée de vie",
	  "des appareils gardés l1 ans au lieu de l0 : leur fabrication est amortie sur plus "
	  "d'années",
	  FP_AV_YEARLY, p_allongement, NELEM(p_allongement) },
	{ "reconditionne", "Achat de matériel reconditionné",
	  "des appareils reconditionnés achetés au lieu de neufs : seule une part de l'impact de "
	  "fabrication reste",
	  FP_AV_YEARLY, p_reconditionne, NELEM(p_reconditionne) },
	{ "reemploi", "Réemploi ou don de matériel réformé",
	  "des appareils réformés reprennent du service : la fabrication d'autant d'appareils "
	  "neufs est évitée, une seule fois",
	  FP_AV_ONCE, p_reemploi, NELEM(p_reemploi) },
	{ "achat_responsable", "Achat responsable",
	  "un élément moins impactant (fabrication et consommation) acheté au lieu de l'élément "
	  "de référence",
	  FP_AV_YEARLY, p_achat, NELEM(p_achat) },
	{ "pue", "Amélioration du PUE d'un centre de données",
	  "la même énergie informatique consommée avec un PUE plus bas", FP_AV_YEARLY, p_pue,
	  NELEM(p_pue) },
	{ "consolidation", "Consolidation de serveurs",
	  "n0 serveurs remplacés par n1 : moins d'énergie et moins de serveurs à fabriquer",
	  FP_AV_YEARLY, p_consolidation, NELEM(p_consolidation) },
};

struct av_impl {
	int (*check)(struct av_ctx *c);
	int (*run)(struct av_ctx *c);
};

static const struct av_impl impls[] = {
	{ av_check_allongement, av_allongement },
	{ av_check_device, av_reconditionne },
	{ av_check_device, av_reemploi },
	{ NULL, av_achat_responsable },
	{ av_check_pue, av_pue },
	{ av_check_consolidation, av_consolidation },
};

_Static_assert(NELEM(methods) == NELEM(impls), "one implementation per method");
_Static_assert(NELEM(p_allongement) <= AV_MAXP && NELEM(p_reconditionne) <= AV_MAXP &&
		       NELEM(p_reemploi) <= AV_MAXP && NELEM(p_achat) <= AV_MAXP &&
		       NELEM(p_pue) <= AV_MAXP && NELEM(p_consolidation) <= AV_MAXP,
	       "parameters fit in struct av_ctx");

size_t fp_av_nmethods(void)
{
	return NELEM(methods);
}

const struct fp_av_method *fp_av_method_at(size_t i)
{
	return i < NELEM(methods) ? &methods[i] : NULL;
}

const struct fp_av_method *fp_av_method_find(const char *code)
{
	if (!code)
		return NULL;
	for (size_t i = 0; i < NELEM(methods); i++)
		if (text_fold_eq(code, methods[i].code))
			return &methods[i];
	return NULL;
}

const struct fp_av_param_def *fp_av_param_find(const struct fp_av_method *m, const char *name)
{
	for (size_t i = 0; m && name && i < m->nparams; i++)
		if (strcmp(m->params[i].name, name) == 0)
			return &m->params[i];
	return NULL;
}

void fp_av_method_list(struct buf *out)
{
	for (size_t i = 0; i < NELEM(methods); i++) {
		if (i)
			buf_adds(out, ", ");
		buf_adds(out, methods[i].code);
	}
}

static const struct av_impl *impl_of(const struct fp_av_method *m)
{
	return &impls[m - methods];
}

/* ---- parameters ---- */

void fp_av_params_init(struct fp_av_params *p)
{
	p->kv = NULL;
	p->n = p->cap = 0;
}

void fp_av_params_free(struct fp_av_params *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->kv[i].key);
		free(p->kv[i].value);
	}
	free(p->kv);
	fp_av_params_init(p);
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Copies [s, s+n) without the spaces and tabs at both ends. */
static char *dup_trim(const char *s, size_t n)
{
	while (n && is_space(*s)) {
		s++;
		n--;
	}
	while (n && is_space(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static int set_owned(struct fp_av_params *p, char *key, char *value, struct err *err)
{
	int rc = -1;
	if (!*key) {
		err_set(err, "paramètre sans nom (attendu : nom=valeur)");
		goto out;
	}
	for (char *k = key; *k; k++) {
		if (*k >= 'A' && *k <= 'Z')
			*k = (char)(*k - 'A' + 'a');
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_')) {
			err_set(err,
				"paramètre « %s » : nom invalide (lettres, chiffres et _ "
				"seulement)",
				key);
			goto out;
		}
	}
	if (!*value) {
		err_set(err, "paramètre %s : valeur vide", key);
		goto out;
	}
	if (!text_utf8_valid(value, strlen(value))) {
		err_set(err, "paramètre %s : texte qui n'est pas de l'UTF-8 valide", key);
		goto out;
	}
	for (const char *v = value; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f) {
			err_set(err, "paramètre %s : caractère de contrôle interdit", key);
			goto out;
		}
	size_t at = 0;
	while (at < p->n && strcmp(p->kv[at].key, key) < 0)
		at++;
	if (at < p->n && strcmp(p->kv[at].key, key) == 0) {
		err_set(err, "paramètre %s : donné deux fois", key);
		goto out;
	}
	xgrow((void **)&p->kv, sizeof(*p->kv), p->n + 1, &p->cap);
	memmove(&p->kv[at + 1], &p->kv[at], (p->n - at) * sizeof(*p->kv));
	p->kv[at].key = key;
	p->kv[at].value = value;
	p->n++;
	return 0;
out:
	free(key);
	free(value);
	return rc;
}

int fp_av_params_set(struct fp_av_params *p, const char *key, const char *value, struct err *err)
{
	return set_owned(p, dup_trim(key, strlen(key)), dup_trim(value, strlen(value)), err);
}

int fp_av_params_add(struct fp_av_params *p, const char *kv, struct err *err)
{
	const char *eq = strchr(kv, '=');
	if (!eq)
		return err_set(err, "paramètre « %s » : attendu nom=valeur", kv);
	return set_owned(p, dup_trim(kv, (size_t)(eq - kv)), dup_trim(eq + 1, strlen(eq + 1)), err);
}

const char *fp_av_params_get(const struct fp_av_params *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->kv[i].key, key) == 0)
			return p->kv[i].value;
	return NULL;
}

static void param_names(const struct fp_av_method *m, struct buf *out)
{
	for (size_t i = 0; i < m->nparams; i++) {
		if (i)
			buf_adds(out, ", ");
		buf_adds(out, m->params[i].name);
	}
}

static int check_constraint(const struct fp_av_param_def *d, double v, struct err *err)
{
	const char *why = NULL;
	switch (d->check) {
	case FP_AV_ANY: break;
	case FP_AV_POS:
		if (!(v > 0))
			why = "doit être strictement positif";
		break;
	case FP_AV_NONNEG:
		if (!(v >= 0))
			why = "doit être positif ou nul";
		break;
	case FP_AV_COUNT:
		if (!(v >= 1 && v == floor(v)))
			why = "doit être un nombre entier strictement positif";
		break;
	case FP_AV_SHARE:
		if (!(v >= 0 && v <= 1))
			why = "doit être compris entre 0 et 1 (0,2 pour 20 %)";
		break;
	case FP_AV_SHARE1:
		if (!(v > 0 && v <= 1))
			why = "doit être supérieur à 0 et au plus 1 (0,5 pour 50 %)";
		break;
	case FP_AV_YEARS:
		if (!(v >= 1))
			why = "doit être d'au moins 1 an";
		break;
	case FP_AV_PUE:
		if (!(v >= 1))
			why = "doit être supérieur ou égal à 1";
		break;
	case FP_AV_HOURS:
		if (!(v > 0 && v <= 8784))
			why = "doit être compris entre 0 (exclu) et 8784 heures";
		break;
	}
	if (!why)
		return 0;
	struct buf num = BUF_INIT;
	fmt_number_fr(&num, v);
	err_set(err, "paramètre %s : %s (%s donné)", d->name, why, num.ptr);
	buf_free(&num);
	return -1;
}

/* Parses and checks every parameter into c (c->m, c->err set). */
static int fill(struct av_ctx *c, const struct fp_av_params *p)
{
	const struct fp_av_method *m = c->m;
	for (size_t i = 0; i < p->n; i++) {
		if (!fp_av_param_find(m, p->kv[i].key)) {
			struct buf names = BUF_INIT;
			param_names(m, &names);
			err_set(c->err,
				"paramètre %s : inconnu pour la méthode %s (paramètres : %s)",
				p->kv[i].key, m->code, names.ptr);
			buf_free(&names);
			return -1;
		}
	}
	for (size_t i = 0; i < m->nparams; i++) {
		const struct fp_av_param_def *d = &m->params[i];
		const char *v = fp_av_params_get(p, d->name);
		c->given[i] = c->has[i] = 0;
		c->num[i] = 0;
		c->text[i] = NULL;
		if (!v) {
			if (d->required)
				return err_set(c->err, "paramètre %s : requis (%s)", d->name,
					       d->desc);
			struct err ignored = ERR_INIT;
			if (d->type == FP_AV_NUM && d->def &&
			    parse_number(d->def, &c->num[i], &ignored) == 0)
				c->has[i] = 1;
			err_free(&ignored);
			continue;
		}
		c->given[i] = c->has[i] = 1;
		if (d->type == FP_AV_TEXT) {
			c->text[i] = v;
			continue;
		}
		if (parse_number(v, &c->num[i], c->err) < 0)
			return err_prefix(c->err, "paramètre %s : ", d->name);
		if (check_constraint(d, c->num[i], c->err) < 0)
			return -1;
	}
	const struct av_impl *im = impl_of(m);
	return im->check ? im->check(c) : 0;
}

static int index_of(const struct av_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->m->nparams; i++)
		if (strcmp(c->m->params[i].name, name) == 0)
			return (int)i;
	return -1;
}

int av_num(const struct av_ctx *c, const char *name, double *out)
{
	int i = index_of(c, name);
	if (i < 0 || !c->has[i] || c->m->params[i].type != FP_AV_NUM)
		return 0;
	*out = c->num[i];
	return 1;
}

int av_given(const struct av_ctx *c, const char *name)
{
	int i = index_of(c, name);
	return i >= 0 && c->given[i];
}

const char *av_text(const struct av_ctx *c, const char *name)
{
	int i = index_of(c, name);
	return i >= 0 && c->given[i] && c->m->params[i].type == FP_AV_TEXT ? c->text[i] : NULL;
}

int fp_av_params_check(const struct fp_av_method *m, const struct fp_av_params *p, struct err *err)
{
	struct av_ctx c;
	memset(&c, 0, sizeof(c));
	c.m = m;
	c.err = err;
	return fill(&c, p);
}

static void add_escaped(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == ';')
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
}

int fp_av_params_canonical(const struct fp_av_method *m, const struct fp_av_params *p,
			   struct buf *out, struct err *err)
{
	if (m && fp_av_params_check(m, p, err) < 0)
		return -1;
	for (size_t i = 0; i < p->n; i++) {
		if (i)
			buf_addc(out, ';');
		buf_adds(out, p->kv[i].key);
		buf_addc(out, '=');
		const struct fp_av_param_def *d = m ? fp_av_param_find(m, p->kv[i].key) : NULL;
		double v;
		struct err ignored = ERR_INIT;
		if (d && d->type == FP_AV_NUM && parse_number(p->kv[i].value, &v, &ignored) == 0)
			fmt_number_fr(out, v);
		else
			add_escaped(out, p->kv[i].value);
		err_free(&ignored);
	}
	return 0;
}

int fp_av_params_parse(const char *canonical, struct fp_av_params *p, struct err *err)
{
	struct buf item = BUF_INIT;
	const char *s = canonical;
	int rc = 0;
	if (!*s)
		return 0;
	for (;;) {
		if (*s == '\\') {
			if (s[1] != '\\' && s[1] != ';') {
				rc = err_set(err, "paramètres enregistrés illisibles : « \\ » doit "
						  "précéder « \\ » ou « ; »");
				break;
			}
			buf_addc(&item, s[1]);
			s += 2;
			continue;
		}
		if (*s && *s != ';') {
			buf_addc(&item, *s++);
			continue;
		}
		const char *eq = strchr(item.ptr, '=');
		if (!eq) {
			rc = err_set(err, "paramètres enregistrés illisibles : « %s » sans « = »",
				     item.ptr);
			break;
		}
		if (set_owned(p, xstrndup(item.ptr, (size_t)(eq - item.ptr)), xstrdup(eq + 1),
			      err) < 0) {
			rc = err_prefix(err, "paramètres enregistrés illisibles : ");
			break;
		}
		buf_reset(&item);
		if (!*s)
			break;
		s++;
	}
	buf_free(&item);
	if (rc < 0)
		fp_av_params_free(p);
	return rc;
}

/* ---- results ---- */

void fp_av_result_init(struct fp_av_result *r)
{
	memset(r, 0, sizeof(*r));
	r->ghg_crit = -1;
	buf_init(&r->trace);
}

void fp_av_result_free(struct fp_av_result *r)
{
	for (size_t i = 0; i < r->nused; i++) {
		free(r->used[i].what);
		free(r->used[i].key);
		free(r->used[i].crit);
		free(r->used[i].unit);
		free(r->used[i].source);
	}
	free(r->used);
	buf_free(&r->trace);
	fp_av_result_init(r);
}

void av_used(struct av_ctx *c, const char *what, const char *key, const char *crit, double value,
	     const char *unit, const char *source)
{
	struct fp_av_result *r = c->res;
	xgrow((void **)&r->used, sizeof(*r->used), r->nused + 1, &r->capused);
	struct fp_av_refval *u = &r->used[r->nused++];
	u->what = xstrdup(what);
	u->key = xstrdup(key ? key : "");
	u->crit = xstrdup(crit ? crit : "");
	u->value = value;
	u->unit = xstrdup(unit ? unit : "");
	u->source = xstrdup(source ? source : "");
}

/* kg CO2e per unit of the climate-change criterion: its unit is kg CO2 eq in
 * NumEcoEval and G4IT; a referential in tonnes is converted. */
static double ghg_scale(const char *unit)
{
	struct buf f = BUF_INIT;
	text_fold(unit ? unit : "", &f);
	double s = strncmp(f.ptr, "t ", 2) == 0 || strncmp(f.ptr, "tco2", 4) == 0 ||
				   strncmp(f.ptr, "tonne", 5) == 0
			   ? 1000
			   : 1;
	buf_free(&f);
	return s;
}

int fp_av_estimate(const struct fp_ref *ref, const char *method, const struct fp_av_params *p,
		   struct fp_av_result *res, struct err *err)
{
	fp_av_result_free(res);
	const struct fp_av_method *m = fp_av_method_find(method);
	if (!m) {
		struct buf names = BUF_INIT;
		fp_av_method_list(&names);
		err_set(err, "méthode « %s » inconnue (méthodes : %s)", method ? method : "",
			names.ptr);
		buf_free(&names);
		return -1;
	}
	static const struct fp_av_params none = FP_AV_PARAMS_INIT;
	if (!p)
		p = &none;
	struct av_ctx c;
	memset(&c, 0, sizeof(c));
	c.ref = ref;
	c.m = m;
	c.err = err;
	c.res = res;
	if (fill(&c, p) < 0)
		return -1;
	c.ghg = fp_ref_find_crit(ref, "CLIMATE_CHANGE");
	if (c.ghg < 0)
		c.ghg = fp_ref_find_crit(ref, "Changement climatique");
	if (c.ghg < 0)
		return err_set(err,
			       "le référentiel %s n'a pas le critère changement climatique "
			       "(CLIMATE_CHANGE) : estimation impossible",
			       fp_ref_name(ref));
	c.ghg_scale = ghg_scale(fp_ref_crit(ref, (size_t)c.ghg)->unit);
	res->method = m;
	res->kind = m->kind;
	res->ncrit = fp_ref_ncrit(ref);
	res->ghg_crit = c.ghg;
	if (impl_of(m)->run(&c) < 0) {
		fp_av_result_free(res);
		return -1;
	}
	for (size_t k = 0; k < res->ncrit; k++)
		if (res->has[k] && !isfinite(res->v[k])) {
			fp_av_result_free(res);
			return err_set(err,
				       "estimation impossible : résultat hors limites (paramètres "
				       "trop grands)");
		}
	res->ghg_kg = res->v[c.ghg] * c.ghg_scale;
	return 0;
}

int fp_av_estimate_canonical(const struct fp_ref *ref, const char *method, const char *canonical,
			     struct fp_av_result *res, struct err *err)
{
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	int rc = fp_av_params_parse(canonical, &p, err);
	if (rc == 0)
		rc = fp_av_estimate(ref, method, &p, res, err);
	fp_av_params_free(&p);
	return rc;
}

/* ---- numbers in traces ---- */

#define NNBSP "\xe2\x80\xaf" /* U+202F narrow no-break space */

void fp_av_fmt(struct buf *out, double v)
{
	if (!isfinite(v)) {
		buf_adds(out, "n/d");
		return;
	}
	struct buf t = BUF_INIT;
	/* The exponent after rounding to 6 significant digits decides the
	 * number of decimals: 9,999996 is 10, not 10,0000. */
	buf_addf(&t, "%.5e", v);
	int e = atoi(strchr(t.ptr, 'e') + 1);
	int dec = 5 - e;
	if (dec < 0)
		dec = 0;
	if (dec > 40)
		dec = 40;
	buf_reset(&t);
	buf_addf(&t, "%.*f", dec, v);
	const char *s = t.ptr;
	int neg = *s == '-';
	if (neg)
		s++;
	size_t nint = strcspn(s, ".");
	size_t end = strlen(s);
	if (s[nint] == '.') {
		while (end > nint + 1 && s[end - 1] == '0')
			end--;
		if (end == nint + 1)
			end = nint;
	}
	int zero = 1;
	for (size_t i = 0; i < end; i++)
		if (s[i] >= '1' && s[i] <= '9')
			zero = 0;
	if (neg && !zero)
		buf_addc(out, '-');
	for (size_t i = 0; i < nint; i++) {
		if (i && (nint - i) % 3 == 0)
			buf_adds(out, NNBSP);
		buf_addc(out, s[i]);
	}
	if (end > nint) {
		buf_addc(out, ',');
		buf_add(out, s + nint + 1, end - nint - 1);
	}
	buf_free(&t);
}
