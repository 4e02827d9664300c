/**
 * @module cli/commands/train-text
 * Human output of `train`: the leaderboard as a table and what to do next.
 */
import type { LeaderboardRow } from '../../automl/leaderboard.js';

interface TrainReport {
  task: string;
  metric: string;
  leaderboard: readonly LeaderboardRow[];
  best: { model: string; cv_score: number };
  holdout?: { metric: string; score: number; n: number };
  dropped: readonly { column: string; reason: string }[];
  info: Readonly<Record<string, unknown>>;
  model: string;
  registered?: { ref: string };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function formatLeaderboard(r: TrainReport): string {
  const lines = [`Task: ${r.task}, metric: ${r.metric} (out-of-fold).`, ''];
  const width = Math.max(5, ...r.leaderboard.map((row) => row.model.length));
  lines.push(`${pad('model', width)}  ${pad('cv_score', 10)}  ${pad('fit_s', 7)}  note`);
  for (const row of r.leaderboard) {
    const score = Number.isNaN(row.cv_score) ? 'failed' : row.cv_score.toFixed(5);
    lines.push(`${pad(row.model, width)}  ${pad(score, 10)}  ${pad(row.fit_seconds.toFixed(1), 7)}  ${row.error ?? ''}`);
  }
  lines.push('');
  if (r.dropped.length) lines.push(`Columns left out: ${r.dropped.map((d) => `${d.column} (${d.reason})`).join('; ')}`);
  if (r.holdout) lines.push(`Held-out ${r.holdout.metric}: ${r.holdout.score.toFixed(5)} on ${r.holdout.n} rows.`);
  lines.push(`Refit policy: ${String(r.info.refit_policy)}.`, `Reproducibility: ${String(r.info.reproducibility)}.`);
  if (r.registered) lines.push(`Registered as ${r.registered.ref}.`);
  const savedToDir = r.model !== r.registered?.ref;
  lines.push(`${savedToDir ? `Saved predictor to ${r.model}/ — next` : 'Next'}: modelwright predict ${r.model} <data> --out predictions.csv`);
  return lines.join('\n');
}
