/**
 * @module registry/home
 * Where Modelwright keeps its state (DESIGN.md "State on disk"):
 *
 *   $MODELWRIGHT_HOME (default ./.modelwright)
 *     registry.db              the SQLite registry (unless MODELWRIGHT_DB=postgres://…)
 *     artifacts/<sha256>/      content-addressed model artifacts
 *     logs/
 */
import { resolve } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function modelwrightHome(env: Env = process.env): string {
  return resolve(env.MODELWRIGHT_HOME && env.MODELWRIGHT_HOME.length > 0 ? env.MODELWRIGHT_HOME : '.modelwright');
}

export function registryDbPath(env: Env = process.env): string {
  return resolve(modelwrightHome(env), 'registry.db');
}

export function artifactsRoot(env: Env = process.env): string {
  return resolve(modelwrightHome(env), 'artifacts');
}

/** The PostgreSQL URL when MODELWRIGHT_DB selects one, else undefined (SQLite). */
export function postgresUrl(env: Env = process.env): string | undefined {
  const db = env.MODELWRIGHT_DB;
  return db && /^postgres(ql)?:\/\//i.test(db) ? db : undefined;
}
