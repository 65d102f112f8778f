/* fp_inventory_rows.c: inventory column tables and the rows' init/free (fp_inventory.h). */
#include <string.h>

#include "footprint/fp_inventory_impl.h"

#define TXT(st, h, f)                                                         \
	{                                                                     \
		h, 0, 0, FP_FT_TEXT, FP_FR_ANY, offsetof(st, f), FP_NO_HAS, 0 \
	}
#define NAME(st, h, f)                                                        \
	{                                                                     \
		h, 1, 1, FP_FT_TEXT, FP_FR_ANY, offsetof(st, f), FP_NO_HAS, 0 \
	}
#define NUM(st, h, f, rule)                                                         \
	{                                                                           \
		h, 0, 0, FP_FT_NUM, rule, offsetof(st, f), offsetof(st, has_##f), 0 \
	}
#define DATE(st, h, f)                                                        \
	{                                                                     \
		h, 0, 0, FP_FT_DATE, FP_FR_ANY, offsetof(st, f), FP_NO_HAS, 0 \
	}
#define IGNORE(h)                                                 \
	{                                                         \
		h, 0, 0, FP_FT_IGNORE, FP_FR_ANY, 0, FP_NO_HAS, 0 \
	}

/* clang-format off */
static const struct fp_fld dc_flds[] = {
	NAME(struct fp_datacenter, "nomCourtDatacenter", name),
	TXT(struct fp_datacenter, "nomLongDatacenter", long_name),
	NUM(struct fp_datacenter, "pue", pue, FP_FR_PUE),
	TXT(struct fp_datacenter, "localisation", country),
	TXT(struct fp_datacenter, "nomEntite", entity),
	IGNORE("nomSourceDonnee"),
};

static const struct fp_fld phys_flds[] = {
	NAME(struct fp_physical, "nomEquipementPhysique", name),
	TXT(struct fp_physical, "modele", model),
	{ "quantite", 0, 0, FP_FT_NUM, FP_FR_POSITIVE, offsetof(struct fp_physical, quantity),
	  FP_NO_HAS, 1 },
	TXT(struct fp_physical, "nomCourtDatacenter", datacenter),
	DATE(struct fp_physical, "dateAchat", purchase),
	DATE(struct fp_physical, "dateRetrait", retire),
	NUM(struct fp_physical, "dureeUsageInterne", internal, FP_FR_NONNEG),
	NUM(struct fp_physical, "dureeUsageAmont", upstream, FP_FR_NONNEG),
	NUM(struct fp_physical, "dureeUsageAval", downstream, FP_FR_NONNEG),
	TXT(struct fp_physical, "type", type),
	TXT(struct fp_physical, "statut", status),
	TXT(struct fp_physical, "paysDUtilisation", country),
	NUM(struct fp_physical, "consoElecAnnuelle", kwh, FP_FR_NONNEG),
	TXT(struct fp_physical, "utilisateur", user),
	TXT(struct fp_physical, "nomSourceDonnee", source_name),
	TXT(struct fp_physical, "nomEntite", entity),
	NUM(struct fp_physical, "nbCoeur", cores, FP_FR_NONNEG),
	TXT(struct fp_physical, "modeUtilisation", mode),
	NUM(struct fp_physical, "tauxUtilisation", rate, FP_FR_RATE),
	TXT(struct fp_physical, "qualite", quality),
};

static const struct fp_fld virt_flds[] = {
	NAME(struct fp_virtual, "nomEquipementVirtuel", name),
	NAME(struct fp_virtual, "nomEquipementPhysique", host),
	NUM(struct fp_virtual, "cleRepartition", key, FP_FR_NONNEG),
	NUM(struct fp_virtual, "vCPU", vcpu, FP_FR_NONNEG),
	TXT(struct fp_virtual, "cluster", cluster),
	NUM(struct fp_virtual, "consoElecAnnuelle", kwh, FP_FR_NONNEG),
	TXT(struct fp_virtual, "typeEqv", kind),
	NUM(struct fp_virtual, "capaciteStockage", storage, FP_FR_NONNEG),
	TXT(struct fp_virtual, "nomEntite", entity),
	IGNORE("nomSourceDonnee"),
	IGNORE("nomSourceDonneeEquipementPhysique"),
};

static const struct fp_fld app_flds[] = {
	NAME(struct fp_application, "nomApplication", name),
	TXT(struct fp_application, "typeEnvironnement", environment),
	NAME(struct fp_application, "nomEquipementVirtuel", vm),
	TXT(struct fp_application, "domaine", domain),
	TXT(struct fp_application, "sousDomaine", subdomain),
	TXT(struct fp_application, "nomEntite", entity),
	TXT(struct fp_application, "nomEquipementPhysique", host),
	IGNORE("nomSourceDonnee"),
	IGNORE("nomSourceDonneeEquipementVirtuel"),
};
/* clang-format on */

#define KIND(st, flds)                                                                       \
	{                                                                                    \
		flds, (int)(sizeof(flds) / sizeof(flds[0])), sizeof(st), offsetof(st, line), \
			offsetof(st, error), offsetof(st, strings_)                          \
	}

static const struct fp_kind kinds[] = {
	KIND(struct fp_datacenter, dc_flds),
	KIND(struct fp_physical, phys_flds),
	KIND(struct fp_virtual, virt_flds),
	KIND(struct fp_application, app_flds),
};

const struct fp_kind *fp_kind_of_(enum fp_file kind)
{
	return &kinds[kind];
}

void fp_row_init_(const struct fp_kind *k, void *row)
{
	char *base = row;
	memset(row, 0, k->size);
	*(char **)fp_at_(base, k->error_off) = buf_empty_;
	for (int i = 0; i < k->n; i++) {
		const struct fp_fld *f = &k->flds[i];
		if (f->type == FP_FT_TEXT)
			*(char **)fp_at_(base, f->off) = buf_empty_;
		else if (f->type == FP_FT_NUM && f->one_if_empty)
			*(double *)fp_at_(base, f->off) = 1;
	}
	buf_init((struct buf *)fp_at_(base, k->strings_off));
}

/* Frees what the reader put in the row and leaves it initialised. */
static void row_free(const struct fp_kind *k, void *row)
{
	buf_free((struct buf *)fp_at_(row, k->strings_off));
	fp_row_init_(k, row);
}

void fp_datacenter_init(struct fp_datacenter *r)
{
	fp_row_init_(fp_kind_of_(FP_FILE_DATACENTER), r);
}

void fp_datacenter_free(struct fp_datacenter *r)
{
	row_free(fp_kind_of_(FP_FILE_DATACENTER), r);
}

void fp_physical_init(struct fp_physical *r)
{
	fp_row_init_(fp_kind_of_(FP_FILE_PHYSICAL), r);
}

void fp_physical_free(struct fp_physical *r)
{
	row_free(fp_kind_of_(FP_FILE_PHYSICAL), r);
}

void fp_virtual_init(struct fp_virtual *r)
{
	fp_row_init_(fp_kind_of_(FP_FILE_VIRTUAL), r);
}

void fp_virtual_free(struct fp_virtual *r)
{
	row_free(fp_kind_of_(FP_FILE_VIRTUAL), r);
}

void fp_application_init(struct fp_application *r)
{
	fp_row_init_(fp_kind_of_(FP_FILE_APPLICATION), r);
}

void fp_application_free(struct fp_application *r)
{
	row_free(fp_kind_of_(FP_FILE_APPLICATION), r);
}
