/**
 * @module learners/decomposition/projection-model
 * A fitted linear projection — PCA (`pca`) or truncated SVD (`truncated_svd`): preprocessing,
 * a centre (zeros for truncated SVD), component rows, their variances, and an optional
 * whitening. transform: (x − centre)·Wᵀ; inverse: z·W + centre, then numeric columns back to
 * their original units.
 */
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

/** Write the scores of up to four consecutive rows (i0…) for component c. */
function store(out: Float64Array, i0: number, rows: number, k: number, c: number, s0: number, s1: number, s2: number, s3: number): void {
  out[i0 * k + c] = s0;
  if (rows > 1) out[(i0 + 1) * k + c] = s1;
  if (rows > 2) out[(i0 + 2) * k + c] = s2;
  if (rows > 3) out[(i0 + 3) * k + c] = s3;
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
    const d = this.preprocessor.width;
    const k = this.nComponents;
    const { center, components, explainedVariance, whiten } = this.fit;
    const factor = Float64Array.from(explainedVariance, (v) => (whiten ? 1 / Math.sqrt(v) : 1));
    const out = new Float64Array(n * k);
    // Rows are centred before the products (not x·w − c·w): exact also when columns hold large
    // offsets (e.g. unstandardised epoch times). Four rows at a time share each component
    // load: four independent sums per loaded weight (register blocking, as in a GEMM kernel).
    const R = new Float64Array(4 * d);
    for (let i0 = 0; i0 < n; i0 += 4) {
      const rows = Math.min(4, n - i0);
      R.fill(0);
      for (let t = 0; t < rows; t++) for (let j = 0, a = (i0 + t) * d; j < d; j++) R[t * d + j] = M[a + j] - center[j];
      // Two components at a time as well: 8 independent sums per 6 loads.
      let c = 0;
      for (; c + 1 < k; c += 2) {
        const w = c * d;
        const v0 = w + d;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let b0 = 0;
        let b1 = 0;
        let b2 = 0;
        let b3 = 0;
        for (let j = 0; j < d; j++) {
          const x0 = R[j];
          const x1 = R[d + j];
          const x2 = R[2 * d + j];
          const x3 = R[3 * d + j];
          const u = components[w + j];
          const v = components[v0 + j];
          a0 += x0 * u;
          a1 += x1 * u;
          a2 += x2 * u;
          a3 += x3 * u;
          b0 += x0 * v;
          b1 += x1 * v;
          b2 += x2 * v;
          b3 += x3 * v;
        }
        store(out, i0, rows, k, c, a0 * factor[c], a1 * factor[c], a2 * factor[c], a3 * factor[c]);
        store(out, i0, rows, k, c + 1, b0 * factor[c + 1], b1 * factor[c + 1], b2 * factor[c + 1], b3 * factor[c + 1]);
      }
      for (; c < k; c++) {
        const w = c * d;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let j = 0; j < d; j++) {
          const u = components[w + j];
          a0 += R[j] * u;
          a1 += R[d + j] * u;
          a2 += R[2 * d + j] * u;
          a3 += R[3 * d + j] * u;
        }
        store(out, i0, rows, k, c, a0 * factor[c], a1 * factor[c], a2 * factor[c], a3 * factor[c]);
      }
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
