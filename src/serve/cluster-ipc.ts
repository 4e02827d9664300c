/**
 * @module serve/cluster-ipc
 * What the processes of `serve --workers N` tell each other over node:cluster's IPC channel,
 * so that the N workers look like one server from outside:
 *
 *   metrics      a scrape of /metrics reaches one worker; it asks the primary, which collects
 *                every live worker's metrics (as JSON), merges them with prom-client's
 *                AggregatorRegistry and answers with the exposition text. Series keep their
 *                `worker` label, so per-worker figures stay visible and Prometheus sums them.
 *                A worker that does not answer within COLLECT_TIMEOUT_MS is left out of that
 *                scrape; a primary that does not answer leaves the worker's own metrics.
 *   rate limits  every SYNC_MS each worker sends the tokens it took per client; the primary
 *                relays them to the other workers, which deduct them (rate-limit.ts `absorb`).
 *
 * The primary holds no model and no metrics of its own: it only relays. Messages carry
 * plain JSON; anything else on the channel is ignored.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { ServeMetrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';

const COLLECT_TIMEOUT_MS = 1000;
const SYNC_MS = 100;

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** Worker → primary: please scrape everyone. Primary → worker: the merged text. */
interface ScrapeRequest { readonly type: 'mw:scrape'; readonly id: number }
interface ScrapeResult { readonly type: 'mw:scrape-result'; readonly id: number; readonly body: string }
/** Primary → worker: your metrics, please. Worker → primary: here they are. */
interface CollectRequest { readonly type: 'mw:collect'; readonly id: number }
interface CollectResult { readonly type: 'mw:collect-result'; readonly id: number; readonly metrics: MetricsJson }
/** Worker → primary → other workers: tokens taken per client since the last sync. */
interface TokenUsage { readonly type: 'mw:tokens'; readonly used: Record<string, number> }

type Message = ScrapeRequest | ScrapeResult | CollectRequest | CollectResult | TokenUsage;

function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('mw:');
}

/**
 * In the primary: answer workers' scrape requests and relay rate-limit usage.
 * @returns a function that detaches the handlers.
 */
export function relayInPrimary(): () => void {
  let nextCollect = 0;
  const pending = new Map<number, (m: MetricsJson) => void>();

  const collectAll = async (): Promise<string> => {
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());
    const parts = await Promise.all(workers.map((w) => new Promise<MetricsJson | null>((resolve) => {
      const id = ++nextCollect;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, COLLECT_TIMEOUT_MS);
      pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      w.send({ type: 'mw:collect', id } satisfies CollectRequest);
    })));
    return AggregatorRegistry.aggregate(parts.filter((p): p is MetricsJson => p !== null)).metrics();
  };

  const onMessage = (from: Worker, msg: unknown): void => {
    if (!isMessage(msg)) return;
    if (msg.type === 'mw:collect-result') pending.get(msg.id)?.(msg.metrics);
    else if (msg.type === 'mw:scrape') {
      collectAll().then(
        (body) => from.isConnected() && from.send({ type: 'mw:scrape-result', id: msg.id, body } satisfies ScrapeResult),
        () => undefined, // the worker times out and answers with its own metrics
      );
    } else if (msg.type === 'mw:tokens') {
      for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from && w.isConnected()) w.send(msg);
    }
  };
  cluster.on('message', onMessage);
  return () => cluster.off('message', onMessage);
}

/**
 * In a worker: answer the primary's collection requests, sync rate-limit usage, and return
 * the scrape function the /metrics route uses.
 */
export function joinCluster(metrics: ServeMetrics, limiter: RateLimiter | undefined): { scrape: () => Promise<string>; leave: () => void } {
  let nextScrape = 0;
  const waiting = new Map<number, (body: string) => void>();
  const onMessage = (msg: unknown): void => {
    if (!isMessage(msg)) return;
    if (msg.type === 'mw:collect') {
      void metrics.registry.getMetricsAsJSON().then((m) => process.send?.({ type: 'mw:collect-result', id: msg.id, metrics: m } satisfies CollectResult));
    } else if (msg.type === 'mw:scrape-result') waiting.get(msg.id)?.(msg.body);
    else if (msg.type === 'mw:tokens' && limiter) for (const [client, n] of Object.entries(msg.used)) limiter.absorb(client, n);
  };
  process.on('message', onMessage);

  let sync: NodeJS.Timeout | undefined;
  if (limiter) {
    limiter.trackUsage();
    sync = setInterval(() => {
      const used = limiter.drainUsage();
      if (used.size > 0) process.send?.({ type: 'mw:tokens', used: Object.fromEntries(used) } satisfies TokenUsage);
    }, SYNC_MS).unref();
  }

  const scrape = (): Promise<string> => new Promise((resolve) => {
    const id = ++nextScrape;
    const fallback = setTimeout(() => {
      waiting.delete(id);
      void metrics.registry.metrics().then(resolve);
    }, COLLECT_TIMEOUT_MS * 2);
    waiting.set(id, (body) => {
      clearTimeout(fallback);
      waiting.delete(id);
      resolve(body);
    });
    process.send?.({ type: 'mw:scrape', id } satisfies ScrapeRequest);
  });

  return {
    scrape,
    leave: () => {
      if (sync) clearInterval(sync);
      process.off('message', onMessage);
    },
  };
}
