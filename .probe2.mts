import { readFileSync } from 'node:fs';
import { readNumericCsv, readTsvNumbers } from './test/import/numeric-csv.ts';
const dir = '/work/shared/fixtures/lightgbm/';
const name = 'vehicle';
const text = readFileSync(`${dir}${name}.model.txt`, 'utf8');
const blocks = text.split('\nTree=').slice(1).map((b) => Object.fromEntries(b.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])));
const csv = readNumericCsv(`${dir}${name}.csv`);
const raw = readTsvNumbers(`${dir}${name}.raw.txt`);
const nums = (s: string) => s.trim().split(/\s+/).map(Number);
function leafVal(b: any, x: number[]) {
  const lv = nums(b.leaf_value);
  if (Number(b.num_leaves) === 1) return lv[0];
  const f = nums(b.split_feature), th = nums(b.threshold), l = nums(b.left_child), r = nums(b.right_child);
  let n = 0; while (n >= 0) n = x[f[n]] <= th[n] ? l[n] : r[n];
  return lv[~n];
}
for (const layout of ['iter-major', 'class-major']) {
  let maxd = 0;
  for (let i = 0; i < 20; i++) {
    const x = csv.columns.slice(1).map((c) => c[i]);
    const s = [0, 0, 0, 0];
    blocks.forEach((b, t) => { const k = layout === 'iter-major' ? t % 4 : Math.floor(t / 40); s[k] += leafVal(b, x); });
    maxd = Math.max(maxd, ...s.map((v, k) => Math.abs(v - raw[i][k])));
  }
  console.log(layout, maxd);
}
// hypothesis: feature columns with sorted names? print feature names
console.log(text.split('\n').find((l) => l.startsWith('feature_names')));
console.log(readFileSync(`${dir}${name}.csv`, 'utf8').split('\n')[0]);
let accTheirs = 0, accOurs = 0;
for (let i = 0; i < raw.length; i++) {
  const x = csv.columns.slice(1).map((c) => c[i]);
  const s = [0, 0, 0, 0];
  blocks.forEach((b, t) => { s[t % 4] += leafVal(b, x); });
  const am = (a: number[]) => a.indexOf(Math.max(...a));
  if (am(raw[i]) === csv.columns[0][i]) accTheirs++;
  if (am(s) === csv.columns[0][i]) accOurs++;
}
console.log('acc theirs', accTheirs / raw.length, 'ours', accOurs / raw.length);
function accWith(mk: (i: number) => number[]) {
  let maxd = 0; let acc = 0;
  for (let i = 0; i < raw.length; i++) {
    const x = mk(i);
    const s = [0, 0, 0, 0];
    blocks.forEach((b, t) => { s[t % 4] += leafVal(b, x); });
    maxd = Math.max(maxd, ...s.map((v, k) => Math.abs(v - raw[i][k])));
  }
  return maxd;
}
console.log('left shift, last NaN', accWith((i) => [...csv.columns.slice(2).map((c) => c[i]), NaN]));
console.log('left shift, last 0', accWith((i) => [...csv.columns.slice(2).map((c) => c[i]), 0]));
console.log('right shift (label as f0)', accWith((i) => csv.columns.slice(0, 18).map((c) => c[i])));
