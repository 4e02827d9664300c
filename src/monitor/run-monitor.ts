/**
 * @module monitor/run-monitor
 * `runMonitor`: the drift and performance report of one model — the library face of
 * `modelwright monitor`.
 *
 *   REF ─▶ registry version ─▶ its reference profile (or one built from `reference` rows)
 *       ─▶ current rows: the prediction log's window [since, until) of that version, joined
 *          with feedback labels — or a given table, scored by the model
 *       ─▶ DriftSession (per-column tests, BH, dataset verdict) + PerformanceSession (labels),
 *          a large window read on several threads (parallel/parallel-scan.ts)
 *       ─▶ alerts
 */
import { stat } from 'node:fs/promises';
import { loadTableScorer } from '../automl/load-model-ref.js';
import { valueAt } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import { loadSavedModel } from '../evaluate/saved-model-ref.js';
import { DataError, NotFoundError } from '../errors.js';
import { findVersion, versionPath } from '../registry/model-ref.js';
import { type Registry, openRegistry } from '../registry/open-registry.js';
import type { Env } from '../registry/home.js';
import type { ModelVersion } from '../registry/store.js';
import { reportAlerts } from './alerts/report-alerts.js';
import { DriftSession } from './drift/drift-session.js';
import type { DriftOptions } from './drift/drift-options.js';
import type { DriftReport } from './drift/types.js';
import type { MonitorAlert, MonitorStore } from './log-store/monitor-store.js';
import { openPredictionLog, predictionLogLocation } from './log-store/open-prediction-log.js';
import { scanParallel } from './parallel/parallel-scan.js';
import { type PerformanceOptions, type PerformanceReport, PerformanceSession, performanceBaseline } from './performance/live-performance.js';
import { buildReferenceProfile } from './reference/build-reference-profile.js';
import { loadReferenceProfile } from './reference/save-reference-profile.js';
import type { ReferenceProfile } from './reference/types.js';

export interface MonitorInput {
  /** NAME, NAME@VERSION or NAME@ALIAS (or a model path, with `reference`). */
  readonly ref: string;
  /** Log window, epoch ms: since inclusive, until exclusive. */
  readonly since?: number;
  readonly until?: number;
  /** Compare this table instead of the log (scored by the model; labels used when it has the target). */
  readonly current?: Frame;
  /** Build the reference from these rows instead of the stored profile. */
  readonly reference?: Frame;
  readonly drift?: DriftOptions;
  readonly performance?: PerformanceOptions;
  readonly env?: Env;
  /** Threads for reading a large log window (default: 1 on ≤ 2 cores, else cores − 1, at most 4). */
  readonly threads?: number;
  /** Open handles to use (else opened from `env` and closed after). */
  readonly registry?: Registry;
  readonly log?: MonitorStore;
}

export interface MonitorReport extends DriftReport {
  readonly model: { readonly name: string; readonly version: number | null; readonly ref: string };
  readonly window: { readonly source: 'log' | 'data'; readonly since: number | null; readonly until: number | null };
  readonly reference: { readonly source: 'registry' | 'data'; readonly rows: number; readonly predictions: string | null };
  readonly performance?: PerformanceReport;
  readonly alerts: readonly MonitorAlert[];
}

interface Target {
  readonly name: string;
  readonly version: ModelVersion | undefined;
  readonly path: string;
}

async function resolveTarget(reg: Registry, ref: string): Promise<Target> {
  if (await stat(ref).then(() => true, () => false)) return { name: ref, version: undefined, path: ref };
  const version = await findVersion(reg, ref);
  return { name: version.name, version, path: await versionPath(reg, version) };
}

async function referenceOf(reg: Registry, t: Target, rows: Frame | undefined): Promise<{ profile: ReferenceProfile; source: 'registry' | 'data' }> {
  if (rows) {
    const model = await loadSavedModel(t.path);
    const scorer = await loadTableScorer(t.path);
    const task = model.task;
    const profile = buildReferenceProfile(rows, model.schema, { target: task.target, task: task.task, classes: task.classes, predictions: { frame: scorer.score(rows), source: 'training' } });
    return { profile, source: 'data' };
  }
  const stored = t.version ? await loadReferenceProfile(reg, t.version) : undefined;
  if (!stored) {
    throw new NotFoundError('MW_MONITOR_NO_REFERENCE', `${t.version ? `${t.name}@${t.version.version}` : `'${t.name}'`} has no reference profile to compare with.`, {
      hint: 'Pass --reference TRAINING_DATA, or register the model with `fit --name` / `train --name` (they store one).',
      details: { ref: t.name },
    });
  }
  return { profile: stored, source: 'registry' };
}

/**
 * Drift (and, with labels, performance) of a model's recent traffic or of a given table.
 * @example const r = await runMonitor({ ref: 'churn@champion', since: Date.now() - 86_400_000 });
 */
export async function runMonitor(input: MonitorInput): Promise<MonitorReport> {
  const reg = input.registry ?? (await openRegistry({ env: input.env }));
  try {
    const t = await resolveTarget(reg, input.ref);
    const { profile, source } = await referenceOf(reg, t, input.reference);
    const model = await loadSavedModel(t.path);
    let drift = new DriftSession(profile, input.drift);
    let perf = new PerformanceSession(model.task, input.performance);
    if (input.current) {
      const scored = (await loadTableScorer(t.path)).score(input.current);
      drift.addFrame(input.current, scored);
      addTablePerformance(perf, input.current, scored, model.task.target, model.task.classes);
    } else {
      const env = { ...(input.env ?? process.env) };
      const log = input.log ?? (await openPredictionLog({ env }));
      try {
        const query = { model: t.name, version: t.version?.version, since: input.since, until: input.until };
        // Worker threads open the log from `env`: only when that is the log being read.
        const threads = log.location === predictionLogLocation(env) ? input.threads : 1;
        ({ drift, perf } = await scanParallel({ env, log, query, profile, drift: input.drift, task: model.task, performance: input.performance, threads }));
      } finally {
        if (!input.log) await log.close();
      }
    }
    if (drift.nCurrent === 0) {
      const bare = t.version && !input.ref.includes('@');
      throw new DataError('MW_MONITOR_NO_DATA', input.current ? 'The current data has no rows.' : `The prediction log has no rows of ${t.name}${t.version ? `@${t.version.version}` : ''} in the window.`, {
        ...(bare ? { hint: `A bare name means the latest version (${t.version!.version}); to monitor the version being served, use ${t.name}@champion or ${t.name}@VERSION. Or widen --since/--until.` } : {}),
        details: { model: t.name, version: t.version?.version ?? null, since: input.since ?? null, until: input.until ?? null },
      });
    }
    const report = drift.finish();
    let performance: PerformanceReport | undefined;
    if (perf.nLabels > 0) {
      performance = perf.finish(performanceBaseline(perf.headline, profile.metrics?.values, t.version?.metrics ?? {}));
    }
    const label = t.version ? `${t.name}@${t.version.version}` : t.name;
    return {
      model: { name: t.name, version: t.version?.version ?? null, ref: input.ref },
      window: { source: input.current ? 'data' : 'log', since: input.since ?? null, until: input.until ?? null },
      reference: { source, rows: profile.rows, predictions: profile.prediction?.source ?? null },
      ...report,
      ...(performance ? { performance } : {}),
      alerts: reportAlerts(label, report, performance),
    };
  } finally {
    if (!input.registry) await reg.close();
  }
}

/** Labelled rows of a scored table into the performance session. */
function addTablePerformance(perf: PerformanceSession, data: Frame, scored: Frame, target: string, classes: readonly string[] | undefined): void {
  if (!data.has(target)) return;
  const y = data.column(target);
  const pred = scored.column('prediction');
  const proba = (classes ?? []).map((c) => (scored.has(`proba_${c}`) ? scored.column(`proba_${c}`) : undefined));
  const row = new Float64Array(proba.length);
  for (let i = 0; i < data.nRows; i++) {
    const label = valueAt(y, i);
    if (label === null) continue;
    proba.forEach((c, j) => (row[j] = c && c.dtype !== 'categorical' ? c.values[i] : Number.NaN));
    perf.addRow(label, valueAt(pred, i), proba.length ? row : undefined, i);
  }
}
