/**
 * @module learners/forest/model
 * A fitted forest (`rf` or `extratrees`): the ordinal-encoding pipeline, the trees as flat
 * arrays, normalised feature importances and the out-of-bag score. Predictions average the
 * trees' leaf values: class probabilities (scikit-learn averages probabilities, not votes)
 * or regression values.
 */
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import type { PipelineState } from '../../features/pipeline.js';
import { Pipeline } from '../../features/pipeline.js';
import type { ModelState } from '../estimator.js';
import type { FeatureSchema } from '../feature-schema.js';
import { alignedFrame } from '../shared/input-frame.js';
import { SupervisedModel } from '../shared/supervised-model.js';
import { accumulateTree, type FlatTree, type FlatTreeJson, treeFromJson, treeToJson } from './tree/flat-tree.js';

export interface ForestState {
  readonly pipeline: PipelineState;
  readonly trees: readonly FlatTreeJson[];
  /** Mean decrease in impurity per input feature, summing to 1 (0s when no tree split). */
  readonly featureImportances: readonly number[];
  /** Out-of-bag accuracy / R², or null when not computed. */
  readonly oobScore: number | null;
}

export class ForestModel extends SupervisedModel {
  constructor(
    readonly kind: 'rf' | 'extratrees',
    task: Task,
    inputSchema: FeatureSchema,
    classes: readonly string[],
    params: Readonly<Record<string, unknown>>,
    readonly pipeline: Pipeline,
    readonly trees: readonly FlatTree[],
    readonly featureImportances: readonly number[],
    readonly oobScore: number | null,
  ) {
    super(task, inputSchema, classes, params);
  }

  static load(s: ModelState): ForestModel {
    const st = s.state as ForestState;
    return new ForestModel(s.kind as 'rf' | 'extratrees', s.task, s.inputSchema, s.classes ?? [], s.params, Pipeline.fromJSON(st.pipeline), st.trees.map(treeFromJson), st.featureImportances, st.oobScore);
  }

  /** Raw feature columns (ordinal codes for categoricals, NaN = missing) in schema order. */
  columnsOf(X: Frame): Float64Array[] {
    const frame = this.pipeline.transform(alignedFrame(X, this.inputSchema, this.kind));
    return this.pipeline.outputNames.map((name) => {
      const col = frame.column(name);
      return col.dtype === 'categorical' ? Float64Array.from(col.codes) : col.values;
    });
  }

  protected output(X: Frame): Float64Array {
    const columns = this.columnsOf(X);
    const width = this.task === 'regression' ? 1 : this.classes.length;
    const out = new Float64Array(X.nRows * width);
    const scale = 1 / this.trees.length;
    for (const t of this.trees) accumulateTree(t, columns, X.nRows, width, scale, out);
    return out;
  }

  protected state(): ForestState {
    return { pipeline: this.pipeline.toJSON(), trees: this.trees.map(treeToJson), featureImportances: this.featureImportances, oobScore: this.oobScore };
  }
}
