/**
 * @module monitor/retrain/decide
 * The champion/challenger decision, with the reason in words (it is stored in the registry):
 *
 *   promote when  the challenger's metric is better by more than 0 and by at least
 *                 `min_improvement`, and — when `max_fairness_gap_increase` is set — its
 *                 fairness gap on every sensitive column rose by no more than that
 *   keep          otherwise, or when either model cannot be scored on the window
 */
import type { RetrainPolicy } from './retrain-policy.js';

export interface ModelScore {
  readonly version: number;
  /** The metric on the evaluation window (null when undefined there, e.g. AUC on one class). */
  readonly value: number | null;
  readonly n: number;
  /** Fairness gap per sensitive column. */
  readonly fairness: Readonly<Record<string, number | null>>;
  readonly fairness_metric: string;
}

export interface FairnessCheck {
  readonly column: string;
  readonly champion: number | null;
  readonly challenger: number | null;
  readonly increase: number | null;
  readonly limit: number;
  readonly ok: boolean;
}

export interface Decision {
  readonly decision: 'promoted' | 'kept';
  readonly reason: string;
  readonly metric: string;
  readonly greater_is_better: boolean;
  /** Challenger minus champion, in the better direction (positive = challenger better). */
  readonly improvement: number | null;
  readonly fairness_checks: readonly FairnessCheck[];
}

const f4 = (v: number | null): string => (v === null ? 'undefined' : Number(v.toFixed(4)).toString());

export function decide(metric: string, greaterIsBetter: boolean, champ: ModelScore, chal: ModelScore, policy: RetrainPolicy): Decision {
  const base = { metric, greater_is_better: greaterIsBetter };
  if (champ.value === null || chal.value === null) {
    const who = chal.value === null ? `challenger v${chal.version}` : `champion v${champ.version}`;
    return { ...base, decision: 'kept', improvement: null, fairness_checks: [], reason: `${metric} of the ${who} is undefined on the ${chal.n} evaluation rows; cannot compare, champion kept.` };
  }
  const improvement = greaterIsBetter ? chal.value - champ.value : champ.value - chal.value;
  const min = policy.min_improvement ?? 0;
  const limit = policy.max_fairness_gap_increase;
  const checks: FairnessCheck[] = [];
  if (limit !== undefined && limit !== null) {
    for (const column of Object.keys(chal.fairness)) {
      const a = champ.fairness[column] ?? null;
      const b = chal.fairness[column] ?? null;
      const increase = a === null || b === null ? null : b - a;
      checks.push({ column, champion: a, challenger: b, increase, limit, ok: increase === null || increase <= limit });
    }
  }
  const scores = `challenger v${chal.version} ${metric} ${f4(chal.value)} vs champion v${champ.version} ${f4(champ.value)} on ${chal.n} rows`;
  if (!(improvement > 0) || improvement < min) {
    return { ...base, decision: 'kept', improvement, fairness_checks: checks, reason: `${scores}: improvement ${f4(improvement)} is below the required ${min > 0 ? min : 'positive margin'}; champion kept.` };
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length) {
    const what = failed.map((c) => `${c.column} ${champ.fairness_metric} ${f4(c.champion)} → ${f4(c.challenger)} (+${f4(c.increase)} > ${c.limit})`).join('; ');
    return { ...base, decision: 'kept', improvement, fairness_checks: checks, reason: `${scores}: better by ${f4(improvement)}, but the fairness gap rose too much: ${what}; champion kept.` };
  }
  const fair = checks.length ? `; fairness gap rise within ${limit} on ${checks.map((c) => c.column).join(', ')}` : '';
  return { ...base, decision: 'promoted', improvement, fairness_checks: checks, reason: `${scores}: better by ${f4(improvement)} (≥ ${min})${fair}; challenger promoted to champion.` };
}
