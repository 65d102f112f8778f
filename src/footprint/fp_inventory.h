/* fp_inventory.h: reading the four NumEcoEval inventory files (';'
 * separated CSV, columns found by header name in any order, trailing empty
 * columns tolerated; formats in docs/formats/inventory.md):
 * data centres, physical equipment, virtual equipment, applications.
 *
 * Readers stream: one row at a time, so memory does not grow with the file
 * (a million physical equipment lines must be evaluated in seconds).
 *
 * A row whose values cannot be used (bad number, bad date, missing name…)
 * is still returned, with `error` set to the reason (French): the
 * evaluation turns it into indicators with status ERREUR and goes on with
 * the other lines, as NumEcoEval does. Only problems with the file itself
 * (unreadable, no header, missing required column, malformed CSV record)
 * are diagnostics (struct diags), located FILE:LINE: column: message.
 */
#ifndef NUMECO_FP_INVENTORY_H
#define NUMECO_FP_INVENTORY_H

#include "core/buf.h"
#include "core/err.h"

enum fp_file { FP_FILE_DATACENTER, FP_FILE_PHYSICAL, FP_FILE_VIRTUAL, FP_FILE_APPLICATION };

/* Optional numbers carry a has_ flag; optional texts are "" when absent.
 * Strings are owned by the row and stay valid until the next read into the
 * same struct or fp_*_free. Dates are ISO AAAA-MM-JJ or "".
 *
 * All the strings a reader puts in a row live in its one private buffer
 * (strings_), reused from read to read: reading a row allocates nothing once
 * the buffer is large enough. Code that builds rows by hand (tests, pure
 * computation) may point the string fields at anything it owns; fp_*_free
 * only frees strings_. To keep a string past the next read, copy it. */

struct fp_datacenter {
	long line;
	char *error; /* "" when the row is usable */
	char *name;  /* nomCourtDatacenter */
	char *long_name;
	int has_pue;
	double pue;
	char *country; /* localisation */
	char *entity;  /* nomEntite */
	struct buf strings_; /* private: holds the strings above */
};

struct fp_physical {
	long line;
	char *error;
	char *name;  /* nomEquipementPhysique */
	char *model; /* modele */
	double quantity; /* quantite, 1 when absent */
	char *datacenter; /* nomCourtDatacenter */
	char purchase[11], retire[11]; /* dateAchat, dateRetrait */
	int has_internal, has_upstream, has_downstream;
	double internal, upstream, downstream; /* dureeUsageInterne/Amont/Aval, years */
	char *type;
	char *status;
	char *country; /* paysDUtilisation */
	int has_kwh;
	double kwh; /* consoElecAnnuelle, kWh/yr */
	char *user;
	char *source_name; /* nomSourceDonnee */
	char *entity;
	int has_cores;
	double cores; /* nbCoeur */
	char *mode;   /* modeUtilisation: COPE, BYOD or "" */
	int has_rate;
	double rate; /* tauxUtilisation, 0..1 */
	char *quality;
	struct buf strings_; /* private: holds the strings above */
};

struct fp_virtual {
	long line;
	char *error;
	char *name; /* nomEquipementVirtuel */
	char *host; /* nomEquipementPhysique */
	int has_key;
	double key; /* cleRepartition */
	int has_vcpu;
	double vcpu;
	char *cluster;
	int has_kwh;
	double kwh;
	char *kind; /* typeEqv: calcul, stockage or "" */
	int has_storage;
	double storage; /* capaciteStockage */
	char *entity;
	struct buf strings_; /* private: holds the strings above */
};

struct fp_application {
	long line;
	char *error;
	char *name; /* nomApplication */
	char *environment; /* typeEnvironnement */
	char *vm;   /* nomEquipementVirtuel */
	char *domain, *subdomain;
	char *entity;
	char *host; /* nomEquipementPhysique */
	struct buf strings_; /* private: holds the strings above */
};

void fp_datacenter_init(struct fp_datacenter *r);
void fp_datacenter_free(struct fp_datacenter *r);
void fp_physical_init(struct fp_physical *r);
void fp_physical_free(struct fp_physical *r);
void fp_virtual_init(struct fp_virtual *r);
void fp_virtual_free(struct fp_virtual *r);
void fp_application_init(struct fp_application *r);
void fp_application_free(struct fp_application *r);

struct fp_reader;

/* Opens path (or, for tests and fuzzing, fp_reader_open_mem over bytes) and
 * reads its header. NULL with diagnostics when the file cannot be read or a
 * required column is missing (physical: nomEquipementPhysique; virtual:
 * nomEquipementVirtuel, nomEquipementPhysique; applications:
 * nomApplication, nomEquipementVirtuel; data centres: nomCourtDatacenter). */
struct fp_reader *fp_reader_open(const char *path, enum fp_file kind, struct diags *d);
struct fp_reader *fp_reader_open_mem(const char *name, const char *data, size_t len,
				     enum fp_file kind, struct diags *d);
void fp_reader_close(struct fp_reader *r);
/* Bytes read so far and total size (for a progress bar); total 0 if unknown. */
void fp_reader_progress(const struct fp_reader *r, size_t *done, size_t *total);

/* Reads the next row into the (initialised) struct of the reader's kind.
 * Returns 1 (row read; check row->error), 0 at end of file, -1 on a
 * malformed CSV record (diagnostic added; reading may continue). */
int fp_read_datacenter(struct fp_reader *r, struct fp_datacenter *row, struct diags *d);
int fp_read_physical(struct fp_reader *r, struct fp_physical *row, struct diags *d);
int fp_read_virtual(struct fp_reader *r, struct fp_virtual *row, struct diags *d);
int fp_read_application(struct fp_reader *r, struct fp_application *row, struct diags *d);

#endif
