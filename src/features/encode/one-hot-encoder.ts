/**
 * @module features/encode/one-hot-encoder
 * One-hot encode categorical columns into 0/1 float columns named `<col>=<category>`.
 *
 * - Categories are the ones present in the training rows, in sorted order (scikit-learn's
 *   order). With `maxCategories` m, a column with more than m categories keeps its m − 1 most
 *   frequent ones and maps the rest to one `<col>=__other__` column (scikit-learn's
 *   `max_categories`, which also counts the infrequent column).
 * - A category never seen in training, and a missing value, give an all-zero row: the
 *   encoding says "none of the known categories" (scikit-learn's handle_unknown='ignore').
 *   Infrequent training categories go to `__other__`, unseen ones do not: only categories that
 *   were seen can be known to be rare.
 * Numeric columns pass through unchanged.
 */
import { type Column, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import { categoryIndex, type FittedStep, type StepState } from '../step.js';

export interface OneHotOptions {
  /** At most this many output columns per feature, `__other__` included (default: no limit). */
  readonly maxCategories?: number;
}

export interface OneHotColumnState {
  readonly name: string;
  /** Categories that get their own column, in output order. */
  readonly categories: readonly string[];
  /** Training categories grouped into `<name>=__other__` (empty: no such column). */
  readonly other: readonly string[];
}

export interface OneHotState {
  readonly columns: readonly OneHotColumnState[];
}

export const OTHER_CATEGORY = '__other__';

function fitColumn(name: string, codes: Int32Array, categories: readonly string[], maxCategories: number): OneHotColumnState {
  const counts = new Float64Array(categories.length);
  for (const c of codes) if (c >= 0) counts[c]++;
  const seen = categories.map((c, k) => ({ c, n: counts[k] })).filter((e) => e.n > 0);
  const byName = (a: { c: string }, b: { c: string }) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0);
  if (seen.length <= maxCategories) return { name, categories: seen.sort(byName).map((e) => e.c), other: [] };
  // Most frequent first; ties by name so the result does not depend on dictionary order.
  const ranked = [...seen].sort((a, b) => b.n - a.n || byName(a, b));
  const keep = ranked.slice(0, Math.max(0, maxCategories - 1));
  const other = ranked.slice(keep.length);
  return { name, categories: keep.sort(byName).map((e) => e.c), other: other.sort(byName).map((e) => e.c) };
}

export class OneHotEncoder implements FittedStep {
  readonly kind = 'one-hot' as const;
  constructor(readonly state: OneHotState) {}

  /** @example const enc = OneHotEncoder.fit(train, { maxCategories: 20 }); enc.transform(test) */
  static fit(X: Frame, options: OneHotOptions = {}): OneHotEncoder {
    const max = options.maxCategories ?? Number.POSITIVE_INFINITY;
    const columns: OneHotColumnState[] = [];
    for (const col of X.columns) if (col.dtype === 'categorical') columns.push(fitColumn(col.name, col.codes, col.categories, max));
    return new OneHotEncoder({ columns });
  }

  static fromJSON(state: OneHotState): OneHotEncoder {
    return new OneHotEncoder(state);
  }

  /** Output column names for one encoded feature. */
  static outputNames(s: OneHotColumnState): string[] {
    const names = s.categories.map((c) => `${s.name}=${c}`);
    if (s.other.length > 0) names.push(`${s.name}=${OTHER_CATEGORY}`);
    return names;
  }

  transform(X: Frame): Frame {
    const encoded = new Map(this.state.columns.map((s) => [s.name, s]));
    const out: Column[] = [];
    for (const col of X.columns) {
      const s = encoded.get(col.name);
      if (!s || col.dtype !== 'categorical') {
        out.push(col);
        continue;
      }
      const width = s.categories.length + (s.other.length > 0 ? 1 : 0);
      // Map this Frame's codes to output slots by category text (its dictionary may differ).
      const slot = new Map<string, number>(categoryIndex(s.categories));
      for (const c of s.other) slot.set(c, s.categories.length);
      const remap = col.categories.map((c) => slot.get(c) ?? -1);
      const cols = Array.from({ length: width }, () => new Float64Array(X.nRows));
      for (let i = 0; i < X.nRows; i++) {
        const c = col.codes[i];
        const k = c < 0 ? -1 : remap[c];
        if (k >= 0) cols[k][i] = 1;
      }
      OneHotEncoder.outputNames(s).forEach((n, k) => out.push(float64Column(n, cols[k])));
    }
    return Frame.fromColumns(out);
  }

  toJSON(): StepState {
    return { kind: this.kind, state: this.state };
  }
}

export function fitOneHotEncoder(X: Frame, options: OneHotOptions = {}): OneHotEncoder {
  return OneHotEncoder.fit(X, options);
}
