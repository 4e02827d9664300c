/**
 * Renders bench/results/learners.md from the bench result object: how it was run, then one
 * table per dataset (quality side by side with the noise band, time, peak memory).
 */
import type { Row } from './learners.bench.js';

export interface BenchResult {
  readonly command: string;
  readonly startedAt: string;
  readonly gitSha: string | null;
  readonly gitDirty: boolean;
  readonly node: string;
  readonly python: { python: string; sklearn: string; numpy: string };
  readonly cpu: string;
  readonly cores: number;
  readonly loadAverageBefore: number[];
  readonly loadAverageAfter: number[];
  readonly rows: readonly Row[];
  readonly failures: readonly { dataset: string; config: string; error: string }[];
}

const f = (v: number, d = 4) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
const s = (v: number) => (v < 10 ? v.toFixed(3) : v.toFixed(1));

export function renderMarkdown(r: BenchResult): string {
  const lines = [
    '# Learners vs scikit-learn',
    '',
    `Command: \`${r.command}\`  `,
    `Run: ${r.startedAt}, git ${r.gitSha ?? 'unknown'}${r.gitDirty ? ' (with uncommitted changes)' : ''}  `,
    `Node ${r.node}; Python ${r.python.python}, scikit-learn ${r.python.sklearn}, numpy ${r.python.numpy}  `,
    `CPU: ${r.cpu}, ${r.cores} cores (shared); load average before ${r.loadAverageBefore.map((v) => v.toFixed(1)).join('/')}, after ${r.loadAverageAfter.map((v) => v.toFixed(1)).join('/')}`,
    '',
    'Both sides fit on the same 75/25 split (written once by `sklearn_side.py prepare`, seeded), each',
    'model in its own process, single-threaded on both sides (n_jobs=1; OPENBLAS/OMP/MKL_NUM_THREADS=1',
    'for scikit-learn). Each process first fits + predicts on the full split untimed (its wall time is the',
    '"cold" column), repeats that while the untimed runs stay under ~2 s (at most 4 more: V8 optimises',
    'the hot functions of the cheap learners only after a few runs), then times one more fit + predict:',
    'the warm, steady-state cost that AutoML pays fit after fit. Both sides do the same. Times are fit and predict only,',
    'as CPU seconds (user + system of the process: robust to the other work on this shared machine) and',
    'wall seconds; "CPU ×" = Modelwright / scikit-learn CPU time of fit + predict, the ratio judged',
    'against 2×. "Band" is the 95% paired-bootstrap interval of (Modelwright − scikit-learn) on the',
    'primary metric over the test rows; "within noise" means the band contains 0 or Modelwright is better.',
    'Peak RSS is the whole process (interpreter, data and models); "+MB" is its rise above the RSS after loading the data.',
    '',
  ];
  for (const dataset of [...new Set(r.rows.map((x) => x.dataset))]) {
    const rows = r.rows.filter((x) => x.dataset === dataset);
    lines.push(`## ${dataset} (${rows[0].task}; metric ${rows[0].metric})`, '');
    lines.push('| learner | scikit-learn counterpart | Modelwright | scikit-learn | band | within noise | fit CPU s (MW / sk) | predict CPU s (MW / sk) | CPU × | wall × | cold wall s (MW / sk) | peak RSS MB (+MB) MW / sk |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const x of rows) {
      const m = x.metric;
      lines.push(
        `| ${x.config} | ${x.sklearnModel} | ${f(x.modelwright.scores[m])} | ${f(x.sklearn.scores[m])} | [${f(x.differenceBand[0])}, ${f(x.differenceBand[1])}] | ${x.withinNoise ? 'yes' : '**no**'} | ${s(x.modelwright.fitCpuSeconds)} / ${s(x.sklearn.fitCpuSeconds)} | ${s(x.modelwright.predictCpuSeconds)} / ${s(x.sklearn.predictCpuSeconds)} | ${x.timeRatio > 2 ? `**${x.timeRatio.toFixed(2)}**` : x.timeRatio.toFixed(2)} | ${x.wallRatio.toFixed(2)} | ${s(x.modelwright.warmupSeconds)} / ${s(x.sklearn.warmupSeconds)} | ${x.modelwright.peakRssMb.toFixed(0)} (+${(x.modelwright.peakRssMb - x.modelwright.baseRssMb).toFixed(0)}) / ${x.sklearn.peakRssMb.toFixed(0)} (+${(x.sklearn.peakRssMb - x.sklearn.baseRssMb).toFixed(0)}) |`,
      );
    }
    lines.push('');
  }
  const slow = r.rows.filter((x) => x.timeRatio > 2);
  const off = r.rows.filter((x) => !x.withinNoise);
  lines.push('## Summary', '');
  lines.push(`- ${r.rows.length} comparisons; quality within noise: ${r.rows.length - off.length}/${r.rows.length}${off.length ? ` (not: ${off.map((x) => `${x.dataset}/${x.config}`).join(', ')})` : ''}.`);
  lines.push(`- Slower than 2× scikit-learn (CPU time): ${slow.length ? slow.map((x) => `${x.dataset}/${x.config} (${x.timeRatio.toFixed(2)}×)`).join(', ') : 'none'}.`);
  for (const x of r.failures) lines.push(`- FAILED: ${x.dataset}/${x.config}: ${x.error}`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}
