/* ind_codes.c: codes, French labels and parsing of the indicator
 * enumerations, and the collection state machine (see ind.h). */
#include "indicators/ind.h"

#include <string.h>

#include "core/vocab.h"

/* clang-format off */
static const struct vocab kinds[IND_KIND_N] = {
	{ "nombre", "Nombre", "compte" },
	{ "part", "Part (%)", "pourcentage" },
	{ "montant", "Montant", NULL },
	{ "ratio", "Ratio", NULL },
};

static const struct vocab rules[IND_RULE_N] = {
	{ "somme", "Somme", "total" },
	{ "moyenne_ponderee", "Moyenne pondérée", "moyenne ponderee par" },
	{ "moyenne", "Moyenne", "moyenne simple" },
	{ "min", "Minimum", "plus petite valeur" },
	{ "max", "Maximum", "plus grande valeur" },
};

static const struct vocab betters[IND_BETTER_N] = {
	{ "hausse", "À la hausse", "croissant" },
	{ "baisse", "À la baisse", "decroissant" },
};

static const struct vocab calcs[IND_CALC_N] = {
	{ "", "saisi par le ministère", NULL },
	{ "part_actions_realisees",
	  "calculé par numeco depuis la feuille de route de l'année (part des actions réalisées)",
	  NULL },
	{ "actions_cles",
	  "calculé par numeco depuis la feuille de route de l'année (nombre d'actions clés)",
	  NULL },
	{ "empreinte_parc",
	  "calculé par numeco depuis les évaluations d'empreinte de l'année (changement "
	  "climatique, tCO2e)",
	  NULL },
	{ "postes_de_travail",
	  "calculé par numeco depuis l'inventaire des évaluations d'empreinte de l'année "
	  "(postes de travail)",
	  NULL },
	{ "services_evalues",
	  "calculé par numeco depuis le registre des services (services ayant une évaluation "
	  "RGESN complète datée de l'année ou d'avant)",
	  NULL },
};

static const struct vocab states[IND_STATE_N] = {
	{ "brouillon", "Brouillon", NULL },
	{ "soumis", "Soumis", "soumise" },
	{ "valide", "Validé", "validee" },
};
/* clang-format on */

VOCAB_FUNCS(ind_kind, enum ind_kind, kinds, IND_KIND_N)
VOCAB_FUNCS(ind_rule, enum ind_rule, rules, IND_RULE_N)
VOCAB_FUNCS(ind_better, enum ind_better, betters, IND_BETTER_N)
VOCAB_FUNCS(ind_state, enum ind_state, states, IND_STATE_N)

const char *ind_calc_code(enum ind_calc c)
{
	return (unsigned)c < (unsigned)IND_CALC_N ? calcs[c].code : "?";
}

const char *ind_calc_label(enum ind_calc c)
{
	return (unsigned)c < (unsigned)IND_CALC_N ? calcs[c].label : "?";
}

int ind_calc_parse(const char *s, enum ind_calc *out)
{
	if (!s)
		return -1;
	/* "" (or only white space) is NONE. */
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p) {
		*out = IND_CALC_NONE;
		return 0;
	}
	int i = vocab_find(calcs + 1, IND_CALC_N - 1, s);
	if (i < 0)
		return -1;
	*out = (enum ind_calc)(i + 1);
	return 0;
}

int ind_state_can_move(enum ind_state from, enum ind_state to)
{
	switch (from) {
	case IND_STATE_BROUILLON: return to == IND_STATE_SOUMIS;
	case IND_STATE_SOUMIS: return to == IND_STATE_BROUILLON || to == IND_STATE_VALIDE;
	case IND_STATE_VALIDE: return to == IND_STATE_BROUILLON;
	default: return 0;
	}
}
