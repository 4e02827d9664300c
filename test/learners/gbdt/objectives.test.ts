/**
 * Every objective runs and improves its own loss over the starting score; objective-specific
 * facts (quantile coverage, L1 leaf renewal, Poisson positivity, class weights, lambdarank NDCG).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { Frame } from '../../../src/data/frame/frame.js';
import type { TrainSet } from '../../../src/learners/estimator.js';
import { resolveMetrics } from '../../../src/learners/gbdt/eval-metrics.js';
import { GbdtEstimator, type GbdtClassifierModel } from '../../../src/learners/gbdt/index.js';
import { percentile, weightedPercentile } from '../../../src/learners/gbdt/objectives/percentile.js';
import { queriesOf } from '../../../src/learners/gbdt/objectives/ranking.js';
import { synthetic, valuesOf } from './synthetic.js';

const reg = synthetic({ n: 1500, task: 'regression', categorical: [5], missing: 0.05, seed: 31 });

/** The objective's own metric (LightGBM definitions) before any tree and after training. */
async function lossBeforeAfter(params: Record<string, unknown>, metric: string, data: TrainSet = reg): Promise<[number, number]> {
  const m = await GbdtEstimator.create({ num_iterations: 40, ...params }).fit(data);
  const [met] = resolveMetrics(metric, metric, Number(params.alpha ?? 0.9), [5]);
  const evalData = { labels: data.y.values, weights: null, queries: data.group ? queriesOf(data.group) : null, numOutputs: m.numOutputs };
  const asPred = (numIteration: number): Float64Array => {
    if (m.objective === 'binary') return (m as GbdtClassifierModel).predictProba(data.X, { numIteration }).filter((_, i) => i % 2 === 1);
    const out = m.predict(data.X, { numIteration });
    return out.dtype === 'float64' ? out.values : m.predictRaw(data.X, { numIteration });
  };
  // numIteration 0 means "all"; the starting score alone is baseScore.
  const before = met.evaluate(new Float64Array(data.y.values.length * m.numOutputs).map((_, i) => transformBase(m.objective, m.baseScore[i % m.numOutputs])), evalData);
  return [before, met.evaluate(asPred(40), evalData)];
}

function transformBase(objective: string, b: number): number {
  return objective === 'poisson' ? Math.exp(b) : objective === 'binary' ? 1 / (1 + Math.exp(-b)) : b;
}

describe('objectives', () => {
  it('L2, L1, Huber and quantile each reduce their own loss', async () => {
    for (const [params, metric] of [[{}, 'l2'], [{ objective: 'l1' }, 'l1'], [{ objective: 'huber', alpha: 1 }, 'huber'], [{ objective: 'quantile', alpha: 0.8 }, 'quantile']] as const) {
      const [before, after] = await lossBeforeAfter(params, metric);
      expect(after).toBeLessThan(0.6 * before);
    }
  });

  it('quantile predictions cover about alpha of the labels', async () => {
    const m = await GbdtEstimator.create({ objective: 'quantile', alpha: 0.9, num_iterations: 60 }).fit(reg);
    const p = valuesOf(m.predict(reg.X));
    const below = p.reduce((s, v, i) => s + (reg.y.values[i] <= v ? 1 : 0), 0) / p.length;
    expect(below).toBeGreaterThan(0.85);
    expect(below).toBeLessThan(0.95);
  });

  it('L1 renews leaves to residual medians: robust to a few huge labels', async () => {
    const y = Float64Array.from(reg.y.values);
    for (let i = 0; i < y.length; i += 50) y[i] = 1e6;
    const spiky: TrainSet = { ...reg, y: { ...reg.y, values: y } };
    const l1 = await GbdtEstimator.create({ objective: 'l1', num_iterations: 60 }).fit(spiky);
    const p = valuesOf(l1.predict(reg.X));
    const mae = p.reduce((s, v, i) => s + (i % 50 === 0 ? 0 : Math.abs(v - reg.y.values[i])), 0) / p.length;
    expect(mae).toBeLessThan(0.5);
  });

  it('poisson predicts positive means and reduces its deviance', async () => {
    const rng = new Rng(3);
    const counts = Float64Array.from(reg.y.values, (v) => {
      const lambda = Math.exp(0.5 * v);
      let k = 0;
      for (let p = Math.exp(-lambda), s = p, u = rng.next(); u > s; ) (k++, (p *= lambda / k), (s += p));
      return k;
    });
    const data: TrainSet = { ...reg, y: { ...reg.y, values: counts } };
    const [before, after] = await lossBeforeAfter({ objective: 'poisson' }, 'poisson', data);
    expect(after).toBeLessThan(before);
    const m = await GbdtEstimator.create({ objective: 'poisson', num_iterations: 10 }).fit(data);
    expect(Math.min(...valuesOf(m.predict(reg.X)))).toBeGreaterThan(0);
    await expect(GbdtEstimator.create({ objective: 'poisson' }).fit({ ...reg })).rejects.toMatchObject({ code: 'MW_TARGET_INVALID' });
  });

  it('binary and multiclass reduce log loss', async () => {
    const bin = synthetic({ n: 1500, categorical: [5], seed: 32 });
    const [b0, b1] = await lossBeforeAfter({}, 'binary_logloss', bin);
    expect(b1).toBeLessThan(0.8 * b0);
    const multi = synthetic({ n: 1500, task: 'multiclass', classes: 3, seed: 33 });
    const m = await GbdtEstimator.create({ num_iterations: 40 }).fit(multi);
    const [ll] = resolveMetrics('multi_logloss', '', 0.9, []);
    const data = { labels: multi.y.values, weights: null, queries: null, numOutputs: 3 };
    const prior = ll.evaluate(new Float64Array(4500).map((_, i) => Math.exp(m.baseScore[i % 3])), data);
    expect(ll.evaluate((m as GbdtClassifierModel).predictProba(multi.X), data)).toBeLessThan(0.8 * prior);
  });

  it('is_unbalance and scale_pos_weight raise the predicted positive rate', async () => {
    const bin = synthetic({ n: 1500, seed: 34 });
    const y = Float64Array.from(bin.y.values, (v, i) => (v > 0 && i % 4 === 0 ? 1 : 0));
    const rare: TrainSet = { ...bin, y: { ...bin.y, values: y } };
    const mean = async (p: Record<string, unknown>) => {
      const m = (await GbdtEstimator.create({ num_iterations: 20, ...p }).fit(rare)) as GbdtClassifierModel;
      const pr = m.predictProba(bin.X);
      let s = 0;
      for (let i = 1; i < pr.length; i += 2) s += pr[i];
      return s / bin.X.nRows;
    };
    const plain = await mean({});
    expect(await mean({ is_unbalance: true })).toBeGreaterThan(plain + 0.1);
    expect(await mean({ scale_pos_weight: 5 })).toBeGreaterThan(plain + 0.1);
  });

  it('lambdarank raises NDCG over a random order', async () => {
    const rng = new Rng(5);
    const n = 1200;
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const noise = Float64Array.from({ length: n }, () => rng.normal());
    const rel = Float64Array.from(x, (v) => Math.max(0, Math.min(3, Math.round(v + 1))));
    const group = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 20));
    const data: TrainSet = { X: Frame.fromArrays({ x, noise }), y: { name: 'rel', task: 'regression', values: rel }, group };
    const m = await GbdtEstimator.create({ objective: 'lambdarank', num_iterations: 20, min_data_in_leaf: 5 }).fit(data);
    const [ndcg] = resolveMetrics('ndcg@5', '', 0.9, []);
    const q = { labels: rel, weights: null, queries: queriesOf(group), numOutputs: 1 };
    const trained = ndcg.evaluate(m.predictRaw(data.X), q);
    const random = ndcg.evaluate(Float64Array.from({ length: n }, () => rng.next()), q);
    expect(trained).toBeGreaterThan(random + 0.2);
    expect(trained).toBeGreaterThan(0.95);
    await expect(GbdtEstimator.create({ objective: 'lambdarank' }).fit({ ...data, group: undefined })).rejects.toThrow(/needs a group/);
  });
});

describe('percentiles (LightGBM rules)', () => {
  it('unweighted: descending position (1 − α)·n', () => {
    expect(percentile(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(3);
    expect(percentile(Float64Array.of(5, 1, 3), 0.5)).toBe(4);
    expect(percentile(Float64Array.of(1, 2, 3, 4, 5), 0.9)).toBe(5);
  });

  it('weighted: the step of the weighted CDF that crosses alpha', () => {
    const v = Float64Array.of(7, 2, 3, 4, 5, 6, 1);
    expect(weightedPercentile(v, new Float64Array(7).fill(1), 0.5)).toBe(4);
    expect(weightedPercentile(v, Float64Array.of(1, 1, 1, 100, 1, 1, 1), 0.5)).toBe(4);
    expect(weightedPercentile(v, Float64Array.of(1, 1, 1, 1, 1, 1, 100), 0.5)).toBe(1);
    expect(weightedPercentile(v, new Float64Array(7).fill(2), 0.9)).toBe(7);
  });
});
