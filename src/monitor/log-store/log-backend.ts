/**
 * @module monitor/log-store/log-backend
 * The storage primitives under the prediction log (prediction-log.ts holds the logic): insert
 * and select encoded batches, feedback rows and check records. Two implementations: SQL over
 * SQLite or PostgreSQL (sql-log-backend.ts, one SQL body) and memory (here, for tests).
 */
import type { CheckQuery, MonitorCheck } from './monitor-store.js';
import type { LogQuery } from './types.js';

export interface NewBatch {
  readonly model: string;
  readonly version: number | null;
  readonly shadow: boolean;
  readonly nRows: number;
  /** Smallest and largest row timestamp (epoch ms): windows skip batches by these. */
  readonly tMin: number;
  readonly tMax: number;
  readonly payload: Uint8Array;
}

export interface StoredBatch {
  readonly id: number;
  readonly model: string;
  readonly version: number | null;
  readonly shadow: boolean;
  readonly payload: Uint8Array;
}

export interface FeedbackRow {
  readonly requestId: string;
  /** -1: every row of the request. */
  readonly rowIndex: number;
  readonly label: number | string;
  readonly timestamp: number;
  /** Epoch ms the store received it (labels arrive after their prediction was logged). */
  readonly receivedAt: number;
}

export interface LogBackend {
  readonly backend: string;
  readonly location: string;
  insertBatches(batches: readonly NewBatch[]): Promise<void>;
  /** Batch ids bounding the query's window [first, last] (null when none match): where a scan starts and stops. */
  windowIds(query: LogQuery): Promise<readonly [number, number] | null>;
  /** Batches overlapping the query's window with afterId < id ≤ lastId, by id, at most `limit`. */
  selectBatches(query: LogQuery, afterId: number, lastId: number, limit: number): Promise<StoredBatch[]>;
  insertFeedback(rows: readonly FeedbackRow[]): Promise<void>;
  /** Feedback received at or after `receivedSince` (all when undefined), in arrival order. */
  selectFeedback(receivedSince: number | undefined): Promise<FeedbackRow[]>;
  insertCheck(check: MonitorCheck): Promise<number>;
  selectChecks(query: CheckQuery): Promise<MonitorCheck[]>;
  models(): Promise<string[]>;
  close(): Promise<void>;
}

/** True when a batch of `query`'s model overlaps its window (until is exclusive). */
export function batchMatches(b: Pick<NewBatch, 'model' | 'version' | 'shadow' | 'tMin' | 'tMax'>, q: LogQuery): boolean {
  if (b.model !== q.model) return false;
  if (q.version !== undefined && b.version !== q.version) return false;
  if (!q.includeShadow && b.shadow) return false;
  if (q.since !== undefined && b.tMax < q.since) return false;
  if (q.until !== undefined && b.tMin >= q.until) return false;
  return true;
}

/** Everything in arrays: the store tests use and `openPredictionLog({ memory: true })`. */
export class MemoryLogBackend implements LogBackend {
  readonly backend = 'memory';
  readonly location = 'memory';
  private readonly batches: (NewBatch & { id: number })[] = [];
  private readonly feedback: FeedbackRow[] = [];
  private readonly checkRows: MonitorCheck[] = [];

  async insertBatches(batches: readonly NewBatch[]): Promise<void> {
    for (const b of batches) this.batches.push({ ...b, id: this.batches.length + 1 });
  }

  async windowIds(query: LogQuery): Promise<readonly [number, number] | null> {
    const ids = this.batches.filter((b) => batchMatches(b, query)).map((b) => b.id);
    return ids.length ? [Math.min(...ids), Math.max(...ids)] : null;
  }

  async selectBatches(query: LogQuery, afterId: number, lastId: number, limit: number): Promise<StoredBatch[]> {
    return this.batches.filter((b) => b.id > afterId && b.id <= lastId && batchMatches(b, query)).slice(0, limit);
  }

  async insertFeedback(rows: readonly FeedbackRow[]): Promise<void> {
    this.feedback.push(...rows);
  }

  async selectFeedback(receivedSince: number | undefined): Promise<FeedbackRow[]> {
    return receivedSince === undefined ? [...this.feedback] : this.feedback.filter((f) => f.receivedAt >= receivedSince);
  }

  async insertCheck(check: MonitorCheck): Promise<number> {
    const id = this.checkRows.length + 1;
    this.checkRows.push({ ...check, id });
    return id;
  }

  async selectChecks(q: CheckQuery): Promise<MonitorCheck[]> {
    const rows = this.checkRows.filter((c) => (q.model === undefined || c.model === q.model) && (q.since === undefined || c.at >= q.since));
    return rows.slice(Math.max(0, rows.length - (q.limit ?? 1000)));
  }

  async models(): Promise<string[]> {
    return [...new Set(this.batches.map((b) => b.model))].sort();
  }

  async close(): Promise<void> {}
}
