/**
 * @module monitor/reference/types
 * The reference profile: what monitoring keeps of a version's training data so that drift can
 * be measured without the original file — plain JSON, stored as a registry artifact.
 *
 *   numeric      summary stats, a uniform random sample of up to `sampleSize` values (sorted;
 *                the two-sample KS and Wasserstein tests run against it, exactly when the
 *                column has fewer rows), value counts when there are few distinct values, and
 *                a display histogram for charts
 *   categorical  every category's count (the `maxCategories` most frequent; the rest as `other`)
 *   text         length (as numeric) and the vocabulary's document frequencies
 *
 * plus missing counts per column, the prediction distribution (labels, and the positive-class
 * probability or the predicted value), and headline metrics on held-out rows when known.
 */
import type { Task } from '../../data/schema/types.js';

export const REFERENCE_FORMAT = 'modelwright-reference-profile';
export const REFERENCE_FORMAT_VERSION = 1;

export interface DisplayHistogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** Values below the first / above the last edge. */
  readonly below: number;
  readonly above: number;
}

export interface NumericSummary {
  /** Rows, missing included. */
  readonly n: number;
  readonly missing: number;
  readonly mean: number;
  /** Population standard deviation (numpy's default ddof=0, as Evidently norms Wasserstein by). */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  readonly quantiles: Readonly<Record<'p1' | 'p5' | 'p25' | 'p50' | 'p75' | 'p95' | 'p99', number>>;
  /** Sorted uniform random sample of the present values (all of them when few enough). */
  readonly sample: readonly number[];
  /** Present values and their counts, when there are at most 20 distinct values. */
  readonly distinct?: { readonly values: readonly number[]; readonly counts: readonly number[] };
  readonly integer: boolean;
  readonly display: DisplayHistogram;
}

export interface NumericReference extends NumericSummary {
  readonly kind: 'numeric';
  readonly name: string;
}

export interface CategoricalReference {
  readonly kind: 'categorical';
  readonly name: string;
  readonly n: number;
  readonly missing: number;
  /** Most frequent first. */
  readonly categories: readonly string[];
  readonly counts: readonly number[];
  /** Present values in categories beyond the stored ones (0 when all are stored). */
  readonly other: number;
  /** Values are booleans: true/yes/1 and false/no/0 spellings are read alike. */
  readonly boolean?: boolean;
}

export interface TextReference {
  readonly kind: 'text';
  readonly name: string;
  readonly n: number;
  readonly missing: number;
  /** Length in characters of the present values. */
  readonly length: NumericSummary;
  readonly vocabulary: {
    /** Most frequent tokens (by the number of documents holding them). */
    readonly tokens: readonly string[];
    readonly docFreq: readonly number[];
    /** Documents (present values) counted. */
    readonly docs: number;
    /** Share of all token occurrences that fall outside `tokens`. */
    readonly outOfVocabulary: number;
  };
}

export type FeatureReference = NumericReference | CategoricalReference | TextReference;

export interface PredictionReference {
  /** Where the reference predictions come from: rows held out of training, or training rows (in-sample: more confident than live predictions). */
  readonly source: 'held-out' | 'training';
  readonly rows: number;
  /** Classification: the predicted labels. */
  readonly label?: CategoricalReference;
  /** Binary: P(positive class), named `proba_<class>`; regression: the predicted value. */
  readonly score?: NumericReference;
}

export interface ReferenceProfile {
  readonly format: typeof REFERENCE_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  /** The registered version it belongs to (absent for profiles built on the fly). */
  readonly model?: { readonly name: string; readonly version: number };
  readonly rows: number;
  readonly target?: string;
  readonly task?: Task;
  readonly classes?: readonly string[];
  readonly features: readonly FeatureReference[];
  /** Feature columns not monitored, and why (dates, identifiers). */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly prediction?: PredictionReference;
  /** Headline metrics on held-out rows: the baseline for performance-drop alerts. */
  readonly metrics?: { readonly source: 'held-out'; readonly n: number; readonly values: Readonly<Record<string, number>> };
}
