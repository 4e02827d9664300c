/**
 * @module profile/types
 * The shape of a data profile: plain data (numbers, strings, arrays) so it serialises to
 * JSON as is (`modelwright profile --json`) and feeds the HTML report.
 */
import type { DataWarning } from '../quality/warning-codes.js';
import type { Dtype } from '../frame/column.js';
import type { ColumnRole, FeatureType, Task } from '../schema/types.js';
import type { Histogram } from './histogram.js';

export interface Quantiles {
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

export interface TopValue {
  readonly value: string;
  readonly count: number;
}

/** Statistics of numbers (float64 storage). */
export interface NumericStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1), as pandas reports it; 0 for a single value. */
  readonly std: number;
  readonly zeros: number;
  /** Linear interpolation between order statistics (numpy's default). */
  readonly quantiles: Quantiles;
  readonly histogram: Histogram;
}

export interface ColumnProfile {
  readonly name: string;
  readonly type: FeatureType;
  readonly dtype: Dtype;
  readonly role: ColumnRole;
  /** Why the type and role were chosen. */
  readonly reason: string;
  readonly missing: number;
  /** missing / rows (0 when there are no rows). */
  readonly missingShare: number;
  /** Distinct present values. */
  readonly unique: number;
  /** Numbers: smallest/largest value. Dates: ISO strings. */
  readonly min?: number | string;
  readonly max?: number | string;
  readonly mean?: number;
  readonly std?: number;
  readonly zeros?: number;
  readonly quantiles?: Quantiles;
  /** Numbers and dates (edges in epoch ms for dates). */
  readonly histogram?: Histogram;
  /** Categorical, boolean, text and identifier strings: the most frequent values. */
  readonly topValues?: readonly TopValue[];
  /** Text and string identifiers: mean length in characters. */
  readonly meanLength?: number;
}

export interface TargetProfile {
  readonly name: string;
  readonly task: Task;
  readonly reason: string;
  /** Classification: labels in sorted order. */
  readonly classes?: readonly string[];
  /** Classification: rows per class, in the order of `classes`. */
  readonly classCounts?: readonly number[];
  /** Rows without a target value. */
  readonly missing: number;
}

export interface Profile {
  readonly rows: number;
  readonly columnCount: number;
  /** Rows that repeat an earlier row exactly (all columns). */
  readonly duplicateRows: number;
  readonly columns: readonly ColumnProfile[];
  readonly target?: TargetProfile;
  readonly warnings: readonly DataWarning[];
  /** Seconds the profile took (reading excluded). */
  readonly seconds: number;
}
