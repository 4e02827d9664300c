/**
 * @module quality/column-warnings
 * Warnings about single columns, decided from their profile: constant, identifier-like,
 * mostly missing, too many categories, numbers mixed with strings. Columns the user dropped
 * (role ignored) and the target are not checked here.
 */
import type { Column } from '../frame/column.js';
import type { ColumnProfile } from '../profile/types.js';
import { looksNumeric } from '../schema/column-facts.js';
import type { WarningCollector } from './warning-codes.js';

/** Share of missing values from which HIGH_MISSING fires. */
export const HIGH_MISSING_SHARE = 0.5;
/** HIGH_CARDINALITY: this many categories always, or MIN with more than SHARE of the rows distinct. */
export const HIGH_CARDINALITY_COUNT = 100;
export const HIGH_CARDINALITY_MIN = 20;
export const HIGH_CARDINALITY_SHARE = 0.5;
/** MIXED_TYPES: share of string values that are numbers from which it fires (below 1). */
export const MIXED_NUMERIC_SHARE = 0.5;

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const int = (n: number): string => n.toLocaleString('en-US');

/** A few non-numeric strings of a mostly-numeric column, most frequent first. */
function nonNumericExamples(col: Column, limit = 3): string[] {
  if (col.dtype !== 'categorical') return [];
  const counts = new Map<number, number>();
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i];
    if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts]
    .filter(([c]) => !looksNumeric(col.categories[c]))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([c]) => col.categories[c]);
}

/** Add the warnings about one column. `numericShare` is the share of its strings that are numbers. */
export function columnWarnings(p: ColumnProfile, col: Column, numericShare: number, rows: number, out: WarningCollector): void {
  if (p.role === 'ignored' || p.role === 'target' || rows === 0) return;
  const name = p.name;
  const present = rows - p.missing;

  if (p.unique <= 1) {
    if (p.unique === 0) {
      out.add('CONSTANT_COLUMN', name, `'${name}' has no values: every row is missing. Drop it (--drop ${name}).`, { unique: 0 });
    } else if (p.missing === 0) {
      const value = p.topValues?.[0]?.value ?? String(p.min);
      out.add('CONSTANT_COLUMN', name, `'${name}' holds the same value ('${value}') in every row, so it carries no information. Drop it (--drop ${name}).`, {
        unique: 1,
      });
    } else {
      out.add(
        'CONSTANT_COLUMN',
        name,
        `'${name}' holds one value besides missing values (${pct(p.missingShare)} missing); only whether it is missing can matter.`,
        { unique: 1, missingShare: p.missingShare },
        'info',
      );
    }
  }

  if (p.type === 'identifier' || p.role === 'id') {
    out.add('ID_LIKE', name, `'${name}' is an identifier (${p.reason}); it is kept out of the features.`, { unique: p.unique });
  }

  if (p.missingShare >= HIGH_MISSING_SHARE && p.unique > 0) {
    out.add(
      'HIGH_MISSING',
      name,
      `'${name}' is missing in ${int(p.missing)} of ${int(rows)} rows (${pct(p.missingShare)}). Missing values are imputed or learnt as their own value; drop the column if its absence means nothing.`,
      { missing: p.missing, missingShare: p.missingShare },
    );
  }

  if (p.type === 'categorical' && p.role !== 'id') {
    const share = present > 0 ? p.unique / present : 0;
    if (p.unique >= HIGH_CARDINALITY_COUNT || (p.unique >= HIGH_CARDINALITY_MIN && share > HIGH_CARDINALITY_SHARE)) {
      out.add(
        'HIGH_CARDINALITY',
        name,
        `'${name}' has ${int(p.unique)} distinct values (${pct(share)} of the present rows): one-hot encoding would add a column per value and rare values are learnt poorly. Consider target encoding, grouping rare values, or --drop ${name}.`,
        { unique: p.unique, uniqueShare: share },
      );
    }
  }

  if (col.dtype === 'categorical' && p.type !== 'numeric' && numericShare >= MIXED_NUMERIC_SHARE && numericShare < 1) {
    const examples = nonNumericExamples(col);
    out.add(
      'MIXED_TYPES',
      name,
      `'${name}' holds mostly numbers (${pct(numericShare)}) but also strings such as ${examples.map((e) => `'${e}'`).join(', ')}, so it is read as ${p.type}. If those strings mean "missing", clean them so the column is read as numbers.`,
      { numericShare, examples },
    );
  }
}
