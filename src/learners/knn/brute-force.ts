/**
 * @module learners/knn/brute-force
 * Exact k nearest neighbours by scanning every training row: O(n·m·p) for m queries. The
 * reference the k-d tree is tested against, and the right choice for small or wide data
 * (scikit-learn's 'auto' also goes brute above 15 features).
 */
import { type Metric, reducedDistanceBounded } from './distance.js';
import { NeighborHeap } from './neighbor-heap.js';

/** For each query row, its k nearest training rows (nearest first) and reduced distances. */
export function bruteForceKnn(train: Float64Array, nTrain: number, queries: Float64Array, nQueries: number, p: number, k: number, metric: Metric): { index: Int32Array; dist: Float64Array } {
  const kk = Math.min(k, nTrain);
  const index = new Int32Array(nQueries * kk);
  const dist = new Float64Array(nQueries * kk);
  const heap = new NeighborHeap(kk);
  for (let q = 0; q < nQueries; q++) {
    heap.reset();
    const euclidean = metric === 'euclidean';
    for (let i = 0; i < nTrain; i++) {
      const bound = heap.bound();
      const d = reducedDistanceBounded(euclidean, queries, q, train, i, p, bound);
      if (d <= bound) heap.push(d, i);
    }
    const s = heap.sorted();
    index.set(s.index, q * kk);
    dist.set(s.dist, q * kk);
  }
  return { index, dist };
}
