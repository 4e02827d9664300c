import { readData } from './src/data/ingest/index.js';
import { Preprocessor } from './src/learners/unsupervised/preprocess.js';
const f = await readData('/work/shared/datasets/covertype_subset.csv', { limitRows: 50000 });
const X = f.drop(['Cover_Type']);
for (let r = 0; r < 5; r++) {
  let t = performance.now();
  const p = Preprocessor.fit(X, { standardize: true });
  const t1 = performance.now();
  const M = p.matrix(X);
  const t2 = performance.now();
  console.log('fit', (t1 - t).toFixed(1), 'matrix', (t2 - t1).toFixed(1), M.length);
}
