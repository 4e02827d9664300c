import { readData } from './src/data/ingest/index.js';
import { Pca } from './src/learners/decomposition/pca.js';
const f = await readData('/work/shared/datasets/covertype_subset.csv', { limitRows: 50000 });
const X = f.drop(['Cover_Type']);
const m = await new Pca({ n_components: 10, svd_solver: 'full' }).fit({ X });
for (let r = 0; r < 6; r++) {
  const c0 = process.cpuUsage(); let t = performance.now();
  const M = m.preprocessor.matrix(X);
  const t1 = performance.now();
  m.project(M, X.nRows);
  const t2 = performance.now(); const cu = process.cpuUsage(c0);
  console.log('matrix', (t1 - t).toFixed(1), 'project', (t2 - t1).toFixed(1), 'cpu', (cu.user / 1000).toFixed(1));
}
