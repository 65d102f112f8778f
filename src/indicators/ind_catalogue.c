/* ind_catalogue.c: indicator definitions — life cycle, look-up, checks and
 * targets (see ind.h; the CSV form is in ind_catalogue_csv.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "indicators/ind.h"
#include "indicators/ind_int.h"
#include "io/parse.h"

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

void ind_def_free(struct ind_def *d)
{
	if (!d)
		return;
	free(d->code);
	free(d->label);
	free(d->definition);
	free(d->unit);
	free(d->weight_code);
	free(d->source);
	free(d->targets);
	memset(d, 0, sizeof(*d));
}

void ind_def_copy(struct ind_def *dst, const struct ind_def *src)
{
	*dst = *src;
	dst->code = dup_or_empty(src->code);
	dst->label = dup_or_empty(src->label);
	dst->definition = dup_or_empty(src->definition);
	dst->unit = dup_or_empty(src->unit);
	dst->weight_code = dup_or_empty(src->weight_code);
	dst->source = dup_or_empty(src->source);
	dst->targets = NULL;
	if (src->ntargets) {
		dst->targets = xmalloc(src->ntargets * sizeof(*dst->targets));
		memcpy(dst->targets, src->targets, src->ntargets * sizeof(*dst->targets));
	}
}

void ind_catalogue_free(struct ind_catalogue *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		ind_def_free(&c->items[i]);
	free(c->items);
	memset(c, 0, sizeof(*c));
}

long ind_catalogue_find(const struct ind_catalogue *c, const char *code)
{
	if (!c || !code)
		return -1;
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].code && strcmp(c->items[i].code, code) == 0)
			return (long)i;
	return -1;
}

int ind_code_valid(const char *s)
{
	size_t n = 0;
	if (!s || !*s)
		return 0;
	for (; s[n]; n++) {
		char ch = s[n];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
			return 0;
	}
	return n <= IND_CODE_MAX;
}

/* Appends v in the canonical French form to b. */
static void add_num(struct buf *b, double v)
{
	fmt_number_fr(b, v);
}

/* Reports one problem (formatted into tmp) through fn. */
#define PROBLEM(col, ...)                    \
	do {                                 \
		buf_reset(&tmp);             \
		buf_addf(&tmp, __VA_ARGS__); \
		fn(ctx, (col), tmp.ptr);     \
		count++;                     \
	} while (0)

static int blank(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == 0;
}

int ind_def_problems(const struct ind_def *d, ind_problem_fn fn, void *ctx)
{
	struct buf tmp = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	int count = 0;

	if (blank(d->code))
		PROBLEM(IND_COL_CODE, "code manquant");
	else if (!ind_code_valid(d->code))
		PROBLEM(IND_COL_CODE,
			"code « %s » invalide (lettres minuscules sans accent, chiffres et _, "
			"%d caractères au plus)",
			d->code, IND_CODE_MAX);
	if (blank(d->label))
		PROBLEM(IND_COL_LABEL, "libellé manquant");
	if (blank(d->unit))
		PROBLEM(IND_COL_UNIT, "unité manquante");
	if ((unsigned)d->theme >= (unsigned)THEME_COUNT)
		PROBLEM(IND_COL_THEME, "thème invalide");
	if ((unsigned)d->kind >= (unsigned)IND_KIND_N)
		PROBLEM(IND_COL_KIND, "nature invalide");
	if ((unsigned)d->rule >= (unsigned)IND_RULE_N)
		PROBLEM(IND_COL_RULE, "consolidation invalide");
	if ((unsigned)d->better >= (unsigned)IND_BETTER_N)
		PROBLEM(IND_COL_BETTER, "sens invalide");
	if ((unsigned)d->calc >= (unsigned)IND_CALC_N)
		PROBLEM(IND_COL_CALC, "calcul invalide");

	if (d->has_min && !isfinite(d->min))
		PROBLEM(IND_COL_MIN, "minimum non fini");
	if (d->has_max && !isfinite(d->max))
		PROBLEM(IND_COL_MAX, "maximum non fini");
	if (d->has_min && d->has_max && d->min > d->max) {
		buf_reset(&a);
		buf_reset(&b);
		add_num(&a, d->min);
		add_num(&b, d->max);
		PROBLEM(IND_COL_MAX, "minimum (%s) supérieur au maximum (%s)", a.ptr, b.ptr);
	}
	if (d->kind == IND_KIND_SHARE) {
		if (d->has_min && d->min < 0) {
			buf_reset(&a);
			add_num(&a, d->min);
			PROBLEM(IND_COL_MIN, "une part ne peut pas descendre sous 0 (minimum %s)",
				a.ptr);
		}
		if (d->has_max && d->max > 100) {
			buf_reset(&a);
			add_num(&a, d->max);
			PROBLEM(IND_COL_MAX, "une part ne peut pas dépasser 100 (maximum %s)",
				a.ptr);
		}
	}
	if (d->rule == IND_RULE_SUM && (d->kind == IND_KIND_SHARE || d->kind == IND_KIND_RATIO))
		PROBLEM(IND_COL_RULE,
			"%s entre ministères (consolidation somme) : choisir "
			"moyenne_ponderee, moyenne, min ou max",
			d->kind == IND_KIND_SHARE ? "une part ne peut pas être additionnée"
						  : "un ratio ne peut pas être additionné");
	if (d->rule == IND_RULE_WMEAN) {
		if (blank(d->weight_code))
			PROBLEM(IND_COL_WEIGHT,
				"pondération manquante : une moyenne pondérée nomme l'indicateur "
				"qui pondère");
		else if (!ind_code_valid(d->weight_code))
			PROBLEM(IND_COL_WEIGHT, "code de pondération « %s » invalide",
				d->weight_code);
		else if (d->code && strcmp(d->weight_code, d->code) == 0)
			PROBLEM(IND_COL_WEIGHT,
				"un indicateur ne peut pas être pondéré par lui-même");
	} else if (!blank(d->weight_code)) {
		PROBLEM(IND_COL_WEIGHT,
			"pondération « %s » donnée alors que la consolidation n'est pas "
			"moyenne_ponderee",
			d->weight_code);
	}

	for (size_t i = 0; i < d->ntargets; i++) {
		const struct ind_target *t = &d->targets[i];
		buf_reset(&a);
		add_num(&a, t->value);
		if (t->year < IND_YEAR_MIN || t->year > IND_YEAR_MAX)
			PROBLEM(IND_COL_TARGETS, "cible %d : année hors de %d–%d", t->year,
				IND_YEAR_MIN, IND_YEAR_MAX);
		if (!isfinite(t->value)) {
			PROBLEM(IND_COL_TARGETS, "cible %d : valeur non finie", t->year);
			continue;
		}
		if (d->has_min && t->value < d->min) {
			buf_reset(&b);
			add_num(&b, d->min);
			PROBLEM(IND_COL_TARGETS, "cible %d=%s inférieure au minimum (%s)", t->year,
				a.ptr, b.ptr);
		}
		if (d->has_max && t->value > d->max) {
			buf_reset(&b);
			add_num(&b, d->max);
			PROBLEM(IND_COL_TARGETS, "cible %d=%s supérieure au maximum (%s)", t->year,
				a.ptr, b.ptr);
		}
		for (size_t j = 0; j < i; j++) {
			if (d->targets[j].year == t->year) {
				PROBLEM(IND_COL_TARGETS, "cible de l'année %d donnée deux fois",
					t->year);
				break;
			}
		}
	}
	buf_free(&tmp);
	buf_free(&a);
	buf_free(&b);
	return count;
}

static void join_problem(void *ctx, enum ind_cat_col col, const char *msg)
{
	struct buf *why = ctx;
	(void)col;
	if (why->len)
		buf_adds(why, "; ");
	buf_adds(why, msg);
}

int ind_def_check(const struct ind_def *d, struct buf *why)
{
	struct buf local = BUF_INIT;
	struct buf *w = why ? why : &local;
	int n = ind_def_problems(d, join_problem, w);
	buf_free(&local);
	return n ? -1 : 0;
}

int ind_catalogue_check(const struct ind_catalogue *c, const char *name, struct diags *d)
{
	size_t before = d->errors;
	const char *file = name ? name : "";
	for (size_t i = 0; i < c->n; i++) {
		const struct ind_def *x = &c->items[i];
		for (size_t j = 0; j < i; j++) {
			if (x->code && c->items[j].code && strcmp(x->code, c->items[j].code) == 0) {
				diags_add(d, DIAG_ERROR, file, 0, "Code",
					  "code « %s » en double dans le catalogue", x->code);
				break;
			}
		}
		if (x->rule != IND_RULE_WMEAN || blank(x->weight_code))
			continue;
		long w = ind_catalogue_find(c, x->weight_code);
		if (w < 0)
			diags_add(d, DIAG_ERROR, file, 0, "Pondération",
				  "%s : pondération « %s » absente du catalogue", x->code,
				  x->weight_code);
		else if (c->items[w].rule == IND_RULE_WMEAN)
			diags_add(d, DIAG_ERROR, file, 0, "Pondération",
				  "%s : pondération « %s » elle-même pondérée (une pondération "
				  "doit être une valeur simple)",
				  x->code, x->weight_code);
	}
	return d->errors > before ? -1 : 0;
}

/* ---- targets ---- */

static int target_cmp(const void *a, const void *b)
{
	const struct ind_target *x = a, *y = b;
	return (x->year > y->year) - (x->year < y->year);
}

/* Parses a year: 1 to 9 digits, nothing else. */
static int parse_year_digits(const char *s, size_t n, int *year)
{
	long v = 0;
	if (n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*year = (int)v;
	return 0;
}

static void trim_span(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

int ind_targets_parse(const char *s, struct ind_target **out, size_t *n, struct err *err)
{
	struct ind_target *items = NULL;
	size_t count = 0, cap = 0;
	struct buf num = BUF_INIT;
	struct err e = ERR_INIT;
	*out = NULL;
	*n = 0;
	if (!s || blank(s))
		return 0;
	const char *p = s;
	for (;;) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *item = p;
		size_t ilen = len;
		trim_span(&item, &ilen);
		if (ilen == 0) {
			err_set(err,
				"cible vide dans « %s » (attendu : ANNÉE=VALEUR séparées par |, "
				"par exemple 2023=25|2025=50)",
				s);
			goto fail;
		}
		const char *eq = memchr(item, '=', ilen);
		if (!eq) {
			err_set(err,
				"cible « %.*s » sans « = » (attendu : ANNÉE=VALEUR, par exemple "
				"2025=50)",
				(int)ilen, item);
			goto fail;
		}
		const char *ys = item;
		size_t ylen = (size_t)(eq - item);
		trim_span(&ys, &ylen);
		int year;
		if (parse_year_digits(ys, ylen, &year)) {
			err_set(err, "cible « %.*s » : année « %.*s » invalide", (int)ilen, item,
				(int)ylen, ys);
			goto fail;
		}
		buf_reset(&num);
		buf_add(&num, eq + 1, ilen - (size_t)(eq + 1 - item));
		buf_trim(&num);
		double v;
		if (!num.len) {
			err_set(err, "cible « %.*s » : valeur manquante", (int)ilen, item);
			goto fail;
		}
		if (parse_number(num.ptr, &v, &e)) {
			err_set(err, "cible « %.*s » : %s", (int)ilen, item, e.msg.ptr);
			goto fail;
		}
		xgrow((void **)&items, sizeof(*items), count + 1, &cap);
		items[count].year = year;
		items[count].value = v;
		count++;
		if (!end)
			break;
		p = end + 1;
	}
	if (count > 1)
		qsort(items, count, sizeof(*items), target_cmp);
	*out = items;
	*n = count;
	buf_free(&num);
	err_free(&e);
	return 0;
fail:
	free(items);
	buf_free(&num);
	err_free(&e);
	return -1;
}

void ind_targets_write(const struct ind_target *t, size_t n, struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(out, '|');
		buf_addf(out, "%d=", t[i].year);
		fmt_number_fr(out, t[i].value);
	}
}

int ind_target_for(const struct ind_def *d, int year, double *value)
{
	int found = 0;
	for (size_t i = 0; i < d->ntargets; i++) {
		if (d->targets[i].year > year)
			break;
		*value = d->targets[i].value;
		found = 1;
	}
	return found;
}
