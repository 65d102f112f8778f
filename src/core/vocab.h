/* vocab.h: tables of stable codes and French labels for enumerations, and
 * the lenient parsing every enumeration of numeco shares.
 *
 * A module lists one struct vocab per value of its enum, in enum order, then
 * VOCAB_FUNCS(prefix, type, table, count) defines prefix_code, prefix_label
 * (both "?" out of range) and prefix_parse (0 and *out, or -1).
 */
#ifndef NUMECO_VOCAB_H
#define NUMECO_VOCAB_H

struct vocab {
	const char *code;
	const char *label;
	const char *alias; /* another accepted spelling, or NULL */
};

/* Index of s among the codes, labels and aliases of v[0..count), or -1:
 * exact first (what numeco's own exports contain, so large re-imports stay
 * fast), then after folding (core/text.h: case, accents, punctuation). A
 * blank s and NULL match nothing. */
int vocab_find(const struct vocab *v, int count, const char *s);

#define VOCAB_FUNCS(prefix, type, table, count)                                  \
	const char *prefix##_code(type x)                                        \
	{                                                                        \
		return ((unsigned)x < (unsigned)(count)) ? table[x].code : "?";  \
	}                                                                        \
	const char *prefix##_label(type x)                                       \
	{                                                                        \
		return ((unsigned)x < (unsigned)(count)) ? table[x].label : "?"; \
	}                                                                        \
	int prefix##_parse(const char *s, type *out)                             \
	{                                                                        \
		int i = vocab_find(table, (int)(count), s);                      \
		if (i < 0)                                                       \
			return -1;                                               \
		*out = (type)i;                                                  \
		return 0;                                                        \
	}

#endif
