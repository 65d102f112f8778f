/* fp.c: the life-cycle phase vocabulary shared by the footprint modules (see fp.h). */
#include "footprint/fp.h"

#include <string.h>

static const char *const codes[FP_PHASE_COUNT] = { "FABRICATION", "DISTRIBUTION", "UTILISATION",
						   "FIN_DE_VIE" };
static const char *const labels[FP_PHASE_COUNT] = { "Fabrication", "Distribution", "Utilisation",
						    "Fin de vie" };
/* G4IT's codes, in the same order. */
static const char *const g4it[FP_PHASE_COUNT] = { "MANUFACTURING", "TRANSPORTATION", "USING",
						  "END_OF_LIFE" };

const char *fp_phase_code(enum fp_phase p)
{
	return (unsigned)p < FP_PHASE_COUNT ? codes[p] : "";
}

const char *fp_phase_label(enum fp_phase p)
{
	return (unsigned)p < FP_PHASE_COUNT ? labels[p] : "";
}

/* 1 when s equals code ignoring ASCII case, with ' ' or '-' accepted for
 * '_' ("Fin de vie", "end-of-life"), and ASCII spaces at either end. */
static int same_code(const char *s, const char *code)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n != strlen(code))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (c == ' ' || c == '-')
			c = '_';
		if (c != code[i])
			return 0;
	}
	return 1;
}

int fp_phase_parse(const char *s, enum fp_phase *out)
{
	if (!s)
		return -1;
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		if (same_code(s, codes[p]) || same_code(s, g4it[p])) {
			*out = (enum fp_phase)p;
			return 0;
		}
	}
	return -1;
}
