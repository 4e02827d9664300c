/**
 * @module monitor/log-store/monitor-store
 * What the monitor needs of the prediction log beyond the server's contract (types.ts):
 *
 *   scan(query, onBatch)   the logged rows as columnar batches (typed arrays, decoded lazily),
 *                          so a drift report over a million rows never builds a million objects
 *   recordCheck / checks   the `monitor_checks` history: one row per scheduled check, which the
 *                          dashboard charts over time
 *
 * Every implementation from `openPredictionLog` (SQLite, PostgreSQL, memory) is a MonitorStore;
 * the server only sees the PredictionLogStore part.
 */
import type { LogQuery, PredictionLogStore } from './types.js';

/** One column of a batch: numbers (NaN = missing), strings by dictionary code (-1 = missing), booleans, or anything else as JSON values. */
export type BatchColumn =
  | { readonly kind: 'f64'; readonly values: Float64Array }
  | { readonly kind: 'str'; readonly codes: Int32Array; readonly dict: readonly string[] }
  | { readonly kind: 'bool'; readonly values: Int8Array }
  | { readonly kind: 'json'; readonly values: readonly unknown[] };

/** A run of logged rows of one model version (and shadow flag), column by column. */
export interface LogBatch {
  readonly model: string;
  readonly version: number | null;
  readonly shadow: boolean;
  readonly n: number;
  readonly timestamp: Float64Array;
  readonly rowIndex: Int32Array;
  readonly latencyMs: Float64Array;
  readonly featureNames: readonly string[];
  /** A feature's values (decoded on first use); undefined when no row of the batch had it. */
  feature(name: string): BatchColumn | undefined;
  readonly prediction: BatchColumn;
  /** Class probabilities, row-major n × classes.length (NaN where a row had none). */
  readonly proba?: { readonly classes: readonly string[]; readonly values: Float64Array };
  /** Request ids (decoded on first use). */
  requestIds(): readonly string[];
  /** Request ids as stored (usually dictionary codes: cheaper than `requestIds()` for joins). */
  requestIdColumn(): BatchColumn;
  /** Feedback labels aligned with the rows (scan with `labels: true`); null = no label yet. */
  readonly labels?: readonly (number | string | null)[];
}

export interface ScanOptions {
  /** Join feedback labels (costs a read of the feedback table). */
  readonly labels?: boolean;
  /** Only batches with ids in [from, to] (threads split a window this way: see batchIds). */
  readonly ids?: readonly [number, number];
}

export interface ScanSummary {
  readonly batches: number;
  readonly rows: number;
}

/** A drift/performance alert raised by a check. */
export interface MonitorAlert {
  readonly kind: 'dataset_drift' | 'prediction_drift' | 'performance_drop' | 'missing_values' | 'new_categories' | 'retrain';
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** One recorded check (a row of `monitor_checks`). */
export interface MonitorCheck {
  readonly id?: number;
  readonly model: string;
  readonly version: number | null;
  /** Epoch ms the check ran. */
  readonly at: number;
  readonly since: number | null;
  readonly until: number | null;
  readonly nCurrent: number;
  readonly datasetDrift: boolean;
  readonly driftShare: number;
  readonly predictionDrift: boolean;
  /** Metric name → value over the window (with `n_labels`), or null without labels. */
  readonly performance: Readonly<Record<string, number>> | null;
  readonly alerts: readonly MonitorAlert[];
  /** A compact per-feature summary (name, test, statistic, drifted) for the dashboard. */
  readonly summary: Readonly<Record<string, unknown>>;
}

export interface CheckQuery {
  readonly model?: string;
  readonly since?: number;
  /** Most recent first when limited; default 1000. */
  readonly limit?: number;
}

export interface MonitorStore extends PredictionLogStore {
  /** 'sqlite', 'postgres' or 'memory'. */
  readonly backend: string;
  /** Where the log lives (path or URL without password). */
  readonly location: string;
  /** Call `onBatch` for each batch of rows matching `query`, oldest batch first. */
  scan(query: LogQuery, onBatch: (batch: LogBatch) => void, options?: ScanOptions): Promise<ScanSummary>;
  /** The first and last batch id a scan of `query` reads, or null when none. */
  batchIds(query: LogQuery): Promise<readonly [number, number] | null>;
  recordCheck(check: MonitorCheck): Promise<number>;
  /** Recorded checks, oldest first. */
  checks(query?: CheckQuery): Promise<MonitorCheck[]>;
  /** Names of models with logged rows. */
  models(): Promise<string[]>;
}
