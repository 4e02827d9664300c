/**
 * @module bench/profile/profile-all
 * `modelwright profile` over every dataset of ../shared/datasets/manifest.json: reads each file
 * (DuckDB), profiles it with its manifest target (task inference, leakage check included) and
 * checks the row and column counts against the manifest. One pass, one process: the machine is
 * shared, so read the seconds as orders of magnitude.
 *
 *   npx tsx bench/profile/profile-all.ts      → bench/results/profile-all.md and profile-all.json
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseSource, readData } from '../../src/data/ingest/index.js';
import { profileFrame } from '../../src/data/profile/profile-frame.js';
import { writeFileAtomicSync } from '../../src/io/atomic-write.js';

interface Entry {
  name: string;
  file: string;
  task: string;
  target: string;
  rows: number;
  columns: number;
  bytes?: number;
}

interface Row {
  name: string;
  file: string;
  rows: number;
  columns: number;
  manifestRows: number;
  manifestColumns: number;
  match: boolean;
  task: string | null;
  manifestTask: string;
  warnings: string[];
  readSeconds: number;
  profileSeconds: number;
  error?: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const datasets = join(repoRoot, '..', 'shared', 'datasets');
const manifestPath = join(datasets, 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No manifest at ${manifestPath}: nothing to profile.`);
  process.exit(1);
}
const manifest: Entry[] = JSON.parse(readFileSync(manifestPath, 'utf8'));

function gitSha(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const rows: Row[] = [];
for (const d of manifest) {
  const base = { name: d.name, file: d.file, manifestRows: d.rows, manifestColumns: d.columns, manifestTask: d.task };
  const t0 = performance.now();
  try {
    const frame = await readData(parseSource(join(datasets, d.file)));
    const t1 = performance.now();
    const p = profileFrame(frame, { target: d.target });
    const t2 = performance.now();
    const row: Row = {
      ...base,
      rows: p.rows,
      columns: p.columnCount,
      match: p.rows === d.rows && p.columnCount === d.columns,
      task: p.target?.task ?? null,
      warnings: p.warnings.map((w) => w.code),
      readSeconds: (t1 - t0) / 1000,
      profileSeconds: (t2 - t1) / 1000,
    };
    rows.push(row);
    console.log(`${d.name.padEnd(34)} ${String(row.rows).padStart(7)} × ${String(row.columns).padStart(4)}  read ${row.readSeconds.toFixed(2)} s  profile ${row.profileSeconds.toFixed(2)} s  ${row.match ? 'ok' : 'MISMATCH'}`);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    rows.push({ ...base, rows: 0, columns: 0, match: false, task: null, warnings: [], readSeconds: (performance.now() - t0) / 1000, profileSeconds: 0, error });
    console.log(`${d.name.padEnd(34)} FAILED: ${error}`);
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: process.platform,
  loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
};
const command = 'npx tsx bench/profile/profile-all.ts';
const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
const summary = {
  command,
  gitSha: gitSha(),
  date: new Date().toISOString(),
  machine,
  datasets: rows.length,
  matching: rows.filter((r) => r.match).length,
  taskMatches: rows.filter((r) => ['binary', 'multiclass', 'regression'].includes(r.manifestTask) && r.task === r.manifestTask).length,
  taskChecked: rows.filter((r) => ['binary', 'multiclass', 'regression'].includes(r.manifestTask)).length,
  readSeconds: sum((r) => r.readSeconds),
  profileSeconds: sum((r) => r.profileSeconds),
  results: rows,
};

const fmt = (s: number) => s.toFixed(3);
const md = [
  '# `modelwright profile` on every shared dataset',
  '',
  `Command: \`${command}\` · git ${summary.gitSha.slice(0, 12)} · ${summary.date}`,
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage1m} at the end (a shared machine: read the seconds as orders of magnitude).`,
  '',
  `Rows and columns equal the manifest's for **${summary.matching} of ${summary.datasets}** datasets; inferred task equals the manifest's for ${summary.taskMatches} of ${summary.taskChecked} classification/regression datasets.`,
  `Total: read ${summary.readSeconds.toFixed(1)} s, profile ${summary.profileSeconds.toFixed(1)} s (target = the manifest's target; leakage check included).`,
  '',
  '| dataset | rows | cols | manifest rows × cols | match | task (manifest) | read s | profile s | warnings |',
  '|---|---:|---:|---|:-:|---|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.rows} | ${r.columns} | ${r.manifestRows} × ${r.manifestColumns} | ${r.match ? '✓' : '✗'} | ${r.task ?? '–'} (${r.manifestTask}) | ${fmt(r.readSeconds)} | ${fmt(r.profileSeconds)} | ${
        r.error ? `error: ${r.error.replace(/\|/g, '\\|')}` : [...new Set(r.warnings)].join(', ')
      } |`,
  ),
  '',
].join('\n');

const results = join(repoRoot, 'bench', 'results');
writeFileAtomicSync(join(results, 'profile-all.md'), md);
writeFileAtomicSync(join(results, 'profile-all.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\n${summary.matching}/${summary.datasets} match the manifest; wrote bench/results/profile-all.md and profile-all.json`);
process.exitCode = summary.matching === summary.datasets ? 0 : 1;
