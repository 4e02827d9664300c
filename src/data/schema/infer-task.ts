/**
 * @module schema/infer-task
 * `inferTask`: binary, multiclass or regression for a target column, with the reason.
 *
 * Rules, in order:
 *  1. strings (or booleans): 2 distinct labels → binary, more → multiclass;
 *  2. numbers with exactly 2 distinct values → binary (0/1, 1/2, -1/1);
 *  3. whole numbers numbered like class codes → multiclass: at most MAX_CODE_CLASSES distinct
 *     values, forming a run without gaps that starts at -1, 0 or 1, with at least
 *     MIN_ROWS_PER_CLASS rows per value on average. Class codes are almost always numbered
 *     that way (cmc 1–3, covertype 1–7, mfeat 1–10), while whole-number targets that start
 *     elsewhere or skip values are scores, counts or amounts (wine quality 3–9, pol 0, 5, …,
 *     100, abalone rings 1–29 with 28 values) and are better fitted as numbers;
 *  4. any other numbers → regression.
 * The `task` option overrides the rules (checked against the data).
 */
import { DataError } from '../../errors.js';
import type { Column } from '../frame/column.js';
import type { Frame } from '../frame/frame.js';
import { categoryCounts, countDistinctSorted, looksNumeric, sortedPresent } from './column-facts.js';
import { formatNumberLabel } from './convert-column.js';
import { columnSuggestion } from './overrides.js';
import { TASKS, type Task, type TaskInference } from './types.js';

/** Most distinct whole numbers a target may have and still be read as class codes. */
export const MAX_CODE_CLASSES = 20;
/** Fewest rows per distinct value (on average) for whole numbers to be read as class codes. */
export const MIN_ROWS_PER_CLASS = 5;

export interface InferTaskOptions {
  /** Use this task instead of inferring one (checked against the data). */
  readonly task?: Task;
}

/** A class label and its row count. */
export interface ClassCount {
  readonly label: string;
  readonly count: number;
}

/** Compare labels numerically when both are numbers ('2' < '10'), else by code points. */
export function compareLabels(a: string, b: string): number {
  const na = looksNumeric(a);
  const nb = looksNumeric(b);
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1; // numbers first
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct present values of a column as labels with their counts, in label order. */
export function classCounts(col: Column): ClassCount[] {
  if (col.dtype === 'categorical') {
    const counts = categoryCounts(col);
    const out: ClassCount[] = [];
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0) out.push({ label: col.categories[c], count: counts[c] });
    return out.sort((x, y) => compareLabels(x.label, y.label));
  }
  const sorted = sortedPresent(col.values);
  const out: ClassCount[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const label = col.dtype === 'datetime' ? new Date(sorted[i]).toISOString() : formatNumberLabel(sorted[i]);
    out.push({ label, count: j - i });
    i = j;
  }
  return out;
}

function listLabels(labels: readonly string[], max = 5): string {
  const shown = labels.slice(0, max).map((l) => `'${l}'`);
  return labels.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Throws MW_TARGET_NOT_FOUND (with the closest names) when `target` is not a column of `frame`. */
export function targetColumn(frame: Frame, target: string): Column {
  if (!frame.has(target)) {
    throw new DataError('MW_TARGET_NOT_FOUND', `Target column '${target}' is not in the data.${columnSuggestion(target, frame.names)}`, {
      details: { column: target, available: frame.names },
    });
  }
  return frame.column(target);
}

/**
 * The task for predicting `target`, with the reason and (classification) the sorted labels.
 * @example inferTask(Frame.fromArrays({ y: [2, 10, 2, 10] }), 'y') // { task: 'binary', classes: ['2', '10'], … }
 */
export function inferTask(frame: Frame, target: string, options: InferTaskOptions = {}): TaskInference {
  const col = targetColumn(frame, target);
  if (options.task !== undefined && !TASKS.includes(options.task)) {
    throw new DataError('MW_TASK_UNSUPPORTED', `Unsupported task: ${String(options.task)}. Must be one of ${TASKS.join(', ')}.`);
  }
  if (col.dtype === 'datetime') {
    throw new DataError('MW_TASK_UNSUPPORTED', `Target '${target}' holds dates; a target must hold classes or numbers.`, {
      hint: 'Pick another target, or derive a number from the dates (e.g. with --sql).',
    });
  }
  // Many distinct numbers can only mean regression: skip building one label per value.
  if (col.dtype === 'float64' && options.task === undefined) {
    const sorted = sortedPresent(col.values);
    const distinct = countDistinctSorted(sorted);
    if (distinct > MAX_CODE_CLASSES) {
      return { target, task: 'regression', reason: `numbers with ${distinct.toLocaleString('en-US')} distinct values` };
    }
  }
  const counts = classCounts(col);
  if (counts.length === 0) {
    throw new DataError('MW_TARGET_ALL_MISSING', `Every value of target '${target}' is missing (${frame.nRows} rows).`, {
      details: { column: target, rows: frame.nRows },
    });
  }
  const labels = counts.map((c) => c.label);
  if (counts.length === 1) {
    throw new DataError(
      'MW_TARGET_SINGLE_CLASS',
      `Target '${target}' has a single distinct value ('${labels[0]}' in all ${counts[0].count} labelled rows); there is nothing to learn.`,
      { details: { column: target, value: labels[0] } },
    );
  }
  const numeric = col.dtype === 'float64';
  if (options.task) return checkedTask(options.task, target, col, labels);
  const classification = (task: Task, reason: string): TaskInference => ({ target, task, reason, classes: labels });
  if (!numeric) {
    return labels.length === 2
      ? classification('binary', `two distinct labels (${listLabels(labels)})`)
      : classification('multiclass', `${labels.length} distinct labels (${listLabels(labels)})`);
  }
  if (labels.length === 2) return classification('binary', `numbers with exactly two distinct values (${listLabels(labels)})`);
  const values = counts.map((c) => Number(c.label));
  const present = counts.reduce((s, c) => s + c.count, 0);
  const whole = values.every(Number.isInteger);
  const first = values[0];
  const gapless = values.every((v, i) => v === first + i);
  const few = values.length <= MAX_CODE_CLASSES;
  const startsLikeCodes = first >= -1 && first <= 1;
  const range = `${formatNumberLabel(first)}–${formatNumberLabel(values[values.length - 1])}`;
  if (whole && few && gapless && startsLikeCodes && present >= MIN_ROWS_PER_CLASS * values.length) {
    return classification('multiclass', `${values.length} whole numbers ${range} numbered like class codes (no gaps, starting at ${first})`);
  }
  let why = `numbers with ${values.length} distinct values`;
  if (whole && few) {
    why += ` (whole numbers ${range} that ${gapless && startsLikeCodes ? 'have too few rows each' : gapless ? `start at ${first}, not 0 or 1` : 'skip values'}, so they read as amounts or scores; pass --task multiclass to treat them as classes)`;
  }
  return { target, task: 'regression', reason: why };
}

/** The requested task, after checking it fits the target. */
function checkedTask(task: Task, target: string, col: Column, labels: readonly string[]): TaskInference {
  if (task === 'regression') {
    if (col.dtype === 'categorical' && !labels.every(looksNumeric)) {
      const bad = labels.filter((l) => !looksNumeric(l));
      throw new DataError('MW_TARGET_NOT_NUMERIC', `Task regression needs numbers, but target '${target}' holds ${listLabels(bad)}.`, {
        details: { column: target, examples: bad.slice(0, 5) },
      });
    }
    return { target, task, reason: 'requested (task regression)' };
  }
  if (task === 'binary' && labels.length !== 2) {
    throw new DataError(
      'MW_TASK_UNSUPPORTED',
      `Task binary needs exactly two classes, but target '${target}' has ${labels.length} (${listLabels(labels)}).`,
      { hint: 'Use task multiclass (or regression for amounts), or filter the rows to two classes.', details: { column: target } },
    );
  }
  return { target, task, reason: `requested (task ${task}); ${labels.length} classes`, classes: labels };
}
