/**
 * @module schema/infer-column
 * The type (and default role) Modelwright guesses for one column from its facts, with a
 * one-line reason. The rules, in order:
 *
 *  1. datetime storage, or strings that are all ISO dates         → datetime
 *  2. no present value, or a single one                            → the storage's type (constant)
 *  3. exactly two distinct values                                  → boolean
 *  4. numbers:
 *     - integers, one per row, named like an id or a row counter   → identifier (role id)
 *     - integers named like an id that repeat (store_id)           → categorical (codes, not amounts)
 *     - anything else                                              → numeric (few distinct integers stay
 *       numeric: 0–5 children is an amount, and trees split it either way)
 *  5. strings:
 *     - long prose (mean ≥ 50 chars, mostly with spaces)           → text
 *     - mostly unique, ≥ 15 chars, mostly with spaces              → text
 *     - ≥ 95 % unique, without spaces                              → identifier (role id)
 *     - anything else                                              → categorical
 *
 * Uniqueness says little on tiny samples, so the identifier and "mostly unique" rules need at
 * least MIN_ROWS_FOR_UNIQUENESS present values.
 */
import type { ColumnRole, FeatureType } from './types.js';
import type { ColumnFacts } from './column-facts.js';

/** Below this many present values, "every value is distinct" is not evidence of an id. */
export const MIN_ROWS_FOR_UNIQUENESS = 20;
/** Share of distinct values above which a spaceless string column is an identifier. */
const ID_UNIQUE_SHARE = 0.95;
/** Text: share of distinct values, minimum mean length, share of values with spaces. */
const TEXT_UNIQUE_SHARE = 0.5;
const TEXT_MIN_LENGTH = 15;
const PROSE_MIN_LENGTH = 50;
const TEXT_SPACE_SHARE = 0.5;

export interface InferredColumn {
  readonly type: FeatureType;
  readonly role: ColumnRole;
  readonly reason: string;
}

/**
 * Names that say "identifier": id, ID, key, uuid, idx, row_id, customer_id, user-id,
 * userId, CustomerID. "paid" and "valid" do not match: a trailing "id" needs a separator
 * or a capital I.
 */
export function isIdLikeName(name: string): boolean {
  const n = name.trim();
  if (/^(id|ids|idx|index|key|uuid|guid|uid|rowid|row_id|row_number|record_id)$/i.test(n)) return true;
  if (/[_\s.-](id|idx|key|uuid|no|nr)$/i.test(n)) return true;
  if (/^(id|idx)[_\s.-]/i.test(n)) return true;
  return /[a-z0-9](Id|ID|Key|No)$/.test(n);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Guess the type and default role of a column from its facts. */
export function inferColumn(f: ColumnFacts): InferredColumn {
  const feature = (type: FeatureType, reason: string): InferredColumn => ({ type, role: 'feature', reason });
  const storageType: FeatureType = f.dtype === 'categorical' ? 'categorical' : f.dtype === 'datetime' ? 'datetime' : 'numeric';

  if (f.dtype === 'datetime') return feature('datetime', 'stored as dates/timestamps');
  if (f.present === 0) return feature(storageType, 'every value is missing');
  if (f.dtype === 'categorical' && f.dateShare === 1) return feature('datetime', `all ${fmt(f.present)} values are ISO dates`);
  if (f.unique === 1) return feature(storageType, 'a single distinct value (constant)');
  if (f.unique === 2) return feature('boolean', 'exactly two distinct values');
  return f.dtype === 'float64' ? inferNumeric(f) : inferString(f);
}

function inferNumeric(f: ColumnFacts): InferredColumn {
  const enough = f.present >= MIN_ROWS_FOR_UNIQUENESS;
  const unique = f.unique === f.present;
  if (enough && f.rowCounter) {
    return { type: 'identifier', role: 'id', reason: `row counter: ${f.min}, ${f.min + 1}, … in row order` };
  }
  if (f.integerValued && isIdLikeName(f.name)) {
    if (enough && unique) {
      return { type: 'identifier', role: 'id', reason: `integers named like an id, every value distinct (${fmt(f.unique)})` };
    }
    if (!unique) {
      return { type: 'categorical', role: 'feature', reason: `integer codes named like an id that repeat (${fmt(f.unique)} distinct)` };
    }
  }
  if (f.integerValued) return { type: 'numeric', role: 'feature', reason: `numbers: ${fmt(f.unique)} distinct integers` };
  return { type: 'numeric', role: 'feature', reason: `numbers: ${fmt(f.unique)} distinct values` };
}

function inferString(f: ColumnFacts): InferredColumn {
  const uniqueShare = f.unique / f.present;
  const spaced = f.spaceShare >= TEXT_SPACE_SHARE;
  if (spaced && f.meanLength >= PROSE_MIN_LENGTH) {
    return { type: 'text', role: 'feature', reason: `prose: mean length ${f.meanLength.toFixed(0)} characters, ${pct(f.spaceShare)} with spaces` };
  }
  const enough = f.present >= MIN_ROWS_FOR_UNIQUENESS;
  if (enough && spaced && uniqueShare >= TEXT_UNIQUE_SHARE && f.meanLength >= TEXT_MIN_LENGTH) {
    return {
      type: 'text',
      role: 'feature',
      reason: `free text: ${pct(uniqueShare)} distinct, mean length ${f.meanLength.toFixed(0)}, ${pct(f.spaceShare)} with spaces`,
    };
  }
  if (enough && uniqueShare >= ID_UNIQUE_SHARE && f.spaceShare < 0.1) {
    return { type: 'identifier', role: 'id', reason: `${pct(uniqueShare)} of the ${fmt(f.present)} strings are distinct` };
  }
  if (f.numericShare >= 0.5) {
    return { type: 'categorical', role: 'feature', reason: `strings, ${pct(f.numericShare)} of them numbers (mixed types)` };
  }
  return { type: 'categorical', role: 'feature', reason: `strings: ${fmt(f.unique)} distinct values` };
}
