/* web_assets.c: lookups in the generated table of embedded web assets (see web_assets.h). */
#include "web/web_assets.h"

#include <string.h>

const struct web_asset *web_asset_by_path(const char *path)
{
	if (!path)
		return NULL;
	for (const struct web_asset *a = web_asset_table; a->name; a++)
		if (strcmp(a->path, path) == 0)
			return a;
	return NULL;
}

const char *web_asset_url(const char *name)
{
	if (!name)
		return NULL;
	for (const struct web_asset *a = web_asset_table; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a->path;
	return NULL;
}

size_t web_asset_count(void)
{
	size_t n = 0;
	while (web_asset_table[n].name)
		n++;
	return n;
}

const struct web_asset *web_asset_at(size_t i)
{
	return i < web_asset_count() ? &web_asset_table[i] : NULL;
}
