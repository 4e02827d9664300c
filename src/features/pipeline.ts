/**
 * @module features/pipeline
 * A fitted sequence of preprocessing steps, applied in order:
 *
 *   Frame ──impute──▶ ──standard-scale──▶ ──one-hot / ordinal──▶ Frame ──▶ DesignMatrix
 *
 * `fitPipeline(X, specs)` fits each step on the output of the previous one (so a scaler
 * sees imputed values) and remembers the output column names, which fix the design
 * matrix's columns and their order. State is plain data (`toJSON` / `Pipeline.fromJSON`), so
 * a pipeline travels inside a model file. Each step is also usable on its own; AutoML fits
 * pipelines inside each CV fold, never on the full data.
 */
import { ModelFileError } from '../errors.js';
import type { Frame } from '../data/frame/frame.js';
import { type DesignMatrix, toDesignMatrix } from './design-matrix.js';
import { OneHotEncoder, type OneHotOptions, type OneHotState } from './encode/one-hot-encoder.js';
import { OrdinalEncoder, type OrdinalState } from './encode/ordinal-encoder.js';
import { Imputer, type ImputerOptions, type ImputerState } from './impute/simple-imputer.js';
import { type ScalerOptions, type ScalerState, StandardScaler } from './scale/standard-scaler.js';
import type { FittedStep, StepState } from './step.js';

/** One step to fit, with its options. */
export type StepSpec =
  | { readonly kind: 'impute'; readonly options?: ImputerOptions }
  | { readonly kind: 'standard-scale'; readonly options?: ScalerOptions }
  | { readonly kind: 'one-hot'; readonly options?: OneHotOptions }
  | { readonly kind: 'ordinal' };

export interface PipelineState {
  readonly steps: readonly StepState[];
  /** Output column names after the last step, in design-matrix order. */
  readonly outputNames: readonly string[];
}

function fitStep(X: Frame, spec: StepSpec): FittedStep {
  switch (spec.kind) {
    case 'impute':
      return Imputer.fit(X, spec.options);
    case 'standard-scale':
      return StandardScaler.fit(X, spec.options);
    case 'one-hot':
      return OneHotEncoder.fit(X, spec.options);
    case 'ordinal':
      return OrdinalEncoder.fit(X);
  }
}

function loadStep(s: StepState): FittedStep {
  switch (s.kind) {
    case 'impute':
      return Imputer.fromJSON(s.state as ImputerState);
    case 'standard-scale':
      return StandardScaler.fromJSON(s.state as ScalerState);
    case 'one-hot':
      return OneHotEncoder.fromJSON(s.state as OneHotState);
    case 'ordinal':
      return OrdinalEncoder.fromJSON(s.state as OrdinalState);
    default:
      throw new ModelFileError('MW_MODEL_FILE_INVALID', `Unknown preprocessing step '${String((s as { kind: unknown }).kind)}' in the model file. Known steps: impute, standard-scale, one-hot, ordinal.`);
  }
}

export class Pipeline {
  constructor(
    readonly steps: readonly FittedStep[],
    readonly outputNames: readonly string[],
  ) {}

  /**
   * Fit `specs` in order on `X`.
   * @example
   * const p = Pipeline.fit(train, [{ kind: 'impute' }, { kind: 'standard-scale' }, { kind: 'one-hot' }]);
   * const m = p.toMatrix(test); // dense, row-major
   */
  static fit(X: Frame, specs: readonly StepSpec[]): Pipeline {
    const steps: FittedStep[] = [];
    let cur = X;
    for (const spec of specs) {
      const step = fitStep(cur, spec);
      steps.push(step);
      cur = step.transform(cur);
    }
    return new Pipeline(steps, cur.names);
  }

  static fromJSON(state: PipelineState): Pipeline {
    return new Pipeline(state.steps.map(loadStep), [...state.outputNames]);
  }

  /** Apply every step in order. */
  transform(X: Frame): Frame {
    let cur = X;
    for (const step of this.steps) cur = step.transform(cur);
    return cur;
  }

  /** Transform and copy the output columns (fit-time names and order) into a dense matrix. */
  toMatrix(X: Frame): DesignMatrix {
    return toDesignMatrix(this.transform(X), this.outputNames);
  }

  toJSON(): PipelineState {
    return { steps: this.steps.map((s) => s.toJSON()), outputNames: this.outputNames };
  }
}

/** Fit a pipeline (see Pipeline.fit). */
export function fitPipeline(X: Frame, specs: readonly StepSpec[]): Pipeline {
  return Pipeline.fit(X, specs);
}
