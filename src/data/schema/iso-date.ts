/**
 * @module schema/iso-date
 * Recognising and parsing ISO-8601-looking date strings ("2024-01", "2024-01-31",
 * "2024-01-31 13:05:00", "2024-01-31T13:05:00.250+02:00"). Strings without a zone are read
 * as UTC, never as the machine's local time, so results do not depend on where they run.
 */

const ISO_RE =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;

/** Whether `s` looks like an ISO date or date-time (month and day ranges checked). */
export function looksLikeIsoDate(s: string): boolean {
  return !Number.isNaN(parseIsoDate(s));
}

/** Epoch milliseconds (UTC) of an ISO-looking date string, or NaN when it is not one. */
export function parseIsoDate(s: string): number {
  const m = ISO_RE.exec(s.trim());
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return Number.NaN;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Reject 2023-02-30 and the like: Date.UTC would roll them into the next month.
  if (new Date(t).getUTCDate() !== day) return Number.NaN;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0);
    t -= sign * offset * 60_000;
  }
  return t;
}
