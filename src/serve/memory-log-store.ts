/**
 * @module serve/memory-log-store
 * A PredictionLogStore held in memory: what the server uses when no persistent store is
 * given (tests, `--no-log`-like setups), and a reference implementation of the contract in
 * monitor/log-store/types.ts. Bounded: beyond `maxRows` the oldest rows are dropped.
 */
import type { FeedbackRecord, LogQuery, LoggedPrediction, PredictionLogStore } from '../monitor/log-store/types.js';

export class MemoryLogStore implements PredictionLogStore {
  readonly rows: LoggedPrediction[] = [];
  readonly feedback: FeedbackRecord[] = [];
  /** Number of append calls (each one is a batch). */
  appendCalls = 0;

  constructor(private readonly maxRows = 1_000_000) {}

  async append(rows: readonly LoggedPrediction[]): Promise<void> {
    this.appendCalls++;
    for (const r of rows) this.rows.push(r);
    if (this.rows.length > this.maxRows) this.rows.splice(0, this.rows.length - this.maxRows);
  }

  async appendFeedback(rows: readonly FeedbackRecord[]): Promise<void> {
    for (const r of rows) this.feedback.push(r);
  }

  async query(q: LogQuery): Promise<readonly (LoggedPrediction & { readonly label?: number | string })[]> {
    const labels = new Map<string, number | string>();
    for (const f of this.feedback) labels.set(f.rowIndex === undefined ? f.requestId : `${f.requestId}\u0001${f.rowIndex}`, f.label);
    return this.rows
      .filter((r) => r.model === q.model && (q.version === undefined || r.version === q.version) && (q.since === undefined || r.timestamp >= q.since) && (q.until === undefined || r.timestamp < q.until) && (q.includeShadow || !r.shadow))
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((r) => {
        const label = labels.get(`${r.requestId}\u0001${r.rowIndex}`) ?? labels.get(r.requestId);
        return label === undefined ? r : { ...r, label };
      });
  }

  async close(): Promise<void> {}
}
