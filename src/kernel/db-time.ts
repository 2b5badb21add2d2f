/**
 * A time stamp as PostgreSQL writes it (`2016-02-07 20:36:00.123456+00`, the default DateStyle ISO)
 * turned into the wire's ISO 8601 (`2016-02-07T20:36:00.123Z`) without building a Date: the lists
 * send four stamps a row, and a Date parse plus toISOString each was a measurable share of a list's
 * CPU (docs/benchmarks.md). A stamp in UTC is rearranged; any other form goes through Date, exactly
 * as Drizzle maps a timestamp column, so the answer is the same either way (milliseconds truncated).
 */
const UTC_STAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

export function isoFromDb(value: string | Date): string;
export function isoFromDb(value: string | Date | null): string | null;
export function isoFromDb(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  const m = UTC_STAMP.exec(value);
  if (!m) return new Date(value).toISOString();
  const fraction = m[3] ?? '';
  const ms = fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0');
  return `${m[1]}T${m[2]}.${ms}Z`;
}
