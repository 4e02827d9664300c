/**
 * ONNX export checked against onnxruntime-node: for every exportable family (gbdt, rf,
 * extratrees, linear) on slices of shared datasets with categorical columns and missing
 * values (binary: adult, multiclass: car, regression: california_housing), the exported graph
 * fed the raw feature columns gives our probabilities / values within 1e-5 and our labels.
 * Scoring rows get extra damage — NaN numbers, missing and never-seen categories — so every
 * missing-value path of the graph is exercised.
 */
import { existsSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { readData } from '../../src/data/ingest/index.js';
import { modelToOnnx } from '../../src/export/onnx/model-to-onnx.js';
import { featureFrame } from '../../src/fit/feature-frame.js';
import { fitLearner } from '../../src/fit/fit-learner.js';
import { type Model, isClassifier } from '../../src/learners/estimator.js';

const DATA = '/work/shared/datasets';
const have = existsSync(`${DATA}/adult.csv`);

/** Why 1e-5: both sides compute in double; only summation order differs (≈1e-15). */
const TOL = 1e-5;

const CASES = [
  { file: 'adult.csv', target: 'class', rows: 600 },
  { file: 'car.csv', target: 'class', rows: 500 },
  { file: 'california_housing.csv', target: 'median_house_value', rows: 600 },
] as const;

const LEARNERS: Record<string, Record<string, unknown>> = {
  gbdt: { num_iterations: 25, num_leaves: 15, min_data_in_leaf: 5 },
  rf: { n_estimators: 15 },
  extratrees: { n_estimators: 15 },
  linear: {},
};

/** NaN every 7th number, missing every 5th category, an unseen category every 11th row. */
function damaged(X: Frame): Frame {
  return Frame.fromColumns(
    X.columns.map((c, j) => {
      if (c.dtype === 'categorical') {
        const categories = [...c.categories, 'never-seen'];
        const codes = Int32Array.from(c.codes, (v, i) => ((i + j) % 5 === 0 ? -1 : (i + j) % 11 === 0 ? categories.length - 1 : v));
        return categoricalColumn(c.name, codes, categories);
      }
      return float64Column(c.name, Float64Array.from(c.values, (v, i) => ((i + j) % 7 === 0 ? Number.NaN : v)));
    }),
  );
}

function feeds(model: Model, X: Frame, numeric: 'double' | 'float' = 'double'): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const f of model.inputSchema.features) {
    const c = X.column(f.name);
    if (f.kind === 'categorical') {
      if (c.dtype !== 'categorical') throw new Error('expected categorical');
      out[f.name] = new ort.Tensor('string', Array.from(c.codes, (k) => (k < 0 ? '' : c.categories[k])), [X.nRows, 1]);
    } else {
      const v = c.dtype === 'categorical' ? new Float64Array(X.nRows) : c.values;
      out[f.name] = numeric === 'double' ? new ort.Tensor('float64', Float64Array.from(v), [X.nRows, 1]) : new ort.Tensor('float32', Float32Array.from(v), [X.nRows, 1]);
    }
  }
  return out;
}

async function runOnnx(bytes: Uint8Array, input: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes);
  return session.run(input);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe.skipIf(!have)('ONNX export vs onnxruntime-node', () => {
  const frames = new Map<string, Frame>();
  beforeAll(async () => {
    for (const c of CASES) frames.set(c.file, (await readData(`${DATA}/${c.file}`)).slice(0, c.rows));
  });

  for (const c of CASES) {
    for (const [learner, params] of Object.entries(LEARNERS)) {
      it(`${learner} on ${c.file}`, async () => {
        const frame = frames.get(c.file)!;
        const { model, schema } = await fitLearner(frame, { target: c.target, learner, params, seed: 1 });
        const X = damaged(featureFrame(frame, schema).X);
        expect(model.inputSchema.features.some((f) => f.kind === 'categorical')).toBe(true);
        const result = await runOnnx(modelToOnnx(model), feeds(model, X));
        if (isClassifier(model)) {
          const ours = model.predictProba(X);
          const theirs = result.probabilities.data as Float64Array;
          expect(result.probabilities.dims).toEqual([X.nRows, model.classes.length]);
          expect(maxAbsDiff(ours, theirs)).toBeLessThan(TOL);
          const labels = model.predict(X);
          if (labels.dtype !== 'categorical') throw new Error('labels');
          expect(Array.from(result.label.data as string[])).toEqual(Array.from(labels.codes, (k) => labels.categories[k]));
        } else {
          const ours = model.predict(X);
          if (ours.dtype !== 'float64') throw new Error('values');
          const theirs = result.prediction.data as Float64Array;
          // Regression values are house prices (~1e5): compare relative to their scale.
          expect(maxAbsDiff(ours.values, theirs) / Math.max(1, ...Array.from(ours.values, Math.abs))).toBeLessThan(TOL);
        }
      });
    }
  }

  it('declares float inputs when asked (cast to double inside the graph)', async () => {
    const frame = frames.get('car.csv')!;
    const { model, schema } = await fitLearner(frame, { target: 'class', learner: 'linear', seed: 1 });
    const X = damaged(featureFrame(frame, schema).X);
    const result = await runOnnx(modelToOnnx(model, { numericInput: 'float' }), feeds(model, X, 'float'));
    if (!isClassifier(model)) throw new Error('classifier expected');
    expect(maxAbsDiff(model.predictProba(X), result.probabilities.data as Float64Array)).toBeLessThan(TOL);
  });

  it('refuses kinds it cannot export', async () => {
    const frame = frames.get('car.csv')!;
    const { model } = await fitLearner(frame, { target: 'class', learner: 'knn', seed: 1 });
    expect(() => modelToOnnx(model)).toThrow(expect.objectContaining({ code: 'MW_EXPORT_UNSUPPORTED' }));
  });
});
