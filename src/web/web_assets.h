/* web_assets.h: the static files of `numeco serve` (CSS, fonts), embedded at build time. */
#ifndef NUMECO_WEB_ASSETS_H
#define NUMECO_WEB_ASSETS_H

#include <stddef.h>

/* One embedded file, served under a content-hashed URL that can be cached for
 * ever (docs/web-assets.md). Built by scripts/build-assets.sh and
 * cmake/assets.cmake; everything here is read-only. */
struct web_asset {
	const char *name; /* logical, "numeco.css" */
	const char *path; /* "/static/numeco.<first 12 hex of its SHA-256>.css" */
	const char *type; /* MIME type, "text/css; charset=utf-8", "font/woff2" … */
	const unsigned char *data;
	size_t len;
	const unsigned char *gz; /* gzip -9n copy; NULL/0 when not compressed */
	size_t gz_len;
	const char *etag; /* the quoted SHA-256, "\"<64 hex>\"" */
};

/* The asset served at path ("/static/…"), NULL when unknown. */
const struct web_asset *web_asset_by_path(const char *path);
/* The URL path of the asset named name ("numeco.css"), NULL when unknown. */
const char *web_asset_url(const char *name);
/* The assets, in build order: web_asset_at(i) for i < web_asset_count(). */
size_t web_asset_count(void);
const struct web_asset *web_asset_at(size_t i);

/* The generated table (build/gen/web_assets_data.c), ended by an entry whose
 * name is NULL; use the functions above. */
extern const struct web_asset web_asset_table[];

#endif
