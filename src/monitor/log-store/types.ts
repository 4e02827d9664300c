/**
 * @module monitor/log-store/types
 * The prediction log: what the server records about every scored row (sampled by config) and
 * the ground-truth labels that arrive later as feedback. Written by serve/ off the hot path,
 * read by monitor/ for drift and performance reports. This file is the contract between the
 * two; the implementation lives beside it (SQLite in $MODELWRIGHT_HOME by default, PostgreSQL
 * when MODELWRIGHT_DB is a postgres:// URL).
 */

/** One scored row. */
export interface LoggedPrediction {
  /** The request's id (one request may score many rows). */
  readonly requestId: string;
  /** Position of the row in its request. */
  readonly rowIndex: number;
  /** Epoch milliseconds when it was scored. */
  readonly timestamp: number;
  /** Registered model name (or the path for unregistered models). */
  readonly model: string;
  /** Registry version, or null for an unregistered model. */
  readonly version: number | null;
  /** The raw input row as received (after validation). */
  readonly features: Readonly<Record<string, number | string | boolean | null>>;
  /** Predicted label (classification) or value (regression). */
  readonly prediction: number | string;
  /** Class probabilities (classification). */
  readonly proba?: Readonly<Record<string, number>>;
  readonly latencyMs: number;
  /** True for a shadow model's answer (logged, never returned to the client). */
  readonly shadow: boolean;
}

/** A ground-truth label for a logged row. */
export interface FeedbackRecord {
  readonly requestId: string;
  /** Row in the request; absent = every row of the request (single-row requests). */
  readonly rowIndex?: number;
  readonly label: number | string;
  readonly timestamp: number;
}

export interface LogQuery {
  readonly model: string;
  readonly version?: number;
  /** Epoch ms, inclusive. */
  readonly since?: number;
  /** Epoch ms, exclusive. */
  readonly until?: number;
  readonly includeShadow?: boolean;
}

export interface PredictionLogStore {
  /** Append scored rows (one transaction per call: callers batch). */
  append(rows: readonly LoggedPrediction[]): Promise<void>;
  appendFeedback(rows: readonly FeedbackRecord[]): Promise<void>;
  /** Logged rows matching `query`, oldest first, with their feedback label when one arrived. */
  query(query: LogQuery): Promise<readonly (LoggedPrediction & { readonly label?: number | string })[]>;
  close(): Promise<void>;
}
