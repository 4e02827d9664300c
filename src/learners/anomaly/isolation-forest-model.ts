/**
 * @module learners/anomaly/isolation-forest-model
 * A fitted isolation forest. The anomaly score of a row is 2^(−E[h(x)] / c(ψ)), where h is
 * its path length in a tree and ψ the rows per tree: in (0, 1], higher = more anomalous,
 * ≈ 0.5 for ordinary rows. It equals minus scikit-learn's `score_samples`. A row is flagged
 * when its score exceeds `threshold` (0.5 for contamination 'auto', else the training
 * quantile at 1 − contamination: scikit-learn's `offset_`, negated).
 */
import type { Frame } from '../../data/frame/frame.js';
import type { AnomalyModel, UnsupervisedState } from '../unsupervised.js';
import { Preprocessor, type PreprocessState } from '../unsupervised/preprocess.js';
import { intArray, numberArray, positiveInt, stateObject } from '../unsupervised/state-check.js';
import { type IsolationTree, pathLength } from './isolation-tree.js';
import type { IsolationForestParams } from './params.js';
import { averagePathLength } from './path-length.js';

export class IsolationForestModel implements AnomalyModel {
  readonly kind = 'isolation_forest';
  readonly task = 'anomaly' as const;

  constructor(
    readonly params: Readonly<IsolationForestParams>,
    readonly preprocessor: Preprocessor,
    readonly trees: readonly IsolationTree[],
    /** Rows each tree was grown on (ψ). */
    readonly maxSamples: number,
    readonly threshold: number,
  ) {}

  get inputSchema() {
    return this.preprocessor.inputSchema;
  }

  /** @example model.scoreSamples(frame) // Float64Array, higher = more anomalous */
  scoreSamples(X: Frame): Float64Array {
    return this.scoreMatrix(this.preprocessor.matrix(X, 'this isolation_forest model'), X.nRows);
  }

  /** Scores of an encoded row-major matrix. */
  scoreMatrix(M: Float64Array, n: number): Float64Array {
    const d = this.preprocessor.width;
    const depth = new Float64Array(n);
    // Tree-major: one tree's arrays stay in cache while every row walks it.
    for (const tree of this.trees) for (let i = 0; i < n; i++) depth[i] += pathLength(tree, M, i, d);
    const denom = this.trees.length * averagePathLength(this.maxSamples);
    return Float64Array.from(depth, (h) => 2 ** -(denom > 0 ? h / denom : 1));
  }

  predict(X: Frame): Int32Array {
    const s = this.scoreSamples(X);
    return Int32Array.from(s, (v) => (v > this.threshold ? 1 : 0));
  }

  toJSON(): UnsupervisedState {
    return {
      kind: this.kind,
      task: this.task,
      params: { ...this.params },
      inputSchema: this.inputSchema,
      state: {
        preprocess: this.preprocessor.toJSON(),
        maxSamples: this.maxSamples,
        threshold: this.threshold,
        trees: this.trees.map((t) => ({
          feature: Array.from(t.feature),
          threshold: Array.from(t.threshold),
          left: Array.from(t.left),
          right: Array.from(t.right),
          value: Array.from(t.value),
        })),
      },
    };
  }

  static fromJSON(file: UnsupervisedState): IsolationForestModel {
    const s = stateObject(file.state, 'isolation_forest');
    const prep = Preprocessor.fromJSON(file.inputSchema, s.preprocess as PreprocessState);
    const raw = Array.isArray(s.trees) ? (s.trees as Record<string, unknown>[]) : [];
    const trees = raw.map((t, i) => {
      const m = Array.isArray(t?.feature) ? t.feature.length : 0;
      const where = `trees[${i}]`;
      return {
        feature: intArray(t.feature, m, 'isolation_forest', `${where}.feature`),
        threshold: numberArray(t.threshold, m, 'isolation_forest', `${where}.threshold`),
        left: intArray(t.left, m, 'isolation_forest', `${where}.left`),
        right: intArray(t.right, m, 'isolation_forest', `${where}.right`),
        value: numberArray(t.value, m, 'isolation_forest', `${where}.value`),
      };
    });
    return new IsolationForestModel(file.params as IsolationForestParams, prep, trees, positiveInt(s.maxSamples, 'isolation_forest', 'maxSamples'), Number(s.threshold));
  }
}
