/**
 * @module learners/unsupervised/encoder
 * The encoding step of the unsupervised preprocessing, fitted once and applied in one pass
 * straight into a row-major Float64Array (no intermediate Frames, which dominated fit time on
 * wide tables):
 * - numeric column: NaN → training median, then (x − mean) / std with the population std
 *   (ddof 0) of the imputed column, a constant column keeping scale 1 (scikit-learn's
 *   SimpleImputer(median) → StandardScaler); identity scaling when standardize is off;
 * - categorical column: one 0/1 column per training category in sorted order; above
 *   MAX_ONE_HOT categories the most frequent MAX_ONE_HOT − 1 keep their own column and the rest
 *   share `<name>=__other__` (scikit-learn's max_categories); missing and unseen → all zeros.
 * Output names and order follow src/features (`name`, `name=category`), column by column.
 */

/** One-hot columns per categorical feature at most (the rest share `__other__`). */
export const MAX_ONE_HOT = 20;
export const OTHER_CATEGORY = '__other__';

export type EncodedColumn =
  | { readonly kind: 'numeric'; readonly name: string; readonly fill: number; readonly mean: number; readonly scale: number }
  | { readonly kind: 'one-hot'; readonly name: string; readonly categories: readonly string[]; readonly other: readonly string[] };

export interface EncoderState {
  readonly columns: readonly EncodedColumn[];
}

/** Input to fit/apply: per feature, float values (numeric) or codes into `dictionary` (categorical). */
export type EncoderInput = { readonly values: Float64Array } | { readonly codes: Int32Array; readonly dictionary: readonly string[] };

/** Rearrange a[0..n) so a[k] holds its k-th smallest value, smaller ones before it (quickselect). */
function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/** Median of the non-NaN values (0 when there are none), in O(n) by quickselect. */
export function median(values: Float64Array): { median: number; present: Float64Array } {
  // Plain loop rather than TypedArray#filter: a callback per element is slow on wide tables.
  let m = 0;
  const buffer = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) buffer[m++] = values[i];
  const present = buffer.subarray(0, m);
  if (m === 0) return { median: 0, present };
  const upper = selectKth(present, m, m >> 1);
  if (m % 2 === 1) return { median: upper, present };
  // Even count: the lower middle value is the largest of the part left of the upper one.
  let lower = present[0];
  for (let i = 1; i < m >> 1; i++) if (present[i] > lower) lower = present[i];
  return { median: (lower + upper) / 2, present };
}

function fitNumeric(name: string, values: Float64Array, standardize: boolean): EncodedColumn {
  const { median: fill, present } = median(values);
  const m = present.length;
  if (!standardize) return { kind: 'numeric', name, fill, mean: 0, scale: 1 };
  const n = values.length;
  const missing = n - m;
  let sum = fill * missing;
  for (let i = 0; i < m; i++) sum += present[i];
  const mean = n > 0 ? sum / n : 0;
  let ss = missing * (fill - mean) ** 2;
  for (let i = 0; i < m; i++) ss += (present[i] - mean) ** 2;
  const std = n > 0 ? Math.sqrt(ss / n) : 0;
  // A std below rounding of the mean is a constant column: scale 1 maps it to 0, as scikit-learn.
  return { kind: 'numeric', name, fill, mean, scale: std <= 10 * Number.EPSILON * Math.max(1, Math.abs(mean)) ? 1 : std };
}

function fitOneHot(name: string, codes: Int32Array, dictionary: readonly string[]): EncodedColumn {
  const counts = new Float64Array(dictionary.length);
  for (const c of codes) if (c >= 0) counts[c]++;
  const seen = dictionary.map((c, k) => ({ c, n: counts[k] })).filter((e) => e.n > 0);
  const byName = (a: { c: string }, b: { c: string }) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0);
  if (seen.length <= MAX_ONE_HOT) return { kind: 'one-hot', name, categories: seen.sort(byName).map((e) => e.c), other: [] };
  // Most frequent first; ties by name so the result does not depend on dictionary order.
  const ranked = [...seen].sort((a, b) => b.n - a.n || byName(a, b));
  const keep = ranked.slice(0, MAX_ONE_HOT - 1);
  return { kind: 'one-hot', name, categories: keep.sort(byName).map((e) => e.c), other: ranked.slice(MAX_ONE_HOT - 1).sort(byName).map((e) => e.c) };
}

/** Fit the encoding of named inputs (in output order). */
export function fitEncoder(inputs: readonly { readonly name: string; readonly input: EncoderInput }[], standardize: boolean): EncoderState {
  return {
    columns: inputs.map(({ name, input }) => ('values' in input ? fitNumeric(name, input.values, standardize) : fitOneHot(name, input.codes, input.dictionary))),
  };
}

/** Width of each encoded column group. */
function widthOf(c: EncodedColumn): number {
  return c.kind === 'numeric' ? 1 : c.categories.length + (c.other.length > 0 ? 1 : 0);
}

export function encodedNames(state: EncoderState): string[] {
  return state.columns.flatMap((c) => (c.kind === 'numeric' ? [c.name] : [...c.categories.map((k) => `${c.name}=${k}`), ...(c.other.length ? [`${c.name}=${OTHER_CATEGORY}`] : [])]));
}

/** Encode n rows into a row-major n × width matrix; inputs in the order of state.columns. */
export function applyEncoder(state: EncoderState, inputs: readonly EncoderInput[], n: number): Float64Array {
  const width = state.columns.reduce((s, c) => s + widthOf(c), 0);
  const out = new Float64Array(n * width);
  // Numeric columns are written row by row in blocks of rows, so each output row is filled
  // while it is in cache (writing one column at a time strides through the whole matrix).
  const numeric: { values: Float64Array; fill: number; mean: number; scale: number; offset: number }[] = [];
  let offset = 0;
  state.columns.forEach((c, j) => {
    const input = inputs[j];
    if (c.kind === 'numeric') {
      const values = 'values' in input ? input.values : Float64Array.from(input.codes, (code) => (code < 0 ? Number.NaN : Number(input.dictionary[code])));
      numeric.push({ values, fill: c.fill, mean: c.mean, scale: c.scale, offset });
    } else if ('codes' in input) {
      // Slot of each dictionary code: own column, the shared other column, or none (-1).
      const slot = new Map<string, number>(c.categories.map((k, s) => [k, s]));
      for (const k of c.other) slot.set(k, c.categories.length);
      const remap = Int32Array.from(input.dictionary, (k) => slot.get(k) ?? -1);
      for (let i = 0, o = offset; i < n; i++, o += width) {
        const code = input.codes[i];
        const s = code < 0 ? -1 : remap[code];
        if (s >= 0) out[o + s] = 1;
      }
    }
    offset += widthOf(c);
  });
  const BLOCK = 256;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (const col of numeric) {
      const { values, fill, mean, scale } = col;
      for (let i = start, o = start * width + col.offset; i < end; i++, o += width) {
        const x = values[i];
        out[o] = ((x === x ? x : fill) - mean) / scale;
      }
    }
  }
  return out;
}
