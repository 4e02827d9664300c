/**
 * @module monitor/log-store/prediction-log
 * `PredictionLog`: the prediction log over a storage backend (SQL or memory).
 *
 *   append(rows)          group by (model, version, shadow) ─▶ encodeBatch ─▶ one stored batch each
 *   appendFeedback(rows)  one stored row per label, stamped with its arrival time
 *   scan(query)           overlapping batches, a page at a time ─▶ cut to the window ─▶ join labels
 *   query(query)          scan, then rows as objects (the server's contract), oldest first
 *
 * Labels join on (request id, row index); a label without a row index applies to every row of
 * its request. Only feedback received at or after the window's start is read: a label cannot
 * arrive before the prediction it labels was made. A later label for the same row replaces an
 * earlier one.
 */
import { DataError } from '../../errors.js';
import { columnValue, decodeBatch, encodeBatch, takeBatchRows } from './batch-codec.js';
import type { FeedbackRow, LogBackend, NewBatch } from './log-backend.js';
import type { CheckQuery, LogBatch, MonitorCheck, MonitorStore, ScanOptions, ScanSummary } from './monitor-store.js';
import type { FeedbackRecord, LogQuery, LoggedPrediction } from './types.js';

/** Batches read per query page. */
const PAGE = 64;

function invalid(what: string, i: number, value: unknown): DataError {
  return new DataError('MW_MONITOR_LOG_INVALID', `Prediction log row ${i}: ${what} (got ${JSON.stringify(value)}).`, { details: { row: i } });
}

function checkRow(r: LoggedPrediction, i: number): void {
  if (typeof r.requestId !== 'string' || r.requestId.length === 0) throw invalid('requestId must be a non-empty string', i, r.requestId);
  if (!Number.isInteger(r.rowIndex) || r.rowIndex < 0) throw invalid('rowIndex must be an integer ≥ 0', i, r.rowIndex);
  if (!Number.isFinite(r.timestamp)) throw invalid('timestamp must be epoch milliseconds', i, r.timestamp);
  if (typeof r.model !== 'string' || r.model.length === 0) throw invalid('model must be a non-empty string', i, r.model);
  if (r.version !== null && !Number.isInteger(r.version)) throw invalid('version must be an integer or null', i, r.version);
  if (typeof r.features !== 'object' || r.features === null) throw invalid('features must be an object', i, r.features);
}

export class PredictionLog implements MonitorStore {
  constructor(private readonly store: LogBackend) {}

  get backend(): string {
    return this.store.backend;
  }

  get location(): string {
    return this.store.location;
  }

  async append(rows: readonly LoggedPrediction[]): Promise<void> {
    const groups = new Map<string, LoggedPrediction[]>();
    rows.forEach((r, i) => {
      checkRow(r, i);
      const key = JSON.stringify([r.model, r.version, r.shadow === true]);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(r);
    });
    const batches: NewBatch[] = [];
    for (const g of groups.values()) {
      let tMin = Number.POSITIVE_INFINITY;
      let tMax = Number.NEGATIVE_INFINITY;
      for (const r of g) (tMin = Math.min(tMin, r.timestamp)), (tMax = Math.max(tMax, r.timestamp));
      batches.push({ model: g[0].model, version: g[0].version, shadow: g[0].shadow === true, nRows: g.length, tMin, tMax, payload: encodeBatch(g) });
    }
    await this.store.insertBatches(batches);
  }

  async appendFeedback(rows: readonly FeedbackRecord[]): Promise<void> {
    const now = Date.now();
    const out: FeedbackRow[] = rows.map((f, i) => {
      if (typeof f.requestId !== 'string' || f.requestId.length === 0) throw invalid('feedback requestId must be a non-empty string', i, f.requestId);
      if (typeof f.label !== 'number' && typeof f.label !== 'string') throw invalid('feedback label must be a number or a string', i, f.label);
      if (f.rowIndex !== undefined && (!Number.isInteger(f.rowIndex) || f.rowIndex < 0)) throw invalid('feedback rowIndex must be an integer ≥ 0', i, f.rowIndex);
      return { requestId: f.requestId, rowIndex: f.rowIndex ?? -1, label: f.label, timestamp: Number.isFinite(f.timestamp) ? f.timestamp : now, receivedAt: now };
    });
    await this.store.insertFeedback(out);
  }

  /** Labels by request id, then row index (-1: the whole request); later labels replace earlier ones. */
  private async labelMap(since: number | undefined): Promise<LabelMap> {
    const map: LabelMap = new Map();
    for (const f of await this.store.selectFeedback(since)) {
      let rows = map.get(f.requestId);
      if (!rows) map.set(f.requestId, (rows = new Map()));
      rows.set(f.rowIndex, f.label);
    }
    return map;
  }

  async scan(query: LogQuery, onBatch: (batch: LogBatch) => void, options: ScanOptions = {}): Promise<ScanSummary> {
    const labels = options.labels ? await this.labelMap(query.since) : undefined;
    let range = await this.store.windowIds(query);
    if (range && options.ids) range = [Math.max(range[0], options.ids[0]), Math.min(range[1], options.ids[1])];
    if (range && range[0] > range[1]) range = null;
    let afterId = range ? range[0] - 1 : 0;
    const lastId = range ? range[1] : 0;
    let batches = 0;
    let rows = 0;
    while (range) {
      const page = await this.store.selectBatches(query, afterId, lastId, PAGE);
      for (const stored of page) {
        afterId = stored.id;
        let b = decodeBatch(stored.payload, stored);
        const cut = windowRows(b.timestamp, query);
        if (cut) {
          if (cut.length === 0) continue;
          b = takeBatchRows(b, cut);
        }
        if (labels) b = withLabels(b, labels);
        batches++;
        rows += b.n;
        onBatch(b);
      }
      if (page.length < PAGE) break;
    }
    return { batches, rows };
  }

  async query(query: LogQuery): Promise<(LoggedPrediction & { label?: number | string })[]> {
    const out: (LoggedPrediction & { label?: number | string })[] = [];
    await this.scan(query, (b) => {
      const ids = b.requestIds();
      const names = b.featureNames;
      const cols = names.map((n) => b.feature(n));
      for (let i = 0; i < b.n; i++) {
        const features: Record<string, number | string | boolean | null> = {};
        names.forEach((n, j) => (features[n] = cols[j] ? (columnValue(cols[j]!, i) as number | string | boolean | null) : null));
        let proba: Record<string, number> | undefined;
        if (b.proba) {
          const k = b.proba.classes.length;
          proba = {};
          for (let j = 0; j < k; j++) if (!Number.isNaN(b.proba.values[i * k + j])) proba[b.proba.classes[j]] = b.proba.values[i * k + j];
        }
        const label = b.labels?.[i];
        out.push({
          requestId: ids[i], rowIndex: b.rowIndex[i], timestamp: b.timestamp[i], model: b.model, version: b.version, features,
          prediction: columnValue(b.prediction, i) as number | string, ...(proba ? { proba } : {}), latencyMs: b.latencyMs[i], shadow: b.shadow,
          ...(label !== undefined && label !== null ? { label } : {}),
        });
      }
    }, { labels: true });
    // Stable: rows of one timestamp keep their logged order.
    return out.sort((a, b) => a.timestamp - b.timestamp);
  }

  batchIds(query: LogQuery): Promise<readonly [number, number] | null> {
    return this.store.windowIds(query);
  }

  recordCheck(check: MonitorCheck): Promise<number> {
    return this.store.insertCheck(check);
  }

  checks(query: CheckQuery = {}): Promise<MonitorCheck[]> {
    return this.store.selectChecks(query);
  }

  models(): Promise<string[]> {
    return this.store.models();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** Row indices inside the window, or undefined when the whole batch is inside. */
function windowRows(ts: Float64Array, q: LogQuery): Int32Array | undefined {
  const lo = q.since ?? Number.NEGATIVE_INFINITY;
  const hi = q.until ?? Number.POSITIVE_INFINITY;
  let inside = 0;
  for (let i = 0; i < ts.length; i++) if (ts[i] >= lo && ts[i] < hi) inside++;
  if (inside === ts.length) return undefined;
  const keep = new Int32Array(inside);
  let k = 0;
  for (let i = 0; i < ts.length; i++) if (ts[i] >= lo && ts[i] < hi) keep[k++] = i;
  return keep;
}

type LabelMap = Map<string, Map<number, number | string>>;

/** Join labels: one map lookup per distinct request id of the batch, not per row. */
function withLabels(b: LogBatch, labels: LabelMap): LogBatch {
  const out: (number | string | null)[] = new Array(b.n).fill(null);
  const rid = b.requestIdColumn();
  const label = (rows: Map<number, number | string> | undefined, i: number) => (rows ? (rows.get(b.rowIndex[i]) ?? rows.get(-1) ?? null) : null);
  if (rid.kind === 'str') {
    const byCode = rid.dict.map((id) => labels.get(id));
    for (let i = 0; i < b.n; i++) {
      const c = rid.codes[i];
      if (c >= 0 && byCode[c]) out[i] = label(byCode[c], i);
    }
  } else {
    const ids = b.requestIds();
    for (let i = 0; i < b.n; i++) out[i] = label(labels.get(String(ids[i])), i);
  }
  return { ...b, labels: out };
}
