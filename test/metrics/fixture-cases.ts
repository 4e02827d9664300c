/**
 * Loads test/fixtures/metrics/sklearn-metrics.json (written by make-fixtures.py with Debian's
 * scikit-learn) and turns each case into a call of the TypeScript metric it names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as metrics from '../../src/metrics/index.js';

export const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/metrics/sklearn-metrics.json', import.meta.url));
export const GENERATOR_PATH = fileURLToPath(new URL('../fixtures/metrics/make-fixtures.py', import.meta.url));

type Json = number | string | boolean | null | Json[] | { [k: string]: Json };

export interface FixtureCase {
  fn: string;
  data: string;
  args: string[];
  opts: Record<string, Json>;
  weighted: boolean;
  expected: Json;
}

export interface Fixture {
  generator: string;
  generator_sha256: string;
  sklearn: string;
  numpy: string;
  datasets: Record<string, Record<string, number[] | number>>;
  cases: FixtureCase[];
}

export function loadFixture(): Fixture {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Fixture;
}

/** Classification datasets hold class indices in y_true / y_pred; everything else is float. */
function isClassification(data: string): boolean {
  return data.startsWith('bin-') || data.startsWith('mc');
}

function arrayOf(data: string, name: string, values: number[]): Int32Array | Float64Array {
  if (isClassification(data) && (name === 'y_true' || name === 'y_pred')) return Int32Array.from(values);
  return Float64Array.from(values);
}

/** The call a case describes, ready to run (it may throw, as sklearn may raise). */
export function callOf(fx: Fixture, c: FixtureCase): () => unknown {
  const d = fx.datasets[c.data];
  const args = c.args.map((name) => arrayOf(c.data, name, d[name] as number[]));
  const k = typeof d.n_classes === 'number' ? d.n_classes : 2;
  const opts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c.opts)) {
    if (key === 'labelsAll') {
      if (value === true) opts.labels = Array.from({ length: k }, (_, i) => i);
    } else if (key === 'grouped') {
      opts.group = Int32Array.from(d.group as number[]);
    } else if (key === 'nClasses' && value === null) {
      opts.nClasses = k;
    } else {
      opts[key] = value;
    }
  }
  if (c.weighted) opts.sampleWeight = Float64Array.from(d.sample_weight as number[]);
  const fn = (metrics as unknown as Record<string, (...a: unknown[]) => unknown>)[c.fn];
  if (typeof fn !== 'function') throw new Error(`fixture names unknown function ${c.fn}`);
  return () => fn(...args, opts);
}

/** JSON stand-ins for non-finite numbers. */
function num(v: Json): number | undefined {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return undefined;
}

/**
 * Compares `actual` with sklearn's `expected` (only the keys sklearn reports). Tolerance 1e-9,
 * relative above 1: the implementations follow NumPy's summation order, so most values agree
 * exactly; the rest differ by a few ulps where NumPy calls BLAS (dot products) or libm.
 * Returns the mismatches (empty when equal) and counts bit-exact numbers in `stats`.
 */
export function compare(actual: unknown, expected: Json, path: string, stats: { exact: number; close: number }): string[] {
  const e = num(expected);
  if (e !== undefined) {
    const a = typeof actual === 'number' ? actual : NaN;
    if (Object.is(a, e) || a === e || (Number.isNaN(a) && Number.isNaN(e))) {
      stats.exact++;
      return [];
    }
    if (Number.isFinite(e) && Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e))) {
      stats.close++;
      return [];
    }
    return [`${path}: got ${a}, sklearn ${e}`];
  }
  if (Array.isArray(expected)) {
    const arr = actual as ArrayLike<unknown> | undefined;
    if (arr === undefined || arr === null || typeof arr.length !== 'number') return [`${path}: not an array`];
    if (arr.length !== expected.length) return [`${path}: length ${arr.length}, sklearn ${expected.length}`];
    return expected.flatMap((x, i) => compare(arr[i], x, `${path}[${i}]`, stats));
  }
  if (expected !== null && typeof expected === 'object') {
    const obj = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([key, x]) => compare(obj?.[key], x, `${path}.${key}`, stats));
  }
  return actual === expected ? [] : [`${path}: got ${String(actual)}, sklearn ${String(expected)}`];
}
