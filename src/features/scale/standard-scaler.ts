/**
 * @module features/scale/standard-scaler
 * Standardise numeric columns: (x − mean) / std, with the population standard deviation
 * (ddof = 0) as in scikit-learn's StandardScaler. A constant column keeps scale 1 so it maps
 * to 0 instead of dividing by zero. NaN stays NaN and is left out of the statistics.
 * Categorical columns pass through (encode them first, or after, as the pipeline needs).
 */
import { type Column, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import type { FittedStep, StepState } from '../step.js';

export interface ScalerOptions {
  /** Only these columns (default: every numeric column). */
  readonly columns?: readonly string[];
  /** Subtract the mean (default true). */
  readonly withMean?: boolean;
}

export interface ScalerState {
  readonly columns: readonly { readonly name: string; readonly mean: number; readonly scale: number }[];
}

export class StandardScaler implements FittedStep {
  readonly kind = 'standard-scale' as const;
  constructor(readonly state: ScalerState) {}

  /** @example StandardScaler.fit(train).transform(test) */
  static fit(X: Frame, options: ScalerOptions = {}): StandardScaler {
    const wanted = options.columns ? new Set(options.columns) : undefined;
    const columns: { name: string; mean: number; scale: number }[] = [];
    for (const col of X.columns) {
      if (col.dtype === 'categorical' || (wanted && !wanted.has(col.name))) continue;
      // Two passes (mean, then squared deviations): stable for large offsets such as epoch ms.
      let n = 0;
      let sum = 0;
      for (const v of col.values) if (!Number.isNaN(v)) (n++, (sum += v));
      const mean = n > 0 ? sum / n : 0;
      let ss = 0;
      for (const v of col.values) if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
      const std = n > 0 ? Math.sqrt(ss / n) : 0;
      // scikit-learn treats a std below ~10·eps·|mean| as zero (constant column).
      const scale = std <= 10 * Number.EPSILON * Math.max(1, Math.abs(mean)) ? 1 : std;
      columns.push({ name: col.name, mean: options.withMean === false ? 0 : mean, scale });
    }
    return new StandardScaler({ columns });
  }

  static fromJSON(state: ScalerState): StandardScaler {
    return new StandardScaler(state);
  }

  transform(X: Frame): Frame {
    const stats = new Map(this.state.columns.map((s) => [s.name, s]));
    const out: Column[] = X.columns.map((col) => {
      const s = stats.get(col.name);
      if (!s || col.dtype === 'categorical') return col;
      const { mean, scale } = s;
      const src = col.values;
      const out = new Float64Array(src.length);
      for (let i = 0; i < src.length; i++) out[i] = (src[i] - mean) / scale;
      return float64Column(col.name, out);
    });
    return Frame.fromColumns(out);
  }

  toJSON(): StepState {
    return { kind: this.kind, state: this.state };
  }
}

export function fitStandardScaler(X: Frame, options: ScalerOptions = {}): StandardScaler {
  return StandardScaler.fit(X, options);
}
