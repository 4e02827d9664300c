import { readFileSync } from 'node:fs';
import { importModel } from './src/import/import-model.ts';
import { frameOf, readNumericCsv } from './test/import/numeric-csv.ts';
const dir = '/work/shared/fixtures/lightgbm/';
const name = 'vehicle';
const text = readFileSync(`${dir}${name}.model.txt`, 'utf8');
const blocks = text.split('\nTree=').slice(1).map((b) => Object.fromEntries(b.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])));
const csv = readNumericCsv(`${dir}${name}.csv`);
const x = csv.columns.slice(1).map((c) => c[0]);
const nums = (s: string) => s.trim().split(/\s+/).map(Number);
const sums = [0, 0, 0, 0];
blocks.forEach((b: any, t) => {
  const lv = nums(b.leaf_value);
  if (Number(b.num_leaves) === 1) { sums[t % 4] += lv[0]; return; }
  const f = nums(b.split_feature), th = nums(b.threshold), l = nums(b.left_child), r = nums(b.right_child);
  let n = 0;
  while (n >= 0) n = x[f[n]] <= th[n] ? l[n] : r[n];
  sums[t % 4] += lv[~n];
});
console.log('manual', sums);
const { model } = await importModel(`${dir}${name}.model.txt`, { format: 'lightgbm' });
const g: any = model;
const X = frameOf(g.inputSchema.features.map((f: any) => f.name), csv.columns.slice(1));
console.log('ours', Array.from(g.predictRaw(X).slice(0, 4)));
console.log(blocks.length, blocks[0].num_leaves, g.numTrees, g.trees[0].numLeaves);
import { readTsvNumbers } from './test/import/numeric-csv.ts';
const raw = readTsvNumbers(`${dir}${name}.raw.txt`);
for (let it = 1; it <= 40; it++) {
  const r = Array.from(g.predictRaw(X, { numIteration: it }).slice(0, 4)) as number[];
  const d = Math.max(...r.map((v, k) => Math.abs(v - raw[0][k])));
  if (d < 1e-3) console.log('match at', it, d);
}
console.log('expected', raw[0]);
// try shifted features: use columns 0..17 (including label) 
const X2 = frameOf(g.inputSchema.features.map((f: any) => f.name), csv.columns.slice(0, 18));
console.log('shift', Array.from(g.predictRaw(X2).slice(0, 4)));
const ours = g.predictRaw(X);
const n = raw.length;
for (const target of [0, 1, 2]) {
  let best = -1, bd = Infinity;
  for (let i = 0; i < n; i++) { const d = Math.max(...[0,1,2,3].map((k) => Math.abs(ours[i*4+k] - raw[target][k]))); if (d < bd) { bd = d; best = i; } }
  console.log('expected row', target, 'closest our row', best, bd);
}
console.log(n, X.nRows);
