/**
 * @module monitor/retrain/labelled-log-frame
 * The recent labelled window as a table: logged rows of a model (any version) from the last
 * `window` that received feedback labels, their logged features plus the label in the target
 * column — the same rows for champion and challenger, so the comparison is fair.
 */
import { Frame } from '../../data/frame/frame.js';
import { DataError } from '../../errors.js';
import type { Env } from '../../registry/home.js';
import type { ModelVersion } from '../../registry/store.js';
import type { MonitorStore } from '../log-store/monitor-store.js';
import { openPredictionLog } from '../log-store/open-prediction-log.js';
import { parseDuration } from '../time-spec.js';

export async function labelledLogFrame(o: { env?: Env; log?: MonitorStore }, champion: ModelVersion, target: string, window: string): Promise<Frame> {
  const log = o.log ?? (await openPredictionLog({ env: o.env }));
  try {
    const since = Date.now() - parseDuration(window, "the policy's 'window'");
    const rows = (await log.query({ model: champion.name, since })).filter((r) => r.label !== undefined);
    if (rows.length === 0) {
      throw new DataError('MW_MONITOR_NO_DATA', `No logged rows of ${champion.name} in the last ${window} have feedback labels to evaluate on.`, {
        hint: "Send feedback labels, widen the policy's 'window', or use \"evaluation\": \"holdout\".",
      });
    }
    return Frame.fromRows(rows.map((r) => ({ ...r.features, [target]: r.label })));
  } finally {
    if (!o.log) await log.close();
  }
}
