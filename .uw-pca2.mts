import { readData } from './src/data/ingest/index.js';
import { Pca } from './src/learners/decomposition/pca.js';
const f = await readData('/work/shared/datasets/covertype_subset.csv', { limitRows: 50000 });
const X = f.drop(['Cover_Type']);
const m = await new Pca({ n_components: 10, svd_solver: 'full' }).fit({ X });
let bm = Infinity, bp = Infinity;
for (let r = 0; r < 25; r++) {
  let t = performance.now();
  const M = m.preprocessor.matrix(X);
  const t1 = performance.now();
  m.project(M, X.nRows);
  const t2 = performance.now();
  bm = Math.min(bm, t1 - t); bp = Math.min(bp, t2 - t1);
}
console.log('best matrix', bm.toFixed(1), 'best project', bp.toFixed(1));
