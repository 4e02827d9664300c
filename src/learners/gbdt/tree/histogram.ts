/**
 * @module learners/gbdt/tree/histogram
 * The hot loop of training: sum gradients and hessians per (feature, bin) over the rows of a
 * leaf, plus the subtraction trick (larger child = parent − smaller child).
 *
 * Kernels take plain typed arrays and index ranges so that the calling thread and worker
 * threads run the very same code on shared memory. Work is split across threads by feature
 * (word ranges of the narrow block, whole wide features), never by row: every histogram
 * cell is then summed by one thread in row order, so results are bit-identical for any
 * thread count.
 */
import { NARROW_SLOT, type DatasetLayout } from '../dataset.js';

/**
 * Add rows idx[begin..end) of the narrow block, words [w0, w1), into `hist` at `histBase`.
 * `gh` holds (gradient, hessian) pairs per row starting at `ghBase`.
 */
export function buildNarrow(
  narrow: Uint32Array, words: number, w0: number, w1: number,
  idx: Int32Array, begin: number, end: number,
  gh: Float64Array, ghBase: number, hist: Float64Array, histBase: number,
): void {
  // Four bins per 32-bit load; slot of byte k of word w = (4w + k) · 512 + 2 · bin.
  for (let i = begin; i < end; i++) {
    const r = idx[i];
    const p = ghBase + 2 * r;
    const g = gh[p];
    const h = gh[p + 1];
    const row = r * words;
    for (let w = w0; w < w1; w++) {
      const x = narrow[row + w];
      const k = histBase + w * 4 * NARROW_SLOT;
      let j = k + ((x & 255) << 1);
      hist[j] += g;
      hist[j + 1] += h;
      j = k + NARROW_SLOT + (((x >>> 8) & 255) << 1);
      hist[j] += g;
      hist[j + 1] += h;
      j = k + 2 * NARROW_SLOT + (((x >>> 16) & 255) << 1);
      hist[j] += g;
      hist[j + 1] += h;
      j = k + 3 * NARROW_SLOT + ((x >>> 24) << 1);
      hist[j] += g;
      hist[j + 1] += h;
    }
  }
}

/** As buildNarrow for the listed wide columns (16-bit bins, packed histogram offsets). */
export function buildWide(
  wide: Uint16Array, stride: number, cols: Int32Array, offsets: Int32Array, nCols: number,
  idx: Int32Array, begin: number, end: number,
  gh: Float64Array, ghBase: number, hist: Float64Array, histBase: number,
): void {
  for (let c = 0; c < nCols; c++) {
    const col = cols[c];
    const off = histBase + offsets[c];
    for (let i = begin; i < end; i++) {
      const r = idx[i];
      const p = ghBase + 2 * r;
      const j = off + (wide[r * stride + col] << 1);
      hist[j] += gh[p];
      hist[j + 1] += gh[p + 1];
    }
  }
}

/** Zero the used bins of the given narrow word range and wide features. */
export function clearHistogram(hist: Float64Array, histBase: number, layout: DatasetLayout, w0: number, w1: number, wideFeatures: Int32Array, nWide: number): void {
  // Only the bins a feature has: most features use far fewer than the 256-bin slot, and
  // clearing whole slots dominated the cost of small leaves.
  for (let c = 4 * w0; c < 4 * w1; c++) {
    const s = histBase + c * NARROW_SLOT;
    hist.fill(0, s, s + 2 * Math.max(1, layout.narrowBins[c]));
  }
  for (let k = 0; k < nWide; k++) {
    const f = wideFeatures[k];
    const s = histBase + layout.histOffset[f];
    hist.fill(0, s, s + 2 * layout.numBins[f]);
  }
}

/** parent −= child over the bins of `features` (the parent slot becomes the larger child). */
export function subtractHistogram(hist: Float64Array, parentBase: number, childBase: number, layout: DatasetLayout, features: Int32Array, nFeatures: number): void {
  for (let k = 0; k < nFeatures; k++) {
    const f = features[k];
    const off = layout.histOffset[f];
    const len = 2 * layout.numBins[f];
    const p = parentBase + off;
    const c = childBase + off;
    for (let j = 0; j < len; j++) hist[p + j] -= hist[c + j];
  }
}

/**
 * Reference implementation: one feature's histogram by direct summation over a row list
 * (tests compare the kernels and the subtraction trick against it).
 */
export function directFeatureHistogram(bins: ArrayLike<number>, rows: ArrayLike<number>, gh: Float64Array, ghBase: number, numBins: number): Float64Array {
  const out = new Float64Array(2 * numBins);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[2 * bins[r]] += gh[ghBase + 2 * r];
    out[2 * bins[r] + 1] += gh[ghBase + 2 * r + 1];
  }
  return out;
}
