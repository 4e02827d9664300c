/**
 * The report screenshot in bench/results: fit a GBDT on credit-g (/work/shared/datasets),
 * evaluate it with fairness across `personal_status` and `foreign_worker` (plus the
 * demographic-parity threshold variant) and explanations, write the HTML report, and take a
 * full-page screenshot with Debian's headless Chromium (test/report/browser.ts). Prints the
 * console errors and external requests it saw (both must be empty).
 *
 * Run: npx tsx bench/explain/report-screenshot.ts   → bench/results/evaluate-report.png
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readData } from '../../src/data/ingest/index.js';
import { evaluateModel } from '../../src/evaluate/evaluate-model.js';
import { loadSavedModel } from '../../src/evaluate/saved-model-ref.js';
import { explainTable } from '../../src/explain/explain-table.js';
import { fitLearner } from '../../src/fit/fit-learner.js';
import { saveFittedModel } from '../../src/fit/saved-model.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { renderEvaluationReport } from '../../src/report/evaluation/evaluation-report.js';
import { chromiumMissing, screenshotPage } from '../../test/report/browser.js';

const here = new URL('.', import.meta.url).pathname;
const csv = '/work/shared/datasets/credit_g.csv';
const missing = chromiumMissing();
if (missing) throw new Error(missing);
const dir = mkdtempSync(join(tmpdir(), 'mw-report-shot-'));
try {
  const data = await readData(csv);
  // Train on the first 700 rows, evaluate on the other 300 (an honest hold-out).
  const train = data.slice(0, 700);
  const test = data.slice(700);
  const fit = await fitLearner(train, { target: 'class', learner: 'gbdt', params: { num_iterations: 80, learning_rate: 0.05, num_leaves: 15 }, seed: 1 });
  const path = join(dir, 'credit-g-gbdt.json');
  await saveFittedModel(path, fit.model, { target: 'class', task: fit.task, schema: fit.schema, dropped: fit.dropped, trainRows: fit.trainRows, seed: 1 });
  const ref = await loadSavedModel(path);
  const evaluation = evaluateModel(ref, test, { sensitive: ['personal_status', 'foreign_worker'], mitigate: 'demographic_parity', seed: 0 });
  const explanation = await explainTable(ref, test, { rows: 0, sampleRows: 300, repeats: 3, plots: true });
  const html = join(dir, 'report.html');
  await writeFileAtomic(html, renderEvaluationReport({ evaluation, explanation, model: 'credit-g-gbdt.json', data: 'credit_g.csv (rows 701–1000, held out)', learner: 'gbdt', generatedAt: new Date() }));
  const png = join(here, '..', 'results', 'evaluate-report.png');
  const check = await screenshotPage(html, png, 1200);
  // Keep the committed image small: a 256-colour palette is lossless enough for flat charts.
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import sys; from PIL import Image; p = sys.argv[1]; Image.open(p).convert("RGB").quantize(256).save(p, optimize=True)', png]);
  } catch {
    // No PIL: keep the full-colour PNG.
  }
  process.stdout.write(`${JSON.stringify({ png, bytes: statSync(png).size, ...check, chartWidths: check.chartWidths.length }, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
