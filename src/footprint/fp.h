/* fp.h: footprint evaluation of IT inventories (NumEcoEval-compatible):
 * the shared vocabulary and plain structs of src/footprint/.
 *
 * Data flows one way: inventory readers (fp_inventory.h) and referential
 * loaders (fp_ref.h) parse files into these structs; the evaluation
 * (fp_eval.h) is pure computation over them; aggregation and writers
 * (fp_output.h) render results. Formulas: docs/formulas.md.
 */
#ifndef NUMECO_FP_H
#define NUMECO_FP_H

#include <stddef.h>

/* Life-cycle phases, in NumEcoEval order. */
enum fp_phase {
	FP_FABRICATION,  /* MANUFACTURING */
	FP_DISTRIBUTION, /* TRANSPORTATION */
	FP_UTILISATION,  /* USING */
	FP_FIN_DE_VIE,   /* END_OF_LIFE */
	FP_PHASE_COUNT
};

/* At most this many impact criteria in one referential (NumEcoEval has 12). */
#define FP_MAX_CRIT 16

const char *fp_phase_code(enum fp_phase p);  /* FABRICATION, DISTRIBUTION, … */
const char *fp_phase_label(enum fp_phase p); /* Fabrication, Distribution, Utilisation, Fin de vie */
/* Accepts both vocabularies (FABRICATION/MANUFACTURING, DISTRIBUTION/
 * TRANSPORTATION, UTILISATION/USING, FIN_DE_VIE/END_OF_LIFE), any case. */
int fp_phase_parse(const char *s, enum fp_phase *out);

/* Status of one computed indicator: NumEcoEval's OK / ERREUR. */
enum fp_status { FP_OK, FP_ERREUR };

/* Lifespan mode (option --lifespan). */
enum fp_lifespan_mode { FP_LIFESPAN_REAL, FP_LIFESPAN_FIXED };

#endif
