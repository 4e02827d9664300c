/**
 * @module serve/metrics
 * Prometheus metrics of one server process (prom-client, its own registry so that several
 * servers in one process — tests — do not mix):
 *
 *   modelwright_requests_total{route,model,version,status}            counter
 *   modelwright_request_duration_seconds{route,model,version,status}  histogram
 *   modelwright_predictions_total{model,version,class}                counter (class="value" for regression)
 *   modelwright_model_load_seconds{model,version,role}                gauge
 *   modelwright_model_reloads_total{model}                            counter (alias moves)
 *   modelwright_prediction_log_rows_total{outcome}                    counter (written, dropped, failed)
 *   + prom-client's process metrics (RSS, heap, event-loop lag, GC).
 *
 * With `--workers N` every worker keeps its own metrics, labelled `worker`; the worker a
 * scrape reaches answers for all of them (cluster-ipc.ts sets `scrape`).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets from 0.25 ms to 2.5 s: single-row requests live in the lowest ones. */
const BUCKETS = [0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class ServeMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'model' | 'version' | 'status'>;
  private readonly duration: Histogram<'route' | 'model' | 'version' | 'status'>;
  private readonly predictions: Counter<'model' | 'version' | 'class'>;
  private readonly loadSeconds: Gauge<'model' | 'version' | 'role'>;
  private readonly reloads: Counter<'model'>;
  private readonly logRows: Counter<'outcome'>;
  /** Children by label key: prom-client's label lookup costs more than a Map hit. */
  private readonly children = new Map<string, { count: Counter.Internal; time: Histogram.Internal<string> }>();

  constructor(options: { worker?: string; processMetrics?: boolean } = {}) {
    if (options.worker !== undefined) this.registry.setDefaultLabels({ worker: options.worker });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'modelwright_requests_total', help: 'HTTP requests answered, by route, model, version and status.', labelNames: ['route', 'model', 'version', 'status'], registers });
    this.duration = new Histogram({ name: 'modelwright_request_duration_seconds', help: 'Time from request received to response sent.', labelNames: ['route', 'model', 'version', 'status'], buckets: BUCKETS, registers });
    this.predictions = new Counter({ name: 'modelwright_predictions_total', help: 'Rows predicted, by predicted class ("value" for regression).', labelNames: ['model', 'version', 'class'], registers });
    this.loadSeconds = new Gauge({ name: 'modelwright_model_load_seconds', help: 'Seconds it took to load (resolve, verify and parse) each served model.', labelNames: ['model', 'version', 'role'], registers });
    this.reloads = new Counter({ name: 'modelwright_model_reloads_total', help: 'Times a served model was swapped for a new version after its alias moved.', labelNames: ['model'], registers });
    this.logRows = new Counter({ name: 'modelwright_prediction_log_rows_total', help: 'Prediction-log rows by outcome: written, dropped (buffer full) or failed (store error).', labelNames: ['outcome'], registers });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'modelwright_' });
  }

  /** Count one answered request and its latency. */
  request(route: string, model: string, version: string, status: number, seconds: number): void {
    const key = `${route}\u0001${model}\u0001${version}\u0001${status}`;
    let c = this.children.get(key);
    if (!c) {
      const labels = { route, model, version, status: String(status) };
      c = { count: this.requests.labels(labels), time: this.duration.labels(labels) };
      this.children.set(key, c);
    }
    c.count.inc();
    c.time.observe(seconds);
  }

  private readonly classChildren = new Map<string, Counter.Internal[]>();

  /** Count predicted rows per class (labels are indices into `classes`). */
  predicted(model: string, version: string, classes: readonly string[] | undefined, labels: Int32Array | undefined, n: number): void {
    const names = classes && labels ? classes : ['value'];
    const key = `${model}\u0001${version}\u0001${names.length}`;
    let children = this.classChildren.get(key);
    if (!children) {
      children = names.map((c) => this.predictions.labels({ model, version, class: c }));
      this.classChildren.set(key, children);
    }
    if (!labels || !classes) children[0].inc(n);
    else if (n === 1) children[labels[0]].inc();
    else {
      const counts = new Float64Array(classes.length);
      for (let i = 0; i < n; i++) counts[labels[i]]++;
      counts.forEach((c, k) => c > 0 && children[k].inc(c));
    }
  }

  modelLoaded(model: string, version: string, role: string, seconds: number, reload: boolean): void {
    this.loadSeconds.set({ model, version, role }, seconds);
    if (reload) this.reloads.inc({ model });
  }

  logRowsCounted(outcome: 'written' | 'dropped' | 'failed', n: number): void {
    if (n > 0) this.logRows.inc({ outcome }, n);
  }

  /** Where the exposition text comes from when it is more than this process's (cluster-ipc.ts). */
  scrape: (() => Promise<string>) | undefined;

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await (this.scrape ? this.scrape() : this.registry.metrics()) };
  }
}
