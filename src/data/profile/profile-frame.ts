/**
 * @module profile/profile-frame
 * `profileFrame`: what is in a Frame, column by column, and what looks wrong with it.
 *
 *   per column: sort present values (numbers, dates) or count categories (strings)   one pass
 *               → facts → schema (given, or inferred + overrides) → column profile
 *   target:     inferTask → class counts
 *   dataset:    duplicate rows (row hashes) · leakage check (sampled on big data)
 *   warnings:   target · leakage · duplicates · per column  (codes in quality/warning-codes.ts)
 */
import type { Column } from '../frame/column.js';
import type { Frame } from '../frame/frame.js';
import { columnWarnings } from '../quality/column-warnings.js';
import { duplicateRowsWarning, leakageWarnings } from '../quality/dataset-warnings.js';
import { type LeakageOptions, findLeakage } from '../quality/leakage.js';
import { targetWarnings } from '../quality/target-warnings.js';
import { WarningCollector } from '../quality/warning-codes.js';
import { type ColumnFacts, categoryCounts, columnFacts, sortedPresent } from '../schema/column-facts.js';
import { formatNumberLabel, toDatetime, toNumeric } from '../schema/convert-column.js';
import { schemaForColumn } from '../schema/infer-schema.js';
import { classCounts, inferTask, targetColumn } from '../schema/infer-task.js';
import { type SchemaOverrides, resolveOverrides } from '../schema/overrides.js';
import type { ColumnSchema, DatasetSchema, Task } from '../schema/types.js';
import { countDuplicateRows, duplicateRowMask } from './duplicate-rows.js';
import { dateHistogram, numericStats, topCategories, topSortedValues } from './numeric-summary.js';
import type { ColumnProfile, Profile, TargetProfile } from './types.js';

export interface ProfileOptions {
  /** The column to predict: adds task inference, class balance and the leakage check. */
  readonly target?: string;
  /** Use this task instead of inferring one. */
  readonly task?: Task;
  /** A schema to use as is (columns it lacks are inferred); otherwise one is inferred. */
  readonly schema?: DatasetSchema;
  /** Flags and schema file applied to the inferred schema (ignored when `schema` is given). */
  readonly overrides?: SchemaOverrides;
  /** Options of the leakage check, or false to skip it. */
  readonly leakage?: LeakageOptions | false;
  /** How many most-frequent values to keep per column. Default 10. */
  readonly topValues?: number;
  /** Called after each column. */
  readonly onProgress?: (done: number, total: number, status?: string) => void;
}

/**
 * Profile a frame.
 * @example
 * const p = profileFrame(frame, { target: 'churn' });
 * p.target?.task; p.columns[0].missing; p.warnings.map((w) => w.code);
 */
export function profileFrame(frame: Frame, options: ProfileOptions = {}): Profile {
  const started = performance.now();
  const target = options.target ?? options.overrides?.target;
  if (target !== undefined) targetColumn(frame, target);
  const given = options.schema ? new Map(options.schema.columns.map((c) => [c.name, c])) : undefined;
  const resolved = given ? undefined : resolveOverrides(frame.names, { ...options.overrides, target });
  const limit = options.topValues ?? 10;

  const schemas: ColumnSchema[] = [];
  const profiles: ColumnProfile[] = [];
  const numericShares: number[] = [];
  frame.columns.forEach((col, i) => {
    const sorted = col.dtype === 'categorical' ? undefined : sortedPresent(col.values);
    const counts = col.dtype === 'categorical' ? categoryCounts(col) : undefined;
    const facts = columnFacts(col, { sorted, counts });
    let schema = given?.get(col.name) ?? schemaForColumn(facts, resolved?.get(col.name));
    if (col.name === target && schema.role !== 'target') schema = { ...schema, role: 'target' };
    schemas.push(schema);
    profiles.push(profileColumn(col, facts, schema, { sorted, counts }, limit));
    numericShares.push(facts.numericShare);
    options.onProgress?.(i + 1, frame.nCols, col.name);
  });
  const schema: DatasetSchema = { columns: schemas };

  const out = new WarningCollector();
  const duplicates = duplicateRowMask(frame);
  let targetProfile: TargetProfile | undefined;
  if (target !== undefined) {
    const task = inferTask(frame, target, { task: options.task });
    const col = frame.column(target);
    const classes = task.classes ? classCounts(col) : undefined;
    targetProfile = {
      name: target,
      task: task.task,
      reason: task.reason,
      ...(classes && { classes: classes.map((c) => c.label), classCounts: classes.map((c) => c.count) }),
      missing: profiles[frame.names.indexOf(target)].missing,
    };
    targetWarnings(targetProfile, frame.nRows, out);
    if (options.leakage !== false) {
      leakageWarnings(findLeakage(frame, schema, task, { exclude: duplicates, ...options.leakage }), target, out);
    }
  }
  const duplicateRows = countDuplicateRows(frame, duplicates);
  duplicateRowsWarning(duplicateRows, frame.nRows, out);
  profiles.forEach((p, i) => columnWarnings(p, frame.columns[i], numericShares[i], frame.nRows, out));

  return {
    rows: frame.nRows,
    columnCount: frame.nCols,
    duplicateRows,
    columns: profiles,
    ...(targetProfile && { target: targetProfile }),
    warnings: out.warnings,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The schema a profile was made with. */
export function schemaOfProfile(profile: Profile): DatasetSchema {
  return { columns: profile.columns.map(({ name, dtype, type, role, reason }) => ({ name, dtype, type, role, reason })) };
}

function profileColumn(
  col: Column,
  facts: ColumnFacts,
  schema: ColumnSchema,
  work: { sorted?: Float64Array; counts?: Int32Array },
  limit: number,
): ColumnProfile {
  const base = {
    name: col.name,
    type: schema.type,
    dtype: col.dtype,
    role: schema.role,
    reason: schema.reason,
    missing: facts.missing,
    missingShare: facts.rows > 0 ? facts.missing / facts.rows : 0,
    unique: facts.unique,
  };
  const wantsTop = schema.type === 'categorical' || schema.type === 'boolean' || schema.type === 'text' || schema.type === 'identifier';
  if (col.dtype === 'float64') {
    const sorted = work.sorted as Float64Array;
    const top = wantsTop && schema.type !== 'identifier' ? { topValues: topSortedValues(sorted, formatNumberLabel, limit) } : {};
    return sorted.length === 0 ? { ...base, ...top } : { ...base, ...numericStats(sorted, facts.integerValued), ...top };
  }
  if (col.dtype === 'datetime') return { ...base, ...dateStats(work.sorted as Float64Array) };
  // Strings: top values, plus what their schema type asks for.
  const counts = work.counts as Int32Array;
  const topValues = topCategories(col.categories, counts, limit);
  if (schema.type === 'datetime') return { ...base, topValues, ...dateStats(sortedPresent(toDatetime(col).values)) };
  if (schema.type === 'numeric') {
    const sorted = sortedPresent(toNumeric(col).values);
    return sorted.length === 0 ? { ...base, topValues } : { ...base, topValues, ...numericStats(sorted, columnFacts(toNumeric(col), { sorted }).integerValued) };
  }
  const withLength = schema.type === 'text' || schema.type === 'identifier' ? { meanLength: facts.meanLength } : {};
  return { ...base, topValues, ...withLength };
}

function dateStats(sorted: Float64Array): Pick<ColumnProfile, 'min' | 'max' | 'histogram'> {
  if (sorted.length === 0) return {};
  return {
    min: new Date(sorted[0]).toISOString(),
    max: new Date(sorted[sorted.length - 1]).toISOString(),
    histogram: dateHistogram(sorted),
  };
}
