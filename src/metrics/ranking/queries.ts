/**
 * @module metrics/ranking/queries
 * Splitting rows into queries by a query-id (group) array, and the options and checks the
 * ranking metrics share. Rows of one query need not be contiguous; queries are numbered in order
 * of first appearance.
 */
import { checkFinite, checkLength, checkNonEmpty, inputError, paramError } from '../internal/validate.js';

export interface RankingOptions {
  /** Query id per row; rows with equal ids form one query. Default: all rows are one query. */
  group?: Int32Array | Float64Array;
  /** Cutoff: only the top k documents of each query count. Default: all documents. */
  k?: number;
}

/** Rows grouped by query: the rows of query q are `rows[offsets[q]] … rows[offsets[q + 1] - 1]`, in input order. */
export interface Queries {
  readonly rows: Uint32Array;
  readonly offsets: Uint32Array;
  readonly count: number;
}

/** Groups rows by query id in O(n). */
export function splitQueries(n: number, group?: Int32Array | Float64Array): Queries {
  if (group === undefined) {
    const rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
    return { rows, offsets: Uint32Array.of(0, n), count: 1 };
  }
  const slot = new Map<number, number>();
  const queryOf = new Uint32Array(n);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    let q = slot.get(group[i]);
    if (q === undefined) {
      q = sizes.length;
      slot.set(group[i], q);
      sizes.push(0);
    }
    queryOf[i] = q;
    sizes[q]++;
  }
  const offsets = new Uint32Array(sizes.length + 1);
  for (let q = 0; q < sizes.length; q++) offsets[q + 1] = offsets[q] + sizes[q];
  const next = offsets.slice(0, sizes.length);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[next[queryOf[i]]++] = i;
  return { rows, offsets, count: sizes.length };
}

/** Checks shared by the ranking metrics; returns the resolved cutoff (Infinity = none). */
export function checkRanking(metric: string, yTrue: Float64Array, yScore: Float64Array, opts: RankingOptions): number {
  checkNonEmpty(metric, yTrue.length);
  checkLength(metric, 'y_score', yScore, yTrue.length);
  checkFinite(metric, 'y_true', yTrue);
  checkFinite(metric, 'y_score', yScore);
  if (opts.group !== undefined) {
    checkLength(metric, 'group', opts.group, yTrue.length);
    checkFinite(metric, 'group', Float64Array.from(opts.group));
  }
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] < 0) throw inputError(metric, `y_true holds relevance ${yTrue[i]} at row ${i}; relevance grades must be >= 0.`);
  }
  const k = opts.k;
  if (k === undefined) return Infinity;
  if (!Number.isInteger(k) || k < 1) throw paramError(metric, 'k', 'an integer >= 1', k);
  return k;
}

/** The values of `src` at `ids`, as a new Float64Array. */
export function gather(src: Float64Array, ids: Uint32Array): Float64Array {
  const out = new Float64Array(ids.length);
  for (let j = 0; j < ids.length; j++) out[j] = src[ids[j]];
  return out;
}

/** A copy of `v` with every sign flipped (descending order as an ascending sort). */
export function negated(v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = -v[i];
  return out;
}
