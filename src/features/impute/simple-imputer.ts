/**
 * @module features/impute/simple-imputer
 * Fill missing values: numeric (and datetime) columns with their training median, mean or
 * most frequent value; categorical columns with their most frequent category, or left
 * missing (`keep`, the default) so that one-hot encoding turns them into an all-zero row.
 * With `addIndicator`, every numeric column that had missing values at fit time gets a 0/1
 * column `<name>__missing` (scikit-learn's `add_indicator=True`, features='missing-only'),
 * so a learner can still tell an imputed value from a real one.
 *
 * A numeric column that is entirely missing at fit time is filled with 0 and kept (scikit-learn
 * drops it), so the output columns do not depend on the fold. Sample weights are ignored, as
 * in scikit-learn's SimpleImputer.
 */
import { type Column, categoricalColumn, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import { categoryIndex, type FittedStep, type StepState } from '../step.js';

export type NumericStrategy = 'median' | 'mean' | 'most_frequent';
export type CategoricalStrategy = 'most_frequent' | 'keep';

export interface ImputerOptions {
  /** How to fill numeric columns (default 'median'). */
  readonly numeric?: NumericStrategy;
  /** How to fill categorical columns (default 'keep': leave missing). */
  readonly categorical?: CategoricalStrategy;
  /** Add `<name>__missing` indicator columns (default true). */
  readonly addIndicator?: boolean;
}

export interface ImputerState {
  /** Fill value per numeric column. */
  readonly numeric: readonly { readonly name: string; readonly fill: number }[];
  /** Fill category per categorical column (most_frequent only; absent = keep). */
  readonly categorical: readonly { readonly name: string; readonly fill: string }[];
  /** Columns that get a `__missing` indicator, in output order. */
  readonly indicators: readonly string[];
}

export const INDICATOR_SUFFIX = '__missing';

function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return n % 2 === 1 ? sorted[(n - 1) >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** The fill value of one numeric column's present values. */
function numericFill(values: Float64Array, strategy: NumericStrategy): { fill: number; missing: number } {
  const present = values.filter((v) => !Number.isNaN(v));
  const missing = values.length - present.length;
  if (present.length === 0) return { fill: 0, missing };
  if (strategy === 'mean') {
    let s = 0;
    for (const v of present) s += v;
    return { fill: s / present.length, missing };
  }
  present.sort();
  if (strategy === 'median') return { fill: median(present), missing };
  // most_frequent: the smallest of the most frequent values (scikit-learn's tie rule).
  let best = present[0];
  let bestRun = 0;
  for (let i = 0; i < present.length; ) {
    let j = i;
    while (j < present.length && present[j] === present[i]) j++;
    if (j - i > bestRun) (bestRun = j - i), (best = present[i]);
    i = j;
  }
  return { fill: best, missing };
}

function mostFrequentCategory(codes: Int32Array, categories: readonly string[]): string | undefined {
  const counts = new Float64Array(categories.length);
  for (const c of codes) if (c >= 0) counts[c]++;
  let best = -1;
  for (let k = 0; k < counts.length; k++) {
    // Ties go to the lexicographically smallest category, as in scikit-learn.
    if (counts[k] > 0 && (best < 0 || counts[k] > counts[best] || (counts[k] === counts[best] && categories[k] < categories[best]))) best = k;
  }
  return best < 0 ? undefined : categories[best];
}

export class Imputer implements FittedStep {
  readonly kind = 'impute' as const;
  constructor(readonly state: ImputerState) {}

  /**
   * Learn fill values from `X`.
   * @example const imp = fitImputer(train, { numeric: 'median', addIndicator: true }); imp.transform(test)
   */
  static fit(X: Frame, options: ImputerOptions = {}): Imputer {
    const numericStrategy = options.numeric ?? 'median';
    const numeric: { name: string; fill: number }[] = [];
    const categorical: { name: string; fill: string }[] = [];
    const indicators: string[] = [];
    for (const col of X.columns) {
      if (col.dtype === 'categorical') {
        if (options.categorical !== 'most_frequent') continue;
        const fill = mostFrequentCategory(col.codes, col.categories);
        if (fill !== undefined) categorical.push({ name: col.name, fill });
        continue;
      }
      const { fill, missing } = numericFill(col.values, numericStrategy);
      numeric.push({ name: col.name, fill });
      if ((options.addIndicator ?? true) && missing > 0) indicators.push(col.name);
    }
    return new Imputer({ numeric, categorical, indicators });
  }

  static fromJSON(state: ImputerState): Imputer {
    return new Imputer(state);
  }

  transform(X: Frame): Frame {
    const fills = new Map(this.state.numeric.map((s) => [s.name, s.fill]));
    const catFills = new Map(this.state.categorical.map((s) => [s.name, s.fill]));
    const out: Column[] = X.columns.map((col) => {
      if (col.dtype === 'categorical') {
        const fill = catFills.get(col.name);
        if (fill === undefined) return col;
        let code = categoryIndex(col.categories).get(fill);
        let categories = col.categories;
        // The fill category may be absent from this Frame's dictionary: append it.
        if (code === undefined) (code = categories.length), (categories = [...categories, fill]);
        const codes = Int32Array.from(col.codes, (c) => (c < 0 ? code : c));
        return categoricalColumn(col.name, codes, categories);
      }
      const fill = fills.get(col.name);
      if (fill === undefined) return col;
      const src = col.values;
      const out = new Float64Array(src.length);
      for (let i = 0; i < src.length; i++) out[i] = src[i] !== src[i] ? fill : src[i];
      return float64Column(col.name, out);
    });
    for (const name of this.state.indicators) {
      const col = X.column(name);
      const flags = new Float64Array(X.nRows);
      if (col.dtype === 'categorical') for (let i = 0; i < flags.length; i++) flags[i] = col.codes[i] < 0 ? 1 : 0;
      else for (let i = 0; i < flags.length; i++) flags[i] = Number.isNaN(col.values[i]) ? 1 : 0;
      out.push(float64Column(name + INDICATOR_SUFFIX, flags));
    }
    return Frame.fromColumns(out);
  }

  toJSON(): StepState {
    return { kind: this.kind, state: this.state };
  }
}

/** Fit an imputer on `X` (see Imputer.fit). */
export function fitImputer(X: Frame, options: ImputerOptions = {}): Imputer {
  return Imputer.fit(X, options);
}
