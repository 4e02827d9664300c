/**
 * @module export/onnx/tree-ensemble
 * Trees of any of our learners as one `TreeEnsemble` node (ai.onnx.ml opset 5), with double
 * thresholds and leaf values so that ONNX Runtime takes the same branches as our predictors.
 *
 * A tree is given in a neutral form: interior nodes (feature, `x <= value` or set membership,
 * where missing values go, true/false children) and leaves (target, weight). Interior node 0
 * is the root; a tree with no split gets one dummy node whose both branches reach its leaf,
 * because the operator's roots must be interior nodes. Set membership (mode 6, BRANCH_MEMBER)
 * lists its values in `membership_values`, one NaN-terminated run per member node, in node order.
 */
import { type GraphBuilder, ML_DOMAIN } from './graph-builder.js';
import { DataType, attr } from './onnx-proto.js';

/** A child: an interior node or a leaf of the same tree (local indices). */
export interface ChildRef {
  readonly leaf: boolean;
  readonly index: number;
}

export interface TreeNodeSpec {
  readonly feature: number;
  /** `x <= value` goes true, or `x ∈ set` goes true. */
  readonly test: { readonly leq: number } | { readonly member: readonly number[] };
  /** Where NaN goes. */
  readonly missingTrue: boolean;
  readonly ifTrue: ChildRef;
  readonly ifFalse: ChildRef;
}

export interface TreeSpec {
  readonly nodes: readonly TreeNodeSpec[];
  readonly leaves: readonly { readonly target: number; readonly weight: number }[];
}

const MODE_LEQ = 0;
const MODE_MEMBER = 6;

/**
 * One TreeEnsemble node summing leaf weights per target: output [N, nTargets] double.
 * @example const raw = treeEnsemble(g, X, trees, 1);
 */
export function treeEnsemble(g: GraphBuilder, X: string, trees: readonly TreeSpec[], nTargets: number): string {
  const roots: number[] = [];
  const modes: number[] = [];
  const features: number[] = [];
  const splits: number[] = [];
  const trueIds: number[] = [];
  const trueLeafs: number[] = [];
  const falseIds: number[] = [];
  const falseLeafs: number[] = [];
  const missing: number[] = [];
  const membership: number[] = [];
  const leafTargets: number[] = [];
  const leafWeights: number[] = [];
  for (const t of trees) {
    const n0 = modes.length;
    const l0 = leafTargets.length;
    const ref = (c: ChildRef): [number, number] => (c.leaf ? [l0 + c.index, 1] : [n0 + c.index, 0]);
    roots.push(n0);
    const nodes: readonly TreeNodeSpec[] = t.nodes.length > 0 ? t.nodes : [{ feature: 0, test: { leq: 0 }, missingTrue: true, ifTrue: { leaf: true, index: 0 }, ifFalse: { leaf: true, index: 0 } }];
    for (const n of nodes) {
      features.push(n.feature);
      if ('leq' in n.test) {
        modes.push(MODE_LEQ);
        splits.push(n.test.leq);
      } else {
        modes.push(MODE_MEMBER);
        splits.push(Number.NaN);
        membership.push(...n.test.member, Number.NaN);
      }
      const [ti, tl] = ref(n.ifTrue);
      const [fi, fl] = ref(n.ifFalse);
      trueIds.push(ti);
      trueLeafs.push(tl);
      falseIds.push(fi);
      falseLeafs.push(fl);
      missing.push(n.missingTrue ? 1 : 0);
    }
    for (const l of t.leaves) {
      leafTargets.push(l.target);
      leafWeights.push(l.weight);
    }
  }
  const attributes: Record<string, ReturnType<typeof attr.int>> = {
    n_targets: attr.int(nTargets),
    aggregate_function: attr.int(1), // SUM
    post_transform: attr.int(0), // NONE
    tree_roots: attr.ints(roots),
    nodes_modes: attr.tensor({ dataType: DataType.UINT8, dims: [modes.length], values: modes }),
    nodes_featureids: attr.ints(features),
    nodes_splits: attr.tensor({ dataType: DataType.DOUBLE, dims: [splits.length], values: splits }),
    nodes_truenodeids: attr.ints(trueIds),
    nodes_trueleafs: attr.ints(trueLeafs),
    nodes_falsenodeids: attr.ints(falseIds),
    nodes_falseleafs: attr.ints(falseLeafs),
    nodes_missing_value_tracks_true: attr.ints(missing),
    leaf_targetids: attr.ints(leafTargets),
    leaf_weights: attr.tensor({ dataType: DataType.DOUBLE, dims: [leafWeights.length], values: leafWeights }),
  };
  if (membership.length > 0) attributes.membership_values = attr.tensor({ dataType: DataType.DOUBLE, dims: [membership.length], values: membership });
  return g.node('TreeEnsemble', [X], attributes, { domain: ML_DOMAIN });
}
