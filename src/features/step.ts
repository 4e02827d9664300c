/**
 * @module features/step
 * The shape every fitted preprocessing step shares: a pure `transform(Frame) → Frame` plus
 * plain-data state. Steps are fitted one at a time (fitImputer, fitOneHotEncoder, …) so that
 * AutoML can fit them inside each CV fold; `pipeline.ts` chains them.
 */
import type { Frame } from '../data/frame/frame.js';

/** The kinds of step a pipeline can hold (written into model files). */
export type StepKind = 'impute' | 'one-hot' | 'ordinal' | 'standard-scale';

/** A step's serialised form: plain JSON data, never code. */
export interface StepState {
  readonly kind: StepKind;
  readonly state: unknown;
}

/** A fitted step. Columns it did not see at fit time pass through unchanged. */
export interface FittedStep {
  readonly kind: StepKind;
  /** A new Frame; `X` is not modified. */
  transform(X: Frame): Frame;
  toJSON(): StepState;
}

/** A column lookup by category text, built per transform (dictionaries may differ between Frames). */
export function categoryIndex(categories: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  categories.forEach((c, i) => index.set(c, i));
  return index;
}
