/**
 * The metric registry: every name resolves, computes the same value as the function it wraps,
 * declares a direction, and unknown names fail with the list of names and a suggestion.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { InvalidParamError } from '../../src/errors.js';
import {
  accuracyScore, f1Score, getMetric, logLoss, METRIC_ALIASES, metricNames, METRICS, metricsForTask, ndcgScore, precisionRecallFscore,
  rocAucScore, rootMeanSquaredError, type MetricArray, type MetricOptions, type MetricTask,
} from '../../src/metrics/index.js';

function data(task: MetricTask, seed = 1): { yTrue: MetricArray; pred: MetricArray; opts: MetricOptions } {
  const rng = new Rng(seed);
  const n = 60;
  if (task === 'binary') {
    const yTrue = Int32Array.from({ length: n }, () => rng.nextInt(2));
    return { yTrue, pred: Float64Array.from(yTrue, (y) => Math.min(1, Math.max(0, 0.3 * y + 0.7 * rng.next()))), opts: {} };
  }
  if (task === 'multiclass') {
    const k = 3;
    const yTrue = Int32Array.from({ length: n }, (_, i) => i % k);
    const proba = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const raw = [rng.next(), rng.next(), rng.next()];
      raw[yTrue[i]] += 0.5;
      const s = raw[0] + raw[1] + raw[2];
      for (let c = 0; c < k; c++) proba[i * k + c] = raw[c] / s;
    }
    return { yTrue, pred: proba, opts: { nClasses: k } };
  }
  if (task === 'regression') {
    const yTrue = Float64Array.from({ length: n }, () => 1 + 3 * rng.next());
    return { yTrue, pred: Float64Array.from(yTrue, (y) => y + rng.normal() * 0.3 + 0.1), opts: {} };
  }
  const yTrue = Float64Array.from({ length: n }, () => rng.nextInt(4));
  return { yTrue, pred: Float64Array.from(yTrue, (y) => y + rng.next() * 2), opts: { group: Int32Array.from({ length: n }, (_, i) => i % 6) } };
}

describe('METRICS table', () => {
  it('holds the names AutoML and evaluate use', () => {
    for (const name of ['roc_auc', 'log_loss', 'accuracy', 'balanced_accuracy', 'f1', 'f1_macro', 'precision', 'recall', 'average_precision', 'brier_score', 'mcc', 'cohen_kappa', 'rmse', 'mse', 'mae', 'r2', 'mape', 'median_absolute_error', 'pinball', 'ndcg', 'map']) {
      expect(METRICS[name], name).toBeDefined();
    }
    expect(getMetric('pr_auc').name).toBe('average_precision');
  });

  it('every metric computes a finite number on data of each of its tasks', () => {
    for (const spec of Object.values(METRICS)) {
      expect(spec.tasks.length).toBeGreaterThan(0);
      expect(typeof spec.greaterIsBetter).toBe('boolean');
      for (const task of spec.tasks) {
        const { yTrue, pred, opts } = data(task);
        const value = spec.compute(yTrue, pred, { ...opts, k: task === 'ranking' ? 5 : undefined });
        expect(Number.isFinite(value), `${spec.name} on ${task}`).toBe(true);
      }
    }
  });

  it('compute equals the function it wraps', () => {
    const b = data('binary');
    const labels = Int32Array.from(b.pred as Float64Array, (p) => (p > 0.5 ? 1 : 0));
    expect(getMetric('roc_auc').compute(b.yTrue, b.pred)).toBe(rocAucScore(b.yTrue as Int32Array, b.pred as Float64Array));
    expect(getMetric('log_loss').compute(b.yTrue, b.pred)).toBe(logLoss(b.yTrue as Int32Array, b.pred as Float64Array));
    // Label metrics accept probabilities and apply sklearn's predict rule (P > 0.5).
    expect(getMetric('f1').compute(b.yTrue, b.pred)).toBe(f1Score(b.yTrue as Int32Array, labels));
    expect(getMetric('accuracy').compute(b.yTrue, labels)).toBe(accuracyScore(b.yTrue as Int32Array, labels));
    const m = data('multiclass');
    const argmax = Int32Array.from({ length: 60 }, (_, i) => {
      const p = (m.pred as Float64Array).subarray(i * 3, i * 3 + 3);
      return p.indexOf(Math.max(...p));
    });
    expect(getMetric('f1_macro').compute(m.yTrue, m.pred)).toBe(precisionRecallFscore(m.yTrue as Int32Array, argmax, { average: 'macro' }).fscore);
    expect(getMetric('roc_auc').compute(m.yTrue, m.pred)).toBe(rocAucScore(m.yTrue as Int32Array, m.pred as Float64Array, { multiClass: 'ovr', average: 'macro' }));
    const r = data('regression');
    expect(getMetric('rmse').compute(r.yTrue, r.pred)).toBe(rootMeanSquaredError(r.yTrue as Float64Array, r.pred as Float64Array));
  });

  it('metric directions', () => {
    expect(getMetric('roc_auc').greaterIsBetter).toBe(true);
    expect(getMetric('log_loss').greaterIsBetter).toBe(false);
    expect(getMetric('rmse').greaterIsBetter).toBe(false);
    expect(getMetric('r2').greaterIsBetter).toBe(true);
    expect(getMetric('log_loss').needsProba).toBe(true);
    expect(getMetric('accuracy').needsProba).toBe(false);
  });

  it('aliases all resolve to table entries', () => {
    for (const [alias, name] of Object.entries(METRIC_ALIASES)) expect(getMetric(alias).name, alias).toBe(name);
  });

  it('metricsForTask lists the metrics of a task', () => {
    const names = metricsForTask('regression').map((s) => s.name);
    expect(names).toContain('rmse');
    expect(names).not.toContain('accuracy');
    expect(metricsForTask('multiclass').map((s) => s.name)).not.toContain('f1');
  });
});

describe('ranking names with a cutoff', () => {
  it('ndcg@k binds k', () => {
    const { yTrue, pred, opts } = data('ranking');
    const spec = getMetric('ndcg@5');
    expect(spec.name).toBe('ndcg@5');
    expect(spec.compute(yTrue, pred, opts)).toBe(ndcgScore(yTrue as Float64Array, pred as Float64Array, { ...opts, k: 5 }));
    expect(spec.compute(yTrue, pred, { ...opts, k: 1 })).toBe(spec.compute(yTrue, pred, opts));
    for (const name of ['map@3', 'precision@3', 'recall@10', 'dcg@2']) expect(getMetric(name).name).toBe(name);
  });
});

describe('unknown names', () => {
  it('throw InvalidParamError MW_PARAM_INVALID with the allowed names and a suggestion', () => {
    let err: unknown;
    try {
      getMetric('roc_aucc');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidParamError);
    const e = err as InvalidParamError;
    expect(e.code).toBe('MW_PARAM_INVALID');
    expect(e.message).toMatch(/^Unknown metric 'roc_aucc'\. Must be one of: accuracy, /);
    expect(e.message).toMatch(/Did you mean 'roc_auc'/);
    expect(e.details.allowed).toEqual(metricNames());
  });

  it('suggest the @k form for a misspelt ranking metric', () => {
    expect(() => getMetric('ndgc@5')).toThrow(/Did you mean 'ndcg@k'/);
  });
});
