/**
 * Modelwright side of bench/learners/unsupervised: fit and apply one unsupervised learner on
 * one benchmark case (prepared by unsupervised-data.ts) in its own process, so that peak RSS
 * belongs to it; best of `--repeats` timings; prints one JSON line — the same shape as
 * unsupervised_sklearn.py.
 *
 *   node --import tsx bench/learners/unsupervised-run.ts --case kmeans --repeats 3
 */
import { parseArgs } from 'node:util';
import { IsolationForest } from '../../src/learners/anomaly/isolation-forest.js';
import { Dbscan } from '../../src/learners/cluster/dbscan.js';
import { GaussianMixture } from '../../src/learners/cluster/gaussian-mixture.js';
import { KMeans } from '../../src/learners/cluster/kmeans.js';
import { Pca } from '../../src/learners/decomposition/pca.js';
import { rocAucScore } from '../../src/metrics/classification/roc-auc.js';
import { BENCH_CASES } from './unsupervised-cases.js';
import { loadCase } from './unsupervised-data.js';

const { values } = parseArgs({ options: { case: { type: 'string' }, repeats: { type: 'string', default: '3' } } });
const spec = BENCH_CASES.find((c) => c.name === values.case);
if (!spec) throw new Error(`unknown case ${values.case}; known: ${BENCH_CASES.map((c) => c.name).join(', ')}`);
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const PREDICT_CALLS = 5;

const { X, y } = loadCase(spec.name);
const base = rssMb();
let fitSeconds = Number.POSITIVE_INFINITY;
/** The first fit, before the JIT has warmed up: what a one-off CLI run pays. */
let firstFitSeconds = Number.NaN;
let predictSeconds = Number.POSITIVE_INFINITY;
let quality: Record<string, number> = {};
for (let r = 0; r < Number(values.repeats); r++) {
  const t0 = performance.now();
  // `apply` is what is timed as predict; `measure` (untimed) gives numbers to check that both
  // sides fitted the same thing.
  let apply: () => unknown;
  let measure: () => Record<string, number>;
  switch (spec.learner) {
    case 'kmeans': {
      const m = await new KMeans(spec.params).fit({ X });
      apply = () => m.predict(X);
      measure = () => ({ inertia: m.inertia, n_iter: m.nIter });
      break;
    }
    case 'gmm': {
      const m = await new GaussianMixture(spec.params).fit({ X });
      apply = () => m.predict(X);
      measure = () => ({ mean_log_likelihood: m.score(X), n_iter: m.history.length });
      break;
    }
    case 'dbscan': {
      const m = await new Dbscan(spec.params).fit({ X });
      apply = () => undefined;
      measure = () => ({ n_clusters: m.nClusters, noise: m.labels!.reduce((s, l) => s + (l < 0 ? 1 : 0), 0) });
      break;
    }
    case 'pca': {
      const m = await new Pca(spec.params).fit({ X });
      apply = () => m.transform(X);
      measure = () => ({ explained_variance_ratio_sum: m.explainedVarianceRatio.reduce((a, b) => a + b, 0) });
      break;
    }
    case 'iforest': {
      const m = await new IsolationForest(spec.params).fit({ X });
      apply = () => m.scoreSamples(X);
      measure = (): Record<string, number> => (y ? { roc_auc: rocAucScore(y, m.scoreSamples(X)) } : {});
      break;
    }
  }
  const t1 = performance.now();
  // Predicting takes milliseconds: best of PREDICT_CALLS calls, so one scheduling hiccup on
  // the shared machine does not decide the number.
  let predict = Number.POSITIVE_INFINITY;
  for (let call = 0; call < PREDICT_CALLS; call++) {
    const p0 = performance.now();
    apply();
    predict = Math.min(predict, (performance.now() - p0) / 1000);
  }
  quality = measure();
  if (r === 0) firstFitSeconds = (t1 - t0) / 1000;
  fitSeconds = Math.min(fitSeconds, (t1 - t0) / 1000);
  // DBSCAN has no predict in scikit-learn: only its fit is compared.
  predictSeconds = spec.learner === 'dbscan' ? Number.NaN : Math.min(predictSeconds, predict);
}
process.stdout.write(`${JSON.stringify({ side: 'modelwright', case: spec.name, rows: X.nRows, columns: X.nCols, fitSeconds, firstFitSeconds, predictSeconds: Number.isNaN(predictSeconds) ? null : predictSeconds, baseRssMb: base, peakRssMb: rssMb(), quality })}\n`);
