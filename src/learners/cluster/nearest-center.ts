/**
 * @module learners/cluster/nearest-center
 * The inner loops of k-means: squared Euclidean distances from rows to centres, and for each
 * row the nearest centre. The kernel takes four rows and two centres at a time, so eight
 * independent sums share six loads — enough parallel chains to keep V8's scalar floating-point
 * units busy (about 2× one distance at a time; an early-exit "partial distance" search was
 * slower still, its per-dimension branch breaking the chains). Every distance is summed over
 * dimensions in order, so all callers see identical values; ties go to the lower centre index.
 */

/** Squared Euclidean distance between row `i` of X and row `c` of C (both width d). */
export function squaredDistance(X: Float64Array, i: number, C: Float64Array, c: number, d: number): number {
  const a = i * d;
  const b = c * d;
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = X[a + j] - C[b + j];
    s += t * t;
  }
  return s;
}

/**
 * Squared distances from rows i0 … i0 + rows − 1 (rows ≤ 4) of X to the k centres of C, into
 * out[t·k + c]. A short block repeats its first row; only `rows` results are meaningful.
 */
function blockDistances(X: Float64Array, i0: number, rows: number, d: number, C: Float64Array, k: number, out: Float64Array): void {
  const a0 = i0 * d;
  const a1 = (rows > 1 ? i0 + 1 : i0) * d;
  const a2 = (rows > 2 ? i0 + 2 : i0) * d;
  const a3 = (rows > 3 ? i0 + 3 : i0) * d;
  let c = 0;
  for (; c + 1 < k; c += 2) {
    const b = c * d;
    const e = b + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let j = 0; j < d; j++) {
      const x0 = X[a0 + j];
      const x1 = X[a1 + j];
      const x2 = X[a2 + j];
      const x3 = X[a3 + j];
      const v = C[b + j];
      const w = C[e + j];
      const t0 = x0 - v;
      const t1 = x1 - v;
      const t2 = x2 - v;
      const t3 = x3 - v;
      const q0 = x0 - w;
      const q1 = x1 - w;
      const q2 = x2 - w;
      const q3 = x3 - w;
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
      u0 += q0 * q0;
      u1 += q1 * q1;
      u2 += q2 * q2;
      u3 += q3 * q3;
    }
    out[c] = s0;
    out[k + c] = s1;
    out[2 * k + c] = s2;
    out[3 * k + c] = s3;
    out[c + 1] = u0;
    out[k + c + 1] = u1;
    out[2 * k + c + 1] = u2;
    out[3 * k + c + 1] = u3;
  }
  for (; c < k; c++) {
    const b = c * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < d; j++) {
      const v = C[b + j];
      const t0 = X[a0 + j] - v;
      const t1 = X[a1 + j] - v;
      const t2 = X[a2 + j] - v;
      const t3 = X[a3 + j] - v;
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    out[c] = s0;
    out[k + c] = s1;
    out[2 * k + c] = s2;
    out[3 * k + c] = s3;
  }
}

/** Row-major n × k squared distances from every row of X to every centre of C. */
export function squaredDistances(X: Float64Array, n: number, d: number, C: Float64Array, k: number): Float64Array {
  const out = new Float64Array(n * k);
  const block = new Float64Array(4 * k);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    blockDistances(X, i0, rows, d, C, k, block);
    out.set(block.subarray(0, rows * k), i0 * k);
  }
  return out;
}

/**
 * Fill `labels` (and `minDist`, when given) with each row's nearest of the k centres in C;
 * return the (weighted) inertia Σ w·‖x − c(x)‖².
 */
export function nearestCenters(X: Float64Array, n: number, d: number, C: Float64Array, k: number, labels: Int32Array, weight?: Float64Array, minDist?: Float64Array): number {
  let inertia = 0;
  const block = new Float64Array(4 * k);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    blockDistances(X, i0, rows, d, C, k, block);
    for (let t = 0; t < rows; t++) {
      const o = t * k;
      let best = 0;
      let bestDist = block[o];
      for (let c = 1; c < k; c++) if (block[o + c] < bestDist) (bestDist = block[o + c]), (best = c);
      labels[i0 + t] = best;
      if (minDist) minDist[i0 + t] = bestDist;
      inertia += weight ? weight[i0 + t] * bestDist : bestDist;
    }
  }
  return inertia;
}
