/**
 * @module learners/decomposition/sign-flip
 * A component and its negation explain the same variance, so the sign is a convention. We use
 * scikit-learn's (`svd_flip` with u_based_decision): the training row with the largest
 * |score| on a component scores positive. Components then match scikit-learn's sign for sign,
 * and a refit on the same data gives the same signs.
 */
import { projectRows } from '../../common/linalg/project-rows.js';

/** Flip rows of `components` (k × d) in place so each one's largest-|score| training row is positive. */
export function flipSigns(M: Float64Array, n: number, d: number, center: Float64Array, components: Float64Array, k: number): void {
  const scores = projectRows(M, n, d, center, components, k);
  for (let c = 0; c < k; c++) {
    let bestAbs = -1;
    let bestVal = 0;
    // Strictly greater: the first row wins ties, as numpy's argmax.
    for (let i = 0; i < n; i++) {
      const s = scores[i * k + c];
      if (Math.abs(s) > bestAbs) (bestAbs = Math.abs(s)), (bestVal = s);
    }
    if (bestVal >= 0) continue;
    for (let j = 0; j < d; j++) components[c * d + j] = -components[c * d + j];
  }
}
