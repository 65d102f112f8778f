/* embedded.h: files compiled into the binary by cmake/embed.cmake. */
#ifndef NUMECO_EMBEDDED_H
#define NUMECO_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name; /* base name, e.g. "0001_init.sql"; NULL ends a table */
	const char *data; /* NUL-terminated */
	size_t len;
};

/* SQLite migrations, sorted by name (their number). */
extern const struct embedded_file embedded_migrations_sqlite[];
/* numeco's open footprint referential (the CSV files of data/referentials/numeco-ouvert/),
 * loaded by numeco init; empty table while that folder is empty. */
extern const struct embedded_file embedded_open_referential[];
/* The default indicator catalogue (data/indicators/catalogue.csv), loaded by
 * numeco init. */
extern const struct embedded_file embedded_indicator_catalogue[];
/* The RGESN 2024 structure (data/rgesn/rgesn-2024.json), loaded by numeco init. */
extern const struct embedded_file embedded_rgesn_default[];

#endif
