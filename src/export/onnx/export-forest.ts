/**
 * @module export/onnx/export-forest
 * An `rf` / `extratrees` model as ONNX: the ordinal-encoding pipeline, then the trees. Our
 * forest leaves hold a vector (class probabilities) while a TreeEnsemble leaf feeds one
 * target, so the ensemble is asked for each tree's *leaf index* instead — target t of the
 * ensemble is tree t, whose leaves weigh their global leaf number — and the leaf vectors are
 * gathered from a table and averaged: [N, T] indices → Gather → [N, T, W] → ReduceMean → [N, W].
 */
import type { ForestModel } from '../../learners/forest/model.js';
import type { FlatTree } from '../../learners/forest/tree/flat-tree.js';
import type { GraphBuilder } from './graph-builder.js';
import { type GraphFrame, toMatrix } from './graph-frame.js';
import { DataType, attr } from './onnx-proto.js';
import { pipelineGraph } from './pipeline-graph.js';
import { type ChildRef, type TreeNodeSpec, type TreeSpec, treeEnsemble } from './tree-ensemble.js';

/** Tree `t` with interior nodes renumbered densely and leaves weighing `offset + leaf`. */
function treeSpec(t: FlatTree, target: number, offset: number): TreeSpec {
  const interior = new Int32Array(t.left.length).fill(-1);
  let n = 0;
  for (let i = 0; i < t.left.length; i++) if (t.left[i] >= 0) interior[i] = n++;
  const leafSlot = new Map<number, number>();
  const leaves: { target: number; weight: number }[] = [];
  const child = (i: number): ChildRef => {
    if (t.left[i] >= 0) return { leaf: false, index: interior[i] };
    let slot = leafSlot.get(i);
    if (slot === undefined) {
      slot = leaves.length;
      leafSlot.set(i, slot);
      leaves.push({ target, weight: offset + t.right[i] });
    }
    return { leaf: true, index: slot };
  };
  const nodes: TreeNodeSpec[] = [];
  if (t.left[0] < 0) child(0);
  for (let i = 0; i < t.left.length; i++) {
    if (t.left[i] < 0) continue;
    nodes.push({ feature: t.feature[i], test: { leq: t.threshold[i] }, missingTrue: t.missingLeft[i] === 1, ifTrue: child(t.left[i]), ifFalse: child(t.right[i]) });
  }
  return { nodes, leaves };
}

/** Class probabilities [N, K] or values [N, 1]. */
export function forestGraph(g: GraphBuilder, model: ForestModel, frame: GraphFrame): string {
  const state = model.pipeline.toJSON();
  const X = toMatrix(g, pipelineGraph(g, frame, state), state.outputNames);
  const width = model.task === 'regression' ? 1 : model.classes.length;
  const specs: TreeSpec[] = [];
  const table: number[] = [];
  model.trees.forEach((t, i) => {
    specs.push(treeSpec(t, i, table.length / width));
    for (const v of t.values) table.push(v);
  });
  const leafIds = treeEnsemble(g, X, specs, model.trees.length);
  const index = g.node('Cast', [leafIds], { to: attr.int(DataType.INT64) });
  const values = g.node('Gather', [g.doubles(table, [table.length / width, width], 'leaf_values'), index], { axis: attr.int(0) });
  return g.node('ReduceMean', [values, g.int64s([1], [1], 'axes')], { keepdims: attr.int(0) });
}
