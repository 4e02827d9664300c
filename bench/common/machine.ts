/**
 * Facts every benchmark result records: the machine, the code version and the command, so a
 * number in bench/results/ can always be traced to what produced it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared/datasets beside the repo (CI layout), or null when absent. */
export const sharedDatasets = join(repoRoot, '..', 'shared', 'datasets');

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  gitSha: string;
  loadAverage: number[];
  date: string;
}

export function machineFacts(): MachineFacts {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // not Linux
  }
  let sha = 'unknown';
  try {
    sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    cpuModel: model,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    gitSha: sha,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
  };
}

/** The command line that ran this benchmark, for the result file. */
export function commandLine(): string {
  const script = process.argv[1]?.replace(`${repoRoot}/`, '') ?? '';
  return ['npx tsx', script, ...process.argv.slice(2)].join(' ');
}

/** "AMD EPYC, 2 cores, 23.5 GiB, Node v20…; load …; git …" for markdown results. */
export function machineLine(m: MachineFacts): string {
  return `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; load average ${m.loadAverage.join(' / ')}; git ${m.gitSha.slice(0, 12)}; ${m.date}`;
}
