/**
 * @module learners/anomaly/path-length
 * c(n): the average path length of an unsuccessful search in a binary search tree of n
 * points (Liu, Ting & Zhou 2008) — the expected depth still to go below a leaf holding n
 * training rows, and the normaliser of the anomaly score. Same constants as scikit-learn's
 * `_average_path_length`: c(n ≤ 1) = 0, c(2) = 1, else 2(ln(n − 1) + γ) − 2(n − 1)/n.
 */

const EULER_GAMMA = 0.5772156649015329;

export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}
