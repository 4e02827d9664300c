/**
 * @module bench/serve/report
 * bench/results/serve.md from the benchmark's result object: the command, machine and code
 * version, a side-by-side table (max throughput; p50/p99 at 70% of it), the targets, and the
 * soak's errors and memory over time.
 */
import type { MachineFacts } from '../common/machine.js';
import { machineLine } from '../common/machine.js';
import type { LoadResult } from './load.js';
import type { PacedResult } from './paced-load.js';
import type { SoakResult } from './soak.js';

interface Row {
  readonly name: string;
  readonly max: LoadResult;
  readonly at70: LoadResult;
  readonly paced70: PacedResult;
  readonly cpuMsPerRequest: number;
}

export interface ServeBenchResult {
  readonly command: string;
  readonly machine: MachineFacts;
  readonly loadAverageAtEnd: number[];
  readonly settings: Record<string, unknown>;
  readonly ours: readonly Row[];
  readonly best: string;
  readonly flask: Row | null;
  readonly throughputRatio: number | null;
  readonly soak: SoakResult | null;
}

const ok = (b: boolean) => (b ? 'met' : '**not met**');

export function renderServeMarkdown(r: ServeBenchResult): string {
  const rows = [...r.ours, ...(r.flask ? [r.flask] : [])];
  const best = r.ours.find((o) => o.name === r.best) as Row;
  const lines = [
    '# Serve benchmark: single-row predictions over loopback',
    '',
    `Command: \`${r.command}\``,
    '',
    `Machine: ${machineLine(r.machine)} (load average at end ${r.loadAverageAtEnd.join(' / ')})`,
    '',
    `Settings: ${Object.entries(r.settings).map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(',') : String(v)}`).join('; ')}.`,
    '',
    'Server CPU ms/req: CPU time (user + system, every process and thread of the server, the prediction-log writer included) per request during the max-throughput phase — unlike req/s and latency, it does not depend on how much of the shared machine other work takes.',
    '',
    'Each server answers one-row POST requests (`{"rows": [{…28 features…}]}` → prediction + class probabilities), 256 distinct rows cycled. Max throughput: as many requests as answered at the stated connections. Latency at 70% of that maximum, two ways: autocannon `overallRate` (which paces per second: each connection sends its quota back to back at the start of every second, so the server is saturated for ~0.7 s of each second; p50/p99 exact over every response, autocannon\'s own whole-millisecond coordinated-omission-corrected p99 in brackets), and open loop (requests sent evenly at that rate, 1 ms timer, whether or not earlier answers arrived, from a raw-socket client as light as autocannon: bench/serve/paced-load.ts).',
    '',
    '| server | max req/s | errors | server CPU ms/req | autocannon @70%: req/s | p50 ms | p99 ms | open loop @70%: p50 ms | p99 ms | p99.9 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((x) => `| ${x.name} | ${x.max.requestsPerSecond} | ${x.max.errors + x.max.timeouts + x.max.non2xx} | ${x.cpuMsPerRequest} | ${x.at70.requestsPerSecond} | ${x.at70.latencyMs.p50} | ${x.at70.latencyMs.p99} [${x.at70.autocannonMs.p99}] | ${x.paced70.latencyMs.p50} | ${x.paced70.latencyMs.p99} | ${x.paced70.latencyMs.p999} |`),
    '',
    '## Targets',
    '',
    `- Throughput ≥ 5× Flask's: ${r.throughputRatio === null ? 'Flask not run' : `${r.throughputRatio}× (${r.best} vs Flask) — ${ok(r.throughputRatio >= 5)}`}`,
    `- p99 < 5 ms at 70% load (${r.best}): open loop ${best.paced70.latencyMs.p99} ms — ${ok(best.paced70.latencyMs.p99 < 5)}; autocannon overallRate ${best.at70.latencyMs.p99} ms — ${ok(best.at70.latencyMs.p99 < 5)}`,
  ];
  if (r.soak) {
    const s = r.soak;
    lines.push(
      `- Soak, zero errors: ${s.errors + s.non2xx} errors/non-2xx in ${s.requests} requests — ${ok(s.errors + s.non2xx === 0)}`,
      '',
      `## Soak (${r.best}, ${s.seconds} s at ${Math.round(s.rate)} req/s)`,
      '',
      `${s.requests} requests, ${s.errors} errors, ${s.non2xx} non-2xx. Total RSS of the server processes: ${s.rssStartMiB} MiB (median of the first minute) → ${s.rssEndMiB} MiB (last minute); slope over the second half ${s.rssSlopeMiBPerMin} MiB/min.`,
      '',
      '| t (s) | requests | errors | p99 ms | RSS MiB |',
      '|---:|---:|---:|---:|---:|',
      ...s.windows.filter((_, i) => i % 6 === 5 || i === 0).map((w) => `| ${w.t} | ${w.requests} | ${w.errors + w.non2xx} | ${w.p99Ms} | ${w.rssMiB} |`),
    );
  }
  lines.push('');
  return lines.join('\n');
}
