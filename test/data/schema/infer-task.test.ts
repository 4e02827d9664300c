import { describe, expect, it } from 'vitest';
import { Frame } from '../../../src/data/frame/frame.js';
import { categoricalColumn, datetimeColumn } from '../../../src/data/frame/column.js';
import { compareLabels, inferTask } from '../../../src/data/schema/infer-task.js';
import { DataError, type ModelwrightError } from '../../../src/errors.js';

const repeat = <T>(values: readonly T[], times: number): T[] => Array.from({ length: values.length * times }, (_, i) => values[i % values.length]);

function caught(f: () => unknown): ModelwrightError {
  try {
    f();
  } catch (e) {
    return e as ModelwrightError;
  }
  throw new Error('expected an error');
}

describe('inferTask', () => {
  it('orders numeric labels numerically: 2 before 10', () => {
    const t = inferTask(Frame.fromArrays({ y: repeat([10, 2], 5) }), 'y');
    expect(t).toMatchObject({ target: 'y', task: 'binary', classes: ['2', '10'] });
    const s = inferTask(Frame.fromColumns([categoricalColumn('y', Int32Array.from(repeat([0, 1, 2], 4)), ['10', '2', '1'])]), 'y');
    expect(s).toMatchObject({ task: 'multiclass', classes: ['1', '2', '10'] });
    expect(['b', '10', 'a', '2'].sort(compareLabels)).toEqual(['2', '10', 'a', 'b']);
  });

  it('reads two string labels as binary and more as multiclass, with sorted classes and a reason', () => {
    const b = inferTask(Frame.fromArrays({ y: repeat(['yes', 'no', null], 4) }), 'y');
    expect(b).toMatchObject({ task: 'binary', classes: ['no', 'yes'] });
    expect(b.reason).toContain('two distinct labels');
    const m = inferTask(Frame.fromArrays({ y: repeat(['cat', 'dog', 'bird'], 4) }), 'y');
    expect(m).toMatchObject({ task: 'multiclass', classes: ['bird', 'cat', 'dog'] });
  });

  it('reads numbers with two values as binary (0/1, 1/2, -1/1)', () => {
    for (const pair of [[0, 1], [1, 2], [-1, 1]]) {
      expect(inferTask(Frame.fromArrays({ y: repeat(pair, 5) }), 'y').task).toBe('binary');
    }
  });

  it('reads gapless whole-number codes from 0 or 1 as multiclass', () => {
    const t = inferTask(Frame.fromArrays({ y: repeat([1, 2, 3, 4, 5, 6, 7], 10) }), 'y');
    expect(t).toMatchObject({ task: 'multiclass', classes: ['1', '2', '3', '4', '5', '6', '7'] });
    expect(t.reason).toContain('class codes');
    expect(inferTask(Frame.fromArrays({ y: repeat([0, 1, 2], 10) }), 'y').task).toBe('multiclass');
  });

  it('reads scores, amounts and codes with gaps as regression, saying how to override', () => {
    const wine = inferTask(Frame.fromArrays({ y: repeat([3, 4, 5, 6, 7, 8, 9], 10) }), 'y');
    expect(wine.task).toBe('regression');
    expect(wine.reason).toContain('start at 3');
    expect(wine.classes).toBeUndefined();
    expect(inferTask(Frame.fromArrays({ y: repeat([0, 50, 70, 90, 100], 10) }), 'y').reason).toContain('skip values');
    expect(inferTask(Frame.fromArrays({ y: repeat([1.5, 2.25, 3], 10) }), 'y').task).toBe('regression');
    expect(inferTask(Frame.fromArrays({ y: Array.from({ length: 100 }, (_, i) => i % 30) }), 'y').task).toBe('regression');
    // Too few rows per value to believe they are classes.
    expect(inferTask(Frame.fromArrays({ y: [1, 2, 3, 4, 5, 6] }), 'y').task).toBe('regression');
  });

  it('follows the task option, checking it fits', () => {
    const codes = Frame.fromArrays({ y: repeat([3, 4, 5], 10) });
    expect(inferTask(codes, 'y', { task: 'multiclass' })).toMatchObject({ task: 'multiclass', classes: ['3', '4', '5'] });
    expect(inferTask(Frame.fromArrays({ y: repeat([0, 1], 5) }), 'y', { task: 'regression' }).task).toBe('regression');
    expect(caught(() => inferTask(codes, 'y', { task: 'binary' })).code).toBe('MW_TASK_UNSUPPORTED');
    const words = Frame.fromArrays({ y: repeat(['a', 'b', 'c'], 3) });
    expect(caught(() => inferTask(words, 'y', { task: 'regression' })).code).toBe('MW_TARGET_NOT_NUMERIC');
    const numericStrings = Frame.fromColumns([categoricalColumn('y', Int32Array.of(0, 1, 2, 0), ['1.5', '2', '7'])]);
    expect(inferTask(numericStrings, 'y', { task: 'regression' }).task).toBe('regression');
  });

  it('reports an absent target with the closest names', () => {
    const e = caught(() => inferTask(Frame.fromArrays({ churn: [0, 1], age: [1, 2] }), 'chrn'));
    expect(e).toBeInstanceOf(DataError);
    expect(e.code).toBe('MW_TARGET_NOT_FOUND');
    expect(e.message).toContain("Did you mean 'churn'?");
    expect(e.exitCode).toBe(1);
    const far = caught(() => inferTask(Frame.fromArrays({ churn: [0, 1], age: [1, 2] }), 'label'));
    expect(far.message).toContain("The data's columns are 'churn', 'age'.");
  });

  it('reports an all-missing target', () => {
    const e = caught(() => inferTask(Frame.fromArrays({ y: [null, null, null], x: [1, 2, 3] }), 'y'));
    expect(e.code).toBe('MW_TARGET_ALL_MISSING');
    expect(e.message).toContain("Every value of target 'y' is missing");
  });

  it('reports a single class', () => {
    const e = caught(() => inferTask(Frame.fromArrays({ y: ['a', 'a', null, 'a'] }), 'y'));
    expect(e.code).toBe('MW_TARGET_SINGLE_CLASS');
    expect(e.message).toContain("single distinct value ('a' in all 3 labelled rows)");
    expect(e.hint).toContain('at least two classes');
    expect(caught(() => inferTask(Frame.fromArrays({ y: [5, 5, 5] }), 'y')).code).toBe('MW_TARGET_SINGLE_CLASS');
  });

  it('rejects a date target', () => {
    const f = Frame.fromColumns([datetimeColumn('t', Float64Array.of(0, 1, 2))]);
    expect(caught(() => inferTask(f, 't')).code).toBe('MW_TASK_UNSUPPORTED');
  });
});
