/**
 * @module schema/types
 * What Modelwright believes about each column: its semantic type (how learners should treat
 * it) and its role (what part it plays). Inferred by `inferSchema`, overridable by flags and a
 * schema file, written into every saved model as its input contract.
 */
import type { Dtype } from '../frame/column.js';

export const FEATURE_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text', 'identifier'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export const COLUMN_ROLES = ['feature', 'target', 'id', 'time', 'weight', 'group', 'sensitive', 'ignored'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const TASKS = ['binary', 'multiclass', 'regression'] as const;
export type Task = (typeof TASKS)[number];

export interface ColumnSchema {
  readonly name: string;
  /** Storage in the Frame. */
  readonly dtype: Dtype;
  /** How learners should treat it. */
  readonly type: FeatureType;
  readonly role: ColumnRole;
  /** Why the type and role were chosen ("flag --categorical", "12 distinct values in 1000 rows"…). */
  readonly reason: string;
}

export interface DatasetSchema {
  readonly columns: readonly ColumnSchema[];
}

export interface TaskInference {
  readonly target: string;
  readonly task: Task;
  /** One sentence on why this task was chosen. */
  readonly reason: string;
  /** Class labels in sorted order (classification only), as they appear in the data. */
  readonly classes?: readonly string[];
}
