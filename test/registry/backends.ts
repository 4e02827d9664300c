/**
 * The registry backends a test suite runs against: SQLite always (in a temp MODELWRIGHT_HOME),
 * PostgreSQL when MODELWRIGHT_TEST_PG_URL is set (.ci/run sets it), each run in a fresh schema
 * dropped afterwards. `describeBackends` runs one suite per backend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import type { Env } from '../../src/registry/home.js';
import { type Registry, openRegistry } from '../../src/registry/open-registry.js';

export const PG_URL = process.env.MODELWRIGHT_TEST_PG_URL;

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh environment (new home, and a new schema for postgres). */
  fresh(): Env;
  open(env: Env): Promise<Registry>;
}

function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'mw-registry-'));
}

function makeBackend(name: 'sqlite' | 'postgres', homes: string[], schemas: string[]): Backend {
  return {
    name,
    fresh() {
      const home = tempHome();
      homes.push(home);
      if (name === 'sqlite') return { MODELWRIGHT_HOME: home };
      const schema = `mw_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      schemas.push(schema);
      const sep = PG_URL!.includes('?') ? '&' : '?';
      return { MODELWRIGHT_HOME: home, MODELWRIGHT_DB: `${PG_URL}${sep}schema=${schema}` };
    },
    open: (env) => openRegistry({ env }),
  };
}

/** Run `suite` once per available backend; PostgreSQL is skipped with a reason when unset. */
export function describeBackends(title: string, suite: (b: Backend) => void): void {
  for (const name of ['sqlite', 'postgres'] as const) {
    const homes: string[] = [];
    const schemas: string[] = [];
    if (name === 'postgres' && !PG_URL) {
      describe.skip(`${title} [postgres] (skipped: MODELWRIGHT_TEST_PG_URL is not set; .ci/run sets it)`, () => suite(makeBackend(name, homes, schemas)));
      continue;
    }
    describe(`${title} [${name}]`, () => {
      afterAll(async () => {
        for (const h of homes) rmSync(h, { recursive: true, force: true });
        if (schemas.length > 0) {
          const client = new pg.Client({ connectionString: PG_URL });
          await client.connect();
          for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
          await client.end();
        }
      });
      suite(makeBackend(name, homes, schemas));
    });
  }
}
