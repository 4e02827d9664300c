/**
 * @module learners/knn/model
 * A fitted k-NN model: the preprocessing pipeline, the preprocessed training matrix and the
 * targets (k-NN is its training data). Neighbours come from brute force or a k-d tree
 * (rebuilt on load); both give identical answers. Sample weights are not used, as in
 * scikit-learn.
 *   classification: per-class share of (weighted) neighbour votes
 *   regression:     (weighted) mean of the neighbours' targets
 * With 'distance' weights a neighbour at distance 0 takes all the weight (scikit-learn).
 */
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import type { PipelineState } from '../../features/pipeline.js';
import type { ModelState } from '../estimator.js';
import type { FeatureSchema } from '../feature-schema.js';
import { ModelInput } from '../shared/preprocessing.js';
import { SupervisedModel } from '../shared/supervised-model.js';
import { bruteForceKnn } from './brute-force.js';
import { fromReduced, type Metric } from './distance.js';
import { KdTree } from './kd-tree.js';

export interface KnnState {
  readonly pipeline: PipelineState;
  /** Preprocessed training rows, row-major (nRows × nCols of the pipeline output). */
  readonly data: number[];
  /** Class index (classification) or value (regression) per training row. */
  readonly y: number[];
}

export class KnnModel extends SupervisedModel {
  readonly kind = 'knn';
  private readonly train: Float64Array;
  private readonly y: Float64Array;
  private readonly p: number;
  private readonly tree?: KdTree;

  constructor(
    task: Task,
    inputSchema: FeatureSchema,
    classes: readonly string[],
    params: Readonly<Record<string, unknown>>,
    readonly input: ModelInput,
    train: Float64Array,
    y: Float64Array,
  ) {
    super(task, inputSchema, classes, params);
    this.train = train;
    this.y = y;
    this.p = input.pipeline.outputNames.length;
    const n = y.length;
    const algo = params.algorithm;
    if (algo === 'kd_tree' || (algo === 'auto' && n >= 1000 && this.p <= 15)) this.tree = new KdTree(train, n, this.p, Number(params.leaf_size));
  }

  static load(s: ModelState): KnnModel {
    const st = s.state as KnnState;
    return new KnnModel(s.task, s.inputSchema, s.classes ?? [], s.params, ModelInput.fromJSON(s.inputSchema, st.pipeline, 'knn'), Float64Array.from(st.data), Float64Array.from(st.y));
  }

  /** The k nearest training rows of each row of X, nearest first, with true distances. */
  kneighbors(X: Frame): { index: Int32Array; dist: Float64Array; k: number } {
    const m = this.input.matrix(X);
    const metric = this.params.metric as Metric;
    const k = Number(this.params.n_neighbors);
    const n = this.y.length;
    const res = this.tree ? this.tree.query(m.data, m.nRows, k, metric) : bruteForceKnn(this.train, n, m.data, m.nRows, this.p, k, metric);
    for (let q = 0; q < res.dist.length; q++) res.dist[q] = fromReduced(metric, res.dist[q]);
    return { ...res, k: Math.min(k, n) };
  }

  protected output(X: Frame): Float64Array {
    const { index, dist, k } = this.kneighbors(X);
    const byDistance = this.params.weights === 'distance';
    const n = X.nRows;
    const K = this.task === 'regression' ? 1 : this.classes.length;
    const out = new Float64Array(n * K);
    const w = new Float64Array(k);
    for (let q = 0; q < n; q++) {
      const o = q * k;
      let exact = false;
      if (byDistance) for (let t = 0; t < k; t++) if (dist[o + t] === 0) exact = true;
      for (let t = 0; t < k; t++) w[t] = !byDistance ? 1 : exact ? (dist[o + t] === 0 ? 1 : 0) : 1 / dist[o + t];
      let total = 0;
      for (let t = 0; t < k; t++) total += w[t];
      if (this.task === 'regression') {
        let s = 0;
        for (let t = 0; t < k; t++) s += w[t] * this.y[index[o + t]];
        out[q] = s / total;
      } else {
        for (let t = 0; t < k; t++) out[q * K + this.y[index[o + t]]] += w[t] / total;
      }
    }
    return out;
  }

  protected state(): KnnState {
    return { pipeline: this.input.toJSON(), data: Array.from(this.train), y: Array.from(this.y) };
  }
}
