/* fp_ref_load_files.c: a referential from files held in memory (fp_ref.h). */
#include <string.h>

#include "core/embedded.h"
#include "footprint/fp_ref_int.h"

/* The file of table named as part f of dialect dl, or NULL. */
static const struct embedded_file *find(const struct embedded_file *files, enum fp_ref_dialect dl,
					enum fp_ref_file f)
{
	for (const struct embedded_file *e = files; e->name; e++)
		if (strcmp(e->name, fp_ref_file_name(dl, f)) == 0)
			return e;
	return NULL;
}

static int has(const void *src, enum fp_ref_dialect dl, enum fp_ref_file f)
{
	return find(src, dl, f) != NULL;
}

struct fp_ref *fp_ref_load_files(const struct embedded_file *files, const char *name,
				 const char *version, struct diags *d)
{
	size_t errors = d->errors;
	int best = fp_ref_pick_dialect(has, files);
	if (best < 0 || !find(files, (enum fp_ref_dialect)best, FP_REF_FACTORS)) {
		diags_add(d, DIAG_ERROR, name, 0, "",
			  "référentiel incomplet : fichier des facteurs d'impact absent");
		return NULL;
	}
	struct fp_ref *r = fp_ref_new(name, version);
	unsigned flags = 0;
	for (int f = 0; f < FP_REF_NFILES; f++) {
		const struct embedded_file *e =
			find(files, (enum fp_ref_dialect)best, (enum fp_ref_file)f);
		if (e)
			fp_ref_load_mem(r, (enum fp_ref_file)f, (enum fp_ref_dialect)best, e->name,
					e->data, e->len, flags, d);
		if (f == FP_REF_CRITERIA && e)
			flags |= FP_REF_CRIT_DECLARED;
	}
	if (d->errors > errors) {
		fp_ref_free(r);
		return NULL;
	}
	return r;
}
