/**
 * @module version
 * The package version and, when run from a git checkout, the commit: written into model
 * files and lineage records.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const VERSION: string = readVersion();

let commit: string | null | undefined;

/** The git commit of the installed package's checkout, or null outside a checkout. */
export function gitCommit(): string | null {
  if (commit !== undefined) return commit;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    commit = null;
  }
  return commit;
}

/** Absolute path of the package root (holds package.json, data/, docs/). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
