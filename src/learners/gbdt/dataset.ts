/**
 * @module learners/gbdt/dataset
 * The binned training matrix. Row-major, because histograms are built per leaf over a
 * scattered subset of rows: one row's bins then sit in one cache line, whereas a column
 * layout gathers from F far-apart arrays per row (measured 2–4× slower in V8).
 *
 * Features with at most 256 bins ("narrow", nearly all of them) are bytes in `narrow`, padded
 * to whole 32-bit words per row so the histogram kernel reads four bins per load. Features
 * with more bins (large categoricals) are 16-bit values in `wide`.
 *
 * A column-major copy (`columns`, one byte per row and feature) serves the code that reads
 * one feature of many rows — partitioning a leaf, scoring rows by traversal — where the
 * row-major layout would cost a cache line per row for one byte.
 * (At 1M rows it took partitioning from ~12% of training time to ~3%.)
 *
 * Histogram layout (one Float64Array per leaf, gradient and hessian interleaved): narrow
 * column c owns doubles [c·512, c·512 + 512) — a fixed stride, so the kernel computes slots
 * with shifts instead of loading offsets; wide features follow, packed. `histOffset[f]` is
 * where feature f's bin 0 lives.
 */
import type { AlignedFeatures } from '../feature-schema.js';
import type { BinMapper } from './binning/bin-mapper.js';

/** Doubles per narrow histogram column: 256 bins × (gradient, hessian). */
export const NARROW_SLOT = 512;

export interface DatasetLayout {
  readonly nFeatures: number;
  /** 32-bit words per row in `narrow` (4 features each; padding bytes are bin 0 of no feature). */
  readonly narrowWords: number;
  /** 16-bit values per row in `wide`. */
  readonly wideStride: number;
  /** Per feature: 1 when stored in `wide`. */
  readonly featureWide: Uint8Array;
  /** Per feature: its column inside its block. */
  readonly featureCol: Int32Array;
  /** Per feature: the double index of its bin 0 in a leaf histogram. */
  readonly histOffset: Int32Array;
  /** Per feature: bins (missing bin included). */
  readonly numBins: Int32Array;
  /** Per feature: 1 when categorical. */
  readonly isCategorical: Uint8Array;
  /** Per narrow column (padding included): bins of its feature, 0 for padding. */
  readonly narrowBins: Int32Array;
  /** Doubles in one leaf histogram. */
  readonly histSize: number;
}

export function datasetLayout(mappers: readonly BinMapper[]): DatasetLayout {
  const F = mappers.length;
  const featureWide = new Uint8Array(F);
  const featureCol = new Int32Array(F);
  const numBins = new Int32Array(F);
  const isCategorical = new Uint8Array(F);
  let nNarrow = 0;
  let nWide = 0;
  mappers.forEach((m, f) => {
    numBins[f] = m.numBins;
    isCategorical[f] = m.kind === 'categorical' ? 1 : 0;
    if (m.numBins > 256) (featureWide[f] = 1), (featureCol[f] = nWide++);
    else featureCol[f] = nNarrow++;
  });
  const narrowWords = Math.ceil(nNarrow / 4);
  const narrowBins = new Int32Array(narrowWords * 4);
  for (let f = 0; f < F; f++) if (!featureWide[f]) narrowBins[featureCol[f]] = numBins[f];
  const histOffset = new Int32Array(F);
  let next = narrowWords * 4 * NARROW_SLOT;
  for (let f = 0; f < F; f++) {
    if (featureWide[f]) {
      histOffset[f] = next;
      next += 2 * numBins[f];
    } else histOffset[f] = featureCol[f] * NARROW_SLOT;
  }
  return { nFeatures: F, narrowWords, wideStride: nWide, featureWide, featureCol, histOffset, numBins, isCategorical, narrowBins, histSize: next };
}

/** Typed-array storage, on a SharedArrayBuffer when worker threads will read it. */
export function allocate<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
  Ctor: { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  // Round the buffer up to 8 bytes so every view of it is aligned; the array has `length`.
  const bytes = Math.ceil((length * Ctor.BYTES_PER_ELEMENT) / 8) * 8;
  return new Ctor(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)).subarray(0, length) as T;
}

export class BinnedDataset {
  private constructor(
    readonly nRows: number,
    readonly mappers: readonly BinMapper[],
    readonly layout: DatasetLayout,
    /** nRows × narrowWords words; byte k of word w is narrow column 4w + k (little-endian). */
    readonly narrow: Uint32Array,
    /** nRows × wideStride 16-bit bins. */
    readonly wide: Uint16Array,
    /** Per feature: its bins, one per row. */
    readonly columns: readonly (Uint8Array | Uint16Array)[],
  ) {}

  /** Bin every row of `aligned` with `mappers` (training or validation data). */
  static build(aligned: AlignedFeatures, mappers: readonly BinMapper[], shared = false): BinnedDataset {
    const layout = datasetLayout(mappers);
    const n = aligned.nRows;
    const narrow = allocate(Uint32Array, n * layout.narrowWords, shared);
    const wide = allocate(Uint16Array, n * layout.wideStride, shared);
    const bytes = new Uint8Array(narrow.buffer, narrow.byteOffset, n * layout.narrowWords * 4);
    const rowBytes = layout.narrowWords * 4;
    const columns = mappers.map((m, f) => {
      const col = aligned.columns[f];
      const c = layout.featureCol[f];
      const isWide = layout.featureWide[f] === 1;
      const bins = isWide ? allocate(Uint16Array, n, shared) : allocate(Uint8Array, n, shared);
      if (m.kind === 'categorical') {
        const codes = col as Int32Array;
        for (let i = 0; i < n; i++) bins[i] = m.categoryBin(codes[i]);
      } else {
        const values = col as Float64Array;
        for (let i = 0; i < n; i++) bins[i] = m.numericBin(values[i]);
      }
      const target = isWide ? wide : bytes;
      const stride = isWide ? layout.wideStride : rowBytes;
      for (let i = 0, j = c; i < n; i++, j += stride) target[j] = bins[i];
      return bins;
    });
    return new BinnedDataset(n, mappers, layout, narrow, wide, columns);
  }

  /** The bin of feature `f` in row `r`. */
  bin(r: number, f: number): number {
    return this.columns[f][r];
  }

  /** All bins of feature `f`, one per row (a view, not a copy). */
  column(f: number): Uint8Array | Uint16Array {
    return this.columns[f];
  }
}
