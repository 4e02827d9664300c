import { loadSplit } from './split-data.js';
import { knnLearner } from '../../src/learners/knn/index.js';
const { train, test } = loadSplit(process.argv[2]);
for (let rep = 0; rep < 6; rep++) {
  const t = performance.now();
  const m = await knnLearner.create({}).fit({ X: train.X, y: train.y });
  const t1 = performance.now();
  (m as any).predict(test.X);
  console.log(rep, (t1 - t).toFixed(1), 'ms fit', (performance.now() - t1).toFixed(1), 'ms predict');
}
