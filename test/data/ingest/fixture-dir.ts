/**
 * Small generated fixtures for the ingestion tests, written into a fresh temporary folder
 * (nothing is committed): `dir.file(name, text)` writes a file and returns its path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FixtureDir {
  readonly root: string;
  /** Write `content` to `name` (gzip-compressed when the name ends in .gz); returns the path. */
  file(name: string, content: string | Uint8Array): string;
  path(name: string): string;
  remove(): void;
}

export function fixtureDir(prefix = 'mw-ingest-'): FixtureDir {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    file(name, content) {
      const p = join(root, name);
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      writeFileSync(p, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
      return p;
    },
    path: (name) => join(root, name),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
