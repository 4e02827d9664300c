/**
 * @module monitor/reference/category-key
 * How a raw value becomes the category string drift tests count, the same way for the
 * training table (strings from the file) and for logged requests (JSON numbers, strings,
 * booleans): numbers print as JavaScript prints them (3, 0.5), and for boolean columns every
 * usual spelling (true/yes/y/t/1, false/no/n/f/0, any case) folds to 'true' / 'false'.
 */

const TRUE = new Set(['true', 'yes', 'y', 't', '1']);
const FALSE = new Set(['false', 'no', 'n', 'f', '0']);

/** The category of `value`, or null when missing. */
export function categoryKey(value: unknown, boolean: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  const s = typeof value === 'string' ? value : String(value);
  if (!boolean) return s;
  const t = s.trim().toLowerCase();
  return TRUE.has(t) ? 'true' : FALSE.has(t) ? 'false' : s;
}
