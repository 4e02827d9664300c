/** Jacobi eigen-decomposition, Cholesky and randomized SVD against their defining identities. */
import { describe, expect, it } from 'vitest';
import { cholesky, inverseLowerTransposed } from '../../../src/common/linalg/cholesky.js';
import { columnMeans, scatterMatrix } from '../../../src/common/linalg/gram.js';
import { randomizedSvd } from '../../../src/common/linalg/randomized-svd.js';
import { symmetricEigen } from '../../../src/common/linalg/symmetric-eigen.js';
import { Rng } from '../../../src/common/random.js';

function randomSymmetric(d: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) A[i * d + j] = A[j * d + i] = rng.normal();
  return A;
}

describe('symmetricEigen', () => {
  for (const d of [1, 2, 7, 30]) {
    it(`A v = λ v with orthonormal v, values descending (d = ${d})`, () => {
      const A = randomSymmetric(d, d);
      const { values, vectors } = symmetricEigen(A, d);
      for (let k = 0; k < d; k++) {
        if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
        for (let i = 0; i < d; i++) {
          let av = 0;
          for (let j = 0; j < d; j++) av += A[i * d + j] * vectors[k * d + j];
          expect(av).toBeCloseTo(values[k] * vectors[k * d + i], 11);
        }
        for (let m = 0; m < d; m++) {
          let dot = 0;
          for (let j = 0; j < d; j++) dot += vectors[k * d + j] * vectors[m * d + j];
          expect(dot).toBeCloseTo(k === m ? 1 : 0, 12);
        }
      }
    });
  }
  it('keeps tiny eigenvalues accurate next to large ones', () => {
    const { values } = symmetricEigen(Float64Array.of(1e8, 0, 0, 1e-8), 2);
    expect(values[1]).toBe(1e-8);
  });
});

describe('cholesky', () => {
  it('factors a positive-definite matrix and inverts the factor', () => {
    const d = 5;
    const rng = new Rng(1);
    const B = Float64Array.from({ length: d * d }, () => rng.normal());
    const S = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let t = 0; t < d; t++) S[i * d + j] += B[i * d + t] * B[j * d + t] + (i === j && t === 0 ? 0.5 : 0);
    const L = cholesky(S, d)!;
    const P = inverseLowerTransposed(L, d);
    // Pᵀ S P = I
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let v = 0;
        for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) v += P[a * d + i] * S[a * d + b] * P[b * d + j];
        expect(v).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
  });
});

describe('randomizedSvd', () => {
  it('recovers the singular values of a low-rank matrix', () => {
    const n = 300;
    const d = 40;
    const rng = new Rng(3);
    const U = Float64Array.from({ length: n * 3 }, () => rng.normal());
    const V = Float64Array.from({ length: 3 * d }, () => rng.normal());
    const A = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) for (let t = 0; t < 3; t++) A[i * d + j] += U[i * 3 + t] * V[t * d + j] * (3 - t) + 1e-3 * (t === 0 ? rng.normal() : 0);
    const exact = symmetricEigen(scatterMatrix(A, n, d), d).values;
    const svd = randomizedSvd(A, n, d, 3, new Rng(0));
    for (let c = 0; c < 3; c++) expect(svd.singularValues[c] / Math.sqrt(exact[c])).toBeCloseTo(1, 9);
  });
  it('columnMeans and scatterMatrix agree with their definitions', () => {
    const X = Float64Array.of(1, 2, 3, 4, 5, 9);
    const m = columnMeans(X, 3, 2);
    expect(Array.from(m)).toEqual([3, 5]);
    expect(Array.from(scatterMatrix(X, 3, 2, m))).toEqual([8, 14, 14, 26]);
  });
});
