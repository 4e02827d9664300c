/**
 * @module learners/anomaly/params
 * The parameters of the isolation forest, declared once with scikit-learn's names and
 * defaults (IsolationForest), plus `seed` (alias `random_state`).
 */
import { InvalidParamError } from '../../errors.js';
import { defineParams, type ParamsOf } from '../../params/schema.js';

export const ISOLATION_FOREST_PARAMS = defineParams({
  n_estimators: { type: 'number', default: 100, integer: true, min: 1, description: 'Number of isolation trees.' },
  max_samples: {
    type: 'number',
    default: 256,
    min: 0,
    minExclusive: true,
    description: 'Rows drawn for each tree: a count (capped at the row count; default 256), or a fraction of the rows when ≤ 1.',
  },
  max_features: { type: 'number', default: 1, min: 0, minExclusive: true, description: 'Encoded columns drawn for each tree: a fraction when ≤ 1 (default all), else a count.' },
  contamination: { type: 'string', default: 'auto', description: "Expected share of anomalies, in (0, 0.5]: rows above that quantile of the score are flagged; 'auto' flags scores above 0.5 (the original paper's threshold)." },
  bootstrap: { type: 'boolean', default: false, description: 'Draw each tree\'s rows with replacement.' },
  seed: { type: 'number', default: 0, integer: true, min: 0, aliases: ['random_state'], description: 'Seed of the row, column and split draws.' },
});
export type IsolationForestParams = ParamsOf<typeof ISOLATION_FOREST_PARAMS>;

/** 'auto' or the contamination as a number in (0, 0.5]; an InvalidParamError otherwise. */
export function parseContamination(raw: string | number): 'auto' | number {
  if (raw === 'auto') return 'auto';
  const v = typeof raw === 'number' ? raw : raw.trim() === '' ? Number.NaN : Number(raw);
  if (!(v > 0 && v <= 0.5)) {
    throw new InvalidParamError('MW_PARAM_INVALID', `The 'contamination' parameter of isolation_forest must be 'auto' or a number in (0, 0.5]. Got '${raw}' instead.`, {
      details: { param: 'contamination', allowed: "'auto' or (0, 0.5]", got: raw },
      hint: "Give the expected share of anomalies, e.g. 0.01, or 'auto'.",
    });
  }
  return v;
}
