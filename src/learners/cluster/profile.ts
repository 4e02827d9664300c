/**
 * @module learners/cluster/profile
 * What sets each cluster apart, in the data's own terms: per cluster, its size and share and
 * the features whose values differ most from the whole data.
 * - numeric feature: cluster mean vs overall mean, z = (cluster mean − overall mean) / overall sd;
 * - categorical feature: the category most over-represented in the cluster, its share in the
 *   cluster vs overall, lift = cluster share / overall share, and
 *   z = (cluster share − overall share) / √(p(1 − p)) — the same standardised difference of
 *   means applied to the category's 0/1 indicator, so both kinds rank on one scale.
 * Missing values are left out of every mean and share.
 */
import type { Column } from '../../data/frame/column.js';
import type { Frame } from '../../data/frame/frame.js';

export type FeatureContrast =
  | { readonly feature: string; readonly kind: 'numeric'; readonly clusterMean: number; readonly overallMean: number; readonly z: number }
  | {
      readonly feature: string;
      readonly kind: 'categorical';
      readonly category: string;
      readonly clusterShare: number;
      readonly overallShare: number;
      readonly lift: number;
      readonly z: number;
    };

export interface ClusterProfile {
  /** Cluster id; -1 gathers DBSCAN's noise rows. */
  readonly cluster: number;
  readonly size: number;
  readonly share: number;
  /** The `top` features that set this cluster apart, largest |z| first. */
  readonly profile: readonly FeatureContrast[];
}

function numericContrasts(col: Column & { values: Float64Array }, labels: Int32Array, ids: readonly number[]): FeatureContrast[] {
  let n = 0;
  let sum = 0;
  for (const v of col.values) if (!Number.isNaN(v)) (n++, (sum += v));
  const mean = n > 0 ? sum / n : Number.NaN;
  let ss = 0;
  for (const v of col.values) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(ss / n) : 0;
  const cs = new Map<number, { n: number; sum: number }>(ids.map((c) => [c, { n: 0, sum: 0 }]));
  col.values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const acc = cs.get(labels[i])!;
    acc.n++;
    acc.sum += v;
  });
  return ids.map((c) => {
    const acc = cs.get(c)!;
    const clusterMean = acc.n > 0 ? acc.sum / acc.n : Number.NaN;
    const z = sd > 0 && acc.n > 0 ? (clusterMean - mean) / sd : 0;
    return { feature: col.name, kind: 'numeric', clusterMean, overallMean: mean, z };
  });
}

function categoricalContrasts(col: Column & { codes: Int32Array; categories: readonly string[] }, labels: Int32Array, ids: readonly number[]): FeatureContrast[] {
  const K = col.categories.length;
  const overall = new Float64Array(K);
  let present = 0;
  const per = new Map<number, { n: number; counts: Float64Array }>(ids.map((c) => [c, { n: 0, counts: new Float64Array(K) }]));
  col.codes.forEach((code, i) => {
    if (code < 0) return;
    overall[code]++;
    present++;
    const acc = per.get(labels[i])!;
    acc.n++;
    acc.counts[code]++;
  });
  return ids.map((c) => {
    const acc = per.get(c)!;
    let best: FeatureContrast | undefined;
    for (let t = 0; t < K; t++) {
      if (overall[t] === 0 || acc.n === 0) continue;
      const p = overall[t] / present;
      const pc = acc.counts[t] / acc.n;
      const z = p < 1 ? (pc - p) / Math.sqrt(p * (1 - p)) : 0;
      if (!best || z > best.z) best = { feature: col.name, kind: 'categorical', category: col.categories[t], clusterShare: pc, overallShare: p, lift: pc / p, z };
    }
    return best ?? { feature: col.name, kind: 'categorical', category: '', clusterShare: 0, overallShare: 0, lift: 0, z: 0 };
  });
}

/**
 * Size, share and distinguishing features of each cluster in `labels`, over the columns
 * `features` of X (the rows of X are the clustered rows).
 * @example profileClusters(frame, labels, ['age', 'city'], 5)
 */
export function profileClusters(X: Frame, labels: Int32Array, features: readonly string[], top = 5): ClusterProfile[] {
  const ids = [...new Set(labels)].sort((a, b) => a - b);
  const contrasts = new Map<number, FeatureContrast[]>(ids.map((c) => [c, []]));
  for (const name of features) {
    const col = X.column(name);
    const list = col.dtype === 'categorical' ? categoricalContrasts(col, labels, ids) : numericContrasts(col, labels, ids);
    list.forEach((fc, j) => contrasts.get(ids[j])!.push(fc));
  }
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  return ids.map((c) => ({
    cluster: c,
    size: sizes.get(c)!,
    share: sizes.get(c)! / labels.length,
    profile: contrasts
      .get(c)!
      .filter((fc) => fc.z !== 0 && Number.isFinite(fc.z))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.feature.localeCompare(b.feature))
      .slice(0, top),
  }));
}
