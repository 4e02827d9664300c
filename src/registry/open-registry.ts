/**
 * @module registry/open-registry
 * Open the registry the environment selects: the metadata store (SQLite at
 * `$MODELWRIGHT_HOME/registry.db`, or PostgreSQL when `MODELWRIGHT_DB=postgres://…`; a
 * `MODELWRIGHT_DB` that is not a URL names another SQLite file) and the artifact directory
 * `$MODELWRIGHT_HOME/artifacts/`. Artifacts stay on the local (or shared) file system in both
 * cases: with PostgreSQL, point MODELWRIGHT_HOME at storage every machine sees.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArtifactStore } from './artifacts.js';
import { type Env, artifactsRoot, postgresUrl, registryDbPath } from './home.js';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { RegistryStore } from './store.js';

export interface Registry {
  readonly store: RegistryStore;
  readonly artifacts: ArtifactStore;
  close(): Promise<void>;
}

export interface OpenRegistryOptions {
  readonly env?: Env;
  /** When false, resolve to undefined instead of creating a SQLite registry that does not exist. */
  readonly create?: boolean;
}

function sqlitePath(env: Env): string {
  const db = env.MODELWRIGHT_DB;
  if (db && db.length > 0 && !postgresUrl(env)) return resolve(db.replace(/^sqlite:\/\//i, ''));
  return registryDbPath(env);
}

/** Where the registry lives, in words (for messages). */
export function registryLocation(env: Env = process.env): string {
  const url = postgresUrl(env);
  return url ? url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@') : sqlitePath(env);
}

/**
 * Open the registry of the current environment.
 * @example const reg = await openRegistry(); try { … } finally { await reg.close(); }
 */
export async function openRegistry(options: OpenRegistryOptions & { create: false }): Promise<Registry | undefined>;
export async function openRegistry(options?: OpenRegistryOptions): Promise<Registry>;
export async function openRegistry(options: OpenRegistryOptions = {}): Promise<Registry | undefined> {
  const env = options.env ?? process.env;
  const url = postgresUrl(env);
  if (!url && options.create === false && !existsSync(sqlitePath(env))) return undefined;
  const store = url ? await openPostgresStore(url) : await openSqliteStore(sqlitePath(env));
  return { store, artifacts: new ArtifactStore(artifactsRoot(env)), close: () => store.close() };
}

/** Run `fn` with an open registry and always close it. */
export async function withRegistry<T>(fn: (reg: Registry) => Promise<T>, options: OpenRegistryOptions = {}): Promise<T> {
  const reg = await openRegistry(options);
  try {
    return await fn(reg);
  } finally {
    await reg.close();
  }
}
