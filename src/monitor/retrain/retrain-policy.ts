/**
 * @module monitor/retrain/retrain-policy
 * The retraining policy: when a challenger replaces the champion, and how it is trained and
 * judged. JSON keys are snake_case (a policy file is config, like the CLI's JSON):
 *
 *   metric                      metric both models are scored with (default: roc_auc,
 *                               log_loss or rmse by task — `evaluate`'s headline)
 *   min_improvement             how much better the challenger must be, in metric units
 *                               (default 0: strictly better; a tie keeps the champion)
 *   max_fairness_gap_increase   largest allowed rise of the fairness gap over each `sensitive`
 *                               column (default: not checked)
 *   sensitive / fairness_metric columns and gap (default demographic_parity_difference;
 *                               rmse_difference for regression)
 *   data                        'new' (default) or 'reference+new' (the champion's training
 *                               file, from its lineage, plus the new rows)
 *   evaluation / holdout        'holdout' (default: hold out `holdout` = 0.25 of the new rows,
 *                               which neither model trains on) or 'log' (logged rows with
 *                               feedback labels in the last `window`, default 7d)
 *   time_limit / max_trials     AutoML budget for predictors (default: the champion's)
 *   seed                        default: the champion's
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';

export interface RetrainPolicy {
  readonly metric?: string;
  readonly min_improvement?: number;
  readonly max_fairness_gap_increase?: number | null;
  readonly sensitive?: readonly string[];
  readonly fairness_metric?: 'demographic_parity_difference' | 'equalized_odds_difference' | 'accuracy_difference' | 'rmse_difference';
  readonly data?: 'new' | 'reference+new';
  readonly evaluation?: 'holdout' | 'log';
  readonly holdout?: number;
  readonly window?: string;
  readonly time_limit?: number;
  readonly max_trials?: number;
  readonly seed?: number;
}

const KEYS = ['metric', 'min_improvement', 'max_fairness_gap_increase', 'sensitive', 'fairness_metric', 'data', 'evaluation', 'holdout', 'window', 'time_limit', 'max_trials', 'seed'];

function bad(message: string): UsageError {
  return new UsageError('MW_MONITOR_CONFIG', `Retraining policy: ${message}`, { hint: `Policy keys: ${KEYS.join(', ')}.` });
}

/** Validate a policy object (MW_MONITOR_CONFIG naming the bad key). */
export function checkRetrainPolicy(p: unknown): RetrainPolicy {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) throw bad('must be a JSON object.');
  const o = p as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) throw bad(`unknown key '${k}'.`);
  const number = (k: string, ok: (v: number) => boolean, range: string) => {
    if (o[k] !== undefined && o[k] !== null && (typeof o[k] !== 'number' || !ok(o[k] as number))) throw bad(`'${k}' must be a number ${range}. Got ${JSON.stringify(o[k])} instead.`);
  };
  number('min_improvement', (v) => Number.isFinite(v), '(metric units)');
  number('max_fairness_gap_increase', (v) => v >= 0, '≥ 0');
  number('holdout', (v) => v > 0 && v < 1, 'in (0, 1)');
  number('time_limit', (v) => v > 0, '> 0 (seconds)');
  number('max_trials', (v) => Number.isInteger(v) && v >= 1, '≥ 1 (integer)');
  number('seed', (v) => Number.isInteger(v), '(integer)');
  if (o.metric !== undefined && typeof o.metric !== 'string') throw bad(`'metric' must be a metric name. Got ${JSON.stringify(o.metric)} instead.`);
  if (o.sensitive !== undefined && !(Array.isArray(o.sensitive) && o.sensitive.every((s) => typeof s === 'string'))) throw bad("'sensitive' must be a list of column names.");
  const oneOf = (k: string, allowed: readonly string[]) => {
    if (o[k] !== undefined && !allowed.includes(String(o[k]))) throw bad(`'${k}' must be one of ${allowed.join(', ')}. Got ${JSON.stringify(o[k])} instead.`);
  };
  oneOf('data', ['new', 'reference+new']);
  oneOf('evaluation', ['holdout', 'log']);
  oneOf('fairness_metric', ['demographic_parity_difference', 'equalized_odds_difference', 'accuracy_difference', 'rmse_difference']);
  if (o.window !== undefined && typeof o.window !== 'string') throw bad("'window' must be a duration such as 7d.");
  return o as RetrainPolicy;
}

/** Read and validate a policy file. */
export async function readRetrainPolicy(path: string): Promise<RetrainPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError('MW_MONITOR_CONFIG', `Cannot read the retraining policy '${path}': ${(err as Error).message}`);
  }
  try {
    return checkRetrainPolicy(JSON.parse(text));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError('MW_MONITOR_CONFIG', `The retraining policy '${path}' is not valid JSON: ${(err as Error).message}`);
  }
}
