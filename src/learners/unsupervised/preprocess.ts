/**
 * @module learners/unsupervised/preprocess
 * The preprocessing every unsupervised learner applies before its algorithm, kept inside the
 * model so that a model reads raw Frames:
 *
 *   Frame ──conform to the input schema (columns by name, categories by text)──▶
 *         encoder.ts: impute (numeric: training median; categorical: left missing)
 *                     ──▶ standardise numeric columns ((x − mean) / std, ddof 0)  [standardize]
 *                     ──▶ one-hot categorical columns (≤ 20 columns, rarer → `__other__`)
 *         ──▶ row-major Float64Array n × width
 *
 * Why these choices:
 * - Distances and variances mix columns, so numeric columns are put on one scale; without it
 *   the column with the largest unit decides every cluster and component.
 * - One-hot indicators stay 0/1 rather than standardised: scaling a 1 % category by its std
 *   would make it weigh ~10 standard deviations and dominate the distances.
 * - A missing or unseen category encodes as all zeros ("none of the known categories").
 * - Columns that cannot help are skipped with a reason: all values missing, or a categorical
 *   column whose values are nearly all distinct (an identifier or free text).
 * The semantics are those of src/features (imputer → standard scaler → one-hot encoder); the
 * encoding is done here in one pass into the matrix because chaining Frame steps cost more
 * than the learners themselves on wide tables.
 */
import type { Column } from '../../data/frame/column.js';
import type { Frame } from '../../data/frame/frame.js';
import { DataError } from '../../errors.js';
import { alignFeatures, type FeatureSchema, type FeatureSpec } from '../feature-schema.js';
import { applyEncoder, type EncoderInput, type EncoderState, encodedNames, fitEncoder } from './encoder.js';

export interface SkippedColumn {
  readonly name: string;
  readonly reason: string;
}

export interface PreprocessState {
  readonly encoder: EncoderState;
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
  for (const v of col.values) if (v === v) return null;
  return 'all values missing';
}

/** Inputs of the encoder for `X`, conformed to `schema` (categorical codes into its dictionaries). */
function encoderInputs(X: Frame, schema: FeatureSchema, modelName: string): EncoderInput[] {
  const aligned = alignFeatures(X, schema, modelName);
  return schema.features.map((f: FeatureSpec, j) =>
    f.kind === 'categorical' ? { codes: aligned.columns[j] as Int32Array, dictionary: f.categories ?? [] } : { values: aligned.columns[j] as Float64Array },
  );
}

export class Preprocessor {
  readonly featureNames: readonly string[];

  private constructor(
    readonly inputSchema: FeatureSchema,
    private readonly encoder: EncoderState,
    readonly skipped: readonly SkippedColumn[],
  ) {
    this.featureNames = encodedNames(encoder);
  }

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
    const inputs = encoderInputs(X, schema, owner);
    const encoder = fitEncoder(
      features.map((f, j) => ({ name: f.name, input: inputs[j] })),
      options.standardize,
    );
    return new Preprocessor(schema, encoder, skipped);
  }

  static fromJSON(inputSchema: FeatureSchema, state: PreprocessState): Preprocessor {
    return new Preprocessor(inputSchema, state.encoder, state.skipped);
  }

  get width(): number {
    return this.featureNames.length;
  }

  /** The encoded row-major n × width matrix of `X` (columns matched by name; extras ignored). */
  matrix(X: Frame, modelName = 'the model'): Float64Array {
    return applyEncoder(this.encoder, encoderInputs(X, this.inputSchema, modelName), X.nRows);
  }

  /**
   * Per encoded column, the (mean, scale) that standardisation applied — identity for one-hot
   * columns and when standardize=false — so that results can be put back in original units.
   */
  scaling(): { readonly mean: Float64Array; readonly scale: Float64Array } {
    const mean = new Float64Array(this.width);
    const scale = new Float64Array(this.width).fill(1);
    let j = 0;
    for (const c of this.encoder.columns) {
      if (c.kind === 'numeric') (mean[j] = c.mean), (scale[j] = c.scale), j++;
      else j += c.categories.length + (c.other.length > 0 ? 1 : 0);
    }
    return { mean, scale };
  }

  toJSON(): PreprocessState {
    return { encoder: this.encoder, skipped: this.skipped };
  }
}
