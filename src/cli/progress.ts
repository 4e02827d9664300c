/**
 * @module cli/progress
 * Progress for long work: a bar on a terminal, nothing under --json, --quiet or when stderr is
 * not a TTY. Library code reports through the plain `ProgressReporter` callback type and never
 * imports this module.
 */
import cliProgress from 'cli-progress';
import type { Output } from './output.js';

/** What library code calls to report progress: done out of total, and a short status. */
export type ProgressReporter = (done: number, total: number, status?: string) => void;

export interface ProgressHandle {
  report: ProgressReporter;
  stop(): void;
}

const silent: ProgressHandle = { report: () => undefined, stop: () => undefined };

/** A progress bar titled `title`, or a silent handle when the output is not interactive. */
export function startProgress(out: Output, title: string): ProgressHandle {
  if (!out.interactive) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {percentage}% | {value}/{total} | {status}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    report(done, total, status = '') {
      if (!started) {
        bar.start(total, done, { status });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { status });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
