/**
 * @module learners/decomposition/projection-model
 * A fitted linear projection — PCA (`pca`) or truncated SVD (`truncated_svd`): preprocessing,
 * a centre (zeros for truncated SVD), component rows, their variances, and an optional
 * whitening. transform: (x − centre)·Wᵀ; inverse: z·W + centre, then numeric columns back to
 * their original units.
 */
import { projectRows } from '../../common/linalg/project-rows.js';
import type { Frame } from '../../data/frame/frame.js';
import { ModelFileError } from '../../errors.js';
import type { DecompositionModel, UnsupervisedState } from '../unsupervised.js';
import { Preprocessor, type PreprocessState } from '../unsupervised/preprocess.js';
import { numberArray, positiveInt, stateObject } from '../unsupervised/state-check.js';

export interface ProjectionFit {
  readonly center: Float64Array;
  /** Row-major nComponents × width, unit rows. */
  readonly components: Float64Array;
  readonly explainedVariance: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  readonly singularValues: Float64Array;
  readonly whiten: boolean;
}

export class ProjectionModel implements DecompositionModel {
  readonly task = 'decomposition' as const;

  constructor(
    readonly kind: 'pca' | 'truncated_svd',
    readonly params: Readonly<Record<string, unknown>>,
    readonly preprocessor: Preprocessor,
    readonly fit: ProjectionFit,
  ) {}

  get inputSchema() {
    return this.preprocessor.inputSchema;
  }
  get nComponents(): number {
    return this.fit.explainedVariance.length;
  }
  get featureNames(): readonly string[] {
    return this.preprocessor.featureNames;
  }
  get components(): Float64Array {
    return this.fit.components;
  }
  get explainedVariance(): Float64Array {
    return this.fit.explainedVariance;
  }
  get explainedVarianceRatio(): Float64Array {
    return this.fit.explainedVarianceRatio;
  }

  /** @example model.transform(frame) // row-major n × nComponents scores */
  transform(X: Frame): Float64Array {
    return this.project(this.preprocessor.matrix(X, `this ${this.kind} model`), X.nRows);
  }

  /** Scores of an encoded row-major n × width matrix. */
  project(M: Float64Array, n: number): Float64Array {
    const k = this.nComponents;
    const { center, components, explainedVariance, whiten } = this.fit;
    const out = projectRows(M, n, this.preprocessor.width, center, components, k);
    if (whiten) {
      const factor = Float64Array.from(explainedVariance, (v) => 1 / Math.sqrt(v));
      for (let i = 0; i < out.length; i++) out[i] *= factor[i % k];
    }
    return out;
  }

  inverseTransform(Z: Float64Array): Float64Array {
    const d = this.preprocessor.width;
    const k = this.nComponents;
    const n = Math.floor(Z.length / k);
    const { center, components, explainedVariance, whiten } = this.fit;
    const { mean, scale } = this.preprocessor.scaling();
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let s = center[j];
        for (let c = 0; c < k; c++) s += (whiten ? Z[i * k + c] * Math.sqrt(explainedVariance[c]) : Z[i * k + c]) * components[c * d + j];
        out[i * d + j] = s * scale[j] + mean[j];
      }
    }
    return out;
  }

  toJSON(): UnsupervisedState {
    const f = this.fit;
    return {
      kind: this.kind,
      task: this.task,
      params: { ...this.params },
      inputSchema: this.inputSchema,
      state: {
        preprocess: this.preprocessor.toJSON(),
        nComponents: this.nComponents,
        center: Array.from(f.center),
        components: Array.from(f.components),
        explainedVariance: Array.from(f.explainedVariance),
        explainedVarianceRatio: Array.from(f.explainedVarianceRatio),
        singularValues: Array.from(f.singularValues),
        whiten: f.whiten,
      },
    };
  }

  static fromJSON(file: UnsupervisedState): ProjectionModel {
    if (file.kind !== 'pca' && file.kind !== 'truncated_svd') {
      throw new ModelFileError('MW_MODEL_FILE_INVALID', `A projection model must be of kind 'pca' or 'truncated_svd', not '${file.kind}'.`);
    }
    const s = stateObject(file.state, file.kind);
    const prep = Preprocessor.fromJSON(file.inputSchema, s.preprocess as PreprocessState);
    const k = positiveInt(s.nComponents, file.kind, 'nComponents');
    const d = prep.width;
    return new ProjectionModel(file.kind, file.params, prep, {
      center: numberArray(s.center, d, file.kind, 'center'),
      components: numberArray(s.components, k * d, file.kind, 'components'),
      explainedVariance: numberArray(s.explainedVariance, k, file.kind, 'explainedVariance'),
      explainedVarianceRatio: numberArray(s.explainedVarianceRatio, k, file.kind, 'explainedVarianceRatio'),
      singularValues: numberArray(s.singularValues, k, file.kind, 'singularValues'),
      whiten: s.whiten === true,
    });
  }
}
