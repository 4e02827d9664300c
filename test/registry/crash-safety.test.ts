/**
 * Crash safety and concurrency of registration, with real processes: a child that registers
 * in a loop is SIGKILLed at random moments (≥ 20 trials), after which every version row must
 * have a complete, verifiable artifact and nothing unreferenced may be visible; and two
 * children registering the same model at once must get distinct version numbers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Env } from '../../src/registry/home.js';
import { versionPath } from '../../src/registry/model-ref.js';
import { describeBackends } from './backends.js';
import { childArgs } from './child-script.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/register-loop.ts', import.meta.url));
/** Kills in all: ROUNDS rounds of two children killed independently (also a concurrent crash). */
const ROUNDS = 12;
const TRIALS = 2 * ROUNDS;

async function startChild(env: Env, name: string, count: number): Promise<{ child: ChildProcess; ready: Promise<void>; versions: number[]; done: Promise<number | null> }> {
  const child = spawn(process.execPath, [...(await childArgs(SCRIPT)), name, String(count)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const versions: number[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const ready = new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve();
        const m = /^registered (\d+)$/.exec(line);
        if (m) versions.push(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${stderr}`)));
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  done.then((code) => {
    if (code !== 0 && code !== null) console.error(stderr);
  });
  return { child, ready, versions, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeBackends('registration under SIGKILL and concurrency', (backend) => {
  it(`leaves a consistent registry after ${TRIALS} kills at random points`, async () => {
    const env = backend.fresh();
    let acknowledged = 0;
    // The first open creates the schema; the children then race on registrations only.
    await (await backend.open(env)).close();
    for (let t = 0; t < ROUNDS; t++) {
      const pair = await Promise.all([startChild(env, 'crashy', 0), startChild(env, 'crashy', 0)]);
      await Promise.all(
        pair.map(async (c) => {
          await c.ready;
          // Kill anywhere from "before the first artifact is written" to "several versions in".
          await sleep(Math.random() * 500);
          c.child.kill('SIGKILL');
          await c.done;
          acknowledged += c.versions.length;
        }),
      );
    }
    const reg = await backend.open(env);
    try {
      const versions = await reg.store.listVersions('crashy');
      // Every version a child saw acknowledged is there (a kill may also land after commit
      // but before the acknowledgement, so there may be more).
      expect(versions.length).toBeGreaterThanOrEqual(acknowledged);
      expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
      for (const v of versions) {
        const path = await versionPath(reg, v);
        expect(JSON.parse(readFileSync(path, 'utf8')).blob.length).toBeGreaterThan(1000);
      }
      const listed = (await reg.store.listModels()).find((m) => m.name === 'crashy');
      expect(listed?.versionCount ?? 0).toBe(versions.length);
      // Artifacts of killed registrations are orphans: unreferenced, and removed by GC.
      const referenced = await reg.store.referencedArtifacts();
      await reg.artifacts.gc(referenced, 0);
      expect(new Set(await reg.artifacts.list())).toEqual(referenced);
      for (const v of versions) await versionPath(reg, v);
    } finally {
      await reg.close();
    }
  }, 180_000);

  it('gives two concurrent writers distinct version numbers', async () => {
    const env = backend.fresh();
    // Create the schema first so both children race on registration, not on migrations.
    await (await backend.open(env)).close();
    const a = await startChild(env, 'shared', 8);
    const b = await startChild(env, 'shared', 8);
    expect(await a.done).toBe(0);
    expect(await b.done).toBe(0);
    const all = [...a.versions, ...b.versions].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const reg = await backend.open(env);
    try {
      expect((await reg.store.listVersions('shared')).map((v) => v.version)).toEqual(all);
    } finally {
      await reg.close();
    }
  }, 120_000);
});
