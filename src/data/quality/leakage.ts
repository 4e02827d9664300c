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
import { absCorrelation, binColumn, classificationScore, regressionScore } from './one-feature-rule.js';

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
  let rows = new Int32Array(frame.nRows);
  let used = 0;
  for (let i = 0; i < frame.nRows; i++) {
    const labelled = classification ? yAll[i] >= 0 : yAll[i] === yAll[i];
    if (labelled && !(skip && skip[i])) rows[used++] = i;
  }
  rows = rows.slice(0, used);
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
