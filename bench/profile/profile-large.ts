/**
 * @module bench/profile/profile-large
 * `profileFrame` on a seeded in-memory table of the ingestion benchmark's shape (default 1M rows:
 * 12 whole-number, 12 float and 5 categorical columns with missing values, plus a binary
 * target), without and with the target (task inference + leakage check on a 100k-row sample).
 * Reading is left out: this times the profile alone. One run each after one warm-up.
 *
 *   npx tsx bench/profile/profile-large.ts [rows]      → bench/results/profile-large.json
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Rng } from '../../src/common/random.js';
import { categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { profileFrame } from '../../src/data/profile/profile-frame.js';
import { writeFileAtomicSync } from '../../src/io/atomic-write.js';

const n = Number(process.argv[2] ?? 1_000_000);
const rng = new Rng(1);
const columns = [];
for (let j = 0; j < 12; j++) {
  const range = 10 ** (1 + (j % 6));
  columns.push(float64Column(`int_${j}`, Float64Array.from({ length: n }, () => (rng.next() < 0.02 ? Number.NaN : Math.floor(rng.next() * range)))));
}
for (let j = 0; j < 12; j++) columns.push(float64Column(`float_${j}`, Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? Number.NaN : rng.normal()))));
[3, 12, 50, 200, 1000].forEach((levels, j) => {
  const names = Array.from({ length: levels }, (_, k) => `c${j}_level_${k}`);
  columns.push(categoricalColumn(`cat_${j}`, Int32Array.from({ length: n }, () => rng.nextInt(levels + 1) - 1), names));
});
columns.push(float64Column('y', Float64Array.from({ length: n }, () => rng.nextInt(2))));
const frame = Frame.fromColumns(columns);

const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
};
profileFrame(frame.slice(0, 10_000), { target: 'y' }); // warm-up (JIT)
const withoutTarget = time(() => profileFrame(frame));
const withTarget = time(() => profileFrame(frame, { target: 'y' }));

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let gitSha = 'unknown';
try {
  gitSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
} catch {}
const result = {
  command: `npx tsx bench/profile/profile-large.ts ${n}`,
  gitSha,
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: process.platform, loadAverage1m: Math.round(loadavg()[0] * 10) / 10 },
  rows: n,
  columns: frame.nCols,
  seconds: { profile: withoutTarget, profileWithTarget: withTarget },
  note: 'single runs on a shared machine; reading excluded',
};
writeFileAtomicSync(join(repoRoot, 'bench', 'results', 'profile-large.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`${n} rows × ${frame.nCols} columns: profile ${withoutTarget.toFixed(2)} s, with target ${withTarget.toFixed(2)} s (load ${result.machine.loadAverage1m})`);
