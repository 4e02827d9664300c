/**
 * @module features/encode/ordinal-encoder
 * Encode categorical columns as one float column of codes, in the order of the training
 * categories that occur in the training rows (sorted, as scikit-learn's OrdinalEncoder does).
 * Missing values and categories unseen in training become NaN, so a learner that handles
 * missing values natively (trees) treats both alike. Numeric columns pass through.
 */
import { type Column, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import { categoryIndex, type FittedStep, type StepState } from '../step.js';

export interface OrdinalState {
  readonly columns: readonly { readonly name: string; readonly categories: readonly string[] }[];
}

export class OrdinalEncoder implements FittedStep {
  readonly kind = 'ordinal' as const;
  constructor(readonly state: OrdinalState) {}

  /** @example OrdinalEncoder.fit(train).transform(test) */
  static fit(X: Frame): OrdinalEncoder {
    const columns: { name: string; categories: string[] }[] = [];
    for (const col of X.columns) {
      if (col.dtype !== 'categorical') continue;
      const used = new Uint8Array(col.categories.length);
      for (const c of col.codes) if (c >= 0) used[c] = 1;
      columns.push({ name: col.name, categories: col.categories.filter((_, k) => used[k]).sort() });
    }
    return new OrdinalEncoder({ columns });
  }

  static fromJSON(state: OrdinalState): OrdinalEncoder {
    return new OrdinalEncoder(state);
  }

  transform(X: Frame): Frame {
    const encoded = new Map(this.state.columns.map((s) => [s.name, s.categories]));
    const out: Column[] = X.columns.map((col) => {
      const categories = encoded.get(col.name);
      if (!categories || col.dtype !== 'categorical') return col;
      const index = categoryIndex(categories);
      const remap = col.categories.map((c) => index.get(c) ?? Number.NaN);
      const out = new Float64Array(col.codes.length);
      for (let i = 0; i < out.length; i++) out[i] = col.codes[i] < 0 ? Number.NaN : remap[col.codes[i]];
      return float64Column(col.name, out);
    });
    return Frame.fromColumns(out);
  }

  toJSON(): StepState {
    return { kind: this.kind, state: this.state };
  }
}

export function fitOrdinalEncoder(X: Frame): OrdinalEncoder {
  return OrdinalEncoder.fit(X);
}
