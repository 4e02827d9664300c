/**
 * @module automl/candidate
 * A candidate is one learner configuration AutoML may try: a learner kind, its params, and a
 * readable name for the leaderboard ("gbdt_lr0.05_leaves63").
 */

export interface Candidate {
  readonly name: string;
  readonly learner: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Where it came from: the zero-shot portfolio, the search, or an ensemble. */
  readonly origin: 'portfolio' | 'search' | 'ensemble' | 'stack';
}
