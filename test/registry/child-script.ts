/**
 * Starts TypeScript child processes for the multi-process tests. The script is bundled once
 * with esbuild (a tsx dependency) into node_modules/.cache/, so each child starts as plain
 * Node in ~0.1 s instead of compiling its imports through tsx (~2 s on a busy machine) — the
 * crash test starts dozens. Falls back to `node --import tsx` when esbuild is unavailable.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/modelwright-test/', import.meta.url));
const built = new Map<string, Promise<string[]>>();

/** Node arguments that run `script` (an absolute .ts path). */
export function childArgs(script: string): Promise<string[]> {
  let args = built.get(script);
  if (!args) {
    args = (async () => {
      try {
        const esbuild = await import('esbuild');
        mkdirSync(cacheDir, { recursive: true });
        // One file per script, replaced atomically, so parallel test runs never read a half-written one.
        const outfile = join(cacheDir, `${script.replace(/[^A-Za-z0-9]+/g, '_')}.mjs`);
        const tmp = `${outfile}.${process.pid}.tmp.mjs`;
        await esbuild.build({
          entryPoints: [script], outfile: tmp, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent',
          external: ['better-sqlite3', 'pg', 'onnxruntime-node', '@duckdb/*'],
          banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        });
        renameSync(tmp, outfile);
        return [outfile];
      } catch {
        return ['--import', 'tsx', script];
      }
    })();
    built.set(script, args);
  }
  return args;
}
