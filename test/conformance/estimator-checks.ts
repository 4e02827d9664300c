/**
 * The conformance suite every learner runs (scikit-learn's check_estimator idea, hono's
 * runTest shape): `runEstimatorChecks(definition, { tasks, skip })` declares one vitest test
 * per check and task. A learner's test file calls it once; skipped checks need a reason.
 */
import { describe, expect, it } from 'vitest';
import { categoricalColumn } from '../../src/data/frame/column.js';
import type { Frame } from '../../src/data/frame/frame.js';
import type { Task } from '../../src/data/schema/types.js';
import { InvalidParamError } from '../../src/errors.js';
import { type Model, isClassifier } from '../../src/learners/estimator.js';
import type { LearnerDefinition } from '../../src/learners/registry.js';
import { COLOURS, syntheticSet } from './datasets.js';

export type CheckName =
  | 'params-unchanged-by-fit'
  | 'fit-twice-same-predictions'
  | 'same-seed-same-model'
  | 'single-row-equals-batch'
  | 'save-load-round-trip'
  | 'invalid-params-rejected'
  | 'missing-values'
  | 'unseen-category'
  | 'better-than-baseline';

export interface CheckOptions {
  /** Tasks to run the checks on (defaults to the learner's supervised tags). */
  readonly tasks?: readonly Task[];
  /** Params for a small, quick fit. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Checks not run, each with the reason. */
  readonly skip?: readonly { readonly checks: readonly CheckName[]; readonly reason: string }[];
}

/** Model output as one flat array: probabilities for classifiers, values for regressors. */
export function outputOf(model: Model, X: Frame): Float64Array {
  if (isClassifier(model)) return model.predictProba(X);
  const col = model.predict(X);
  if (col.dtype === 'categorical') return Float64Array.from(col.codes);
  return Float64Array.from(col.values);
}

function replaceColour(X: Frame, row: number, code: number, categories: readonly string[]): Frame {
  const col = X.column('colour');
  if (col.dtype !== 'categorical') throw new Error('colour must be categorical');
  const codes = Int32Array.from(col.codes);
  codes[row] = code;
  return X.withColumn(categoricalColumn('colour', codes, categories));
}

export function runEstimatorChecks(def: LearnerDefinition, options: CheckOptions = {}): void {
  const tasks = options.tasks ?? (def.tags.tasks.filter((t) => t === 'binary' || t === 'multiclass' || t === 'regression') as Task[]);
  const skipped = new Map<CheckName, string>();
  for (const s of options.skip ?? []) for (const c of s.checks) skipped.set(c, s.reason);
  const params = options.params ?? {};
  const check = (name: CheckName, task: Task, fn: () => Promise<void>) => {
    const reason = skipped.get(name);
    if (reason) it.skip(`${name} (${task}) — skipped: ${reason}`, fn);
    else it(`${name} (${task})`, fn);
  };

  describe(`conformance: ${def.kind}`, () => {
    for (const task of tasks) {
      const train = syntheticSet(task, 300, 7);
      const test = syntheticSet(task, 60, 8);

      check('params-unchanged-by-fit', task, async () => {
        const est = def.create(params);
        const before = JSON.stringify(est.params);
        await est.fit(train);
        expect(JSON.stringify(est.params)).toBe(before);
      });

      check('fit-twice-same-predictions', task, async () => {
        const est = def.create(params);
        const a = await est.fit(train);
        const b = await est.fit(train);
        expect(outputOf(b, test.X)).toEqual(outputOf(a, test.X));
      });

      check('same-seed-same-model', task, async () => {
        const a = await def.create({ ...params, seed: 3 }).fit(train);
        const b = await def.create({ ...params, seed: 3 }).fit(train);
        expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
      });

      check('single-row-equals-batch', task, async () => {
        const model = await def.create(params).fit(train);
        const batch = outputOf(model, test.X);
        const width = batch.length / test.X.nRows;
        for (const r of [0, 7, 31, test.X.nRows - 1]) {
          const one = outputOf(model, test.X.slice(r, r + 1));
          expect(Array.from(one)).toEqual(Array.from(batch.subarray(r * width, (r + 1) * width)));
        }
      });

      check('save-load-round-trip', task, async () => {
        const model = await def.create(params).fit(train);
        const restored = def.load(JSON.parse(JSON.stringify(model.toJSON())));
        expect(outputOf(restored, test.X)).toEqual(outputOf(model, test.X));
        expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(model.toJSON()));
      });

      check('invalid-params-rejected', task, async () => {
        expect(() => def.create({ no_such_param_xyz: 1 })).toThrow(InvalidParamError);
        const numeric = Object.entries(def.paramSchema).find(([, s]) => s.type === 'number');
        if (numeric) expect(() => def.create({ [numeric[0]]: 'not-a-number' })).toThrow(/parameter of/);
      });

      check('missing-values', task, async () => {
        const model = await def.create(params).fit(train);
        const out = outputOf(model, test.X); // test.X has NaN in x1
        expect(out.every((v) => Number.isFinite(v))).toBe(true);
      });

      check('unseen-category', task, async () => {
        const model = await def.create(params).fit(train);
        const categories = [...COLOURS, 'violet'];
        const unseen = replaceColour(test.X, 0, COLOURS.length, categories).slice(0, 1);
        if (def.tags.unseenCategory === 'error') {
          expect(() => outputOf(model, unseen)).toThrow();
          return;
        }
        const missing = replaceColour(test.X, 0, -1, categories).slice(0, 1);
        expect(Array.from(outputOf(model, unseen))).toEqual(Array.from(outputOf(model, missing)));
      });

      check('better-than-baseline', task, async () => {
        const model = await def.create(params).fit(train);
        const y = test.y.values;
        if (isClassifier(model)) {
          const pred = model.predict(test.X);
          if (pred.dtype !== 'categorical') throw new Error('classifier predictions must be categorical');
          let hits = 0;
          for (let i = 0; i < y.length; i++) if (model.classes[pred.codes[i]] === test.y.classes?.[y[i]]) hits++;
          const counts = new Map<number, number>();
          for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
          const majority = Math.max(...counts.values()) / y.length;
          expect(hits / y.length).toBeGreaterThan(majority);
        } else {
          const pred = model.predict(test.X);
          if (pred.dtype !== 'float64') throw new Error('regressor predictions must be float64');
          const mean = y.reduce((s, v) => s + v, 0) / y.length;
          let sse = 0;
          let sst = 0;
          for (let i = 0; i < y.length; i++) (sse += (y[i] - pred.values[i]) ** 2), (sst += (y[i] - mean) ** 2);
          expect(sse).toBeLessThan(sst * 0.7);
        }
      });
    }
  });
}
