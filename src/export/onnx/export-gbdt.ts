/**
 * @module export/onnx/export-gbdt
 * A gbdt model as ONNX: the raw features (categorical codes as numbers, −1 when missing or
 * unseen — as FeatureAligner gives our predictor) → one TreeEnsemble summing tree t into
 * output t mod K → + base score → the objective's transform (sigmoid, softmax, exp).
 *
 * Numeric splits are `x <= threshold` with NaN going the learned default way
 * (`nodes_missing_value_tracks_true`); categorical splits are BRANCH_MEMBER over the category
 * codes in the node's bitset, so missing and unseen codes (−1) go right, as in predictor.ts.
 */
import type { GbdtModel, GbdtState } from '../../learners/gbdt/model.js';
import { DECISION_CATEGORICAL, DECISION_DEFAULT_LEFT, type Tree } from '../../learners/gbdt/tree/tree.js';
import type { GraphBuilder } from './graph-builder.js';
import { type GraphFrame, codesAsDouble } from './graph-frame.js';
import { attr } from './onnx-proto.js';
import { binaryProbabilities } from './outputs.js';
import { type ChildRef, type TreeNodeSpec, type TreeSpec, treeEnsemble } from './tree-ensemble.js';

/** The category codes whose bits are set in words [from, to) of a tree's bitsets. */
export function bitsetCodes(words: readonly number[], from: number, to: number): number[] {
  const codes: number[] = [];
  for (let w = from; w < to; w++) for (let b = 0; b < 32; b++) if ((words[w] >>> b) & 1) codes.push((w - from) * 32 + b);
  return codes;
}

function treeSpec(t: Tree, target: number): TreeSpec {
  const child = (c: number): ChildRef => (c >= 0 ? { leaf: false, index: c } : { leaf: true, index: ~c });
  const nodes: TreeNodeSpec[] = [];
  for (let i = 0; i < t.numLeaves - 1; i++) {
    const d = t.decisionType[i];
    const categorical = (d & DECISION_CATEGORICAL) !== 0;
    const k = t.threshold[i];
    nodes.push({
      feature: t.splitFeature[i],
      test: categorical ? { member: bitsetCodes(t.catThreshold, t.catBoundaries[k], t.catBoundaries[k + 1]) } : { leq: t.threshold[i] },
      missingTrue: !categorical && (d & DECISION_DEFAULT_LEFT) !== 0,
      ifTrue: child(t.leftChild[i]),
      ifFalse: child(t.rightChild[i]),
    });
  }
  const leaves = Array.from({ length: t.numLeaves }, (_, l) => ({ target, weight: t.leafValue[l] }));
  return { nodes, leaves };
}

/** Raw scores → predictions. Returns class probabilities [N, K] or values [N, 1]. */
export function gbdtGraph(g: GraphBuilder, model: GbdtModel, frame: GraphFrame): string {
  const st = model.toJSON().state as GbdtState;
  const K = model.numOutputs;
  const cols = frame.names.map((n) => codesAsDouble(g, frame.columns.get(n)!));
  const X = cols.length === 1 ? cols[0] : g.node('Concat', cols, { axis: attr.int(1) });
  const sums = treeEnsemble(g, X, model.trees.map((t, i) => treeSpec(t, i % K)), K);
  const raw = g.node('Add', [sums, g.doubles(st.baseScore, [K], 'base_score')]);
  switch (model.objective) {
    case 'binary':
      return binaryProbabilities(g, g.node('Sigmoid', [g.node('Mul', [raw, g.doubles([st.sigmoid], [1], 'sigmoid')])]));
    case 'multiclass':
      return g.node('Softmax', [raw], { axis: attr.int(1) });
    case 'poisson':
      return g.node('Exp', [raw]);
    default:
      return raw;
  }
}
