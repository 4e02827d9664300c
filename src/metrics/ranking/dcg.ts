/**
 * @module metrics/ranking/dcg
 * Discounted cumulative gain and its normalized form, with sklearn's semantics
 * (sklearn.metrics.dcg_score / ndcg_score): linear gain (the relevance itself), discount
 * 1 / log_base(rank + 1), and tied scores averaged — every document in a tie group earns the
 * group's mean relevance, which is the expected DCG over all orders of the tie. NDCG of a query
 * whose documents are all irrelevant is 0. With `group`, the score is the mean over queries
 * (each query weighs the same); a one-document query has NDCG 1 if relevant, else 0.
 */
import { argsortStable } from '../internal/argsort.js';
import { npSum } from '../internal/numpy-sum.js';
import { paramError } from '../internal/validate.js';
import { checkRanking, gather, negated, splitQueries, type RankingOptions } from './queries.js';

export interface DcgOptions extends RankingOptions {
  /** Rank tied scores in a fixed order (later row first, as sklearn's ignore_ties) instead of averaging them. Default false. */
  ignoreTies?: boolean;
}

/** discount[i] = 1 / (ln(i + 2) / ln(base)) for ranks i < k, else 0 (sklearn's expression). */
function discounts(m: number, k: number, logBase: number): Float64Array {
  const d = new Float64Array(m);
  const lb = Math.log(logBase);
  for (let i = 0; i < Math.min(m, k); i++) d[i] = 1 / (Math.log(i + 2) / lb);
  return d;
}

/** DCG of one query given its relevance and scores (local arrays of the query's documents). */
function queryDcg(rel: Float64Array, score: Float64Array, discount: Float64Array, ignoreTies: boolean): number {
  const m = rel.length;
  if (ignoreTies) {
    // sklearn ranks by np.argsort(score)[::-1]: ascending, read backwards, so tied documents
    // come later-row-first (exactly so for small queries, where NumPy's sort is stable).
    const asc = argsortStable(score);
    let g = 0;
    for (let i = 0; i < m; i++) g += discount[i] * rel[asc[m - 1 - i]];
    return g;
  }
  // Ascending order of -score = descending score; stable, so a tie group keeps input order,
  // the order in which np.add.at sums its relevance.
  const order = argsortStable(negated(score));
  const cumsum = new Float64Array(m);
  let acc = 0;
  for (let i = 0; i < m; i++) cumsum[i] = acc += discount[i];
  const parts: number[] = [];
  let prevCum = 0;
  for (let start = 0; start < m; ) {
    let end = start;
    let sum = 0;
    while (end < m && score[order[end]] === score[order[start]]) sum += rel[order[end++]];
    const cum = cumsum[end - 1];
    parts.push((sum / (end - start)) * (start === 0 ? cum : cum - prevCum));
    prevCum = cum;
    start = end;
  }
  return npSum(parts);
}

/** The best possible DCG of a query: relevance sorted descending. */
function idealDcg(rel: Float64Array, discount: Float64Array): number {
  const sorted = rel.slice().sort().reverse();
  let g = 0;
  for (let i = 0; i < sorted.length; i++) g += discount[i] * sorted[i];
  return g;
}

function perQuery(metric: string, yTrue: Float64Array, yScore: Float64Array, opts: DcgOptions, logBase: number, normalize: boolean): Float64Array {
  const k = checkRanking(metric, yTrue, yScore, opts);
  if (!(logBase > 1)) throw paramError(metric, 'logBase', 'a number > 1', logBase);
  const { rows, offsets, count } = splitQueries(yTrue.length, opts.group);
  const out = new Float64Array(count);
  const discountCache = new Map<number, Float64Array>();
  for (let q = 0; q < count; q++) {
    const ids = rows.subarray(offsets[q], offsets[q + 1]);
    const rel = gather(yTrue, ids);
    const score = gather(yScore, ids);
    let discount = discountCache.get(ids.length);
    if (discount === undefined) discountCache.set(ids.length, (discount = discounts(ids.length, k, logBase)));
    const gain = queryDcg(rel, score, discount, opts.ignoreTies ?? false);
    if (!normalize) {
      out[q] = gain;
    } else {
      const ideal = idealDcg(rel, discount);
      out[q] = ideal === 0 ? 0 : gain / ideal;
    }
  }
  return out;
}

/**
 * Normalized DCG in [0, 1], averaged over queries; `k` truncates each ranking.
 * @example ndcgScore(Float64Array.of(10, 0, 0, 1, 5), Float64Array.of(0.1, 0.2, 0.3, 4, 70)) // 0.695…
 */
export function ndcgScore(yTrue: Float64Array, yScore: Float64Array, opts: DcgOptions = {}): number {
  const v = perQuery('ndcg_score', yTrue, yScore, opts, 2, true);
  return npSum(v) / v.length;
}

/**
 * DCG averaged over queries; `logBase` (default 2) sets the discount.
 * @example dcgScore(Float64Array.of(10, 0, 0, 1, 5), Float64Array.of(0.1, 0.2, 0.3, 4, 70)) // 9.499…
 */
export function dcgScore(yTrue: Float64Array, yScore: Float64Array, opts: DcgOptions & { logBase?: number } = {}): number {
  const v = perQuery('dcg_score', yTrue, yScore, opts, opts.logBase ?? 2, false);
  return npSum(v) / v.length;
}

/** NDCG of each query, in order of first appearance of its id. */
export function ndcgPerQuery(yTrue: Float64Array, yScore: Float64Array, opts: DcgOptions = {}): Float64Array {
  return perQuery('ndcg_score', yTrue, yScore, opts, 2, true);
}
