/* fp_ref_load_rows.c: the columns of each referential file and what one row
 * of it adds to the referential (driven by fp_ref_load.c). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_ref.h"
#include "footprint/fp_ref_int.h"
#include "io/parse.h"

/* ---- shared helpers ---- */

/* Parses column c as a number; 0, or -1 after an error on that column. */
static int number(struct fp_ref_rows *x, int c, double *out)
{
	if (parse_number(x->v[c].ptr, out, &x->err) == 0)
		return 0;
	fp_ref_row_diag(x, DIAG_ERROR, c, "%s", x->err.msg.ptr);
	return -1;
}

/* Column c must not be empty; 0, or -1 after the error msg. */
static int need(struct fp_ref_rows *x, int c, const char *msg)
{
	if (x->v[c].len)
		return 0;
	fp_ref_row_diag(x, DIAG_ERROR, c, "%s", msg);
	return -1;
}

/* The source text kept for a value: "source — licence" when both are given. */
static const char *source_text(struct fp_ref_rows *x, int src, int lic)
{
	buf_reset(&x->tmp);
	buf_adds(&x->tmp, x->v[src].ptr);
	if (x->v[src].len && x->v[lic].len)
		buf_adds(&x->tmp, " \xE2\x80\x94 ");
	buf_adds(&x->tmp, x->v[lic].ptr);
	return x->tmp.ptr;
}

static void set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

static const char *num(struct buf *b, double v)
{
	buf_reset(b);
	fmt_number_fr(b, v);
	return b->ptr;
}

/* ---- criteria: code;label;description;unit (French: nomCritere;description;unite) ---- */

enum { C_CODE, C_LABEL, C_UNIT, C_N };
static const struct fp_ref_col crit_cols[C_N] = {
	[C_CODE] = { { "code", "code", "code" }, 0, { NULL } },
	[C_LABEL] = { { "nomCritere", "label", "label" }, 0, { "libelle", "critere", NULL } },
	[C_UNIT] = { { "unite", "unit", "unit" }, 0, { NULL } },
};

static int crit_header(struct fp_ref_rows *x)
{
	if (x->map[C_CODE] >= 0 || x->map[C_LABEL] >= 0)
		return 0;
	diags_add(x->d, DIAG_ERROR, csv_name(x->csv), csv_line(x->csv),
		  x->cols[C_LABEL].names[x->dl], "colonne obligatoire absente de l'en-tête");
	return -1;
}

static void crit_row(struct fp_ref_rows *x)
{
	const char *code = x->v[C_CODE].ptr, *label = x->v[C_LABEL].ptr;
	if (!*code && !*label) {
		fp_ref_row_diag(x, DIAG_ERROR, x->map[C_LABEL] >= 0 ? C_LABEL : C_CODE,
				"critère sans code ni libellé");
		return;
	}
	int c = fp_ref_find_crit(x->r, *code ? code : label);
	if (c < 0 && *label)
		c = fp_ref_find_crit(x->r, label);
	if (c >= 0) {
		fp_ref_row_diag(x, DIAG_ERROR, *code ? C_CODE : C_LABEL,
				"critère déjà déclaré plus haut (%s)",
				fp_ref_crit(x->r, (size_t)c)->code);
		return;
	}
	if (fp_ref_add_crit(x->r, code, label, x->map[C_UNIT] >= 0 ? x->v[C_UNIT].ptr : NULL) < 0)
		fp_ref_row_diag(x, DIAG_ERROR, *code ? C_CODE : C_LABEL,
				"trop de critères : %d au plus", FP_MAX_CRIT);
}

/* ---- life-cycle steps: code;label (French: code;libelle) ---- */

enum { S_CODE, S_LABEL, S_N };
static const struct fp_ref_col step_cols[S_N] = {
	[S_CODE] = { { "code", "code", "code" }, 1, { NULL } },
	[S_LABEL] = { { "libelle", "label", "label" }, 0, { NULL } },
};

static void step_row(struct fp_ref_rows *x)
{
	enum fp_phase p;
	if (need(x, S_CODE, "code d'étape absent") == 0 && fp_phase_parse(x->v[S_CODE].ptr, &p) < 0)
		fp_ref_row_diag(x, DIAG_ERROR, S_CODE,
				"étape du cycle de vie inconnue : « %s » (attendu : FABRICATION, "
				"DISTRIBUTION, UTILISATION, FIN_DE_VIE ou MANUFACTURING, "
				"TRANSPORTATION, USING, END_OF_LIFE)",
				x->v[S_CODE].ptr);
}

/* ---- impact factors and electricity mixes ---- */

enum { F_NAME, F_PHASE, F_CRIT, F_CAT, F_KWH, F_LOC, F_VALUE, F_SOURCE, F_LICENCE, F_N };
static const struct fp_ref_col factor_cols[F_N] = {
	[F_NAME] = { { "nom", "name", "name" }, 1, { NULL } },
	[F_PHASE] = { { "etapeacv", "lifecycle_step", "lifecycleStep" }, 1, { "etape", NULL } },
	[F_CRIT] = { { "critere", "criterion", "criterion" }, 1, { NULL } },
	[F_CAT] = { { "categorie", "category", "category" }, 0, { NULL } },
	[F_KWH] = { { "consoElecMoyenne", "avg_electricity_consumption",
		      "avgElectricityConsumption" },
		    0,
		    { NULL } },
	[F_LOC] = { { "localisation", "location", "location" }, 0, { "pays", "country", NULL } },
	[F_VALUE] = { { "valeur", "value", "value" }, 1, { NULL } },
	[F_SOURCE] = { { "source", "source", "source" }, 0, { NULL } },
	[F_LICENCE] = { { "licence", "licence", "licence" }, 0, { "license", NULL } },
};

/* A row of an electricity mix: category electricity-mix, or an item named
 * "Electricity Mix XX" (older files leave the category empty). */
static int is_mix(struct fp_ref_rows *x)
{
	buf_reset(&x->tmp);
	fp_ref_key(x->v[F_CAT].ptr, 1, &x->tmp);
	if (!strcmp(x->tmp.ptr, "electricity mix"))
		return 1;
	buf_reset(&x->tmp);
	fp_ref_key(x->v[F_NAME].ptr, 1, &x->tmp);
	return !strncmp(x->tmp.ptr, "electricity mix", 15) &&
	       (x->tmp.ptr[15] == ' ' || !x->tmp.ptr[15]);
}

/* A criterion not declared in the criteria file: counted, reported at the end. */
static void undeclared(struct fp_ref_rows *x, const char *name)
{
	for (size_t i = 0; i < x->nundeclared; i++) {
		if (!strcmp(x->undeclared[i].name, name)) {
			x->undeclared[i].rows++;
			return;
		}
	}
	xgrow((void **)&x->undeclared, sizeof(*x->undeclared), x->nundeclared + 1,
	      &x->undeclared_cap);
	struct fp_ref_undeclared *u = &x->undeclared[x->nundeclared++];
	u->name = xstrdup(name);
	u->line = csv_line(x->csv);
	u->rows = 1;
}

/* The criterion of the row, added when there is no criteria file: a G4IT
 * code ("CLIMATE_CHANGE") or a label ("Climate change"). -1: skip the row. */
static int factor_crit(struct fp_ref_rows *x)
{
	const char *s = x->v[F_CRIT].ptr;
	int c = fp_ref_find_crit(x->r, s);
	if (c >= 0)
		return c;
	if (x->flags & FP_REF_CRIT_DECLARED) {
		undeclared(x, s);
		return -1;
	}
	int code = 1;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
			code = 0;
	c = fp_ref_add_crit(x->r, code ? s : NULL, code ? NULL : s, NULL);
	if (c < 0)
		fp_ref_row_diag(x, DIAG_ERROR, F_CRIT, "trop de critères : %d au plus",
				FP_MAX_CRIT);
	return c;
}

static void factor_mix(struct fp_ref_rows *x, int c, double v)
{
	struct fp_mix *m = fp_ref_mix_get(x->r, x->v[F_LOC].ptr);
	if (m->has[c] && m->f[c] != v) {
		struct buf a = BUF_INIT;
		fp_ref_row_diag(x, DIAG_ERROR, F_VALUE,
				"mix électrique « %s », critère %s : facteur en double (%s plus "
				"haut, %s ici)",
				m->country, fp_ref_crit(x->r, (size_t)c)->code, num(&a, m->f[c]),
				x->v[F_VALUE].ptr);
		buf_free(&a);
		return;
	}
	m->has[c] = 1;
	m->f[c] = v;
	if (!m->source[0])
		set_str(&m->source, source_text(x, F_SOURCE, F_LICENCE));
}

static void factor_item(struct fp_ref_rows *x, int c, enum fp_phase p, double v, int has_kwh,
			double kwh)
{
	struct fp_item *it = fp_ref_item_get(x->r, x->v[F_NAME].ptr);
	if (it->has[c][p] && it->f[c][p] != v) {
		struct buf a = BUF_INIT;
		fp_ref_row_diag(x, DIAG_ERROR, F_VALUE,
				"élément « %s », critère %s, étape %s : facteur en double (%s plus "
				"haut, %s ici)",
				it->name, fp_ref_crit(x->r, (size_t)c)->code, fp_phase_code(p),
				num(&a, it->f[c][p]), x->v[F_VALUE].ptr);
		buf_free(&a);
		return;
	}
	it->has[c][p] = 1;
	it->f[c][p] = v;
	if (!it->category[0] && x->v[F_CAT].len)
		set_str(&it->category, x->v[F_CAT].ptr);
	if (!it->has_avg_kwh && has_kwh) {
		it->has_avg_kwh = 1;
		it->avg_kwh = kwh;
	}
	if (!it->source[0])
		set_str(&it->source, source_text(x, F_SOURCE, F_LICENCE));
}

static void factor_row(struct fp_ref_rows *x)
{
	size_t errors = x->d->errors;
	int mix = is_mix(x);
	double v = 0, kwh = 0;
	enum fp_phase p = FP_FABRICATION;
	if (!mix)
		need(x, F_NAME, "nom de l'élément absent");
	need(x, F_CRIT, "critère absent");
	if (need(x, F_VALUE, "valeur absente") == 0)
		number(x, F_VALUE, &v);
	if (mix && need(x, F_LOC, "pays du mix électrique absent") < 0)
		return;
	if (!mix && need(x, F_PHASE, "étape du cycle de vie absente") == 0 &&
	    fp_phase_parse(x->v[F_PHASE].ptr, &p) < 0)
		fp_ref_row_diag(x, DIAG_ERROR, F_PHASE,
				"étape du cycle de vie inconnue : « %s » (attendu : FABRICATION, "
				"DISTRIBUTION, UTILISATION, FIN_DE_VIE ou MANUFACTURING, "
				"TRANSPORTATION, USING, END_OF_LIFE)",
				x->v[F_PHASE].ptr);
	int has_kwh = !mix && x->v[F_KWH].len > 0;
	if (has_kwh && number(x, F_KWH, &kwh) == 0 && kwh < 0)
		fp_ref_row_diag(x, DIAG_ERROR, F_KWH, "consommation négative : %s",
				x->v[F_KWH].ptr);
	if (x->d->errors > errors || !x->v[F_CRIT].len)
		return;
	int c = factor_crit(x);
	if (c < 0)
		return;
	if (mix)
		factor_mix(x, c, v);
	else
		factor_item(x, c, p, v, has_kwh, kwh);
}

static void factor_end(struct fp_ref_rows *x)
{
	for (size_t i = 0; i < x->nundeclared; i++) {
		const struct fp_ref_undeclared *u = &x->undeclared[i];
		diags_add(x->d, DIAG_WARNING, csv_name(x->csv), u->line, fp_ref_col_name(x, F_CRIT),
			  "critère « %s » absent de %s : %zu ligne%s ignorée%s", u->name,
			  fp_ref_file_name(x->dl, FP_REF_CRITERIA), u->rows, u->rows > 1 ? "s" : "",
			  u->rows > 1 ? "s" : "");
	}
}

/* ---- item types ---- */

enum { T_TYPE, T_SERVER, T_LIFE, T_ITEM, T_SOURCE, T_LICENCE, T_N };
static const struct fp_ref_col type_cols[T_N] = {
	[T_TYPE] = { { "type", "type", "type" }, 1, { NULL } },
	[T_SERVER] = { { "serveur", "is_server", "isServer" }, 0, { "server", NULL } },
	[T_LIFE] = { { "dureeVieDefaut", "default_lifespan", "defaultLifespan" }, 0, { NULL } },
	[T_ITEM] = { { "refItemParDefaut", "ref_default_item", "refDefaultItem" },
		     0,
		     { "refEquipementParDefaut", NULL } },
	[T_SOURCE] = { { "source", "source", "source" }, 0, { NULL } },
	[T_LICENCE] = { { "licence", "licence", "licence" }, 0, { "license", NULL } },
};

static void type_row(struct fp_ref_rows *x)
{
	size_t errors = x->d->errors;
	int server = 0;
	double life = 0;
	if (need(x, T_TYPE, "type absent") < 0)
		return;
	if (x->v[T_SERVER].len && parse_bool(x->v[T_SERVER].ptr, &server, &x->err) < 0)
		fp_ref_row_diag(x, DIAG_ERROR, T_SERVER, "%s", x->err.msg.ptr);
	if (x->v[T_LIFE].len && number(x, T_LIFE, &life) == 0 && !(life > 0))
		fp_ref_row_diag(x, DIAG_ERROR, T_LIFE,
				"durée de vie par défaut : nombre d'années positif attendu, pas %s",
				x->v[T_LIFE].ptr);
	if (fp_ref_type(x->r, x->v[T_TYPE].ptr))
		fp_ref_row_diag(x, DIAG_ERROR, T_TYPE, "type « %s » déjà défini plus haut",
				x->v[T_TYPE].ptr);
	if (x->d->errors > errors)
		return;
	const char *item = x->v[T_ITEM].ptr;
	if (*item && fp_ref_nitems(x->r) > 0 && !fp_ref_item(x->r, item))
		fp_ref_row_diag(x, DIAG_WARNING, T_ITEM,
				"élément de référence « %s » absent des facteurs d'impact", item);
	struct fp_item_type *t = fp_ref_type_get(x->r, x->v[T_TYPE].ptr);
	t->is_server = server;
	t->has_lifespan = x->v[T_LIFE].len > 0;
	t->lifespan = life;
	set_str(&t->default_item, item);
	set_str(&t->source, source_text(x, T_SOURCE, T_LICENCE));
}

/* ---- model → item matching ---- */

enum { M_MODEL, M_ITEM, M_N };
static const struct fp_ref_col match_cols[M_N] = {
	[M_MODEL] = { { "modeleEquipementSource", "item_source", "itemSource" }, 1, { NULL } },
	[M_ITEM] = { { "refEquipementCible", "ref_item_target", "refItemTarget" }, 1, { NULL } },
};

static void match_row(struct fp_ref_rows *x)
{
	size_t errors = x->d->errors;
	need(x, M_MODEL, "modèle absent");
	need(x, M_ITEM, "élément de référence absent");
	if (x->d->errors > errors)
		return;
	const char *model = x->v[M_MODEL].ptr, *item = x->v[M_ITEM].ptr;
	const char *had = fp_ref_match(x->r, model);
	if (had && strcmp(had, item)) {
		fp_ref_row_diag(x, DIAG_ERROR, M_ITEM,
				"modèle « %s » déjà associé plus haut à « %s »", model, had);
		return;
	}
	if (fp_ref_nitems(x->r) > 0 && !fp_ref_item(x->r, item))
		fp_ref_row_diag(x, DIAG_WARNING, M_ITEM,
				"élément de référence « %s » absent des facteurs d'impact", item);
	fp_ref_set_match(x->r, model, item);
}

/* ---- hypotheses ---- */

enum { H_KEY, H_VALUE, H_SOURCE, H_LICENCE, H_N };
static const struct fp_ref_col hyp_cols[H_N] = {
	[H_KEY] = { { "cle", "code", "code" }, 1, { "key", NULL } },
	[H_VALUE] = { { "valeur", "value", "value" }, 1, { NULL } },
	[H_SOURCE] = { { "source", "source", "source" }, 0, { NULL } },
	[H_LICENCE] = { { "licence", "licence", "licence" }, 0, { "license", NULL } },
};

static void hyp_row(struct fp_ref_rows *x)
{
	size_t errors = x->d->errors;
	double v = 0, had;
	need(x, H_KEY, "clé de l'hypothèse absente");
	if (need(x, H_VALUE, "valeur absente") == 0)
		number(x, H_VALUE, &v);
	if (x->d->errors > errors)
		return;
	const char *key = x->v[H_KEY].ptr;
	if (fp_ref_hyp(x->r, key, &had) && had != v) {
		struct buf a = BUF_INIT;
		fp_ref_row_diag(x, DIAG_ERROR, H_VALUE,
				"hypothèse « %s » en double (%s plus haut, %s ici)", key,
				num(&a, had), x->v[H_VALUE].ptr);
		buf_free(&a);
		return;
	}
	fp_ref_set_hyp(x->r, key, v, source_text(x, H_SOURCE, H_LICENCE));
}

static const struct fp_ref_kind kinds[FP_REF_NFILES] = {
	[FP_REF_CRITERIA] = { crit_cols, C_N, crit_header, crit_row, NULL },
	[FP_REF_STEPS] = { step_cols, S_N, NULL, step_row, NULL },
	[FP_REF_FACTORS] = { factor_cols, F_N, NULL, factor_row, factor_end },
	[FP_REF_TYPES] = { type_cols, T_N, NULL, type_row, NULL },
	[FP_REF_MATCHING] = { match_cols, M_N, NULL, match_row, NULL },
	[FP_REF_HYPOTHESES] = { hyp_cols, H_N, NULL, hyp_row, NULL },
};

const struct fp_ref_kind *fp_ref_kind(enum fp_ref_file f)
{
	return &kinds[f];
}
