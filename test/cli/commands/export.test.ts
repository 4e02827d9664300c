/**
 * `modelwright export` end to end (in-process): a registered model by reference to ONNX (run
 * with onnxruntime-node) and to JSON; tampered and unsupported inputs refused.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

let dir: string;
let csv: string;
const saved = process.env.MODELWRIGHT_HOME;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mw-export-cli-'));
  process.env.MODELWRIGHT_HOME = join(dir, 'home');
  csv = join(dir, 'd.csv');
  const rows = ['size,shape,label'];
  for (let i = 0; i < 90; i++) rows.push(`${i % 13 === 0 ? '' : (i % 17) / 3},${['round', 'square', 'star'][i % 3]},${(i % 17) / 3 + (i % 3) > 4 ? 'big' : 'small'}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
  const r = await runCli('fit', csv, '--target', 'label', '--learner', 'gbdt', '--param', 'num_iterations=5', '--param', 'min_data_in_leaf=3', '--name', 'shapes');
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => {
  if (saved === undefined) delete process.env.MODELWRIGHT_HOME;
  else process.env.MODELWRIGHT_HOME = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('modelwright export', () => {
  it('writes ONNX from a registry reference, runnable by onnxruntime', async () => {
    const out = join(dir, 'shapes.onnx');
    const r = await runCli('export', 'shapes@1', '--format', 'onnx', '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ format: 'onnx', kind: 'gbdt', registered: 'shapes@1' });
    const session = await ort.InferenceSession.create(readFileSync(out));
    expect([...session.inputNames].sort()).toEqual(['shape', 'size']);
    const res = await session.run({ size: new ort.Tensor('float64', Float64Array.from([0.5, Number.NaN]), [2, 1]), shape: new ort.Tensor('string', ['star', 'unknown'], [2, 1]) });
    expect(res.probabilities.dims).toEqual([2, 2]);
    expect(['big', 'small']).toContain((res.label.data as string[])[0]);
  });

  it('writes the plain JSON model file, and refuses a tampered artifact', async () => {
    const out = join(dir, 'shapes.json');
    expect((await runCli('export', 'shapes', '--format', 'json', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('modelwright-model');
    const show = (await runCli('models', 'show', 'shapes', '--json')).json();
    appendFileSync(show.artifact.path, '\n');
    const bad = await runCli('export', 'shapes', '--format', 'onnx', '--out', join(dir, 'x.onnx'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('MW_MODEL_CHECKSUM');
    expect(bad.stderr).toContain(show.artifact.path);
  });

  it('rejects unknown formats', async () => {
    const r = await runCli('export', join(dir, 'shapes.json'), '--format', 'pmml', '--out', join(dir, 'x'));
    expect(r.code).toBe(2);
  });
});
