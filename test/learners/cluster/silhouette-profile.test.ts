/** Silhouette score (exact on a hand example, sampled ≈ exact) and cluster profiles. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { categoricalColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { profileClusters } from '../../../src/learners/cluster/profile.js';
import { silhouetteScore } from '../../../src/learners/cluster/silhouette.js';

describe('silhouetteScore', () => {
  it('matches the definition on four points', () => {
    const X = Float64Array.of(0, 1, 10, 11);
    const labels = Int32Array.of(0, 0, 1, 1);
    const s = [(10.5 - 1) / 10.5, (9.5 - 1) / 9.5, (9.5 - 1) / 9.5, (10.5 - 1) / 10.5];
    expect(silhouetteScore(X, 4, 1, labels, new Rng(0))).toBeCloseTo(s.reduce((a, b) => a + b) / 4, 14);
  });
  it('is NaN with one cluster, and a sample of 500 rows is close to the exact score', () => {
    const rng = new Rng(2);
    const n = 1500;
    const X = Float64Array.from({ length: n * 2 }, (_, t) => rng.normal() + ((t >> 1) % 3) * 2.5);
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
    expect(silhouetteScore(X, n, 2, new Int32Array(n), new Rng(0))).toBeNaN();
    const exact = silhouetteScore(X, n, 2, labels, new Rng(0), n);
    expect(Math.abs(silhouetteScore(X, n, 2, labels, new Rng(0), 500) - exact)).toBeLessThan(0.03);
  });
});

describe('profileClusters', () => {
  it('names the features that set each cluster apart, on one scale', () => {
    const n = 200;
    const income = Float64Array.from({ length: n }, (_, i) => (i < 50 ? 100 : 40) + (i % 5));
    const noise = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 13);
    const city = Int32Array.from({ length: n }, (_, i) => (i < 50 ? 0 : 1 + (i % 2)));
    const X = Frame.fromColumns([float64Column('income', income), float64Column('noise', noise), categoricalColumn('city', city, ['Oslo', 'Rome', 'Lima'])]);
    const labels = Int32Array.from({ length: n }, (_, i) => (i < 50 ? 0 : 1));
    const [c0, c1] = profileClusters(X, labels, ['income', 'noise', 'city'], 2);
    expect(c0).toMatchObject({ cluster: 0, size: 50, share: 0.25 });
    expect(c0.profile.map((p) => p.feature).sort()).toEqual(['city', 'income']);
    const cityC0 = c0.profile.find((p) => p.feature === 'city')!;
    expect(cityC0).toMatchObject({ kind: 'categorical', category: 'Oslo', clusterShare: 1, overallShare: 0.25, lift: 4 });
    const incomeC0 = c0.profile.find((p) => p.feature === 'income')!;
    expect(incomeC0.kind === 'numeric' && incomeC0.z).toBeGreaterThan(1.5);
    expect(c1.profile[0].z).toBeLessThan(0); // cluster 1 stands out by being below the mean
  });
});
