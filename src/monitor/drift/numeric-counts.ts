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
 */
import type { NumericSummary } from '../reference/types.js';

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
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) {
        this.missing++;
        continue;
      }
      this.present++;
      // First point ≥ v.
      let lo = 0;
      let hi = K;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pts[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      if (lo < K && pts[lo] === v) eq[lo]++;
      else {
        between[lo]++;
        sumBetween[lo] += v;
        if (this.trackUnseen && this.unseen.size <= 5) this.unseen.add(v);
      }
      if (bins < 1 || v < edges[0]) this.below++;
      else if (v > edges[bins]) this.above++;
      else {
        let a = 0;
        let b = bins - 1;
        while (a < b) {
          const mid = (a + b + 1) >>> 1;
          if (edges[mid] <= v) a = mid;
          else b = mid - 1;
        }
        display[a]++;
      }
    }
  }
}
