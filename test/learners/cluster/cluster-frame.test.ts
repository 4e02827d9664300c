/** clusterFrame: automatic k by silhouette, explicit k, DBSCAN with an estimated eps, errors. */
import { describe, expect, it } from 'vitest';
import { Frame } from '../../../src/data/frame/frame.js';
import { DataError, InvalidParamError } from '../../../src/errors.js';
import { clusterFrame } from '../../../src/learners/cluster/cluster-frame.js';
import { adjustedRandIndex, blobs } from '../unsupervised/helpers.js';

describe('clusterFrame', () => {
  const { X, labels } = blobs(400, 4, 3, 17, 10);

  it('chooses k by silhouette and says why', async () => {
    const r = await clusterFrame(X, { method: 'kmeans', k: 'auto', seed: 1 });
    expect(r.k).toBe(4);
    expect(adjustedRandIndex(r.labels, labels)).toBe(1);
    expect(r.scores).toHaveLength(9);
    const best = r.scores.find((s) => s.k === 4)!.silhouette!;
    for (const s of r.scores) expect(s.silhouette!).toBeLessThanOrEqual(best);
    expect(r.reason).toMatch(/^k=4 has the highest silhouette \(0\.\d+\) among k=2\.\.10; next best k=\d+/);
  });

  it('uses a given k and reports its silhouette', async () => {
    const r = await clusterFrame(X, { k: 3, seed: 1 });
    expect(r.k).toBe(3);
    expect(r.reason).toBe('k=3 as given.');
    expect(r.scores[0].silhouette).toBeGreaterThan(0);
  });

  it('runs DBSCAN with an eps from the data', async () => {
    const r = await clusterFrame(X, { method: 'dbscan' });
    expect(r.k).toBe(4);
    expect(r.eps).toBeGreaterThan(0);
    expect(r.reason).toMatch(/^eps=[\d.]+ from the knee of the 5-nearest-neighbour distance curve/);
  });

  it('rejects k < 2, k > rows, and k with DBSCAN', async () => {
    await expect(clusterFrame(X, { k: 1 })).rejects.toBeInstanceOf(InvalidParamError);
    await expect(clusterFrame(Frame.fromArrays({ a: [1, 2, 3] }), { k: 5 })).rejects.toBeInstanceOf(DataError);
    await expect(clusterFrame(Frame.fromArrays({ a: [1, 2] }), { k: 'auto' })).rejects.toMatchObject({ code: 'MW_DATA_TOO_SMALL' });
    await expect(clusterFrame(X, { method: 'dbscan', k: 3 })).rejects.toThrow(/does not apply to --method dbscan/);
  });
});
