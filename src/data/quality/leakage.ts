/**
 * @module quality/leakage
 * Target-leakage suspects: features that predict the target almost perfectly on their own.
 *
 * Each feature gets a one-feature model scored by leave-one-out: its values are cut into up to
 * MAX_BINS quantile bins (numbers, dates) or taken as categories (the most frequent MAX_BINS),
 * with a bin of their own for missing values; each row is predicted from the *other* rows of
 * its bin — the most common class, or the mean target — and, when its bin holds no other row,
 * from the nearest non-empty bins (numbers). With fine bins this is close to a one-feature
 * nearest-neighbour rule: it scores ~1 for a copy of the target however it is transformed
 * (shifted, scaled, bent, re-labelled), and leaving each row out keeps a column with a value
 * per row from scoring by memorising. Classification is scored by balanced accuracy (a rare
 * class cannot hide behind the majority), regression by R²; for numbers in regression,
 * |Pearson correlation| is checked too. A score ≥ `threshold` (0.99) makes a suspect.
 *
 * Rows that repeat an earlier row exactly are left out (a copy would be its own neighbour),
 * and large data is checked on a random sample of `sampleRows` rows.
 */
import { Rng } from '../../common/random.js';
import type { Column } from '../frame/column.js';
import type { Frame } from '../frame/frame.js';
import { toDatetime, toNumeric } from '../schema/convert-column.js';
import type { DatasetSchema, TaskInference } from '../schema/types.js';

export interface LeakageOptions {
  /** Rows checked at most; larger data is sampled. Default 100,000. */
  readonly sampleRows?: number;
  /** Score from which a feature is a suspect. Default 0.99. */
  readonly threshold?: number;
  /** Seed of the sample. Default 1. */
  readonly seed?: number;
  /** Rows to leave out (1 = skip), e.g. exact duplicates from `duplicateRowMask`. */
  readonly exclude?: Uint8Array;
}

export interface LeakageFinding {
  readonly column: string;
  readonly metric: 'balanced accuracy' | 'R²' | '|correlation|';
  readonly score: number;
  /** What a guess without features scores on the same metric. */
  readonly baseline: number;
}

export interface LeakageResult {
  readonly findings: LeakageFinding[];
  /** Labelled rows the check used, and how many there were. */
  readonly rowsChecked: number;
  readonly rowsLabelled: number;
}

/** With fewer labelled rows a near-perfect one-feature score is too likely by chance. */
export const MIN_ROWS_FOR_LEAKAGE = 50;
/** Finest binning: boundary rows of a perfectly separating feature cost at most 1/MAX_BINS. */
export const MAX_BINS = 1024;
/** Values used to place quantile cuts (about ten per cut at MAX_BINS). */
const EDGE_SAMPLE = 10_000;

interface Binned {
  readonly bins: Int32Array;
  readonly nBins: number;
  /** Bins below this are ordered by value (neighbours mean something). */
  readonly ordered: number;
}

/** Bin number per checked row; the last bin holds missing values. */
function binColumn(col: Column, rows: Int32Array): Binned {
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
function classificationScore({ bins, nBins, ordered }: Binned, y: Int32Array, k: number): number {
  const counts = new Int32Array(nBins * k);
  const size = new Int32Array(nBins);
  const total = new Int32Array(k);
  for (let i = 0; i < y.length; i++) {
    counts[bins[i] * k + y[i]]++;
    size[bins[i]]++;
    total[y[i]]++;
  }
  const votes = new Int32Array(k);
  const support = new Int32Array(k);
  const correct = new Int32Array(k);
  for (let i = 0; i < y.length; i++) {
    const b = bins[i];
    const own = y[i];
    votes.fill(0);
    if (size[b] > 1) {
      for (let j = 0; j < k; j++) votes[j] = counts[b * k + j];
      votes[own]--; // leave the row itself out
    } else {
      const near = neighbours(b, size, ordered);
      for (const nb of near) for (let j = 0; j < k; j++) votes[j] += counts[nb * k + j];
      if (near.length === 0) {
        votes.set(total);
        votes[own]--;
      }
    }
    let best = 0;
    for (let j = 1; j < k; j++) if (votes[j] > votes[best]) best = j;
    support[own]++;
    if (best === own) correct[own]++;
  }
  let sum = 0;
  let classes = 0;
  for (let j = 0; j < k; j++) if (support[j] > 0) (sum += correct[j] / support[j]), classes++;
  return classes > 0 ? sum / classes : 0;
}

/** Leave-one-out R² of "mean target of the row's bin". */
function regressionScore({ bins, nBins, ordered }: Binned, y: Float64Array): number {
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
function absCorrelation(values: Float64Array, rows: Int32Array, y: Float64Array): number {
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

/**
 * Features that predict `task.target` almost perfectly on their own.
 * @example findLeakage(frame, schema, inferTask(frame, 'churn')).findings // [{ column: 'churn_date', … }]
 */
export function findLeakage(frame: Frame, schema: DatasetSchema, task: TaskInference, options: LeakageOptions = {}): LeakageResult {
  const sampleRows = options.sampleRows ?? 100_000;
  const threshold = options.threshold ?? 0.99;
  const targetCol = frame.column(task.target);
  const classification = task.task !== 'regression';

  // Labelled, non-duplicate rows, then a random subset when there are too many.
  const yAll = classification ? classIndex(targetCol, task.classes ?? []) : toNumeric(targetCol).values;
  const skip = options.exclude;
  let rows = Int32Array.from({ length: frame.nRows }, (_, i) => i).filter(
    (i) => !(skip && skip[i]) && (classification ? yAll[i] >= 0 : yAll[i] === yAll[i]),
  );
  const rowsLabelled = rows.length;
  if (rows.length > sampleRows) {
    const all = rows;
    rows = new Rng(options.seed ?? 1).sampleIndices(all.length, sampleRows).map((i) => all[i]);
  }
  const m = rows.length;
  if (m < MIN_ROWS_FOR_LEAKAGE) return { findings: [], rowsChecked: m, rowsLabelled };
  const k = task.classes?.length ?? 0;
  const yc = classification ? Int32Array.from(rows, (r) => yAll[r]) : new Int32Array(0);
  const yr = classification ? new Float64Array(0) : Float64Array.from(rows, (r) => yAll[r]);
  const baseline = classification ? 1 / Math.max(1, k) : 0;

  const findings: LeakageFinding[] = [];
  for (const c of schema.columns) {
    if (c.name === task.target || c.role === 'ignored' || c.role === 'id' || c.role === 'target') continue;
    if (c.type === 'identifier' || c.type === 'text' || !frame.has(c.name)) continue;
    // Dates and numbers stored as strings are binned in value order, not as categories.
    const stored = frame.column(c.name);
    const col = stored.dtype === 'categorical' && c.type === 'datetime' ? toDatetime(stored) : stored.dtype === 'categorical' && c.type === 'numeric' ? toNumeric(stored) : stored;
    const binned = binColumn(col, rows);
    if (classification) {
      const score = classificationScore(binned, yc, k);
      if (score >= threshold) findings.push({ column: c.name, metric: 'balanced accuracy', score, baseline });
      continue;
    }
    const r2 = regressionScore(binned, yr);
    const corr = col.dtype === 'categorical' ? 0 : absCorrelation(col.values, rows, yr);
    if (Math.max(r2, corr) >= threshold) {
      findings.push({ column: c.name, metric: corr > r2 ? '|correlation|' : 'R²', score: Math.max(r2, corr), baseline });
    }
  }
  return { findings, rowsChecked: m, rowsLabelled };
}

/** Class index (position in `classes`) per row, −1 when missing. */
function classIndex(col: Column, classes: readonly string[]): Int32Array {
  const n = col.dtype === 'categorical' ? col.codes.length : col.values.length;
  const out = new Int32Array(n).fill(-1);
  const position = new Map(classes.map((c, i) => [c, i]));
  if (col.dtype === 'categorical') {
    const byCode = Int32Array.from(col.categories, (cat) => position.get(cat) ?? -1);
    for (let i = 0; i < n; i++) out[i] = col.codes[i] < 0 ? -1 : byCode[col.codes[i]];
    return out;
  }
  const byValue = new Map(classes.map((c, i) => [Number(c), i]));
  for (let i = 0; i < n; i++) {
    const v = col.values[i];
    out[i] = v === v ? (byValue.get(v) ?? -1) : -1;
  }
  return out;
}
