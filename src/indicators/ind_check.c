/* ind_check.c: checking an entered value against its definition and the
 * previous year, the gap to the target, and formatting values for people
 * (see ind.h). */
#include <math.h>

#include "indicators/ind.h"
#include "io/parse.h"
#include "report/fmt.h"

/* Relative slack on the ×3 / ÷3 jump test, so that exactly three times the
 * previous value (0,3 after 0,1) is accepted despite binary rounding. */
#define JUMP_SLACK 1e-9

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Appends "v unit" in the canonical written form (no grouping). */
static void add_value(struct buf *b, const struct ind_def *d, double v)
{
	fmt_number_fr(b, v);
	if (d->unit && *d->unit)
		buf_addf(b, " %s", d->unit);
}

enum ind_check ind_check_value(const struct ind_def *d, double v, int has_prev, double prev,
			       const char *comment, struct buf *why)
{
	buf_reset(why);
	if (!isfinite(v)) {
		buf_adds(why, "valeur non numérique");
		return IND_CHECK_RANGE;
	}
	if ((d->has_min && v < d->min) || (d->has_max && v > d->max)) {
		buf_adds(why, "valeur ");
		add_value(why, d, v);
		if (d->has_min && v < d->min) {
			buf_adds(why, " inférieure au minimum ");
			add_value(why, d, d->min);
		} else {
			buf_adds(why, " supérieure au maximum ");
			add_value(why, d, d->max);
		}
		if (d->has_min && d->has_max) {
			buf_adds(why, " (valeurs admises : de ");
			fmt_number_fr(why, d->min);
			buf_adds(why, " à ");
			add_value(why, d, d->max);
			buf_adds(why, ")");
		}
		return IND_CHECK_RANGE;
	}
	if (has_prev && isfinite(prev) && prev > 0 && blank(comment)) {
		int up = v > 3 * prev * (1 + JUMP_SLACK);
		int down = 3 * v < prev * (1 - JUMP_SLACK);
		if (up || down) {
			buf_adds(why, "valeur ");
			add_value(why, d, v);
			buf_addf(why, " plus de 3 fois %s que celle de l'année précédente (",
				 up ? "plus grande" : "plus petite");
			add_value(why, d, prev);
			buf_adds(why, ") : ajoutez un commentaire qui confirme la valeur");
			return IND_CHECK_NEEDS_COMMENT;
		}
	}
	return IND_CHECK_OK;
}

int ind_gap(const struct ind_def *d, int year, double value, double *gap, int *met)
{
	double target;
	if (!ind_target_for(d, year, &target))
		return 0;
	*gap = value - target;
	*met = d->better == IND_BETTER_DOWN ? value <= target : value >= target;
	return 1;
}

void ind_fmt_value(struct buf *out, const struct ind_def *d, int has, double v)
{
	if (!has) {
		buf_adds(out, "—");
		return;
	}
	if (!isfinite(v)) {
		buf_adds(out, "n/d");
		return;
	}
	/* At most two decimals, trailing zeros dropped: counts (whole numbers)
	 * show none, "27,5" rather than "27,50". */
	size_t start = out->len;
	fmt_dec(out, v, 2);
	size_t n = out->len;
	while (n > start && out->ptr[n - 1] == '0')
		n--;
	if (n > start && out->ptr[n - 1] == ',')
		n--;
	buf_truncate(out, n);
	if (d->unit && *d->unit) {
		buf_adds(out, FMT_NBSP);
		buf_adds(out, d->unit);
	}
}
