/**
 * @module learners/forest/tree/grower
 * Grow one decision tree on binned data, depth first:
 *
 *   node rows ─▶ stop? (depth, min_samples_split, 2·min_samples_leaf, pure) ─▶ leaf
 *            └▶ features in random order: histogram → evaluateFeature, until max_features
 *               were tried and a valid split exists (scikit-learn keeps drawing features
 *               past max_features when none of them could split)
 *            └▶ partition rows in place ─▶ left child, right child
 *
 * A pure function of (dataset, targets, row weights, settings, rng), so worker threads can
 * grow trees independently. Rows with weight 0 (not drawn by the bootstrap) never enter.
 */
import type { Rng } from '../../../common/random.js';
import { MISSING_BIN } from '../binning/bin-mapper.js';
import type { BinnedDataset } from '../binning/binned-dataset.js';
import { type Criterion, criterionScore, statWeight } from './criterion.js';
import type { FlatTree } from './flat-tree.js';
import { type NodeHistogram, type SplitSettings, bestSplitOfFeature, emptyCandidate, randomSplitOfFeature, splitWork } from './splitter.js';

export interface GrowSettings {
  readonly criterion: Criterion;
  /** Classes (classification) or 0 (regression). */
  readonly nClasses: number;
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  readonly maxFeatures: number;
  readonly mode: 'best' | 'random';
}

export interface GrownTree {
  readonly tree: FlatTree;
  /** Weighted impurity decrease per feature (for feature importances). */
  readonly importance: Float64Array;
}

/** Largest double, as the threshold of a "present vs missing" split (JSON cannot hold Infinity). */
const ALL_PRESENT = Number.MAX_VALUE;

export function growTree(data: BinnedDataset, target: Float64Array, weight: Float64Array, g: GrowSettings, rng: Rng): GrownTree {
  const regression = g.nClasses === 0;
  const S = regression ? 2 : g.nClasses;
  const width = regression ? 1 : g.nClasses;
  const settings: SplitSettings = { criterion: g.criterion, S, minSamplesLeaf: g.minSamplesLeaf };
  const { nRows, nFeatures, bins, features } = data;
  const rowList: number[] = [];
  for (let i = 0; i < nRows; i++) if (weight[i] > 0) rowList.push(i);
  const rows = Int32Array.from(rowList);

  const feature: number[] = [];
  const threshold: number[] = [];
  const missingLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const values: number[] = [];
  const importance = new Float64Array(nFeatures);

  // Histogram buffers stay zero between uses: only the touched bins are reset.
  const h: NodeHistogram = { hist: new Float64Array(256 * S), cnt: new Int32Array(256), touched: new Int32Array(256), nTouched: 0 };
  const { hist, cnt, touched } = h;
  const work = splitWork(S);
  const order = Int32Array.from({ length: nFeatures }, (_, f) => f);

  const newNode = () => {
    feature.push(-1), threshold.push(0), missingLeft.push(0), left.push(-1), right.push(-1);
    return feature.length - 1;
  };
  const makeLeaf = (node: number, stats: Float64Array) => {
    right[node] = values.length / width;
    if (regression) values.push(stats[0] > 0 ? stats[1] / stats[0] : 0);
    else {
      let W = 0;
      for (let k = 0; k < S; k++) W += stats[k];
      for (let k = 0; k < S; k++) values.push(W > 0 ? stats[k] / W : 1 / S);
    }
  };
  const statsOf = (start: number, end: number) => {
    const s = new Float64Array(S);
    for (let r = start; r < end; r++) {
      const i = rows[r];
      if (regression) (s[0] += weight[i]), (s[1] += weight[i] * target[i]);
      else s[target[i]] += weight[i];
    }
    return s;
  };
  const isPure = (stats: Float64Array, start: number, end: number) => {
    if (!regression) {
      let nonZero = 0;
      for (let k = 0; k < S; k++) if (stats[k] > 0) nonZero++;
      return nonZero <= 1;
    }
    const first = target[rows[start]];
    for (let r = start + 1; r < end; r++) if (target[rows[r]] !== first) return false;
    return true;
  };

  type Pending = { node: number; start: number; end: number; depth: number; stats: Float64Array };
  const stack: Pending[] = [{ node: newNode(), start: 0, end: rows.length, depth: 0, stats: statsOf(0, rows.length) }];
  while (stack.length > 0) {
    const { node, start, end, depth, stats } = stack.pop() as Pending;
    const n = end - start;
    if ((g.maxDepth > 0 && depth >= g.maxDepth) || n < g.minSamplesSplit || n < 2 * g.minSamplesLeaf || isPure(stats, start, end)) {
      makeLeaf(node, stats);
      continue;
    }
    const best = emptyCandidate(S);
    const totals = { stats, count: n, weight: statWeight(g.criterion, stats, 0, S) };
    let tried = 0;
    for (let q = 0; q < nFeatures; q++) {
      if (tried >= g.maxFeatures && best.feature >= 0) break;
      // Partial Fisher–Yates: the next feature in this node's random order.
      const j = q + rng.nextInt(nFeatures - q);
      const f = order[j];
      order[j] = order[q];
      order[q] = f;
      const off = f * nRows;
      tried++;
      if (g.mode === 'random') {
        randomSplitOfFeature(settings, f, features[f].values, { bins, offset: off, rows, start, end, target, weight, regression }, totals, best, work, rng);
        continue;
      }
      let nTouched = 0;
      for (let r = start; r < end; r++) {
        const i = rows[r];
        const b = bins[off + i];
        if (cnt[b]++ === 0 && b !== MISSING_BIN) touched[nTouched++] = b;
        if (regression) (hist[b * 2] += weight[i]), (hist[b * 2 + 1] += weight[i] * target[i]);
        else hist[b * S + target[i]] += weight[i];
      }
      touched.subarray(0, nTouched).sort();
      h.nTouched = nTouched;
      bestSplitOfFeature(settings, f, h, totals, best, work);
      // Reset only what this node touched: the buffers stay zero between uses.
      for (let u = 0; u < nTouched; u++) {
        const b = touched[u];
        cnt[b] = 0;
        for (let k = 0; k < S; k++) hist[b * S + k] = 0;
      }
      cnt[MISSING_BIN] = 0;
      for (let k = 0; k < S; k++) hist[MISSING_BIN * S + k] = 0;
    }
    if (best.feature < 0) {
      makeLeaf(node, stats);
      continue;
    }
    // Partition rows [start, end): left part first.
    const off = best.feature * nRows;
    let a = start;
    let z = end - 1;
    while (a <= z) {
      const b = bins[off + rows[a]];
      const goLeft = b === MISSING_BIN ? best.missingLeft : b <= best.bin;
      if (goLeft) a++;
      else {
        const t = rows[a];
        rows[a] = rows[z];
        rows[z] = t;
        z--;
      }
    }
    const fb = features[best.feature];
    feature[node] = best.feature;
    threshold[node] = best.bin < fb.edges.length ? fb.edges[best.bin] : ALL_PRESENT;
    missingLeft[node] = best.missingLeft ? 1 : 0;
    const leftStats = Float64Array.from(best.left);
    const rStats = new Float64Array(S);
    for (let k = 0; k < S; k++) rStats[k] = stats[k] - leftStats[k];
    importance[best.feature] += best.score - criterionScore(g.criterion, stats, 0, S);
    const l = newNode();
    const r = newNode();
    left[node] = l;
    right[node] = r;
    stack.push({ node: r, start: a, end, depth: depth + 1, stats: rStats });
    stack.push({ node: l, start, end: a, depth: depth + 1, stats: leftStats });
  }
  return {
    tree: {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      missingLeft: Uint8Array.from(missingLeft),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      values: Float64Array.from(values),
    },
    importance,
  };
}
