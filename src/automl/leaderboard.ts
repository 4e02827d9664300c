/**
 * @module automl/leaderboard
 * One row per candidate tried — including failed ones, with their reason — sorted best first.
 */

export interface LeaderboardRow {
  readonly model: string;
  readonly learner: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The metric's own value on out-of-fold predictions (NaN for failed candidates). */
  readonly cv_score: number;
  readonly fit_seconds: number;
  readonly predict_seconds: number;
  readonly origin: string;
  /** Set when the candidate failed or was skipped. */
  readonly error?: string;
}

/** Rows sorted best first by `cv_score` in the metric's direction; failures last. */
export function sortLeaderboard(rows: readonly LeaderboardRow[], greaterIsBetter: boolean): LeaderboardRow[] {
  return [...rows].sort((a, b) => {
    const fa = Number.isNaN(a.cv_score);
    const fb = Number.isNaN(b.cv_score);
    if (fa !== fb) return fa ? 1 : -1;
    if (fa) return a.model.localeCompare(b.model);
    const d = greaterIsBetter ? b.cv_score - a.cv_score : a.cv_score - b.cv_score;
    return d !== 0 ? d : a.model.localeCompare(b.model);
  });
}
