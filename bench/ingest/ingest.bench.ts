/**
 * @module bench/ingest/ingest.bench
 * Ingestion against pandas: a seeded 1,000,000-row × 29-column CSV (12 integer, 12 float and
 * 5 categorical columns with 3–1000 levels, missing values in most) is generated in a temp
 * folder; `readData` into a Frame and `pandas.read_csv` each read it once to warm up and then
 * three times, best time kept, each in its own process so peak RSS is its own. Target: our
 * best time ≤ 0.3 × pandas'. Results: bench/results/ingest.json and ingest.md.
 *
 * Run: npx tsx bench/ingest/ingest.bench.ts [--rows N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { generateCsv } from './generate-csv.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const PYTHON = '/usr/bin/python3';
const TARGET_RATIO = 0.3;

interface SideResult {
  times: number[];
  cpu: number[];
  peakRssMB: number;
  shape: { rows: number; columns: number; dtypes: Record<string, number> };
  pandas?: string;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function machine() {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let sha = 'unknown';
  try {
    sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return { cpuModel: model, cores: cpus().length, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version, gitSha: sha };
}

function runJson(cmd: string, args: string[]): SideResult {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as SideResult;
}

const rows = arg('--rows', 1_000_000);
const runs = 3;
const dir = mkdtempSync(join(tmpdir(), 'mw-bench-ingest-'));
try {
  const csv = join(dir, 'bench.csv');
  console.log(`generating ${rows} rows into ${csv} …`);
  const gen = await generateCsv(csv, rows, 42);
  const load0 = loadavg();

  console.log('modelwright readData …');
  const ours = runJson(process.execPath, ['--import', 'tsx', join(here, 'read-child.ts'), csv, String(runs)]);
  console.log(`  best ${Math.min(...ours.times).toFixed(3)} s`);

  let pandas: SideResult | undefined;
  if (existsSync(PYTHON)) {
    console.log('pandas.read_csv …');
    pandas = runJson(PYTHON, [join(here, 'read-pandas.py'), csv, String(runs)]);
    console.log(`  best ${Math.min(...pandas.times).toFixed(3)} s`);
  } else console.log(`skipping pandas: ${PYTHON} not found`);

  const best = Math.min(...ours.times);
  const pandasBest = pandas ? Math.min(...pandas.times) : undefined;
  const ratio = pandasBest ? best / pandasBest : undefined;
  const result = {
    benchmark: 'ingest',
    command: 'npx tsx bench/ingest/ingest.bench.ts',
    date: new Date().toISOString(),
    machine: { ...machine(), loadAverageAtStart: load0.map((x) => Math.round(x * 100) / 100), loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    data: { rows, columns: gen.columns, bytes: gen.bytes, seed: 42, description: '12 int, 12 float, 5 categorical (3/12/50/200/1000 levels); 2–5% missing in most columns' },
    method: `one warm-up read, then best of ${runs}; each side in its own process (peak RSS = maxRSS of that process)`,
    modelwright: { bestSeconds: best, seconds: ours.times, cpuSeconds: ours.cpu, peakRssMB: Math.round(ours.peakRssMB), shape: ours.shape },
    pandas: pandas
      ? { version: pandas.pandas, bestSeconds: pandasBest, seconds: pandas.times, cpuSeconds: pandas.cpu, peakRssMB: Math.round(pandas.peakRssMB), shape: pandas.shape }
      : null,
    ratio,
    target: TARGET_RATIO,
    meetsTarget: ratio === undefined ? null : ratio <= TARGET_RATIO,
  };
  const outDir = join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  await writeFileAtomic(join(outDir, 'ingest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const f = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(3));
  const md = `# Ingestion benchmark

\`${result.command}\` — ${result.date}

| | best of ${runs} (s) | all runs (s) | CPU s per run | peak RSS (MB) |
|---|---|---|---|---|
| modelwright \`readData\` → Frame | ${f(best)} | ${ours.times.map(f).join(', ')} | ${ours.cpu.map(f).join(', ')} | ${result.modelwright.peakRssMB} |
| pandas ${pandas?.pandas ?? ''} \`read_csv\` | ${f(pandasBest)} | ${pandas?.times.map(f).join(', ') ?? 'n/a'} | ${pandas?.cpu.map(f).join(', ') ?? 'n/a'} | ${result.pandas?.peakRssMB ?? 'n/a'} |

**Ratio (ours / pandas): ${ratio === undefined ? 'n/a' : ratio.toFixed(3)}** — target ≤ ${TARGET_RATIO}: ${result.meetsTarget ? 'met' : 'not met'}.

- Data: ${rows.toLocaleString('en-US')} rows × ${gen.columns} columns, ${(gen.bytes / 1e6).toFixed(0)} MB CSV, seed 42 (${result.data.description}).
- Frame: ${JSON.stringify(ours.shape.dtypes)}; pandas: ${JSON.stringify(pandas?.shape.dtypes ?? {})}.
- Method: ${result.method}.
- Machine: ${result.machine.cpuModel}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}; load average ${result.machine.loadAverageAtStart.join(' / ')} at start, ${result.machine.loadAverageAtEnd.join(' / ')} at end.
- Git: ${result.machine.gitSha}.
`;
  await writeFileAtomic(join(outDir, 'ingest.md'), md);
  console.log(md);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
