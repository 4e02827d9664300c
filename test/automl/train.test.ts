/**
 * AutoML end to end on small synthetic data: reproducibility, leakage handling, failure
 * isolation, the time limit, and save → load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPredictor, savePredictor } from '../../src/automl/predictor-file.js';
import { train } from '../../src/automl/train.js';
import { Rng } from '../../src/common/random.js';
import { Frame } from '../../src/data/frame/frame.js';

const dir = mkdtempSync(join(tmpdir(), 'mw-automl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 400 rows: two informative numbers, a categorical, noise, and the binary target. */
function churnLike(seed = 3, n = 400): Frame {
  const rng = new Rng(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.next() < 0.1 ? null : rng.normal();
    const plan = ['basic', 'plus', 'pro'][rng.nextInt(3)];
    const logit = 1.4 * a - (b ?? 0) + (plan === 'pro' ? 1 : 0) + 0.5 * rng.normal();
    rows.push({ a, b, plan, noise: rng.normal(), label: logit > 0 ? 'yes' : 'no' });
  }
  return Frame.fromRows(rows);
}

const quick = { learners: ['gbdt', 'linear'], maxTrials: 3, folds: 3, seed: 5 };

describe('train (AutoML)', () => {
  it('is reproducible with a seed and --max-trials', async () => {
    const frame = churnLike();
    const a = await train(frame, { target: 'label', ...quick });
    const b = await train(frame, { target: 'label', ...quick });
    expect(b.leaderboard.map((r) => [r.model, r.cv_score])).toEqual(a.leaderboard.map((r) => [r.model, r.cv_score]));
    expect(Array.from(b.predictProba(frame))).toEqual(Array.from(a.predictProba(frame)));
    expect(a.leaderboard.some((r) => r.model === 'WeightedEnsemble')).toBe(true);
    expect(a.state.metric).toBe('roc_auc');
  });

  it('flags and drops a planted target-derived column', async () => {
    const base = churnLike(4);
    const label = base.column('label');
    if (label.dtype !== 'categorical') throw new Error('label should be categorical');
    const rng = new Rng(9);
    const leak = Float64Array.from(label.codes, (c) => label.categories[c] === 'yes' ? 10 + rng.next() : rng.next());
    const frame = base.withColumn({ dtype: 'float64', name: 'leaky', values: leak });
    const p = await train(frame, { target: 'label', ...quick });
    const dropped = p.state.dropped.find((d) => d.column === 'leaky');
    expect(dropped?.reason).toMatch(/leakage/);
    expect(p.state.members.every((m) => m.models.every((model) => !model.inputSchema.features.some((f) => f.name === 'leaky')))).toBe(true);
  });

  it('records a failing candidate on the leaderboard and goes on', async () => {
    const p = await train(churnLike(), {
      target: 'label',
      maxTrials: 2,
      folds: 3,
      learners: ['gbdt'],
      candidates: [
        { name: 'broken', learner: 'gbdt', params: { num_leaves: -5 }, origin: 'portfolio' },
        { name: 'fine', learner: 'gbdt', params: { num_iterations: 30 }, origin: 'portfolio' },
      ],
    });
    const broken = p.leaderboard.find((r) => r.model === 'broken');
    expect(broken?.error).toMatch(/num_leaves/);
    expect(Number.isNaN(broken?.cv_score)).toBe(true);
    expect(p.leaderboard[0].error).toBeUndefined();
  });

  it('stays within the time limit (+5%)', async () => {
    const frame = churnLike(6, 600);
    const limit = 4;
    const t0 = performance.now();
    // Learners that honour FitOptions.timeBudgetMs; a synchronous fit cannot be pre-empted.
    await train(frame, { target: 'label', timeLimit: limit, folds: 3, seed: 1, learners: ['gbdt', 'linear'] });
    expect((performance.now() - t0) / 1000).toBeLessThanOrEqual(limit * 1.05);
  });

  it('save → load gives identical predictions', async () => {
    const frame = churnLike();
    const p = await train(frame, { target: 'label', ...quick });
    const out = join(dir, 'pred');
    await savePredictor(p, out);
    const q = await loadPredictor(out);
    expect(Array.from(q.predictProba(frame))).toEqual(Array.from(p.predictProba(frame)));
    const pred = q.predict(frame);
    expect(pred.dtype).toBe('categorical');
  });

  it('regression uses RMSE and beats the mean', async () => {
    const rng = new Rng(2);
    const rows = Array.from({ length: 300 }, () => {
      const x = rng.normal();
      // Noise keeps |corr(x, y)| below the leakage threshold (0.99): x is a feature, not a leak.
      return { x, z: rng.normal(), y: 3 * x + rng.normal() };
    });
    const p = await train(Frame.fromRows(rows), { target: 'y', ...quick });
    expect(p.state.metric).toBe('rmse');
    expect(p.leaderboard[0].cv_score).toBeLessThan(1.5); // y's std is ~3.2; the noise floor is 1
  });
});
