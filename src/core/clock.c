/* clock.c: current time for the audit log (see clock.h). */
#include "core/clock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void clock_now_iso(char iso[32])
{
	const char *pinned = getenv("NUMECO_NOW");
	if (pinned && *pinned && strlen(pinned) < 32) {
		strcpy(iso, pinned);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(iso, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
