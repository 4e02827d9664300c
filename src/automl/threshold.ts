/**
 * @module automl/threshold
 * Decision threshold for binary classifiers scored by a label metric (accuracy, F1, balanced
 * accuracy, MCC…): the cut on out-of-fold P(class 1) that maximises the metric, instead of 0.5.
 */
import type { Scorer } from './scoring.js';

/** Best threshold over the distinct OOF probabilities (at most ~200 candidate cuts). */
export function tuneThreshold(scorer: Scorer, oof: Float64Array): number {
  const n = oof.length / 2;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = oof[2 * i + 1];
  const sorted = Float64Array.from(p).sort();
  const cuts = new Set<number>([0.5]);
  const step = Math.max(1, Math.floor(n / 200));
  for (let i = 0; i < n; i += step) cuts.add(sorted[i]);
  let best = 0.5;
  let bestScore = scorer.score(oof, 0.5);
  for (const t of [...cuts].sort((a, b) => a - b)) {
    const s = scorer.score(oof, t);
    if (s > bestScore) (bestScore = s), (best = t);
  }
  return best;
}
