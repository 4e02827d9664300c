/**
 * @module registry/store
 * The registry's storage contract, MLflow's vocabulary: registered models with numbered
 * versions, aliases (`champion`, `challenger`…) pointing at versions, tags, an audit log of
 * every change (alias moves, rollbacks, deletions), and experiments with runs (params,
 * metrics, tags, start/end, status, artifact).
 *
 * Two implementations share one SQL body (sql-store.ts): SQLite (embedded default,
 * sqlite-store.ts) and PostgreSQL (shared, postgres-store.ts). Every method is async so that
 * both fit one interface. Artifacts themselves live on disk (artifacts.ts); a version row
 * only names its artifact's sha256, and is inserted after the artifact is complete.
 */
import type { Lineage } from './lineage.js';

/** Whether an artifact holds one model file (`fit`) or a predictor directory (`train`). */
export type ArtifactKind = 'model' | 'predictor';

export interface ModelVersion {
  readonly name: string;
  readonly version: number;
  readonly kind: ArtifactKind;
  /** Content address of the artifact directory (`artifacts/<sha256>/`). */
  readonly artifactSha256: string;
  /** Path inside the artifact to load: 'model.json' or '.' (the predictor directory). */
  readonly artifactEntry: string;
  readonly createdAt: string;
  readonly runId: string | null;
  /** The version this one succeeds or was retrained from (null for the first). */
  readonly parentVersion: number | null;
  readonly lineage: Lineage;
  readonly metrics: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, unknown>>;
  readonly tags: Readonly<Record<string, string>>;
  /** Aliases pointing at this version now. */
  readonly aliases: readonly string[];
}

export interface NewVersion {
  readonly name: string;
  readonly kind: ArtifactKind;
  readonly artifactSha256: string;
  readonly artifactEntry: string;
  readonly lineage: Lineage;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly runId?: string | null;
  /** Explicit parent; by default the latest version of the same name at registration. */
  readonly parentVersion?: number | null;
}

export interface RegisteredModel {
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly latestVersion: number | null;
  readonly versionCount: number;
  readonly aliases: Readonly<Record<string, number>>;
}

export type ModelEventAction = 'register' | 'alias_set' | 'rollback' | 'tag' | 'delete';

/** One line of the audit log. */
export interface ModelEvent {
  readonly id: number;
  readonly name: string;
  readonly version: number | null;
  readonly action: ModelEventAction;
  readonly alias: string | null;
  /** For alias moves: the version the alias held before (null when new). */
  readonly previousVersion: number | null;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly user: string;
  readonly at: string;
}

export type RunStatus = 'running' | 'finished' | 'failed' | 'killed';

export interface Run {
  readonly id: string;
  readonly experiment: string;
  readonly name: string | null;
  readonly status: RunStatus;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly metrics: Readonly<Record<string, number>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly artifactSha256: string | null;
  readonly user: string;
}

export interface NewRun {
  readonly experiment: string;
  readonly name?: string;
  /** ISO time the work started (default: now). */
  readonly startTime?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface RunEnd {
  readonly status: Exclude<RunStatus, 'running'>;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly artifactSha256?: string | null;
}

export interface RegistryStore {
  /** 'sqlite' or 'postgres'. */
  readonly backend: string;
  /** Where the data lives (a file path, or a URL without password), for messages. */
  readonly location: string;
  close(): Promise<void>;

  /** Allocate the next version number of `name` and insert it, in one transaction. */
  createVersion(v: NewVersion): Promise<ModelVersion>;
  getVersion(name: string, version: number): Promise<ModelVersion | undefined>;
  latestVersion(name: string): Promise<ModelVersion | undefined>;
  listVersions(name: string): Promise<ModelVersion[]>;
  listModels(): Promise<RegisteredModel[]>;
  /** Every artifact sha256 some version refers to (for garbage collection and checks). */
  referencedArtifacts(): Promise<Set<string>>;

  /** Version the alias points at, or undefined. */
  getAlias(name: string, alias: string): Promise<number | undefined>;
  /** Point `alias` at `version`; returns the version it held before (or null). */
  setAlias(name: string, alias: string, version: number): Promise<{ previous: number | null }>;
  /** Move `alias` back to its previous holder (from the alias history); returns both. */
  rollbackAlias(name: string, alias: string): Promise<{ from: number; to: number }>;
  setTag(name: string, version: number, key: string, value: string): Promise<void>;
  /** Delete a version; refused (MW_REGISTRY_ALIAS_IN_USE) while an alias points at it. */
  deleteVersion(name: string, version: number): Promise<ModelVersion>;
  /** The audit log of `name`, oldest first (optionally one alias only). */
  events(name: string, alias?: string): Promise<ModelEvent[]>;

  startRun(r: NewRun): Promise<Run>;
  endRun(id: string, end: RunEnd): Promise<Run>;
  getRun(id: string): Promise<Run | undefined>;
  listRuns(experiment: string): Promise<Run[]>;
}
