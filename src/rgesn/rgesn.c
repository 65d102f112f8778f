/* rgesn.c: RGESN enum codes and labels, freeing and looking up referentials. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "rgesn/rgesn.h"

static const char *const prio_codes[RG_PRIO_N] = { "prioritaire", "recommande", "modere" };
static const char *const prio_labels[RG_PRIO_N] = { "Prioritaire", "Recommandé", "Modéré" };
static const char *const diff_codes[RG_DIFF_N] = { "faible", "moyen", "fort" };
static const char *const diff_labels[RG_DIFF_N] = { "Faible", "Moyenne", "Forte" };
static const char *const ans_codes[RG_ANS_N] = { "conforme", "non_conforme", "non_applicable",
						 "en_cours", "non_evalue" };
static const char *const ans_labels[RG_ANS_N] = { "Conforme", "Non conforme", "Non applicable",
						  "En cours", "Non évalué" };

/* Index of s among codes/labels compared leniently (case, accents, "_"
 * against " "), -1 when none. Folding "Moyen" and "Moyenne" differ, so the
 * code and the label are both tried. */
static int enum_parse(const char *s, const char *const *codes, const char *const *labels, int n)
{
	if (!s || !*s)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(s, codes[i]) == 0)
			return i;
	for (int i = 0; i < n; i++)
		if (text_fold_eq(s, codes[i]) || text_fold_eq(s, labels[i]))
			return i;
	return -1;
}

const char *rg_priority_code(enum rg_priority p)
{
	return (unsigned)p < RG_PRIO_N ? prio_codes[p] : "";
}

const char *rg_priority_label(enum rg_priority p)
{
	return (unsigned)p < RG_PRIO_N ? prio_labels[p] : "";
}

int rg_priority_parse(const char *s, enum rg_priority *out)
{
	int i = enum_parse(s, prio_codes, prio_labels, RG_PRIO_N);
	if (i < 0)
		return -1;
	*out = (enum rg_priority)i;
	return 0;
}

const char *rg_difficulty_code(enum rg_difficulty d)
{
	return (unsigned)d < RG_DIFF_N ? diff_codes[d] : "";
}

const char *rg_difficulty_label(enum rg_difficulty d)
{
	return (unsigned)d < RG_DIFF_N ? diff_labels[d] : "";
}

int rg_difficulty_parse(const char *s, enum rg_difficulty *out)
{
	int i = enum_parse(s, diff_codes, diff_labels, RG_DIFF_N);
	if (i < 0)
		return -1;
	*out = (enum rg_difficulty)i;
	return 0;
}

const char *rg_answer_code(enum rg_answer a)
{
	return (unsigned)a < RG_ANS_N ? ans_codes[a] : "";
}

const char *rg_answer_label(enum rg_answer a)
{
	return (unsigned)a < RG_ANS_N ? ans_labels[a] : "";
}

int rg_answer_parse(const char *s, enum rg_answer *out)
{
	int i = enum_parse(s, ans_codes, ans_labels, RG_ANS_N);
	if (i < 0)
		return -1;
	*out = (enum rg_answer)i;
	return 0;
}

void rg_ref_free(struct rg_ref *r)
{
	free(r->name);
	free(r->version);
	free(r->title);
	free(r->source);
	free(r->licence);
	free(r->url);
	for (size_t i = 0; i < r->nfamilies; i++)
		free(r->families[i].label);
	free(r->families);
	for (size_t i = 0; i < r->ncriteria; i++) {
		struct rg_criterion *c = &r->criteria[i];
		free(c->id);
		free(c->title);
		free(c->objective);
		free(c->implementation);
		free(c->test);
		free(c->applies);
		free(c->url);
	}
	free(r->criteria);
	memset(r, 0, sizeof *r);
}

/* Reads "F.N" (decimal, no sign); 0 when id has that shape. */
static int id_split(const char *id, long *fam, long *num)
{
	char *end;
	if (!id || *id < '0' || *id > '9')
		return -1;
	*fam = strtol(id, &end, 10);
	if (*end != '.' || end[1] < '0' || end[1] > '9')
		return -1;
	*num = strtol(end + 1, &end, 10);
	return *end ? -1 : 0;
}

long rg_ref_find(const struct rg_ref *r, const char *id)
{
	long fam, num;
	if (!id)
		return -1;
	/* Criteria are sorted by (family, num): binary search first, then a
	 * scan in case a caller built an unsorted referential by hand. */
	if (id_split(id, &fam, &num) == 0) {
		size_t lo = 0, hi = r->ncriteria;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const struct rg_criterion *c = &r->criteria[mid];
			if (c->family < fam || (c->family == fam && c->num < num))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < r->ncriteria && strcmp(r->criteria[lo].id, id) == 0)
			return (long)lo;
	}
	for (size_t i = 0; i < r->ncriteria; i++)
		if (strcmp(r->criteria[i].id, id) == 0)
			return (long)i;
	return -1;
}

const char *rg_family_label(const struct rg_ref *r, int family)
{
	for (size_t i = 0; i < r->nfamilies; i++)
		if (r->families[i].num == family)
			return r->families[i].label;
	return "";
}
