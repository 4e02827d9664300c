/**
 * @module monitor/dashboard/dashboard-data
 * What the dashboard shows, as plain data (also served as JSON at /api/models): every
 * registered model with its aliases, its champion (or latest) version, and the history of its
 * recorded checks — the latest one's drift and performance status, and the series to chart.
 */
import type { Registry } from '../../registry/open-registry.js';
import type { MonitorCheck, MonitorStore } from '../log-store/monitor-store.js';

export interface ModelStatus {
  readonly name: string;
  readonly aliases: Readonly<Record<string, number>>;
  readonly latestVersion: number | null;
  /** The version monitoring is about: `champion`, else the latest. */
  readonly servedVersion: number | null;
  readonly lastCheck: MonitorCheck | null;
  readonly status: 'drift' | 'performance_drop' | 'ok' | 'no checks';
  /** Checks oldest first (at most `historyLimit`). */
  readonly history: readonly MonitorCheck[];
  /** The performance metric charted (the headline of the latest check with labels). */
  readonly metric: string | null;
}

export interface DashboardData {
  readonly generatedAt: number;
  readonly registry: string;
  readonly log: string;
  readonly models: readonly ModelStatus[];
}

function statusOf(c: MonitorCheck | null): ModelStatus['status'] {
  if (!c) return 'no checks';
  if (c.alerts.some((a) => a.kind === 'performance_drop')) return 'performance_drop';
  if (c.datasetDrift || c.predictionDrift) return 'drift';
  return 'ok';
}

/** Collect the dashboard's data from the registry and the prediction log. */
export async function dashboardData(reg: Registry, log: MonitorStore, historyLimit = 200): Promise<DashboardData> {
  const models = await reg.store.listModels();
  const logged = new Set(await log.models());
  const names = [...new Set([...models.map((m) => m.name), ...logged])].sort();
  const out: ModelStatus[] = [];
  for (const name of names) {
    const m = models.find((x) => x.name === name);
    const history = await log.checks({ model: name, limit: historyLimit });
    const last = history[history.length - 1] ?? null;
    const withLabels = [...history].reverse().find((c) => c.performance);
    out.push({
      name,
      aliases: m?.aliases ?? {},
      latestVersion: m?.latestVersion ?? null,
      servedVersion: m?.aliases.champion ?? m?.latestVersion ?? null,
      lastCheck: last,
      status: statusOf(last),
      history,
      metric: withLabels ? (String((withLabels.summary as { headline?: unknown }).headline ?? '') || Object.keys(withLabels.performance!).find((k) => k !== 'n_labels') || null) : null,
    });
  }
  return { generatedAt: Date.now(), registry: reg.store.location, log: log.location, models: out };
}
