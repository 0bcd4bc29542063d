import { DateTime, IANAZone } from 'luxon';
import { settings } from '../config/settings.ts';

/** The archive's time-zone rule, shared with any renderer under test: zone-less dates are wall time in the setting `timezone` (ARCHIVE_TZ). */
export function archiveZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = settings(env).timezone;
  if (!IANAZone.isValidZone(zone)) throw new Error(`timezone ${zone} (ARCHIVE_TZ or archive-fidelity.config) is not an IANA time zone`);
  return zone;
}

/** A date, not just a time: luxon alone would read "123456" as 12:34:56 today. */
const WITH_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Reads a front-matter date as an instant: RFC 2822 and offset ISO carry their zone, others are `zone` wall time. */
export function readInstant(text: string, zone: string): Date | undefined {
  const options = { zone, setZone: true };
  const readers = [
    (t: string) => DateTime.fromRFC2822(t, options),
    (t: string) => DateTime.fromHTTP(t, options),
    (t: string) => (WITH_DATE.test(t) ? DateTime.fromISO(t, options) : DateTime.invalid('no date')),
    (t: string) => (WITH_DATE.test(t) ? DateTime.fromSQL(t, options) : DateTime.invalid('no date')),
  ];
  for (const read of readers) {
    const date = read(text.trim());
    if (date.isValid) return date.toJSDate();
  }
  return undefined;
}

/** Reads a date a page publishes (ISO 8601, offset required to be unambiguous; zone-less read in `zone`). */
export function readPublishedInstant(text: string, zone: string): Date | undefined {
  if (!WITH_DATE.test(text.trim())) return undefined;
  const date = DateTime.fromISO(text.trim(), { zone, setZone: true });
  return date.isValid ? date.toJSDate() : undefined;
}
