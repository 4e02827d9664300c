/**
 * @module learners/forest/tree/criterion
 * Split quality from per-side statistics. A node's statistics are a short vector:
 * classification: weighted count per class (K entries); regression: [Σw, Σw·y] (2 entries).
 * Each criterion maps a statistics vector to a score such that the weighted impurity
 * decrease of a split is score(left) + score(right) − score(parent):
 *   gini:          Σ_k s_k² / W        (W·(1 − gini) up to a constant)
 *   entropy:       Σ_k s_k · ln(s_k/W) (−W · entropy)
 *   squared_error: (Σw·y)² / Σw         (W·variance up to a constant)
 */

export type Criterion = 'gini' | 'entropy' | 'squared_error';

/** Score of the statistics at `s[o .. o+S)`. */
export function criterionScore(criterion: Criterion, s: Float64Array, o: number, S: number): number {
  if (criterion === 'squared_error') return s[o] > 0 ? (s[o + 1] * s[o + 1]) / s[o] : 0;
  let W = 0;
  for (let k = 0; k < S; k++) W += s[o + k];
  if (W <= 0) return 0;
  let score = 0;
  if (criterion === 'gini') {
    for (let k = 0; k < S; k++) score += s[o + k] * s[o + k];
    return score / W;
  }
  for (let k = 0; k < S; k++) if (s[o + k] > 0) score += s[o + k] * Math.log(s[o + k] / W);
  return score;
}

/** Total weight of the statistics at `s[o ..]`. */
export function statWeight(criterion: Criterion, s: Float64Array, o: number, S: number): number {
  if (criterion === 'squared_error') return s[o];
  let W = 0;
  for (let k = 0; k < S; k++) W += s[o + k];
  return W;
}
