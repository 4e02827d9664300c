/**
 * bench/learners/unsupervised: fit and predict time and peak memory of Modelwright's k-means
 * (Lloyd, Elkan, mini-batch), Gaussian mixture (full, diag), DBSCAN, PCA and isolation forest
 * against scikit-learn on the same data with the same parameters (unsupervised-cases.ts).
 * Each (case, side) runs in its own process, sides alternating, best of --repeats timings;
 * memory is the peak RSS above the process's RSS after loading the data.
 * Writes bench/results/unsupervised.json and .md with the command, git SHA and machine facts.
 *
 *   node --import tsx bench/learners/unsupervised.bench.ts [--repeats 3] [--cases kmeans-lloyd,pca]
 *
 * Target: no case slower than 2× scikit-learn. scikit-learn uses both cores (OpenMP/BLAS);
 * Modelwright's unsupervised learners run on one thread.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { commandLine, machineFacts, machineLine, repoRoot } from '../common/machine.js';
import { BENCH_CASES } from './unsupervised-cases.js';
import { CACHE_DIR, prepareCase } from './unsupervised-data.js';

interface SideResult {
  side: string;
  case: string;
  rows: number;
  columns: number;
  fitSeconds: number;
  firstFitSeconds: number;
  predictSeconds: number | null;
  baseRssMb: number;
  peakRssMb: number;
  quality: Record<string, number>;
}

const PYTHON = '/usr/bin/python3';
const here = new URL('.', import.meta.url).pathname;
const root = repoRoot;
const { values } = parseArgs({ options: { repeats: { type: 'string', default: '3' }, cases: { type: 'string' }, merge: { type: 'boolean', default: false } } });
const wanted = values.cases ? new Set(values.cases.split(',')) : undefined;
const cases = BENCH_CASES.filter((c) => !wanted || wanted.has(c.name));
const casesJson = JSON.stringify(BENCH_CASES);

const run = (cmd: string, args: string[]): SideResult => {
  const text = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(text.trim().split('\n').at(-1)!) as SideResult;
};
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8' }).trim();

for (const c of cases) await prepareCase(c);
// Taken before the runs: the load average says how busy the shared machine was.
const facts = machineFacts();
const rows: { case: string; ours: SideResult; sklearn: SideResult; measuredAt: string; load: number[] }[] = [];
for (const c of cases) {
  process.stderr.write(`${c.name} … `);
  const before = machineFacts();
  const ours = run(process.execPath, ['--import', 'tsx', join(here, 'unsupervised-run.ts'), '--case', c.name, '--repeats', values.repeats!]);
  const sklearn = run(PYTHON, [join(here, 'unsupervised_sklearn.py'), '--case', c.name, '--cases-json', casesJson, '--cache-dir', CACHE_DIR, '--repeats', values.repeats!]);
  rows.push({ case: c.name, ours, sklearn, measuredAt: before.date, load: before.loadAverage });
  process.stderr.write(`fit ${ours.fitSeconds.toFixed(3)}s vs ${sklearn.fitSeconds.toFixed(3)}s\n`);
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const fresh = rows.map((r) => ({
  case: r.case,
  measured_at: r.measuredAt,
  load_average: r.load,
  rows: r.ours.rows,
  columns: r.ours.columns,
  params: cases.find((c) => c.name === r.case)!.params,
  fit_seconds: { modelwright: r.ours.fitSeconds, sklearn: r.sklearn.fitSeconds, ratio: ratio(r.ours.fitSeconds, r.sklearn.fitSeconds) },
  first_fit_seconds: { modelwright: r.ours.firstFitSeconds, sklearn: r.sklearn.firstFitSeconds, ratio: ratio(r.ours.firstFitSeconds, r.sklearn.firstFitSeconds) },
  predict_seconds: { modelwright: r.ours.predictSeconds, sklearn: r.sklearn.predictSeconds, ratio: ratio(r.ours.predictSeconds, r.sklearn.predictSeconds) },
  memory_mb: { modelwright: r.ours.peakRssMb - r.ours.baseRssMb, sklearn: r.sklearn.peakRssMb - r.sklearn.baseRssMb },
  quality: { modelwright: r.ours.quality, sklearn: r.sklearn.quality },
}));
// --merge: keep the other cases of the previous result file, replacing only those re-run.
type CaseResult = (typeof fresh)[number];
const previous: CaseResult[] = values.merge && existsSync(join(root, 'bench', 'results', 'unsupervised.json')) ? (JSON.parse(readFileSync(join(root, 'bench', 'results', 'unsupervised.json'), 'utf8')).results as CaseResult[]) : [];
const results = BENCH_CASES.map((c) => fresh.find((r) => r.case === c.name) ?? previous.find((r) => r.case === c.name)).filter((r): r is CaseResult => r !== undefined);
const report = {
  command: `${commandLine()}${values.merge ? ' (merged into the previous results)' : ''}`,
  git_dirty: sh('git', ['status', '--porcelain']).length > 0,
  machine: facts,
  python: sh(PYTHON, ['-c', 'import sys, sklearn, numpy; print(sys.version.split()[0], sklearn.__version__, numpy.__version__)']),
  notes: [
    'Best of --repeats timings per process; each (case, side) in its own process, the two sides one after the other. first fit = the first repetition (V8 not yet warmed up: what a one-off command pays). Each case records when it ran and the load average then; cases re-run with --merge replace their earlier rows.',
    'Fit and predict include preprocessing on both sides (StandardScaler inside a scikit-learn pipeline; Modelwright models standardise internally). Isolation forest: raw values on both sides.',
    'predict = predict / transform / score_samples on the training rows; DBSCAN has no predict in scikit-learn and is compared on fit only.',
    'memory_mb = peak RSS during fit + predict minus RSS after loading the data (both sides load the same raw float64 file, so no parser inflates the baseline), per process.',
    'scikit-learn uses both cores (OpenMP, BLAS); Modelwright runs these learners on one thread. The machine is shared: see the load average, taken before the runs.',
  ],
  results,
};

const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
await writeFileAtomic(join(dir, 'unsupervised.json'), `${JSON.stringify(report, null, 2)}\n`);
const f = (v: number | null, digits = 3) => (v === null ? '—' : v.toFixed(digits));
const q = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toPrecision(6)}`).join(', ');
const md = [
  '# Unsupervised learners vs scikit-learn',
  '',
  `Command: \`${report.command}\`  `,
  `Machine: ${machineLine(facts)}${report.git_dirty ? ' (working tree with uncommitted changes)' : ''}  `,
  `Python / scikit-learn / numpy: ${report.python}`,
  '',
  '| case | rows × cols | fit s (MW / sk / ratio) | first fit s (MW / sk) | predict s (MW / sk / ratio) | memory MB (MW / sk) | quality MW | quality sk | load (1 min) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.case} | ${r.rows} × ${r.columns} | ${f(r.fit_seconds.modelwright)} / ${f(r.fit_seconds.sklearn)} / ${f(r.fit_seconds.ratio, 2)} | ${f(r.first_fit_seconds.modelwright)} / ${f(r.first_fit_seconds.sklearn)} | ${f(r.predict_seconds.modelwright)} / ${f(r.predict_seconds.sklearn)} / ${f(r.predict_seconds.ratio, 2)} | ${f(r.memory_mb.modelwright, 1)} / ${f(r.memory_mb.sklearn, 1)} | ${q(r.quality.modelwright)} | ${q(r.quality.sklearn)} | ${r.load_average?.[0] ?? '—'} |`,
  ),
  '',
  ...report.notes.map((n) => `- ${n}`),
  '',
].join('\n');
await writeFileAtomic(join(dir, 'unsupervised.md'), md);
process.stderr.write(`wrote bench/results/unsupervised.json and .md\n`);
