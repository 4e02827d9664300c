/**
 * Modelwright side of bench/learners: fit + predict one learner on a prepared split in its
 * own process (so the peak RSS belongs to that model) and write timings, RSS and test
 * predictions as JSON — the same shape as sklearn_side.py `run`.
 *
 *   node --import tsx bench/learners/run-one.ts --dir DIR --learner rf --params '{"n_estimators":100}' --out FILE
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isClassifier } from '../../src/learners/estimator.js';
import '../../src/learners/all.js';
import { getLearner } from '../../src/learners/registry.js';
import { loadSplit } from './split-data.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, learner: { type: 'string' }, params: { type: 'string' }, out: { type: 'string' } } });
const rssMb = () => process.resourceUsage().maxRSS / 1024;
/** CPU seconds of this process (user + system): robust to other load on a shared machine. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const { train, test } = loadSplit(values.dir as string);
const def = getLearner(values.learner as string);
const est = def.create(JSON.parse(values.params ?? '{}'));
// A first, untimed fit + predict on the full training set lets V8 compile the hot loops (its
// time is reported as the cold time; its RSS rise as the model's memory). The timed fit +
// predict that follows is the warm, steady-state cost — what AutoML pays fit after fit.
// The scikit-learn side does exactly the same.
const base = rssMb();
const w0 = performance.now();
const cold = await est.fit({ X: train.X, y: train.y });
if (isClassifier(cold)) cold.predictProba(test.X);
else cold.predict(test.X);
const warmupSeconds = (performance.now() - w0) / 1000;
const coldPeak = rssMb();
// V8 needs a few runs of the cheap learners (tens of ms) before every hot function is
// optimised: repeat the untimed fit + predict while that stays under ~2 s (at most 4 more).
for (let rep = 0, spent = warmupSeconds; rep < 4 && spent < 2; rep++) {
  const r0 = performance.now();
  const m = await est.fit({ X: train.X, y: train.y });
  if (isClassifier(m)) m.predictProba(test.X);
  else m.predict(test.X);
  spent += (performance.now() - r0) / 1000;
}
const c0 = cpuSeconds();
const t0 = performance.now();
const model = await est.fit({ X: train.X, y: train.y });
const t1 = performance.now();
const c1 = cpuSeconds();
let predictions: number[] | number[][];
if (isClassifier(model)) {
  const proba = model.predictProba(test.X);
  const K = model.classes.length;
  predictions = Array.from({ length: test.X.nRows }, (_, i) => Array.from(proba.subarray(i * K, (i + 1) * K)));
} else {
  const col = model.predict(test.X);
  predictions = col.dtype === 'float64' ? Array.from(col.values) : [];
}
const t2 = performance.now();
const c2 = cpuSeconds();
writeFileSync(
  values.out as string,
  JSON.stringify({ side: 'modelwright', config: values.learner, warmupSeconds, fitSeconds: (t1 - t0) / 1000, predictSeconds: (t2 - t1) / 1000, fitCpuSeconds: c1 - c0, predictCpuSeconds: c2 - c1, baseRssMb: base, peakRssMb: Math.max(coldPeak, rssMb()), predictions }),
);
