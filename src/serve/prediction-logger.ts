/**
 * @module serve/prediction-logger
 * Writes the prediction log off the response path. Requests only push rows into a buffer
 * (no await, no I/O); a timer flushes it every `flushMs`, or sooner once `flushRows` rows are
 * waiting, with one `append` call per flush (one transaction in the store). Only one flush runs
 * at a time. When the store falls behind, the buffer is capped at `maxBuffered` rows and the
 * excess is dropped and counted, so a slow store can never exhaust memory or slow requests.
 */
import type { FeedbackRecord, LoggedPrediction, PredictionLogStore } from '../monitor/log-store/types.js';

export interface PredictionLoggerOptions {
  readonly flushMs: number;
  readonly flushRows: number;
  /** Rows held while the store is slow before new rows are dropped (default 20 × flushRows). */
  readonly maxBuffered?: number;
  readonly onFlushed?: (outcome: 'written' | 'dropped' | 'failed', rows: number) => void;
  readonly onError?: (err: unknown) => void;
}

export class PredictionLogger {
  private buffer: LoggedPrediction[] = [];
  private feedbackBuffer: FeedbackRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly maxBuffered: number;

  constructor(
    readonly store: PredictionLogStore,
    private readonly options: PredictionLoggerOptions,
  ) {
    this.maxBuffered = options.maxBuffered ?? options.flushRows * 20;
  }

  /** Queue rows for the log; returns at once. */
  push(rows: readonly LoggedPrediction[]): void {
    if (this.closed) return;
    const room = this.maxBuffered - this.buffer.length;
    if (room < rows.length) this.options.onFlushed?.('dropped', rows.length - Math.max(0, room));
    for (let i = 0; i < Math.min(rows.length, room); i++) this.buffer.push(rows[i]);
    this.schedule();
  }

  /** Queue ground-truth labels; returns at once. */
  pushFeedback(rows: readonly FeedbackRecord[]): void {
    if (this.closed) return;
    for (const r of rows) this.feedbackBuffer.push(r);
    this.schedule();
  }

  private schedule(): void {
    if (this.buffer.length >= this.options.flushRows && !this.flushing) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs).unref();
  }

  /** Write everything buffered now (also waits for a flush already running). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0 && this.feedbackBuffer.length === 0) return;
    const rows = this.buffer;
    const feedback = this.feedbackBuffer;
    this.buffer = [];
    this.feedbackBuffer = [];
    this.flushing = (async () => {
      try {
        if (rows.length) await this.store.append(rows);
        this.options.onFlushed?.('written', rows.length);
      } catch (err) {
        this.options.onFlushed?.('failed', rows.length);
        this.options.onError?.(err);
      }
      try {
        if (feedback.length) await this.store.appendFeedback(feedback);
      } catch (err) {
        this.options.onError?.(err);
      }
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
    // Rows that arrived during the write wait for their own timer or threshold.
    if (this.buffer.length >= this.options.flushRows || this.feedbackBuffer.length > 0) this.schedule();
  }

  /** Flush what is buffered and close the store; later pushes are ignored. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    this.closed = true;
    await this.store.close();
  }
}
