/* model.h: the domain vocabulary of numeco (themes, engagement levels, action
 * statuses, roles, roadmap states, organisation kinds) and the plain structs
 * that flow between parsing, the store, computation and rendering.
 *
 * Every enumeration has a stable code (stored in the database and written in
 * exports) and a French label (shown to users). model_*_parse accepts either,
 * in any case, with or without accents (see text_fold in core/text.h).
 */
#ifndef NUMECO_MODEL_H
#define NUMECO_MODEL_H

#include <stdint.h>

enum theme {
	THEME_STRATEGIE,
	THEME_SENSIBILISATION,
	THEME_ACHATS,
	THEME_CONCEPTION,
	THEME_DATACENTER,
	THEME_USAGE,
	THEME_FIN_DE_VIE,
	THEME_COUNT
};

/* Target engagement level of an action, in increasing order of commitment. */
enum level { LEVEL_REFLEXION, LEVEL_EXPERIMENTATION, LEVEL_REALISATION, LEVEL_COUNT };

/* Progress status of an action. */
enum status {
	STATUS_A_LANCER,
	STATUS_EN_COURS,
	STATUS_REALISEE,
	STATUS_REPORTEE,
	STATUS_ABANDONNEE,
	STATUS_COUNT
};

enum role { ROLE_ADMIN, ROLE_REFERENT, ROLE_CORRESPONDANT, ROLE_LECTEUR, ROLE_COUNT };

/* Review state of a roadmap. */
enum rstate { RSTATE_BROUILLON, RSTATE_SOUMISE, RSTATE_RELUE, RSTATE_VALIDEE, RSTATE_COUNT };

enum org_kind {
	ORG_MINISTERE,
	ORG_DIRECTION,
	ORG_SERVICE,
	ORG_MISSION, /* the central interministerial team */
	ORG_KIND_COUNT
};

/* Kind of a review entry. */
enum rkind { RKIND_RECOMMANDATION, RKIND_COMMENTAIRE, RKIND_COUNT };

/* Units an avoided-impact estimate may be given in. Values are stored as given
 * (value + unit) and converted for totals: GHG units to tCO2e, energy to MWh. */
enum iunit { IUNIT_KGCO2E, IUNIT_TCO2E, IUNIT_KWH, IUNIT_MWH, IUNIT_COUNT };

const char *theme_code(enum theme t);
const char *theme_label(enum theme t);
int theme_parse(const char *s, enum theme *out); /* 0 ok, -1 unknown */

const char *level_code(enum level l);
const char *level_label(enum level l);
int level_parse(const char *s, enum level *out);

const char *status_code(enum status s);
const char *status_label(enum status s);
int status_parse(const char *s, enum status *out);

const char *role_code(enum role r);
const char *role_label(enum role r);
int role_parse(const char *s, enum role *out);

const char *rstate_code(enum rstate s);
const char *rstate_label(enum rstate s);
int rstate_parse(const char *s, enum rstate *out);
/* 1 when a roadmap may go from one state to the other (see docs/ARCHITECTURE.md):
 * brouillon→soumise, soumise→brouillon|relue, relue→brouillon|validee, validee→brouillon. */
int rstate_can_move(enum rstate from, enum rstate to);

const char *org_kind_code(enum org_kind k);
const char *org_kind_label(enum org_kind k);
int org_kind_parse(const char *s, enum org_kind *out);

const char *rkind_code(enum rkind k);
const char *rkind_label(enum rkind k);
int rkind_parse(const char *s, enum rkind *out);

const char *iunit_code(enum iunit u);
int iunit_parse(const char *s, enum iunit *out);
/* 1 for kgCO2e/tCO2e, 0 for energy units. */
int iunit_is_ghg(enum iunit u);
/* Converts to the family's reporting unit: tCO2e for GHG, MWh for energy. */
double iunit_to_report(enum iunit u, double v);

/* A period is a year ("2022") or a range of years ("2023-2025").
 * Returns 0 and fills first/last (first == last for a single year), or -1. */
int period_parse(const char *s, int *first, int *last);

/* One action of a roadmap, as imported, stored and exported. Strings are
 * owned by the struct (free with action_free); optional text fields are ""
 * when absent, never NULL, once the struct is filled by a parser or the store. */
struct action {
	int64_t id;	 /* store id, 0 before storing */
	int64_t version; /* optimistic-locking counter kept by the store */
	char *ref;	 /* Référence: unique within a roadmap */
	char *title;
	char *description;
	enum theme theme;
	enum level level;
	enum status status;
	int key;	  /* action clé */
	char *direction;  /* code of the owning direction, "" if none */
	char *start_date; /* ISO AAAA-MM-JJ or "" */
	char *due_date;	  /* ISO AAAA-MM-JJ or "" */
	int has_budget;
	int64_t budget_cents;
	char *indicator;
	int has_impact;
	double impact_value;
	enum iunit impact_unit;
	char *impact_method;
	char *comment;
};

void action_init(struct action *a); /* all strings "", numbers 0 */
void action_free(struct action *a);
void action_copy(struct action *dst, const struct action *src);
/* 1 when every user-visible field is equal (id and version ignored). */
int action_equal(const struct action *a, const struct action *b);

#endif
