/**
 * @module monitor/drift/drift-options
 * Drift settings, their defaults, and the choice of test per column — Evidently's default
 * algorithm (evidently/calculations/stattests/registry.py `_get_default_stattest`; docs:
 * "Data drift algorithm", docs.evidentlyai.com/reference/data-drift-algorithm):
 *
 *   small samples (≤ 1000 rows)   numeric with > 5 values: two-sample KS, p < 0.05
 *                                 categorical (or ≤ 5 values): χ², p < 0.05; two values: z-test
 *   larger samples                numeric with > 5 values: Wasserstein normed by the reference
 *                                 std, ≥ 0.1; categorical (or ≤ 5 values): Jensen–Shannon ≥ 0.1
 *   dataset                       drifted when the share of drifted columns ≥ 0.5
 *
 * One deliberate difference: Evidently decides "small" on the reference's size. Our reference
 * is the whole training set, usually large, so a small live window would then always get a
 * distance whose noise at small n exceeds the 0.1 threshold; we decide on the smaller of the
 * two samples (`sizeBasis: 'smaller'`), which is Evidently's rule whenever the window is at
 * least as large as the reference. `sizeBasis: 'reference'` restores Evidently's rule exactly.
 */
import { InvalidParamError } from '../../errors.js';

export const DRIFT_TESTS = ['ks', 'wasserstein', 'psi', 'jensenshannon', 'chisquare', 'z'] as const;
export type DriftTestName = (typeof DRIFT_TESTS)[number];

/** Tests that give a p-value (drift when p < threshold); the others are distances (drift when ≥ threshold). */
export const P_VALUE_TESTS: ReadonlySet<DriftTestName> = new Set(['ks', 'chisquare', 'z']);

/** Evidently's default thresholds: 0.05 for p-values, 0.1 for distances and PSI. */
export const DEFAULT_THRESHOLDS: Readonly<Record<DriftTestName, number>> = { ks: 0.05, chisquare: 0.05, z: 0.05, wasserstein: 0.1, jensenshannon: 0.1, psi: 0.1 };

const NUMERIC_TESTS: readonly DriftTestName[] = ['ks', 'wasserstein', 'psi', 'jensenshannon'];
const CATEGORICAL_TESTS: readonly DriftTestName[] = ['chisquare', 'z', 'jensenshannon', 'psi'];

export interface DriftOptions {
  /** Test for numeric columns; 'auto' (default) picks by sample size. */
  readonly numericTest?: 'auto' | DriftTestName;
  /** Test for categorical columns; 'auto' (default) picks by sample size and cardinality. */
  readonly categoricalTest?: 'auto' | DriftTestName;
  /** Threshold per test (p-value level or distance). */
  readonly thresholds?: Partial<Record<DriftTestName, number>>;
  /** Per-column test and/or threshold. */
  readonly features?: Readonly<Record<string, { readonly test?: DriftTestName; readonly threshold?: number }>>;
  /** Largest sample (rows) that gets a statistical test instead of a distance; default 1000. */
  readonly smallSampleLimit?: number;
  /** Which sample size decides: the smaller of reference and current (default) or the reference's (Evidently). */
  readonly sizeBasis?: 'smaller' | 'reference';
  /** Share of drifted columns at or above which the dataset has drifted; default 0.5. */
  readonly driftShare?: number;
  /** Correction of p-value tests across columns: Benjamini–Hochberg (default) or none. */
  readonly multipleTesting?: 'benjamini-hochberg' | 'none';
  /** Quantile bins for PSI and Jensen–Shannon on numbers; default 20. */
  readonly bins?: number;
  /** Absolute change of a column's missing share that is flagged; default 0.05. */
  readonly missingShift?: number;
  /** Share of current values in categories the reference never had that is flagged; default 0.05. */
  readonly newCategoryShare?: number;
  /** Text: rise of the out-of-vocabulary token share that is flagged as vocabulary drift; default 0.1. */
  readonly vocabularyShift?: number;
}

export type ResolvedDriftOptions = Required<Omit<DriftOptions, 'thresholds' | 'features'>> & {
  readonly thresholds: Readonly<Record<DriftTestName, number>>;
  readonly features: NonNullable<DriftOptions['features']>;
};

function bad(what: string, got: unknown): InvalidParamError {
  return new InvalidParamError('MW_MONITOR_CONFIG', `Drift option ${what}. Got ${JSON.stringify(got)} instead.`);
}

function checkTest(name: string, test: unknown, allowed: readonly string[]): void {
  if (test !== undefined && !allowed.includes(String(test))) throw bad(`'${name}' must be one of ${allowed.join(', ')}`, test);
}

/** Fill defaults and validate (MW_MONITOR_CONFIG on a bad value). */
export function resolveDriftOptions(o: DriftOptions = {}): ResolvedDriftOptions {
  checkTest('numericTest', o.numericTest, ['auto', ...NUMERIC_TESTS]);
  checkTest('categoricalTest', o.categoricalTest, ['auto', ...CATEGORICAL_TESTS]);
  for (const [k, v] of Object.entries(o.thresholds ?? {})) {
    checkTest(`thresholds.${k}`, k, DRIFT_TESTS);
    if (typeof v !== 'number' || !(v > 0)) throw bad(`'thresholds.${k}' must be a number > 0`, v);
  }
  for (const [name, f] of Object.entries(o.features ?? {})) {
    checkTest(`features.${name}.test`, f.test, DRIFT_TESTS);
    if (f.threshold !== undefined && !(f.threshold > 0)) throw bad(`'features.${name}.threshold' must be a number > 0`, f.threshold);
  }
  const share = o.driftShare ?? 0.5;
  if (!(share > 0 && share <= 1)) throw bad("'driftShare' must be in (0, 1]", share);
  const limit = o.smallSampleLimit ?? 1000;
  if (!(limit >= 0)) throw bad("'smallSampleLimit' must be ≥ 0", limit);
  const bins = o.bins ?? 20;
  if (!Number.isInteger(bins) || bins < 2) throw bad("'bins' must be an integer ≥ 2", bins);
  checkTest('sizeBasis', o.sizeBasis, ['smaller', 'reference']);
  checkTest('multipleTesting', o.multipleTesting, ['benjamini-hochberg', 'none']);
  return {
    numericTest: o.numericTest ?? 'auto',
    categoricalTest: o.categoricalTest ?? 'auto',
    thresholds: { ...DEFAULT_THRESHOLDS, ...(o.thresholds ?? {}) },
    features: o.features ?? {},
    smallSampleLimit: limit,
    sizeBasis: o.sizeBasis ?? 'smaller',
    driftShare: share,
    multipleTesting: o.multipleTesting ?? 'benjamini-hochberg',
    bins,
    missingShift: o.missingShift ?? 0.05,
    newCategoryShare: o.newCategoryShare ?? 0.05,
    vocabularyShift: o.vocabularyShift ?? 0.1,
  };
}

/**
 * The test and threshold for a column. `numeric` columns with at most 5 distinct values (in
 * reference and current together) are tested like categorical ones, as Evidently does.
 */
export function chooseTest(
  o: ResolvedDriftOptions, name: string, kind: 'numeric' | 'categorical', nRef: number, nCur: number, nValues: number,
): { test: DriftTestName; threshold: number } {
  const own = o.features[name];
  const asCategorical = kind === 'categorical' || nValues <= 5;
  let test = own?.test;
  if (!test) {
    const chosen = kind === 'numeric' ? o.numericTest : o.categoricalTest;
    if (chosen !== 'auto') test = chosen;
    else {
      const n = o.sizeBasis === 'reference' ? nRef : Math.min(nRef, nCur);
      const small = n <= o.smallSampleLimit;
      if (!asCategorical) test = small ? 'ks' : 'wasserstein';
      else test = small ? (nValues > 2 ? 'chisquare' : 'z') : 'jensenshannon';
    }
  }
  return { test, threshold: own?.threshold ?? o.thresholds[test] };
}
