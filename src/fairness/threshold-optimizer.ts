/**
 * @module fairness/threshold-optimizer
 * Post-processing mitigation for binary classifiers, in the spirit of Fairlearn's
 * ThresholdOptimizer but deterministic: one decision threshold per group on P(positive),
 * chosen on scored, labelled rows so that every group has the same
 *   demographic_parity  → selection rate r, or
 *   equal_opportunity   → true positive rate τ (Fairlearn's `equalized_odds` also equalises
 *                         FPR, which needs randomised thresholds; this deterministic version
 *                         equalises TPR and reports the FPR gap that remains),
 * with the common r or τ picked from a grid of 101 values to maximise overall accuracy.
 * A row is predicted positive when its score ≥ its group's threshold. The thresholds are fitted
 * on the data they are reported on: check them on held-out data before deploying them.
 */
export type MitigationConstraint = 'demographic_parity' | 'equal_opportunity';

export interface GroupThreshold {
  readonly group: string;
  readonly threshold: number;
}

export interface ThresholdFit {
  readonly constraint: MitigationConstraint;
  /** The common selection rate or TPR the thresholds aim at. */
  readonly target: number;
  readonly thresholds: readonly GroupThreshold[];
  /** 1 = predicted positive, per row. */
  readonly predictions: Int32Array;
  readonly accuracy: number;
}

const GRID = 101;
/** A threshold no probability reaches. */
const NOBODY = 1.000001;

/** Normalise a user's constraint name ('equalized_odds' is served by equal opportunity). */
export function parseConstraint(name: string): MitigationConstraint | null {
  const n = name.trim().toLowerCase().replace(/-/g, '_');
  if (n === 'demographic_parity') return 'demographic_parity';
  if (n === 'equal_opportunity' || n === 'equalized_odds' || n === 'true_positive_rate_parity') return 'equal_opportunity';
  return null;
}

/** The threshold selecting exactly the top `k` of `sorted` (descending) when scores differ. */
function thresholdForTop(sorted: Float64Array, k: number): number {
  if (k <= 0) return Number.POSITIVE_INFINITY;
  if (k >= sorted.length) return Number.NEGATIVE_INFINITY;
  // Midway between the k-th and (k+1)-th score keeps new rows on the intended side.
  return sorted[k] === sorted[k - 1] ? sorted[k - 1] : (sorted[k - 1] + sorted[k]) / 2;
}

/**
 * Per-group thresholds for `constraint` (yTrue 1 = positive; score = P(positive)).
 * @example fitGroupThresholds('demographic_parity', yTrue, score, codes, names).thresholds
 */
export function fitGroupThresholds(constraint: MitigationConstraint, yTrue: Int32Array, score: Float64Array, codes: Int32Array, names: readonly string[]): ThresholdFit {
  const G = names.length;
  const all: Float64Array[] = [];
  const positives: Float64Array[] = [];
  for (let g = 0; g < G; g++) {
    const a: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] !== g) continue;
      a.push(score[i]);
      if (yTrue[i] === 1) p.push(score[i]);
    }
    all.push(Float64Array.from(a).sort().reverse());
    positives.push(Float64Array.from(p).sort().reverse());
  }
  const thresholdsFor = (target: number): Float64Array =>
    Float64Array.from({ length: G }, (_, g) => {
      if (constraint === 'demographic_parity') return thresholdForTop(all[g], Math.round(target * all[g].length));
      // Equal opportunity: the lowest score among the top ⌈τ·P⌉ positives must be selected.
      const pos = positives[g];
      const k = Math.ceil(target * pos.length - 1e-9);
      if (pos.length === 0) return thresholdForTop(all[g], Math.round(target * all[g].length));
      return k <= 0 ? Number.POSITIVE_INFINITY : pos[Math.min(k, pos.length) - 1];
    });
  let best: { target: number; t: Float64Array; accuracy: number } | null = null;
  for (let s = 0; s < GRID; s++) {
    const target = s / (GRID - 1);
    const t = thresholdsFor(target);
    let correct = 0;
    for (let i = 0; i < codes.length; i++) if ((score[i] >= t[codes[i]] ? 1 : 0) === yTrue[i]) correct++;
    const accuracy = correct / Math.max(1, codes.length);
    if (!best || accuracy > best.accuracy) best = { target, t, accuracy };
  }
  const chosen = best as { target: number; t: Float64Array; accuracy: number };
  const predictions = Int32Array.from(codes, (g, i) => (score[i] >= chosen.t[g] ? 1 : 0));
  return {
    constraint,
    target: chosen.target,
    // Scores are probabilities: 0 selects everybody, just above 1 nobody (JSON has no ±∞).
    thresholds: names.map((group, g) => ({ group, threshold: Math.min(NOBODY, Math.max(0, chosen.t[g])) })),
    predictions,
    accuracy: chosen.accuracy,
  };
}
