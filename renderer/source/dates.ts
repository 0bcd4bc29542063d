import { DateTime, IANAZone } from 'luxon';
import { quoted } from './problem.ts';

/** Time zone of zone-less archive dates (and of displayed times) unless ARCHIVE_TZ says otherwise. */
const DEFAULT_ARCHIVE_TZ = 'Asia/Shanghai';

/** Dates outside this range are refused as typos or generator bugs, not news. */
const EARLIEST_DATE = DateTime.fromISO('1900-01-01T00:00:00Z');
const LATEST_DATE = DateTime.fromISO('2100-01-01T00:00:00Z');

/** Returns the archive time zone named by ARCHIVE_TZ (default Asia/Shanghai); throws on an unknown zone. */
export function archiveTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.ARCHIVE_TZ === undefined || env.ARCHIVE_TZ === '' ? DEFAULT_ARCHIVE_TZ : env.ARCHIVE_TZ;
  if (!IANAZone.isValidZone(zone)) {
    throw new Error(`ARCHIVE_TZ=${zone} is not a known IANA time zone (for example Asia/Shanghai or UTC)`);
  }
  return zone;
}

/** ISO and SQL forms must start with a full date: luxon would read "123456" as 12:34:56 today. */
const STARTS_WITH_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The formats tried in order; the first that reads the text wins. */
const DATE_READERS: ((text: string, zone: string) => DateTime)[] = [
  (text, zone) => DateTime.fromRFC2822(text, { zone, setZone: true }),
  (text, zone) => DateTime.fromHTTP(text, { zone, setZone: true }),
  (text, zone) => (STARTS_WITH_DATE.test(text) ? DateTime.fromISO(text, { zone, setZone: true }) : DateTime.invalid('no date part')),
  (text, zone) => (STARTS_WITH_DATE.test(text) ? DateTime.fromSQL(text, { zone, setZone: true }) : DateTime.invalid('no date part')),
];

/**
 * Result of reading a front-matter date: an instant; unknown (missing, blank or unreadable text, as
 * the feed generator writes `Invalid Date`: the article is rendered and says its date is unknown); or
 * refused (a date that reads but is out of range, or a value that is not text).
 */
export type ParsedDate = { kind: 'known'; instant: Date } | { kind: 'unknown'; reason: string } | { kind: 'refused'; reason: string };

/**
 * Reads a front-matter date. RFC 2822 (`Thu, 10 Mar 2022 11:07:26 GMT`) and ISO 8601 with an
 * offset carry their own zone; zone-less `2021-04-25 04:12:10` (or ISO without offset) is
 * wall-clock time in `zone`.
 */
export function parseArticleDate(value: unknown, zone: string): ParsedDate {
  if (value instanceof Date) return checkRange(DateTime.fromJSDate(value), String(value));
  if (value === undefined || value === null) return { kind: 'unknown', reason: 'date is missing' };
  if (typeof value !== 'string') {
    return { kind: 'refused', reason: 'date must be text (e.g. "Thu, 10 Mar 2022 11:07:26 GMT" or "2021-04-25 04:12:10")' };
  }
  const text = value.trim();
  if (text === '') return { kind: 'unknown', reason: 'date is empty' };
  for (const read of DATE_READERS) {
    const date = read(text, zone);
    if (date.isValid) return checkRange(date, text);
  }
  return { kind: 'unknown', reason: `date ${quoted(text)} is not a date this archive knows (RFC 2822, ISO 8601 or "YYYY-MM-DD HH:mm:ss")` };
}

function checkRange(date: DateTime, text: string): ParsedDate {
  if (!date.isValid) return { kind: 'unknown', reason: `date ${quoted(text)} is not a valid date` };
  if (date < EARLIEST_DATE || date >= LATEST_DATE) {
    return { kind: 'refused', reason: `date ${quoted(text)} is out of range (allowed from 1900-01-01 to before 2100-01-01)` };
  }
  return { kind: 'known', instant: date.toJSDate() };
}

/** The ISO 8601 instant in UTC, without milliseconds: `2022-03-10T11:07:26Z`. */
export function isoInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock time in `zone` for readers: `2022-03-10 19:07`. */
export function displayTime(instant: Date, zone: string): string {
  let format = displayFormats.get(zone);
  if (format === undefined) {
    // One cached Intl formatter per zone: ~10x faster than building a luxon DateTime per call.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    displayFormats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The month an instant falls in, in the archive's zone, as `YYYY/MM` (the per-month listing's folder). */
export function monthOf(instant: Date, zone: string): string {
  const [year, month] = displayTime(instant, zone).split('-');
  return `${year ?? ''}/${month ?? ''}`;
}
