/**
 * @module quality/one-feature-rule
 * The one-feature model behind the leakage check (see leakage.ts): bin a column finely, then
 * predict each row from the other rows of its bin (or the nearest non-empty bins), and score
 * the predictions — balanced accuracy for classes, R² for numbers — plus |Pearson correlation|.
 */
import type { Column } from '../frame/column.js';

/** Finest binning: boundary rows of a perfectly separating feature cost at most 1/MAX_BINS. */
export const MAX_BINS = 1024;
/** Values used to place quantile cuts (about ten per cut at MAX_BINS). */
const EDGE_SAMPLE = 10_000;

export interface Binned {
  readonly bins: Int32Array;
  readonly nBins: number;
  /** Bins below this are ordered by value (neighbours mean something). */
  readonly ordered: number;
}

/** Bin number per checked row; the last bin holds missing values. */
export function binColumn(col: Column, rows: Int32Array): Binned {
  const m = rows.length;
  const bins = new Int32Array(m);
  if (col.dtype === 'categorical') {
    const counts = new Int32Array(col.categories.length);
    for (let i = 0; i < m; i++) {
      const c = col.codes[rows[i]];
      if (c >= 0) counts[c]++;
    }
    const order = Array.from(counts.keys()).filter((c) => counts[c] > 0);
    order.sort((a, b) => counts[b] - counts[a]);
    const keep = Math.min(order.length, MAX_BINS);
    const binOf = new Int32Array(col.categories.length).fill(keep); // rarer categories share bin `keep`
    for (let r = 0; r < keep; r++) binOf[order[r]] = r;
    for (let i = 0; i < m; i++) {
      const c = col.codes[rows[i]];
      bins[i] = c < 0 ? keep + 1 : binOf[c];
    }
    return { bins, nBins: keep + 2, ordered: 0 };
  }
  const values = col.values;
  const stride = Math.max(1, Math.floor(m / EDGE_SAMPLE));
  const sample: number[] = [];
  for (let i = 0; i < m; i += stride) {
    const v = values[rows[i]];
    if (v === v) sample.push(v);
  }
  const sorted = Float64Array.from(sample).sort();
  const cuts: number[] = [];
  const nCuts = Math.min(MAX_BINS, sorted.length);
  for (let b = 1; b < nCuts; b++) {
    const v = sorted[Math.floor((b * sorted.length) / nCuts)];
    if (cuts.length === 0 || v > cuts[cuts.length - 1]) cuts.push(v);
  }
  for (let i = 0; i < m; i++) {
    const v = values[rows[i]];
    if (v !== v) {
      bins[i] = cuts.length + 1;
      continue;
    }
    let lo = 0;
    let hi = cuts.length; // bin = number of cuts ≤ v
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    bins[i] = lo;
  }
  return { bins, nBins: cuts.length + 2, ordered: cuts.length + 1 };
}

/**
 * The bins a row of bin `b` is predicted from when it is alone there: the nearest non-empty
 * ordered bins (both sides at equal distance), or none.
 */
function neighbours(b: number, size: Int32Array, ordered: number): number[] {
  if (b >= ordered) return [];
  for (let d = 1; d < ordered; d++) {
    const found = [b - d, b + d].filter((x) => x >= 0 && x < ordered && size[x] > 0);
    if (found.length > 0) return found;
  }
  return [];
}

/** Leave-one-out balanced accuracy of "most common class of the row's bin". */
export function classificationScore({ bins, nBins, ordered }: Binned, y: Int32Array, k: number): number {
  const counts = new Int32Array(nBins * k);
  const size = new Int32Array(nBins);
  const total = new Int32Array(k);
  for (let i = 0; i < y.length; i++) {
    counts[bins[i] * k + y[i]]++;
    size[bins[i]]++;
    total[y[i]]++;
  }
  // Per bin: the first most common class and the first most common of the others, so that
  // leaving a row out costs O(1): only a row of the leading class can change the vote.
  const first = new Int32Array(nBins);
  const second = new Int32Array(nBins).fill(-1);
  for (let b = 0; b < nBins; b++) {
    let b1 = 0;
    for (let j = 1; j < k; j++) if (counts[b * k + j] > counts[b * k + b1]) b1 = j;
    let b2 = -1;
    for (let j = 0; j < k; j++) if (j !== b1 && (b2 < 0 || counts[b * k + j] > counts[b * k + b2])) b2 = j;
    first[b] = b1;
    second[b] = b2;
  }
  const votes = new Int32Array(k);
  const support = new Int32Array(k);
  const correct = new Int32Array(k);
  for (let i = 0; i < y.length; i++) {
    const b = bins[i];
    const own = y[i];
    let pred: number;
    if (size[b] > 1) {
      const b1 = first[b];
      const b2 = second[b];
      if (own !== b1 || b2 < 0) pred = b1;
      else {
        const c1 = counts[b * k + b1] - 1; // the row itself left out
        const c2 = counts[b * k + b2];
        pred = c1 > c2 || (c1 === c2 && b1 < b2) ? b1 : b2;
      }
    } else {
      votes.fill(0);
      const near = neighbours(b, size, ordered);
      for (const nb of near) for (let j = 0; j < k; j++) votes[j] += counts[nb * k + j];
      if (near.length === 0) {
        votes.set(total);
        votes[own]--;
      }
      pred = 0;
      for (let j = 1; j < k; j++) if (votes[j] > votes[pred]) pred = j;
    }
    support[own]++;
    if (pred === own) correct[own]++;
  }
  let sum = 0;
  let classes = 0;
  for (let j = 0; j < k; j++) if (support[j] > 0) (sum += correct[j] / support[j]), classes++;
  return classes > 0 ? sum / classes : 0;
}

/** Leave-one-out R² of "mean target of the row's bin". */
export function regressionScore({ bins, nBins, ordered }: Binned, y: Float64Array): number {
  const sums = new Float64Array(nBins);
  const size = new Int32Array(nBins);
  let all = 0;
  for (let i = 0; i < y.length; i++) {
    sums[bins[i]] += y[i];
    size[bins[i]]++;
    all += y[i];
  }
  const mean = all / y.length;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    const b = bins[i];
    let pred: number;
    if (size[b] > 1) pred = (sums[b] - y[i]) / (size[b] - 1);
    else {
      const near = neighbours(b, size, ordered);
      let s = 0;
      let n = 0;
      for (const nb of near) (s += sums[nb]), (n += size[nb]);
      pred = n > 0 ? s / n : (all - y[i]) / Math.max(1, y.length - 1);
    }
    sse += (y[i] - pred) ** 2;
    sst += (y[i] - mean) ** 2;
  }
  return sst > 0 ? 1 - sse / sst : 0;
}

/** |Pearson correlation| of a numeric feature with y over rows where both are present. */
export function absCorrelation(values: Float64Array, rows: Int32Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) (n++, (sx += v), (sy += y[i]));
  }
  if (n < 3) return 0;
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    const dx = v - mx;
    const dy = y[i] - my;
    cxy += dx * dy;
    cxx += dx * dx;
    cyy += dy * dy;
  }
  return cxx > 0 && cyy > 0 ? Math.abs(cxy / Math.sqrt(cxx * cyy)) : 0;
}
