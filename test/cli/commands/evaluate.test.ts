/**
 * `modelwright evaluate` end to end (in-process main()): --json keys and values equal the
 * metrics module applied to the model's own predictions (an independent path: predictFrame),
 * bootstrap interval, --positive, --sensitive with fairness and --mitigate, regression
 * residuals, multiclass, --html, and each bad input with its exit status.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readData } from '../../../src/data/ingest/index.js';
import { predictFrame } from '../../../src/fit/predict-frame.js';
import { loadFittedModel } from '../../../src/fit/saved-model.js';
import { encodeTarget } from '../../../src/learners/target.js';
import { accuracyScore, averagePrecisionScore, brierScoreLoss, f1Score, logLoss, precisionScore, r2Score, recallScore, rocAucScore, rootMeanSquaredError } from '../../../src/metrics/index.js';
import { runCli } from '../run-cli.js';
import { type EvalFiles, writeEvalCsvs } from './evaluate-data.js';

let f: EvalFiles;
const model = (name: string) => join(f.dir, `${name}.json`);
beforeAll(async () => {
  f = writeEvalCsvs();
  for (const [name, csv, target, learner] of [['gbdt-binary', f.binary, 'label', 'gbdt'], ['rf-multi', f.multiclass, 'tier', 'rf'], ['linear-reg', f.regression, 'amount', 'linear']] as const) {
    const r = await runCli('fit', csv, '--target', target, '--learner', learner, '--param', learner === 'gbdt' ? 'num_iterations=30' : learner === 'rf' ? 'n_estimators=10' : 'alpha=1', '--out', model(name), '--quiet');
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => rmSync(f.dir, { recursive: true, force: true }));

/** Labels, P(good) and predicted labels through the model's own predict path. */
async function reference(path: string, csv: string) {
  const { model: m, meta } = await loadFittedModel(path);
  const data = await readData(csv);
  const preds = predictFrame(m, data, meta.schema);
  const y = Int32Array.from(encodeTarget(data.column(meta.target), meta.task.task, meta.task.classes).values);
  const p1 = (preds.column('proba_good') as { values: Float64Array }).values;
  const pred = Int32Array.from(p1, (p) => (p > 0.5 ? 1 : 0));
  return { y, p1, pred };
}

describe('modelwright evaluate (binary)', () => {
  it('--json: sklearn metric names whose values equal the metrics module', async () => {
    const r = await runCli('evaluate', model('gbdt-binary'), f.binary, '--json', '--bootstrap', '200');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ task: 'binary', n: 300, target: 'label', classes: ['bad', 'good'], positive: 'good', headline: 'roc_auc' });
    expect(Object.keys(j.metrics)).toEqual(['roc_auc', 'log_loss', 'accuracy', 'balanced_accuracy', 'f1', 'precision', 'recall', 'average_precision', 'brier_score', 'mcc', 'cohen_kappa', 'ece']);
    const { y, p1, pred } = await reference(model('gbdt-binary'), f.binary);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-12);
    close(j.metrics.roc_auc, rocAucScore(y, p1));
    close(j.metrics.log_loss, logLoss(y, p1));
    close(j.metrics.accuracy, accuracyScore(y, pred));
    close(j.metrics.f1, f1Score(y, pred));
    close(j.metrics.precision, precisionScore(y, pred));
    close(j.metrics.recall, recallScore(y, pred));
    close(j.metrics.average_precision, averagePrecisionScore(y, p1));
    close(j.metrics.brier_score, brierScoreLoss(y, p1));
    const iv = j.intervals.headline;
    expect(iv).toMatchObject({ metric: 'roc_auc', level: 0.95, n_boot: 200 });
    expect(iv.low).toBeLessThanOrEqual(j.metrics.roc_auc);
    expect(iv.high).toBeGreaterThanOrEqual(j.metrics.roc_auc);
    expect(j.confusion_matrix.labels).toEqual(['bad', 'good']);
    expect(j.confusion_matrix.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(300);
    expect(j.curves.roc.fpr[0]).toBe(0);
    expect(j.curves.roc.tpr.at(-1)).toBe(1);
    expect(j.curves.calibration.prob_true.length).toBeGreaterThan(2);
  });

  it('--positive bad: class-specific metrics refer to the other class', async () => {
    const r = await runCli('evaluate', model('gbdt-binary'), f.binary, '--json', '--positive', 'bad', '--bootstrap', '0');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    const { y, p1, pred } = await reference(model('gbdt-binary'), f.binary);
    const flip = (a: Int32Array) => Int32Array.from(a, (v) => 1 - v);
    expect(j.positive).toBe('bad');
    expect(j.metrics.precision).toBeCloseTo(precisionScore(flip(y), flip(pred)), 12);
    expect(j.metrics.roc_auc).toBeCloseTo(rocAucScore(y, p1), 12);
    expect(j.intervals).toEqual({});
  });

  it('--sensitive: per-group metrics, parity gaps, and a mitigated variant', async () => {
    const r = await runCli('evaluate', model('gbdt-binary'), f.binary, '--json', '--sensitive', 'sex', '--mitigate', 'demographic_parity', '--bootstrap', '0');
    expect(r.code, r.stderr).toBe(0);
    const fair = r.json().fairness.sex;
    expect(Object.keys(fair)).toEqual(expect.arrayContaining(['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'groups', 'warnings', 'mitigated']));
    expect(fair.groups.map((g: any) => g.group).sort()).toEqual(['f', 'm']);
    expect(fair.groups.reduce((s: number, g: any) => s + g.n, 0)).toBe(300);
    for (const g of fair.groups) expect(Object.keys(g)).toEqual(expect.arrayContaining(['group', 'n', 'selection_rate', 'accuracy', 'tpr', 'fpr', 'auc']));
    const sel = fair.groups.map((g: any) => g.selection_rate);
    expect(fair.demographic_parity_difference).toBeCloseTo(Math.max(...sel) - Math.min(...sel), 12);
    expect(fair.mitigated.constraint).toBe('demographic_parity');
    expect(fair.mitigated.fairness.demographic_parity_difference).toBeLessThan(fair.demographic_parity_difference + 1e-9);
  });

  it('--html writes a self-contained report', async () => {
    const html = join(f.dir, 'eval.html');
    const r = await runCli('evaluate', model('gbdt-binary'), f.binary, '--html', html, '--sensitive', 'sex', '--bootstrap', '50', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/<script|<link |@import/i);
    for (const s of ['ROC curve', 'Confusion matrix', 'Calibration', 'Fairness', 'SHAP summary', 'Permutation importance', 'Dependence plots']) expect(text).toContain(s);
  });
});

describe('modelwright evaluate (multiclass, regression)', () => {
  it('multiclass: macro metrics, a K × K confusion matrix, per-class ROC', async () => {
    const r = await runCli('evaluate', model('rf-multi'), f.multiclass, '--json', '--bootstrap', '20', '--sensitive', 'sex');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.classes).toEqual(['high', 'low', 'mid']);
    expect(j.headline).toBe('log_loss');
    expect(j.confusion_matrix.matrix).toHaveLength(3);
    expect(Object.keys(j.curves.roc_per_class)).toEqual(['high', 'low', 'mid']);
    expect(j.fairness.sex.groups[0].selection_rates).toBeDefined();
  });

  it('regression: rmse, r2 … equal the metrics module; residuals', async () => {
    const r = await runCli('evaluate', model('linear-reg'), f.regression, '--json', '--bootstrap', '50');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    const { model: m, meta } = await loadFittedModel(model('linear-reg'));
    const data = await readData(f.regression);
    const pred = (predictFrame(m, data, meta.schema).column('prediction') as { values: Float64Array }).values;
    const y = encodeTarget(data.column('amount'), 'regression').values;
    expect(j.metrics.rmse).toBeCloseTo(rootMeanSquaredError(y, pred), 12);
    expect(j.metrics.r2).toBeCloseTo(r2Score(y, pred), 12);
    expect(j.residuals.summary.n).toBe(300);
    expect(j.residuals.points.predicted).toHaveLength(300);
    expect(j.intervals.headline.metric).toBe('rmse');
  });
});

describe('modelwright evaluate: bad input', () => {
  it('a missing model file → exit 1, MW_MODEL_NOT_FOUND', async () => {
    const r = await runCli('evaluate', join(f.dir, 'nope.json'), f.binary, '--json');
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('MW_MODEL_NOT_FOUND');
  });

  it('data without the target column → exit 1 with a suggestion', async () => {
    const r = await runCli('evaluate', model('gbdt-binary'), f.unlabelled);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MW_TARGET_NOT_FOUND');
    expect(r.stderr).toContain("Did you mean 'labels'?");
  });

  it('an unknown --positive class or --bootstrap value → exit 2', async () => {
    expect((await runCli('evaluate', model('gbdt-binary'), f.binary, '--positive', 'maybe')).code).toBe(2);
    expect((await runCli('evaluate', model('gbdt-binary'), f.binary, '--bootstrap', '-1')).code).toBe(2);
    expect((await runCli('evaluate', model('gbdt-binary'), f.binary, '--mitigate', 'fairness')).code).toBe(2);
  });

  it('an unknown --sensitive column → exit 1 naming close columns', async () => {
    const r = await runCli('evaluate', model('gbdt-binary'), f.binary, '--sensitive', 'sx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'sx'");
    expect(existsSync(model('gbdt-binary'))).toBe(true);
  });
});
