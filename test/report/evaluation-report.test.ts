/**
 * The evaluation and explanation reports: self-contained HTML (no script, no network
 * reference), escaped labels, every section present; then rendered in headless Chromium
 * (Debian's, through playwright-core): no console errors, no requests, charts laid out, a
 * non-blank screenshot. Skipped with a reason when /usr/bin/chromium is absent.
 * Set MW_SAVE_SCREENSHOT=1 to keep the screenshot in bench/results/evaluate-report-test.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { Frame } from '../../src/data/frame/frame.js';
import { evaluateModel } from '../../src/evaluate/evaluate-model.js';
import { loadSavedModel } from '../../src/evaluate/saved-model-ref.js';
import { explainTable } from '../../src/explain/explain-table.js';
import { fitLearner } from '../../src/fit/fit-learner.js';
import { saveFittedModel } from '../../src/fit/saved-model.js';
import { renderEvaluationReport } from '../../src/report/evaluation/evaluation-report.js';
import { renderExplainReport } from '../../src/report/explain/explain-report.js';
import { chromiumMissing, screenshotPage } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'mw-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let evalHtml = '';
let explainHtml = '';

function table(n = 300): Frame {
  const rng = new Rng(8);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const income = 20 + 60 * rng.next();
    const debt = rng.next() < 0.1 ? null : 40 * rng.next();
    const region = ['north', 'south', '<east & west>'][rng.nextInt(3)];
    const group = rng.next() < 0.35 ? 'g1' : 'g2';
    const z = 0.08 * (income - 50) - 0.06 * ((debt ?? 20) - 20) + (group === 'g2' ? 0.5 : 0) + 0.6 * rng.normal();
    rows.push({ income, debt, region, group, approved: z > 0 ? 'approve' : 'deny' });
  }
  return Frame.fromRows(rows);
}

beforeAll(async () => {
  const data = table();
  const fit = await fitLearner(data, { target: 'approved', learner: 'gbdt', params: { num_iterations: 30 } });
  const path = join(dir, 'model.json');
  await saveFittedModel(path, fit.model, { target: 'approved', task: fit.task, schema: fit.schema, dropped: fit.dropped, trainRows: fit.trainRows });
  const ref = await loadSavedModel(path);
  const evaluation = evaluateModel(ref, data, { sensitive: ['group'], bootstrap: 100, mitigate: 'demographic_parity' });
  const explanation = await explainTable(ref, data, { rows: 4, sampleRows: 200, repeats: 2, plots: true, threads: 1 });
  evalHtml = renderEvaluationReport({ evaluation, explanation, model: 'model.json', data: 'loans <2024>.csv', learner: 'gbdt' });
  explainHtml = renderExplainReport({ explanation, model: 'model.json', data: 'loans.csv' });
});

describe('evaluation report HTML', () => {
  it('is self-contained and escapes labels', () => {
    for (const page of [evalHtml, explainHtml]) {
      expect(page).not.toMatch(/<script|<link |@import|url\(http/i);
      expect(page).not.toMatch(/(src|href)="https?:/);
      expect(page).not.toContain('NaN');
    }
    expect(evalHtml).toContain('loans &lt;2024&gt;.csv');
    expect(evalHtml).not.toContain('<east & west>');
  });

  it('has every section', () => {
    for (const s of ['All metrics', 'Confusion matrix', 'ROC curve', 'Precision–recall curve', 'Calibration', 'Fairness', 'Metrics per group', 'Mitigated variant', 'SHAP summary', 'Mean |SHAP value|', 'Permutation importance', 'Dependence plots', 'Partial dependence', '95% CI']) {
      expect(evalHtml).toContain(s);
    }
  });
});

const missing = chromiumMissing();
describe.skipIf(missing !== null)(`evaluation report in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('renders without errors or requests, with charts and a non-blank screenshot', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, evalHtml);
    const png = process.env.MW_SAVE_SCREENSHOT ? join(import.meta.dirname, '..', '..', 'bench', 'results', 'evaluate-report-test.png') : join(dir, 'report.png');
    const check = await screenshotPage(file, png);
    expect(check.errors).toEqual([]);
    expect(check.external).toEqual([]);
    expect(check.title).toBe('Evaluation: model.json');
    expect(check.chartWidths.length).toBeGreaterThanOrEqual(10);
    for (const w of check.chartWidths) expect(w).toBeGreaterThan(100);
    // A blank page of this height compresses to a few KB; charts and text make it far larger.
    expect(check.pngBytes).toBeGreaterThan(100_000);
  }, 60_000);
});
