import { importModel } from './src/import/import-model.ts';
import { frameOf, readNumericCsv, readTsvNumbers } from './test/import/numeric-csv.ts';
const dir = '/work/shared/fixtures/lightgbm/';
const name = 'synth_cat_missing';
const { model } = await importModel(`${dir}${name}.model.txt`, { format: 'lightgbm' });
const g: any = model;
const csv = readNumericCsv(`${dir}${name}.csv`);
const X = frameOf(g.inputSchema.features.map((f: any) => f.name), csv.columns.slice(1));
const raw = readTsvNumbers(`${dir}${name}.raw.txt`).flat();
const ours = g.predictRaw(X);
let bad = 0; const pat: Record<string, number> = {};
let accT = 0, accO = 0;
for (let i = 0; i < raw.length; i++) {
  const y = csv.columns[0][i];
  if ((raw[i] > 0 ? 1 : 0) === y) accT++; if ((ours[i] > 0 ? 1 : 0) === y) accO++;
  if (Math.abs(ours[i] - raw[i]) > 1e-6) {
    bad++;
    const key = csv.columns.slice(1).map((c) => (Number.isNaN(c[i]) ? 'N' : '.')).join('');
    pat[key] = (pat[key] ?? 0) + 1;
  }
}
const allpat: Record<string, number> = {};
for (let i = 0; i < raw.length; i++) { const key = csv.columns.slice(1).map((c) => (Number.isNaN(c[i]) ? 'N' : '.')).join(''); allpat[key] = (allpat[key] ?? 0) + 1; }
console.log('bad', bad, raw.length, pat, allpat, 'acc theirs', accT / raw.length, 'ours', accO / raw.length);
const cols2 = csv.columns.slice(1).map((c, j) => (j === 4 ? c.map((v) => (Number.isNaN(v) ? 0 : v)) : c));
const X2 = frameOf(g.inputSchema.features.map((f: any) => f.name), cols2);
const o2 = g.predictRaw(X2);
let bad2 = 0; for (let i = 0; i < raw.length; i++) if (Math.abs(o2[i] - raw[i]) > 1e-9) bad2++;
console.log('NaN->0 in k1: bad', bad2);
