/**
 * @module registry/lineage
 * What every registered version records about how it came to be: the training data
 * (fingerprint, source, shape), the learner, parameters and seed, the code (Modelwright
 * version, git commit, Node version), the metrics, the parent version (retrains), and who
 * registered it where and when. `buildLineage` fills the facts the process knows itself.
 */
import { hostname, userInfo } from 'node:os';
import type { DataFingerprint } from '../data/fingerprint.js';
import { VERSION, gitCommit } from '../version.js';

export interface Lineage {
  readonly data: {
    /** `sha256:…` over content + schema + row count (data/fingerprint.ts). */
    readonly fingerprint: string;
    readonly schemaFingerprint: string | null;
    readonly rows: number;
    readonly columns: number;
    /** The file path or URL the data was read from (passwords removed). */
    readonly source: string | null;
  } | null;
  readonly learner: string | null;
  readonly task: string | null;
  readonly target: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed: number | null;
  readonly code: { readonly modelwright: string; readonly commit: string | null; readonly node: string };
  readonly metrics: Readonly<Record<string, number>>;
  /** Set by the store at registration: the version this one succeeds or was retrained from. */
  readonly parent: { readonly name: string; readonly version: number } | null;
  readonly user: string;
  readonly host: string;
  readonly createdAt: string;
  readonly trainingStartedAt: string | null;
  readonly trainingEndedAt: string | null;
  /** For imported models: the foreign format and the file's sha256. */
  readonly importedFrom?: { readonly format: string; readonly file: string; readonly sha256: string };
}

export interface LineageInput {
  readonly fingerprint?: DataFingerprint;
  readonly source?: string;
  readonly learner?: string;
  readonly task?: string;
  readonly target?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly seed?: number;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly trainingStartedAt?: Date;
  readonly trainingEndedAt?: Date;
  readonly importedFrom?: Lineage['importedFrom'];
}

/** `postgres://user:secret@host/db` → `postgres://user@host/db`: lineage never stores secrets. */
export function redactSource(source: string): string {
  return source.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^@/]*@/i, '$1@');
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** Only finite numbers are metrics (NaN and ±Infinity do not survive JSON). */
function finiteMetrics(m: Readonly<Record<string, number>> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(m ?? {}).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
}

/**
 * Lineage of a model trained (or imported) by this process.
 * @example buildLineage({ fingerprint: fingerprintFrame(frame), source: 'train.csv', learner: 'gbdt', seed: 1 })
 */
export function buildLineage(input: LineageInput): Lineage {
  const fp = input.fingerprint;
  return {
    data: fp ? { fingerprint: fp.sha256, schemaFingerprint: fp.schemaSha256, rows: fp.rows, columns: fp.columns, source: input.source ? redactSource(input.source) : null } : null,
    learner: input.learner ?? null,
    task: input.task ?? null,
    target: input.target ?? null,
    params: input.params ?? {},
    seed: input.seed ?? null,
    code: { modelwright: VERSION, commit: gitCommit(), node: process.version },
    metrics: finiteMetrics(input.metrics),
    parent: null,
    user: currentUser(),
    host: hostname(),
    createdAt: new Date().toISOString(),
    trainingStartedAt: input.trainingStartedAt?.toISOString() ?? null,
    trainingEndedAt: input.trainingEndedAt?.toISOString() ?? null,
    ...(input.importedFrom ? { importedFrom: input.importedFrom } : {}),
  };
}

export { currentUser };
