/* clock.c: current time for the audit log (see clock.h). */
#define _GNU_SOURCE /* strptime, timegm */
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

int clock_iso_add(const char *iso, long seconds, char out[32])
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	const char *end = strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (!end || *end)
		return -1;
	time_t t = timegm(&tm) + seconds;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return 0;
}
