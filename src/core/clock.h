/* clock.h: the time numeco writes into the audit log and review entries. */
#ifndef NUMECO_CLOCK_H
#define NUMECO_CLOCK_H

/* Writes the current time as ISO 8601 UTC ("2026-11-29T10:00:00Z") into iso.
 * When the environment variable NUMECO_NOW is set (tests pin the clock that
 * way, so outputs are exact), its value is used instead. */
void clock_now_iso(char iso[32]);
/* Writes iso + seconds (ISO 8601 UTC) into out; -1 when iso is not of that
 * form. For expiry times: sessions, sign-in locks. */
int clock_iso_add(const char *iso, long seconds, char out[32]);

#endif
