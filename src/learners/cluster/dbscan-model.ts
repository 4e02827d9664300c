/**
 * @module learners/cluster/dbscan-model
 * A fitted DBSCAN model. DBSCAN itself labels only the rows it was fitted on; to label new
 * rows the model keeps the core points (in the encoded space) and gives a row the cluster of
 * its nearest core point when that lies within eps, else -1 (noise) — the rule that makes a
 * training core point keep its own label.
 */
import type { Frame } from '../../data/frame/frame.js';
import type { ClusterModel, UnsupervisedState } from '../unsupervised.js';
import { Preprocessor, type PreprocessState } from '../unsupervised/preprocess.js';
import { intArray, numberArray, positiveInt, stateObject } from '../unsupervised/state-check.js';
import { KdTree } from './kd-tree.js';
import type { DbscanParams } from './params.js';

export class DbscanModel implements ClusterModel {
  readonly kind = 'dbscan';
  readonly task = 'clustering' as const;
  private tree: KdTree | undefined;

  constructor(
    readonly params: Readonly<DbscanParams>,
    readonly preprocessor: Preprocessor,
    readonly nClusters: number,
    /** Core points, row-major nCore × width, in the encoded space. */
    readonly corePoints: Float64Array,
    readonly coreLabels: Int32Array,
    readonly labels?: Int32Array,
  ) {}

  get inputSchema() {
    return this.preprocessor.inputSchema;
  }

  get nCore(): number {
    return this.coreLabels.length;
  }

  predict(X: Frame): Int32Array {
    const d = this.preprocessor.width;
    const M = this.preprocessor.matrix(X, 'this dbscan model');
    const out = new Int32Array(X.nRows).fill(-1);
    if (this.nCore === 0) return out;
    this.tree ??= new KdTree(this.corePoints, this.nCore, d, this.params.leaf_size);
    const eps2 = this.params.eps * this.params.eps;
    for (let i = 0; i < X.nRows; i++) {
      const { dist2, rows } = this.tree.nearest(M, i, 1);
      if (dist2[0] <= eps2) out[i] = this.coreLabels[rows[0]];
    }
    return out;
  }

  toJSON(): UnsupervisedState {
    return {
      kind: this.kind,
      task: this.task,
      params: { ...this.params },
      inputSchema: this.inputSchema,
      state: { preprocess: this.preprocessor.toJSON(), nClusters: this.nClusters, corePoints: Array.from(this.corePoints), coreLabels: Array.from(this.coreLabels) },
    };
  }

  static fromJSON(file: UnsupervisedState): DbscanModel {
    const s = stateObject(file.state, 'dbscan');
    const prep = Preprocessor.fromJSON(file.inputSchema, s.preprocess as PreprocessState);
    const nCore = Array.isArray(s.coreLabels) ? s.coreLabels.length : 0;
    return new DbscanModel(
      file.params as DbscanParams,
      prep,
      positiveInt(s.nClusters, 'dbscan', 'nClusters'),
      numberArray(s.corePoints, nCore * prep.width, 'dbscan', 'corePoints'),
      intArray(s.coreLabels, nCore, 'dbscan', 'coreLabels'),
    );
  }
}
