/**
 * @module metrics/ranking/binary-relevance
 * Top-k ranking metrics on binary relevance, averaged over queries. Definitions (Modelwright's;
 * scikit-learn has no per-query versions of these):
 * - a document is relevant when its y_true grade is > 0;
 * - each query's documents are ordered by score, highest first; tied scores keep input order
 *   (a stable sort, as LightGBM's ranking metrics do);
 * - with m documents and R relevant ones in a query, let c = min(k, m) and hits(i) the relevant
 *   documents among the top i;
 * - precision@k = hits(c) / c (dividing by c, not k, lets a query with fewer than k documents score 1);
 * - recall@k = hits(c) / R;
 * - AP@k = Σ_{i ≤ c, document i relevant} (hits(i) / i) / min(R, c); MAP@k is its mean.
 *   Without k this is the uninterpolated average precision of each query.
 * - A query with no relevant document scores 0 on all three (as sklearn's NDCG does).
 */
import { argsortStable } from '../internal/argsort.js';
import { npSum } from '../internal/numpy-sum.js';
import { checkRanking, gather, negated, splitQueries, type RankingOptions } from './queries.js';

interface TopK {
  precision: number;
  recall: number;
  ap: number;
}

function scoreQuery(rel: Float64Array, score: Float64Array, k: number): TopK {
  const m = rel.length;
  const order = argsortStable(negated(score));
  const c = Math.min(k, m);
  let totalRelevant = 0;
  for (let i = 0; i < m; i++) if (rel[i] > 0) totalRelevant++;
  if (totalRelevant === 0) return { precision: 0, recall: 0, ap: 0 };
  let hits = 0;
  let apSum = 0;
  for (let i = 0; i < c; i++) {
    if (rel[order[i]] > 0) {
      hits++;
      apSum += hits / (i + 1);
    }
  }
  return { precision: hits / c, recall: hits / totalRelevant, ap: apSum / Math.min(totalRelevant, c) };
}

function meanOverQueries(metric: string, yTrue: Float64Array, yScore: Float64Array, opts: RankingOptions, pick: (t: TopK) => number): number {
  const k = checkRanking(metric, yTrue, yScore, opts);
  const { rows, offsets, count } = splitQueries(yTrue.length, opts.group);
  const values = new Float64Array(count);
  for (let q = 0; q < count; q++) {
    const ids = rows.subarray(offsets[q], offsets[q + 1]);
    values[q] = pick(scoreQuery(gather(yTrue, ids), gather(yScore, ids), k));
  }
  return npSum(values) / count;
}

/**
 * Mean average precision at k over queries.
 * @example meanAveragePrecisionAtK(Float64Array.of(1, 0, 1), Float64Array.of(0.9, 0.8, 0.7)) // (1 + 2/3) / 2
 */
export function meanAveragePrecisionAtK(yTrue: Float64Array, yScore: Float64Array, opts: RankingOptions = {}): number {
  return meanOverQueries('map_at_k', yTrue, yScore, opts, (t) => t.ap);
}

/**
 * Share of relevant documents among each query's top k, averaged over queries.
 * @example precisionAtK(Float64Array.of(1, 0, 1), Float64Array.of(0.9, 0.8, 0.7), { k: 2 }) // 0.5
 */
export function precisionAtK(yTrue: Float64Array, yScore: Float64Array, opts: RankingOptions = {}): number {
  return meanOverQueries('precision_at_k', yTrue, yScore, opts, (t) => t.precision);
}

/**
 * Share of each query's relevant documents found in its top k, averaged over queries.
 * @example recallAtK(Float64Array.of(1, 0, 1), Float64Array.of(0.9, 0.8, 0.7), { k: 2 }) // 0.5
 */
export function recallAtK(yTrue: Float64Array, yScore: Float64Array, opts: RankingOptions = {}): number {
  return meanOverQueries('recall_at_k', yTrue, yScore, opts, (t) => t.recall);
}
