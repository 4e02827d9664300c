/**
 * @module learners/unsupervised/preprocess
 * The preprocessing every unsupervised learner applies before its algorithm, kept inside the
 * model so that a model reads raw Frames:
 *
 *   Frame ──conform to schema──▶ impute (numeric: training median; categorical: left missing)
 *         ──▶ standardise numeric columns ((x − mean) / std, ddof 0)      [standardize=true]
 *         ──▶ one-hot categorical columns (20 columns at most, rarer → `__other__`)
 *         ──▶ row-major Float64Array n × width
 *
 * Why these choices:
 * - Distances and variances mix columns, so numeric columns are put on one scale; without
 *   it the column with the largest unit decides every cluster and component.
 * - One-hot indicators are left as 0/1 rather than standardised: scaling a 1 % category by its
 *   std would make it weigh ~10 standard deviations and dominate the distances.
 * - A missing or unseen category encodes as all zeros ("none of the known categories").
 * - Columns that cannot help are skipped with a reason: all values missing, or a categorical
 *   column whose values are nearly all distinct (an identifier or free text).
 * The steps themselves are src/features/ (shared with the supervised learners).
 */
import { categoricalColumn, type Column, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import { DataError } from '../../errors.js';
import { Pipeline, type PipelineState, type StepSpec } from '../../features/pipeline.js';
import type { ScalerState } from '../../features/scale/standard-scaler.js';
import { alignFeatures, type FeatureSchema, type FeatureSpec } from '../feature-schema.js';

/** One-hot columns per categorical feature at most (the rest share `__other__`). */
export const MAX_ONE_HOT = 20;

export interface SkippedColumn {
  readonly name: string;
  readonly reason: string;
}

export interface PreprocessState {
  readonly pipeline: PipelineState;
  readonly skipped: readonly SkippedColumn[];
}

/** Why a column cannot be a feature, or null when it can. */
function skipReason(col: Column): string | null {
  if (col.dtype === 'categorical') {
    const counts = new Int32Array(col.categories.length);
    let present = 0;
    for (const c of col.codes) if (c >= 0) (counts[c]++, present++);
    if (present === 0) return 'all values missing';
    let distinct = 0;
    for (const n of counts) if (n > 0) distinct++;
    // More than 20 distinct values, most of them unique: an identifier or free text, which
    // one-hot encoding would turn into noise.
    if (distinct > 20 && distinct > 0.5 * present) return `looks like an identifier or free text (${distinct} distinct values in ${present} rows)`;
    return null;
  }
  for (const v of col.values) if (!Number.isNaN(v)) return null;
  return 'all values missing';
}

/** `X` restricted and converted to `schema` (categorical codes in training order). */
function conform(X: Frame, schema: FeatureSchema, modelName: string): Frame {
  const aligned = alignFeatures(X, schema, modelName);
  return Frame.fromColumns(
    schema.features.map((f: FeatureSpec, j) => {
      const a = aligned.columns[j];
      return f.kind === 'categorical' ? categoricalColumn(f.name, a as Int32Array, f.categories ?? []) : float64Column(f.name, a as Float64Array);
    }),
  );
}

export class Preprocessor {
  private constructor(
    readonly inputSchema: FeatureSchema,
    private readonly pipeline: Pipeline,
    readonly skipped: readonly SkippedColumn[],
  ) {}

  /**
   * Fit the preprocessing on `X`. A DataError (MW_DATA_NO_FEATURES) when no column is usable.
   * @example const prep = Preprocessor.fit(frame, { standardize: true }); prep.matrix(frame, 'kmeans')
   */
  static fit(X: Frame, options: { readonly standardize: boolean }, owner = 'the learner'): Preprocessor {
    const skipped: SkippedColumn[] = [];
    const features: FeatureSpec[] = [];
    for (const col of X.columns) {
      const reason = skipReason(col);
      if (reason) skipped.push({ name: col.name, reason });
      else features.push(col.dtype === 'categorical' ? { name: col.name, kind: 'categorical', categories: [...col.categories] } : { name: col.name, kind: 'numeric' });
    }
    if (features.length === 0) {
      const why = skipped.length ? ` Skipped: ${skipped.map((s) => `'${s.name}' (${s.reason})`).join(', ')}.` : '';
      throw new DataError('MW_DATA_NO_FEATURES', `No usable feature column for ${owner}: the data has ${X.nCols} column(s) and none can be used.${why}`, {
        details: { skipped },
      });
    }
    const schema: FeatureSchema = { features };
    const steps: StepSpec[] = [{ kind: 'impute', options: { numeric: 'median', categorical: 'keep', addIndicator: false } }];
    if (options.standardize) steps.push({ kind: 'standard-scale' });
    steps.push({ kind: 'one-hot', options: { maxCategories: MAX_ONE_HOT } });
    const pipeline = Pipeline.fit(conform(X, schema, owner), steps);
    return new Preprocessor(schema, pipeline, skipped);
  }

  static fromJSON(inputSchema: FeatureSchema, state: PreprocessState): Preprocessor {
    return new Preprocessor(inputSchema, Pipeline.fromJSON(state.pipeline), state.skipped);
  }

  /** Names of the encoded columns, in matrix order. */
  get featureNames(): readonly string[] {
    return this.pipeline.outputNames;
  }

  get width(): number {
    return this.pipeline.outputNames.length;
  }

  /** The encoded row-major n × width matrix of `X` (columns matched by name; extras ignored). */
  matrix(X: Frame, modelName = 'the model'): Float64Array {
    return this.pipeline.toMatrix(conform(X, this.inputSchema, modelName)).data;
  }

  /**
   * Per encoded column, the (mean, scale) that standardisation applied — identity for one-hot
   * columns and when standardize=false — so that results can be put back in original units.
   */
  scaling(): { readonly mean: Float64Array; readonly scale: Float64Array } {
    const names = this.featureNames;
    const mean = new Float64Array(names.length);
    const scale = new Float64Array(names.length).fill(1);
    const scaler = this.pipeline.steps.find((s) => s.kind === 'standard-scale');
    if (scaler) {
      const stats = new Map((scaler.toJSON().state as ScalerState).columns.map((c) => [c.name, c]));
      names.forEach((n, j) => {
        const s = stats.get(n);
        if (s) (mean[j] = s.mean), (scale[j] = s.scale);
      });
    }
    return { mean, scale };
  }

  toJSON(): PreprocessState {
    return { pipeline: this.pipeline.toJSON(), skipped: this.skipped };
  }
}
