/* model.c: codes, French labels and parsing of the domain enumerations, and
 * the action struct's life cycle (see model.h). */
#include "core/model.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/vocab.h"
#include "core/xalloc.h"

/* clang-format off: one entry per line reads best */
static const struct vocab themes[THEME_COUNT] = {
	{ "strategie", "Stratégie et gouvernance", "strategie" },
	{ "sensibilisation", "Sensibilisation et formation", "formation" },
	{ "achats", "Achats", "achat" },
	{ "conception", "Conception de services numériques", "ecoconception" },
	{ "datacenter", "Salles serveurs et centres de données", "centres de donnees" },
	{ "usage", "Phase d'usage", "usages" },
	{ "fin_de_vie", "Fin d'usage", "fin de vie" },
};

static const struct vocab levels[LEVEL_COUNT] = {
	{ "reflexion", "Réflexion", NULL },
	{ "experimentation", "Expérimentation", NULL },
	{ "realisation", "Réalisation", NULL },
};

static const struct vocab statuses[STATUS_COUNT] = {
	{ "a_lancer", "À lancer", "non demarree" },  { "en_cours", "En cours", NULL },
	{ "realisee", "Réalisée", "realise" },	     { "reportee", "Reportée", "reporte" },
	{ "abandonnee", "Abandonnée", "abandonne" },
};

static const struct vocab roles[ROLE_COUNT] = {
	{ "admin", "Administrateur", "administratrice" },
	{ "referent", "Référent", "referente" },
	{ "correspondant", "Correspondant", "correspondante" },
	{ "lecteur", "Lecteur", "lectrice" },
};

static const struct vocab rstates[RSTATE_COUNT] = {
	{ "brouillon", "Brouillon", NULL },
	{ "soumise", "Soumise", "soumis" },
	{ "relue", "Relue", "relu" },
	{ "validee", "Validée", "valide" },
};

static const struct vocab org_kinds[ORG_KIND_COUNT] = {
	{ "ministere", "Ministère", NULL },
	{ "direction", "Direction", NULL },
	{ "service", "Service", NULL },
	{ "mission", "Mission interministérielle", NULL },
};

static const struct vocab rkinds[RKIND_COUNT] = {
	{ "recommandation", "Recommandation", NULL },
	{ "commentaire", "Commentaire", NULL },
};

static const struct vocab iunits[IUNIT_COUNT] = {
	{ "kgCO2e", "kgCO2e", "kg co2 eq" },
	{ "tCO2e", "tCO2e", "t co2 eq" },
	{ "kWh", "kWh", NULL },
	{ "MWh", "MWh", NULL },
};

/* clang-format on */

VOCAB_FUNCS(theme, enum theme, themes, THEME_COUNT)
VOCAB_FUNCS(level, enum level, levels, LEVEL_COUNT)
VOCAB_FUNCS(status, enum status, statuses, STATUS_COUNT)
VOCAB_FUNCS(role, enum role, roles, ROLE_COUNT)
VOCAB_FUNCS(rstate, enum rstate, rstates, RSTATE_COUNT)
VOCAB_FUNCS(org_kind, enum org_kind, org_kinds, ORG_KIND_COUNT)
VOCAB_FUNCS(rkind, enum rkind, rkinds, RKIND_COUNT)

const char *iunit_code(enum iunit u)
{
	return ((unsigned)u < IUNIT_COUNT) ? iunits[u].code : "?";
}

/* Folds s for unit matching: like text_fold, then without spaces, so that
 * "t CO2e", "T CO2 E" and "tCO2e" are one unit (docs/formats/roadmap.md). */
static void unit_fold(const char *s, struct buf *out)
{
	buf_reset(out);
	text_fold(s, out);
	size_t j = 0;
	for (size_t i = 0; i < out->len; i++)
		if (out->ptr[i] != ' ')
			out->ptr[j++] = out->ptr[i];
	buf_truncate(out, j);
}

int iunit_parse(const char *s, enum iunit *out)
{
	int i = vocab_find(iunits, IUNIT_COUNT, s);
	if (i < 0) {
		struct buf fs = BUF_INIT, fv = BUF_INIT;
		unit_fold(s, &fs);
		for (int u = 0; u < IUNIT_COUNT && i < 0 && fs.len; u++) {
			const char *cands[2] = { iunits[u].code, iunits[u].alias };
			for (int j = 0; j < 2 && i < 0; j++) {
				if (!cands[j])
					continue;
				unit_fold(cands[j], &fv);
				if (strcmp(fs.ptr, fv.ptr) == 0)
					i = u;
			}
		}
		buf_free(&fs);
		buf_free(&fv);
	}
	if (i < 0)
		return -1;
	*out = (enum iunit)i;
	return 0;
}

int iunit_is_ghg(enum iunit u)
{
	return u == IUNIT_KGCO2E || u == IUNIT_TCO2E;
}

double iunit_to_report(enum iunit u, double v)
{
	switch (u) {
	case IUNIT_KGCO2E:
	case IUNIT_KWH: return v / 1000.0;
	default: return v;
	}
}

int rstate_can_move(enum rstate from, enum rstate to)
{
	switch (from) {
	case RSTATE_BROUILLON: return to == RSTATE_SOUMISE;
	case RSTATE_SOUMISE: return to == RSTATE_BROUILLON || to == RSTATE_RELUE;
	case RSTATE_RELUE: return to == RSTATE_BROUILLON || to == RSTATE_VALIDEE;
	case RSTATE_VALIDEE: return to == RSTATE_BROUILLON;
	default: return 0;
	}
}

static int parse_year(const char *s, size_t n, int *out)
{
	if (n != 4)
		return -1;
	int y = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 2000 || y > 2100)
		return -1;
	*out = y;
	return 0;
}

int period_parse(const char *s, int *first, int *last)
{
	const char *dash = strchr(s, '-');
	if (!dash) {
		if (parse_year(s, strlen(s), first))
			return -1;
		*last = *first;
		return 0;
	}
	if (parse_year(s, (size_t)(dash - s), first) ||
	    parse_year(dash + 1, strlen(dash + 1), last))
		return -1;
	return *last > *first ? 0 : -1;
}

void action_init(struct action *a)
{
	memset(a, 0, sizeof(*a));
	a->ref = xstrdup("");
	a->title = xstrdup("");
	a->description = xstrdup("");
	a->direction = xstrdup("");
	a->start_date = xstrdup("");
	a->due_date = xstrdup("");
	a->indicator = xstrdup("");
	a->impact_method = xstrdup("");
	a->comment = xstrdup("");
}

void action_free(struct action *a)
{
	free(a->ref);
	free(a->title);
	free(a->description);
	free(a->direction);
	free(a->start_date);
	free(a->due_date);
	free(a->indicator);
	free(a->impact_method);
	free(a->comment);
	memset(a, 0, sizeof(*a));
}

void action_copy(struct action *dst, const struct action *src)
{
	*dst = *src;
	dst->ref = xstrdup(src->ref);
	dst->title = xstrdup(src->title);
	dst->description = xstrdup(src->description);
	dst->direction = xstrdup(src->direction);
	dst->start_date = xstrdup(src->start_date);
	dst->due_date = xstrdup(src->due_date);
	dst->indicator = xstrdup(src->indicator);
	dst->impact_method = xstrdup(src->impact_method);
	dst->comment = xstrdup(src->comment);
}

int action_equal(const struct action *a, const struct action *b)
{
	return strcmp(a->ref, b->ref) == 0 && strcmp(a->title, b->title) == 0 &&
	       strcmp(a->description, b->description) == 0 && a->theme == b->theme &&
	       a->level == b->level && a->status == b->status && a->key == b->key &&
	       strcmp(a->direction, b->direction) == 0 &&
	       strcmp(a->start_date, b->start_date) == 0 && strcmp(a->due_date, b->due_date) == 0 &&
	       a->has_budget == b->has_budget &&
	       (!a->has_budget || a->budget_cents == b->budget_cents) &&
	       strcmp(a->indicator, b->indicator) == 0 && a->has_impact == b->has_impact &&
	       (!a->has_impact ||
		(a->impact_value == b->impact_value && a->impact_unit == b->impact_unit)) &&
	       strcmp(a->impact_method, b->impact_method) == 0 &&
	       strcmp(a->comment, b->comment) == 0;
}
