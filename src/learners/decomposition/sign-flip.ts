/**
 * @module learners/decomposition/sign-flip
 * A component and its negation explain the same variance, so the sign is a convention. We use
 * scikit-learn's (`svd_flip` with u_based_decision): the training row with the largest
 * |score| on a component scores positive. Components then match scikit-learn's sign for sign,
 * and a refit on the same data gives the same signs.
 */

/** Flip rows of `components` (k × d) in place so each one's largest-|score| training row is positive. */
export function flipSigns(M: Float64Array, n: number, d: number, center: Float64Array, components: Float64Array, k: number): void {
  const bestAbs = new Float64Array(k).fill(-1);
  const bestVal = new Float64Array(k);
  const r = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) r[j] = M[i * d + j] - center[j];
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += r[j] * components[c * d + j];
      // Strictly greater: the first row wins ties, as numpy's argmax.
      if (Math.abs(s) > bestAbs[c]) (bestAbs[c] = Math.abs(s)), (bestVal[c] = s);
    }
  }
  for (let c = 0; c < k; c++) {
    if (bestVal[c] >= 0) continue;
    for (let j = 0; j < d; j++) components[c * d + j] = -components[c * d + j];
  }
}
