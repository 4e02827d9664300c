/**
 * Model cards: Markdown and HTML from a saved model with a data fingerprint, profile and
 * evaluation (fairness included); every section present, labels escaped, and defaults when
 * only the model is known.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { fingerprintFrame } from '../../src/data/fingerprint.js';
import { Frame } from '../../src/data/frame/frame.js';
import { profileFrame } from '../../src/data/profile/profile-frame.js';
import { evaluateModel } from '../../src/evaluate/evaluate-model.js';
import { loadSavedModel } from '../../src/evaluate/saved-model-ref.js';
import { fitLearner } from '../../src/fit/fit-learner.js';
import { saveFittedModel } from '../../src/fit/saved-model.js';
import { DEFAULT_INTENDED_USE, modelCardInput, renderModelCard } from '../../src/report/model-card.js';

const dir = mkdtempSync(join(tmpdir(), 'mw-card-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function table(): Frame {
  const rng = new Rng(2);
  return Frame.fromRows(Array.from({ length: 200 }, () => {
    const x = rng.normal();
    const team = rng.next() < 0.5 ? 'a|b' : 'c';
    return { x, constant: 1, team, y: x + (team === 'c' ? 0.5 : 0) + 0.3 * rng.normal() > 0 ? 'hi' : 'lo' };
  }));
}

describe('renderModelCard', () => {
  it('writes every section from a fitted model, its data and an evaluation', async () => {
    const data = table();
    const fit = await fitLearner(data, { target: 'y', learner: 'gbdt', params: { num_iterations: 10 } });
    const path = join(dir, 'm.json');
    await saveFittedModel(path, fit.model, { target: 'y', task: fit.task, schema: fit.schema, dropped: fit.dropped, trainRows: fit.trainRows, seed: 4 });
    const ref = await loadSavedModel(path);
    const fingerprint = fingerprintFrame(data, fit.schema);
    const evaluation = evaluateModel(ref, data, { sensitive: ['team'], bootstrap: 50 });
    const input = modelCardInput(ref, { fingerprint, profile: profileFrame(data, { target: 'y' }), evaluation, dataSource: 'train.csv', evaluatedOn: 'the training rows (optimistic)' });
    const { markdown, html } = renderModelCard(input);
    for (const s of ['## Model details', '## Intended use', '## Training data', '## Metrics', '## Fairness', '## Limitations and warnings', '## Parameters', '## Version and lineage']) expect(markdown).toContain(s);
    expect(markdown).toContain(fingerprint.sha256);
    expect(markdown).toContain(DEFAULT_INTENDED_USE);
    expect(markdown).toContain('| roc_auc |');
    expect(markdown).toContain('a\\|b'); // a pipe in a label is escaped in tables
    expect(markdown).toMatch(/constant/); // the constant column's profile warning is a limitation
    expect(markdown).toContain('| num_iterations | 10 |');
    expect(markdown).toContain('| seed | 4 |');
    expect(html).toContain('<!doctype html>');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toContain(fingerprint.sha256);
    expect(html).toContain('Fairness');
  });

  it('works from the model alone, saying what was not evaluated', async () => {
    const data = table();
    const fit = await fitLearner(data, { target: 'y', learner: 'linear' });
    const path = join(dir, 'l.json');
    await saveFittedModel(path, fit.model, { target: 'y', task: fit.task, schema: fit.schema, dropped: fit.dropped, trainRows: fit.trainRows });
    const { markdown } = renderModelCard(modelCardInput(await loadSavedModel(path), { intendedUse: 'Ranking leads for follow-up calls.' }));
    expect(markdown).toContain('Ranking leads for follow-up calls.');
    expect(markdown).toContain('Not evaluated yet');
    expect(markdown).toContain('Fairness was not evaluated');
  });
});
