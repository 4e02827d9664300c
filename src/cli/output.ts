/**
 * @module cli/output
 * How a command speaks: with `--json` one JSON document on stdout and nothing else there;
 * otherwise human text on stdout. Diagnostics (warnings, progress) always go to stderr so
 * that stdout stays parseable.
 */
import { ERROR_CATALOG, ModelwrightError } from '../errors.js';

export interface OutputStreams {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export interface GlobalFlags {
  json: boolean;
  verbose: boolean;
  quiet: boolean;
}

export class Output {
  constructor(
    readonly streams: OutputStreams,
    readonly flags: GlobalFlags,
  ) {}

  /** Print a command's result: `data` as JSON under --json, else `human(data)`. */
  result<T>(data: T, human: (d: T) => string): void {
    if (this.flags.json) this.streams.stdout.write(`${JSON.stringify(data, jsonReplacer, 2)}\n`);
    else {
      const text = human(data);
      if (text) this.streams.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }

  /** A note for a person (skipped under --json and --quiet), on stderr. */
  info(message: string): void {
    if (!this.flags.json && !this.flags.quiet) this.streams.stderr.write(`${message}\n`);
  }

  warn(message: string): void {
    if (!this.flags.quiet) this.streams.stderr.write(`warning: ${message}\n`);
  }

  /** True when progress bars may be drawn: a terminal on stderr, no --json, no --quiet. */
  get interactive(): boolean {
    return !this.flags.json && !this.flags.quiet && Boolean(this.streams.stderr.isTTY) && process.env.CI !== 'true';
  }

  /** Report a failure: one clear message on stderr (stack only under --verbose), JSON on stdout under --json. */
  error(err: unknown): 1 | 2 {
    if (err instanceof ModelwrightError) {
      this.streams.stderr.write(`error [${err.code}]: ${err.message}\n  fix: ${err.hint}\n`);
      if (this.flags.verbose) this.writeStack(err);
      if (this.flags.json) this.streams.stdout.write(`${JSON.stringify({ error: err.toJSON() }, jsonReplacer, 2)}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    this.streams.stderr.write(`error [MW_INTERNAL]: ${message}\n  fix: ${ERROR_CATALOG.MW_INTERNAL.fix}\n`);
    if (this.flags.verbose) this.writeStack(err);
    if (this.flags.json) {
      this.streams.stdout.write(`${JSON.stringify({ error: { code: 'MW_INTERNAL', message, hint: ERROR_CATALOG.MW_INTERNAL.fix } })}\n`);
    }
    return 1;
  }

  private writeStack(err: unknown): void {
    let e: unknown = err;
    while (e instanceof Error) {
      this.streams.stderr.write(`${e.stack ?? e.message}\n`);
      e = e.cause;
      if (e) this.streams.stderr.write('caused by: ');
    }
  }
}

/** JSON.stringify replacer: typed arrays as arrays, non-finite numbers as null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') return Number(value);
  return value;
}
