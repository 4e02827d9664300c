/** Parameters: LightGBM names and aliases, unknown names with suggestions, ranges in messages. */
import { describe, expect, it } from 'vitest';
import { InvalidParamError } from '../../../src/errors.js';
import { GbdtEstimator } from '../../../src/learners/gbdt/index.js';
import { synthetic } from './synthetic.js';

function caught(fn: () => unknown): InvalidParamError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidParamError) return e;
    throw e;
  }
  throw new Error('expected an InvalidParamError');
}

describe('gbdt params', () => {
  it('has LightGBM defaults', () => {
    const p = GbdtEstimator.create().params;
    expect(p).toMatchObject({ num_leaves: 31, learning_rate: 0.1, num_iterations: 100, min_data_in_leaf: 20, min_sum_hessian_in_leaf: 1e-3, max_bin: 255, max_cat_to_onehot: 4 });
  });

  it('accepts aliases and strings from the command line', () => {
    const p = GbdtEstimator.create({ eta: '0.05', n_estimators: '7', max_leaves: 15, colsample_bytree: 0.5, subsample: 0.8, subsample_freq: 1, reg_lambda: 2, min_child_samples: 5, n_jobs: 2 }).params;
    expect(p).toMatchObject({ learning_rate: 0.05, num_iterations: 7, num_leaves: 15, feature_fraction: 0.5, bagging_fraction: 0.8, bagging_freq: 1, lambda_l2: 2, min_data_in_leaf: 5, num_threads: 2 });
  });

  it('rejects an unknown name with the closest known one', () => {
    const e = caught(() => GbdtEstimator.create({ num_leafs: 10 }));
    expect(e.code).toBe('MW_PARAM_UNKNOWN');
    expect(e.message).toContain("Did you mean 'num_leaf'");
  });

  it('rejects an out-of-range value naming the range', () => {
    const e = caught(() => GbdtEstimator.create({ learning_rate: -1 }));
    expect(e.code).toBe('MW_PARAM_INVALID');
    expect(e.message).toBe("The 'learning_rate' parameter of gbdt must be a number in (0, inf). Got -1 instead.");
    expect(caught(() => GbdtEstimator.create({ num_leaves: 1 })).message).toContain('an integer in [2, 131072]');
    expect(caught(() => GbdtEstimator.create({ bagging_fraction: 1.5 })).message).toContain('a number in (0, 1]');
    expect(caught(() => GbdtEstimator.create({ objective: 'hinge' })).message).toContain("one of 'auto'");
  });

  it('withParams validates and leaves the original untouched', () => {
    const a = GbdtEstimator.create({ num_leaves: 7 });
    const b = a.withParams({ num_leaves: 9 });
    expect(a.params.num_leaves).toBe(7);
    expect(b.params.num_leaves).toBe(9);
    expect(() => a.withParams({ num_leaves: 0 })).toThrow(InvalidParamError);
  });

  it('rejects an objective that does not suit the task, and unknown metrics', async () => {
    const d = synthetic({ n: 100, task: 'regression' });
    await expect(GbdtEstimator.create({ objective: 'binary' }).fit(d)).rejects.toThrow(/does not suit a regression target/);
    await expect(GbdtEstimator.create({ metric: 'aucc' }).fit(synthetic({ n: 100 }), { evalSet: synthetic({ n: 50 }) })).rejects.toThrow(/unknown metric 'aucc'.*Did you mean 'auc'/);
  });
});
