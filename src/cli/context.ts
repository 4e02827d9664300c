/**
 * @module cli/context
 * The glue each command uses: `ctx.command()` makes a subcommand with the common flags
 * (--json, --verbose, --quiet), and `ctx.action()` wraps its handler so that every failure is
 * reported the same way and turned into the exit status.
 */
import type { Command } from 'commander';
import { Output, type OutputStreams } from './output.js';

export type ActionHandler<A extends unknown[]> = (out: Output, ...args: A) => Promise<void> | void;

export class CliContext {
  /** Exit status of the last action: 0 ok, 1 runtime error, 2 usage error. */
  exitCode = 0;

  constructor(
    readonly program: Command,
    readonly streams: OutputStreams,
  ) {}

  /** A subcommand of the program, with the flags every command shares. */
  command(name: string, description: string): Command {
    return this.program
      .command(name)
      .description(description)
      .option('--json', 'print machine-readable JSON on stdout')
      .option('--verbose', 'show stack traces and details on errors')
      .option('--quiet', 'print only results (no progress, notes or warnings)');
  }

  /**
   * Wrap a command handler. Commander calls it with the positional arguments, then the options
   * object, then the Command; the handler receives the Output first and the same arguments.
   */
  action<A extends unknown[]>(handler: ActionHandler<A>): (...args: unknown[]) => Promise<void> {
    return async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.opts() as { json?: boolean; verbose?: boolean; quiet?: boolean };
      const out = new Output(this.streams, { json: Boolean(opts.json), verbose: Boolean(opts.verbose), quiet: Boolean(opts.quiet) });
      try {
        await handler(out, ...(args.slice(0, -1) as A));
        this.exitCode = 0;
      } catch (err) {
        this.exitCode = out.error(err);
      }
    };
  }
}

/** Split a comma-separated flag value ("a,b , c") into trimmed, non-empty names. */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Commander accumulator for repeatable options (`--param a=1 --param b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
