/**
 * @module monitor/drift/numeric-counts
 * `NumericCounts`: current values of a numeric column counted against the reference's points —
 * the distinct values of its sample (or of the whole column, when it has ≤ 20 distinct values).
 * For K points it keeps, in one pass over the current values (a binary search each):
 *
 *   eq[k]          values equal to point k
 *   between[k]     values strictly between point k−1 and point k (between[0]: below the first,
 *                  between[K]: above the last), and their sum (sumBetween)
 *   display        counts on the reference's display bins (charts)
 *
 * From these the two-sample KS statistic against the reference points is exact, and so is the
 * Wasserstein integral except inside an interval where the two CDFs cross (stats/numeric-tests.ts).
 * Memory is O(K) however many rows stream through: a million-row window is never held.
 *
 * Speed: a value's point is found through a uniform grid over the reference range (4 cells per
 * point, each holding the first point at or above its start), then a binary search inside its
 * cell — one or two steps for any smooth distribution instead of log₂ K ≈ 13, which makes a
 * 30-column million-row report several times faster (bench/monitor).
 */
import type { NumericSummary } from '../reference/types.js';

/** What a worker thread sends back: the counters (all additive). */
export interface NumericCountsState {
  readonly eq: Float64Array;
  readonly between: Float64Array;
  readonly sumBetween: Float64Array;
  readonly display: Float64Array;
  readonly below: number;
  readonly above: number;
  readonly present: number;
  readonly missing: number;
  readonly unseen: readonly number[];
}

const addInto = (a: Float64Array, b: Float64Array): void => {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
};

export class NumericCounts {
  /** Distinct reference points, ascending, and the reference count at each. */
  readonly points: Float64Array;
  readonly refCounts: Float64Array;
  /** Reference values behind `points` (the sample size, or the column's present count). */
  readonly m: number;
  readonly eq: Float64Array;
  readonly between: Float64Array;
  readonly sumBetween: Float64Array;
  readonly display: Float64Array;
  private readonly edges: Float64Array;
  below = 0;
  above = 0;
  present = 0;
  missing = 0;
  /** Distinct current values that are not reference points (tracked only while few). */
  readonly unseen = new Set<number>();
  private readonly trackUnseen: boolean;
  /** Grid over [points[0], points[K−1]]: cellStart[g] = first point ≥ the start of cell g. */
  private readonly cellStart: Int32Array;
  private readonly gridScale: number;
  private readonly displayStep: number;

  constructor(readonly ref: NumericSummary) {
    if (ref.distinct) {
      this.points = Float64Array.from(ref.distinct.values);
      this.refCounts = Float64Array.from(ref.distinct.counts);
    } else {
      const s = ref.sample;
      const pts: number[] = [];
      const cnt: number[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i > 0 && s[i] === s[i - 1]) cnt[cnt.length - 1]++;
        else (pts.push(s[i]), cnt.push(1));
      }
      this.points = Float64Array.from(pts);
      this.refCounts = Float64Array.from(cnt);
    }
    let m = 0;
    for (const c of this.refCounts) m += c;
    this.m = m;
    const K = this.points.length;
    this.eq = new Float64Array(K);
    this.between = new Float64Array(K + 1);
    this.sumBetween = new Float64Array(K + 1);
    this.edges = Float64Array.from(ref.display.edges);
    this.display = new Float64Array(Math.max(0, this.edges.length - 1));
    this.trackUnseen = K <= 5;
    const span = K > 1 ? this.points[K - 1] - this.points[0] : 0;
    const cells = span > 0 ? Math.min(1 << 18, 4 * K) : 0;
    this.gridScale = span > 0 ? cells / span : 0;
    this.cellStart = new Int32Array(cells + 2);
    for (let g = 0, k = 0; g <= cells + 1; g++) {
      const start = this.points[0] + g / this.gridScale;
      while (k < K && this.points[k] < start) k++;
      this.cellStart[g] = k;
    }
    const e = this.edges;
    this.displayStep = e.length > 1 ? (e[e.length - 1] - e[0]) / (e.length - 1) : 0;
  }

  state(): NumericCountsState {
    return { eq: this.eq, between: this.between, sumBetween: this.sumBetween, display: this.display, below: this.below, above: this.above, present: this.present, missing: this.missing, unseen: [...this.unseen] };
  }

  /** Add counts made elsewhere (another thread's share of the rows). */
  merge(s: NumericCountsState): void {
    addInto(this.eq, s.eq);
    addInto(this.between, s.between);
    addInto(this.sumBetween, s.sumBetween);
    addInto(this.display, s.display);
    this.below += s.below;
    this.above += s.above;
    this.present += s.present;
    this.missing += s.missing;
    for (const v of s.unseen) if (this.unseen.size <= 5) this.unseen.add(v);
  }

  /** Index of the first point ≥ v (K when none). */
  private firstAtOrAbove(v: number): number {
    const pts = this.points;
    const K = pts.length;
    if (K === 0 || v <= pts[0]) return 0;
    if (v > pts[K - 1]) return K;
    let lo = 0;
    let hi = K;
    if (this.gridScale > 0) {
      const g = Math.min(this.cellStart.length - 2, Math.floor((v - pts[0]) * this.gridScale));
      lo = this.cellStart[g];
      hi = Math.min(K, this.cellStart[g + 1] + 1);
      // Rounding in the cell index can land one cell off: widen until the range brackets v.
      while (lo > 0 && pts[lo - 1] >= v) lo--;
      while (hi < K && pts[hi - 1] < v) hi++;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pts[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Count a run of values (NaN = missing). */
  addValues(values: ArrayLike<number>): void {
    const pts = this.points;
    const K = pts.length;
    const edges = this.edges;
    const bins = edges.length - 1;
    const eq = this.eq;
    const between = this.between;
    const sumBetween = this.sumBetween;
    const display = this.display;
    const cellStart = this.cellStart;
    const lastCell = cellStart.length - 2;
    const scale = this.gridScale;
    const p0 = K > 0 ? pts[0] : 0;
    const pLast = K > 0 ? pts[K - 1] : 0;
    const step = this.displayStep;
    const e0 = bins >= 1 ? edges[0] : 0;
    const eLast = bins >= 1 ? edges[bins] : 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) {
        this.missing++;
        continue;
      }
      this.present++;
      // First point ≥ v: grid cell, then a short binary search (firstAtOrAbove, inlined for speed).
      let lo = 0;
      if (K > 0 && v > p0) {
        if (v > pLast) lo = K;
        else {
          let hi = K;
          if (scale > 0) {
            let g = Math.floor((v - p0) * scale);
            if (g > lastCell) g = lastCell;
            lo = cellStart[g];
            hi = cellStart[g + 1] + 1;
            if (hi > K) hi = K;
            while (lo > 0 && pts[lo - 1] >= v) lo--;
            while (hi < K && pts[hi - 1] < v) hi++;
          }
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (pts[mid] < v) lo = mid + 1;
            else hi = mid;
          }
        }
      }
      if (lo < K && pts[lo] === v) eq[lo]++;
      else {
        between[lo]++;
        sumBetween[lo] += v;
        if (this.trackUnseen && this.unseen.size <= 5) this.unseen.add(v);
      }
      if (bins < 1 || v < e0) this.below++;
      else if (v > eLast) this.above++;
      else {
        // Display edges are equally spaced: compute the bin, then correct for rounding.
        let a = step > 0 ? Math.floor((v - e0) / step) : 0;
        if (a > bins - 1) a = bins - 1;
        if (a < 0) a = 0;
        while (a > 0 && v < edges[a]) a--;
        while (a < bins - 1 && v >= edges[a + 1]) a++;
        display[a]++;
      }
    }
  }
}
