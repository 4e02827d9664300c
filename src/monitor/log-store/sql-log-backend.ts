/**
 * @module monitor/log-store/sql-log-backend
 * The prediction log's storage over any `SqlDb` (registry/sql-db.ts): the same SQL runs on
 * SQLite (`$MODELWRIGHT_HOME/monitor.db`) and PostgreSQL (`MODELWRIGHT_DB=postgres://…`).
 * Batch payloads are BLOB / BYTEA; a window query reads the overlapping batches in id order,
 * a page at a time, so memory stays bounded however long the window.
 */
import type { SqlDb, SqlValue } from '../../registry/sql-db.js';
import type { FeedbackRow, LogBackend, NewBatch, StoredBatch } from './log-backend.js';
import type { CheckQuery, MonitorAlert, MonitorCheck } from './monitor-store.js';
import type { LogQuery } from './types.js';

/** Rows per multi-row INSERT (7 values each: well under SQLite's bound-parameter limit). */
const INSERT_CHUNK = 100;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer));

export class SqlLogBackend implements LogBackend {
  constructor(
    private readonly db: SqlDb,
    readonly location: string,
  ) {}

  get backend(): string {
    return this.db.dialect;
  }

  async insertBatches(batches: readonly NewBatch[]): Promise<void> {
    if (batches.length === 0) return;
    const now = Date.now();
    await this.db.transaction(async (tx) => {
      for (const b of batches) {
        await tx.run(
          'INSERT INTO prediction_batches (model, version, shadow, n_rows, t_min, t_max, created_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [b.model, b.version, b.shadow ? 1 : 0, b.nRows, Math.floor(b.tMin), Math.ceil(b.tMax), now, b.payload],
        );
      }
    });
  }

  /** The window's filter as SQL. Unary plus keeps the planner off the (model, t_max) index when reading in id order. */
  private filter(q: LogQuery, params: SqlValue[]): string[] {
    const where = ['model = ?'];
    params.push(q.model);
    if (q.version !== undefined) (where.push('version = ?'), params.push(q.version));
    if (!q.includeShadow) where.push('shadow = 0');
    if (q.since !== undefined) (where.push('+t_max >= ?'), params.push(Math.floor(q.since)));
    if (q.until !== undefined) (where.push('+t_min < ?'), params.push(Math.ceil(q.until)));
    return where;
  }

  async windowIds(q: LogQuery): Promise<readonly [number, number] | null> {
    // Index-only lookups: the first batch ending in the window and the last starting in it.
    const first = q.since === undefined
      ? await this.db.all('SELECT MIN(id) AS id FROM prediction_batches WHERE model = ?', [q.model])
      : await this.db.all('SELECT MIN(id) AS id FROM prediction_batches WHERE model = ? AND t_max >= ?', [q.model, Math.floor(q.since)]);
    const last = await this.db.all('SELECT MAX(id) AS id FROM prediction_batches WHERE model = ?', [q.model]);
    const lo = num(first[0]?.id);
    const hi = num(last[0]?.id);
    return lo === null || hi === null ? null : [lo, hi];
  }

  async selectBatches(q: LogQuery, afterId: number, lastId: number, limit: number): Promise<StoredBatch[]> {
    const params: SqlValue[] = [];
    const where = this.filter(q, params);
    where.push('id > ?', 'id <= ?');
    params.push(afterId, lastId, limit);
    const rows = await this.db.all(`SELECT id, model, version, shadow, payload FROM prediction_batches WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`, params);
    return rows.map((r) => ({ id: Number(r.id), model: String(r.model), version: num(r.version), shadow: Number(r.shadow) === 1, payload: bytes(r.payload) }));
  }

  async insertFeedback(rows: readonly FeedbackRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (let s = 0; s < rows.length; s += INSERT_CHUNK) {
        const chunk = rows.slice(s, s + INSERT_CHUNK);
        const params: SqlValue[] = [];
        for (const f of chunk) params.push(f.requestId, f.rowIndex, String(f.label), typeof f.label === 'number' ? 1 : 0, Math.round(f.timestamp), Math.round(f.receivedAt));
        const marks = chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
        await tx.run(`INSERT INTO feedback (request_id, row_index, label, label_is_number, label_time, received_at) VALUES ${marks}`, params);
      }
    });
  }

  async selectFeedback(receivedSince: number | undefined): Promise<FeedbackRow[]> {
    const rows = receivedSince === undefined
      ? await this.db.all('SELECT request_id, row_index, label, label_is_number, label_time, received_at FROM feedback ORDER BY id')
      : await this.db.all('SELECT request_id, row_index, label, label_is_number, label_time, received_at FROM feedback WHERE received_at >= ? ORDER BY id', [Math.floor(receivedSince)]);
    return rows.map((r) => ({
      requestId: String(r.request_id),
      rowIndex: Number(r.row_index),
      label: Number(r.label_is_number) === 1 ? Number(r.label) : String(r.label),
      timestamp: Number(r.label_time),
      receivedAt: Number(r.received_at),
    }));
  }

  async insertCheck(c: MonitorCheck): Promise<number> {
    const [row] = await this.db.all<{ id: number }>(
      `INSERT INTO monitor_checks (model, version, at, since_ms, until_ms, n_current, dataset_drift, drift_share, prediction_drift, performance, alerts, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [c.model, c.version, Math.round(c.at), c.since === null ? null : Math.round(c.since), c.until === null ? null : Math.round(c.until), c.nCurrent,
        c.datasetDrift ? 1 : 0, Number.isFinite(c.driftShare) ? c.driftShare : 0, c.predictionDrift ? 1 : 0,
        c.performance ? JSON.stringify(c.performance) : null, JSON.stringify(c.alerts), JSON.stringify(c.summary)],
    );
    return Number(row.id);
  }

  async selectChecks(q: CheckQuery): Promise<MonitorCheck[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (q.model !== undefined) (where.push('model = ?'), params.push(q.model));
    if (q.since !== undefined) (where.push('at >= ?'), params.push(Math.floor(q.since)));
    params.push(q.limit ?? 1000);
    const rows = await this.db.all(`SELECT * FROM monitor_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`, params);
    return rows.reverse().map((r) => ({
      id: Number(r.id),
      model: String(r.model),
      version: num(r.version),
      at: Number(r.at),
      since: num(r.since_ms),
      until: num(r.until_ms),
      nCurrent: Number(r.n_current),
      datasetDrift: Number(r.dataset_drift) === 1,
      driftShare: Number(r.drift_share),
      predictionDrift: Number(r.prediction_drift) === 1,
      performance: typeof r.performance === 'string' ? (JSON.parse(r.performance) as Record<string, number>) : null,
      alerts: JSON.parse(String(r.alerts)) as MonitorAlert[],
      summary: JSON.parse(String(r.summary)) as Record<string, unknown>,
    }));
  }

  async models(): Promise<string[]> {
    const rows = await this.db.all('SELECT DISTINCT model FROM prediction_batches ORDER BY model');
    return rows.map((r) => String(r.model));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
