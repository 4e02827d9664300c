/**
 * @module learners/knn/neighbor-heap
 * The k best neighbours seen so far, as a bounded max-heap ordered by (distance, row index).
 * Breaking distance ties by row index makes the neighbour set unique, so the brute-force
 * search and the k-d tree return exactly the same neighbours.
 */

/** (d1, i1) comes after (d2, i2): farther, or as far with a larger row index. */
function after(d1: number, i1: number, d2: number, i2: number): boolean {
  return d1 > d2 || (d1 === d2 && i1 > i2);
}

export class NeighborHeap {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }

  reset(): void {
    this.size = 0;
  }

  /** Candidates farther than this cannot enter (Infinity until the heap is full). */
  bound(): number {
    return this.size < this.k ? Number.POSITIVE_INFINITY : this.dist[0];
  }

  push(d: number, i: number): void {
    const { dist, index } = this;
    if (this.size < this.k) {
      let c = this.size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!after(d, i, dist[parent], index[parent])) break;
        dist[c] = dist[parent];
        index[c] = index[parent];
        c = parent;
      }
      dist[c] = d;
      index[c] = i;
      return;
    }
    if (!after(dist[0], index[0], d, i)) return; // not better than the worst kept
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const big = r < this.size && after(dist[r], index[r], dist[l], index[l]) ? r : l;
      if (!after(dist[big], index[big], d, i)) break;
      dist[c] = dist[big];
      index[c] = index[big];
      c = big;
    }
    dist[c] = d;
    index[c] = i;
  }

  /** Neighbours sorted nearest first (ties by row index); insertion sort, k is small. */
  sorted(): { dist: Float64Array; index: Int32Array } {
    const dist = this.dist.slice(0, this.size);
    const index = this.index.slice(0, this.size);
    for (let a = 1; a < dist.length; a++) {
      const d = dist[a];
      const i = index[a];
      let b = a - 1;
      for (; b >= 0 && after(dist[b], index[b], d, i); b--) (dist[b + 1] = dist[b]), (index[b + 1] = index[b]);
      dist[b + 1] = d;
      index[b + 1] = i;
    }
    return { dist, index };
  }
}
