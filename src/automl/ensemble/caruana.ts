/**
 * @module automl/ensemble/caruana
 * Greedy ensemble selection with replacement (Caruana et al., 2004), as AutoGluon and
 * auto-sklearn use it: start from the best single model, then repeatedly add the model whose
 * inclusion most improves the score of the averaged OOF predictions. The weights are the
 * selection counts, normalised. Because every input is out-of-fold, the selection is fitted on
 * predictions no model saw its own labels for.
 */

export interface EnsembleSelection {
  /** Weight per input model (sums to 1; zero for models never picked). */
  readonly weights: readonly number[];
  /** Score (higher is better) of the weighted average on the OOF predictions. */
  readonly score: number;
}

/**
 * @param outputs OOF predictions of each model (same length).
 * @param score higher-is-better score of an averaged prediction.
 * @param rounds how many picks (AutoGluon uses 25–100; 40 balances fit and over-fitting of the weights).
 */
export function caruanaSelection(outputs: readonly Float64Array[], score: (avg: Float64Array) => number, rounds = 40): EnsembleSelection {
  const m = outputs.length;
  if (m === 0) throw new Error('caruanaSelection needs at least one model');
  const len = outputs[0].length;
  const counts = new Array<number>(m).fill(0);
  const sum = new Float64Array(len);
  const trial = new Float64Array(len);
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestCounts = counts.slice();
  for (let round = 1; round <= rounds; round++) {
    let pick = -1;
    let pickScore = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      const o = outputs[j];
      for (let i = 0; i < len; i++) trial[i] = (sum[i] + o[i]) / round;
      const s = score(trial);
      // Strict '>' keeps the earliest (best-ranked) model on ties: deterministic.
      if (s > pickScore) (pickScore = s), (pick = j);
    }
    const o = outputs[pick];
    for (let i = 0; i < len; i++) sum[i] += o[i];
    counts[pick]++;
    if (pickScore > bestScore) {
      bestScore = pickScore;
      bestCounts = counts.slice();
    }
  }
  const total = bestCounts.reduce((a, b) => a + b, 0);
  return { weights: bestCounts.map((c) => c / total), score: bestScore };
}

/** The weighted average of `outputs`. */
export function weightedAverage(outputs: readonly Float64Array[], weights: readonly number[]): Float64Array {
  const out = new Float64Array(outputs[0].length);
  outputs.forEach((o, j) => {
    const w = weights[j];
    if (w === 0) return;
    for (let i = 0; i < out.length; i++) out[i] += w * o[i];
  });
  return out;
}
