/**
 * @module monitor/drift/types
 * The drift report's shape: plain data, snake_case keys (it is the JSON of `monitor --json`).
 */
import type { DriftTestName } from './drift-options.js';

/** Reference vs current shares for the report's charts. */
export type DistributionChart =
  | {
      readonly kind: 'histogram';
      readonly edges: readonly number[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
      /** Shares below the first / above the last edge: [reference, current]. */
      readonly below: readonly [number, number];
      readonly above: readonly [number, number];
    }
  | { readonly kind: 'bars'; readonly labels: readonly string[]; readonly reference: readonly number[]; readonly current: readonly number[] };

export interface FeatureDrift {
  readonly name: string;
  readonly type: 'numeric' | 'categorical' | 'text';
  readonly test: DriftTestName;
  /** KS D, χ², z, Wasserstein (normed), Jensen–Shannon distance or PSI. */
  readonly statistic: number;
  readonly p_value?: number;
  /** Benjamini–Hochberg adjusted p-value (the one compared with the threshold). */
  readonly p_value_adjusted?: number;
  readonly threshold: number;
  readonly drifted: boolean;
  /** Present (non-missing) values compared. */
  readonly n_reference: number;
  readonly n_current: number;
  /** Missing shares and whether their change exceeds `missingShift`. */
  readonly missing: { readonly reference: number; readonly current: number; readonly shifted: boolean };
  /** Categorical: current values in categories the reference never had. */
  readonly new_categories?: { readonly share: number | null; readonly shifted: boolean; readonly examples: readonly string[] };
  /** Text: the length test is the main one; the vocabulary adds its own verdict. */
  readonly text?: {
    readonly length_drifted: boolean;
    readonly vocabulary_distance: number | null;
    readonly out_of_vocabulary: { readonly reference: number; readonly current: number };
    readonly vocabulary_drifted: boolean;
  };
  readonly distribution: DistributionChart;
}

export interface DriftReport {
  /** Rows behind the reference profile and rows compared from the current data. */
  readonly n_reference: number;
  readonly n_current: number;
  readonly dataset_drift: boolean;
  /** Drifted columns / monitored columns. */
  readonly drift_share: number;
  readonly drift_share_threshold: number;
  readonly n_features: number;
  readonly n_drifted: number;
  readonly multiple_testing: 'benjamini-hochberg' | 'none';
  readonly features: readonly FeatureDrift[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly prediction_drift: boolean;
  /** The prediction column's own drift result (positive-class probability, label or value). */
  readonly prediction?: FeatureDrift;
}
