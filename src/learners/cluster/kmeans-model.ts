/**
 * @module learners/cluster/kmeans-model
 * A fitted k-means model: preprocessing plus k centres in the encoded space. A row belongs to
 * its nearest centre.
 */
import type { Frame } from '../../data/frame/frame.js';
import type { ClusterModel, UnsupervisedState } from '../unsupervised.js';
import { Preprocessor, type PreprocessState } from '../unsupervised/preprocess.js';
import { numberArray, positiveInt, stateObject } from '../unsupervised/state-check.js';
import { nearestCenters } from './nearest-center.js';
import type { KMeansParams } from './params.js';

export class KMeansModel implements ClusterModel {
  readonly kind = 'kmeans';
  readonly task = 'clustering' as const;

  constructor(
    readonly params: Readonly<KMeansParams>,
    readonly preprocessor: Preprocessor,
    /** Row-major nClusters × featureNames.length, in the encoded (standardised) space. */
    readonly centers: Float64Array,
    readonly nClusters: number,
    /** Σ‖x − c(x)‖² over the training rows (scikit-learn's inertia_). */
    readonly inertia: number,
    readonly nIter: number,
    readonly labels?: Int32Array,
  ) {}

  get inputSchema() {
    return this.preprocessor.inputSchema;
  }

  get featureNames(): readonly string[] {
    return this.preprocessor.featureNames;
  }

  /** @example model.predict(frame) // Int32Array of cluster indices */
  predict(X: Frame): Int32Array {
    const M = this.preprocessor.matrix(X, 'this kmeans model');
    const labels = new Int32Array(X.nRows);
    nearestCenters(M, X.nRows, this.preprocessor.width, this.centers, this.nClusters, labels);
    return labels;
  }

  /** Σ‖x − c(x)‖² of the rows of X against their nearest centres (minus scikit-learn's score). */
  inertiaOf(X: Frame): number {
    const M = this.preprocessor.matrix(X, 'this kmeans model');
    return nearestCenters(M, X.nRows, this.preprocessor.width, this.centers, this.nClusters, new Int32Array(X.nRows));
  }

  toJSON(): UnsupervisedState {
    return {
      kind: this.kind,
      task: this.task,
      params: { ...this.params },
      inputSchema: this.inputSchema,
      state: { preprocess: this.preprocessor.toJSON(), nClusters: this.nClusters, centers: Array.from(this.centers), inertia: this.inertia, nIter: this.nIter },
    };
  }

  static fromJSON(file: UnsupervisedState): KMeansModel {
    const s = stateObject(file.state, 'kmeans');
    const prep = Preprocessor.fromJSON(file.inputSchema, s.preprocess as PreprocessState);
    const k = positiveInt(s.nClusters, 'kmeans', 'nClusters');
    const centers = numberArray(s.centers, k * prep.width, 'kmeans', 'centers');
    return new KMeansModel(file.params as KMeansParams, prep, centers, k, Number(s.inertia), Number(s.nIter));
  }
}
