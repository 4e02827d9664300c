/**
 * @module registry/register-model
 * Registering a model is two steps in a fixed order, which is what makes it crash-safe:
 *
 *   1. store the artifact completely (temp directory → fsync → rename to artifacts/<sha>/)
 *   2. insert the version row (one transaction: number, lineage, tags, audit event)
 *
 * A process killed during 1 leaves a temp directory; killed between 1 and 2, an artifact no
 * version refers to (invisible, removed by `ArtifactStore.gc`); killed during 2, nothing — the
 * transaction either committed or did not. A version row therefore always has its artifact.
 */
import type { ModelFileJson } from '../learners/model-file.js';
import { serializeModelFile } from '../learners/model-file.js';
import type { Lineage } from './lineage.js';
import { checkModelName } from './names.js';
import type { Registry } from './open-registry.js';
import type { ModelVersion } from './store.js';

export interface RegisterModelOptions {
  readonly name: string;
  /** A model file or predictor directory on disk … */
  readonly path?: string;
  /** … or a model file in memory (stored as `model.json`). */
  readonly modelFile?: ModelFileJson;
  readonly lineage: Lineage;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly runId?: string | null;
  /** The version this one was retrained from (default: the latest version of `name`). */
  readonly parentVersion?: number | null;
}

/**
 * Store the artifact, then insert the version.
 * @example const v = await registerModel(reg, { name: 'churn', path: 'model.json', lineage });
 */
export async function registerModel(reg: Registry, opts: RegisterModelOptions): Promise<ModelVersion> {
  checkModelName(opts.name);
  let stored;
  if (opts.modelFile) {
    stored = { ...(await reg.artifacts.put([{ path: 'model.json', data: serializeModelFile(opts.modelFile) }])), entry: 'model.json', kind: 'model' as const };
  } else if (opts.path) {
    stored = await reg.artifacts.putPath(opts.path);
  } else {
    throw new Error('registerModel needs a path or a modelFile');
  }
  return reg.store.createVersion({
    name: opts.name,
    kind: stored.kind,
    artifactSha256: stored.sha256,
    artifactEntry: stored.entry,
    lineage: opts.lineage,
    metrics: opts.metrics,
    params: opts.params,
    tags: opts.tags,
    runId: opts.runId,
    parentVersion: opts.parentVersion,
  });
}

export interface RegisterRunOptions extends Omit<RegisterModelOptions, 'runId'> {
  /** Experiment the run is filed under (default: the model name). */
  readonly experiment?: string;
  readonly runName?: string;
  /** When the training started (the run's start time). */
  readonly startedAt?: Date;
}

/**
 * Record a finished training run and register its model as a new version of `name`: the run
 * (params, metrics, start/end, artifact) and the version point at each other.
 * @example const { version } = await registerRun(reg, { name: 'churn', modelFile, lineage, startedAt });
 */
export async function registerRun(reg: Registry, opts: RegisterRunOptions): Promise<{ version: ModelVersion; runId: string }> {
  checkModelName(opts.name);
  const run = await reg.store.startRun({
    experiment: opts.experiment ?? opts.name,
    name: opts.runName,
    params: opts.params ?? opts.lineage.params,
    tags: opts.tags,
    startTime: opts.startedAt?.toISOString(),
  });
  try {
    const version = await registerModel(reg, { ...opts, runId: run.id });
    await reg.store.endRun(run.id, { status: 'finished', metrics: opts.metrics ?? opts.lineage.metrics, artifactSha256: version.artifactSha256 });
    return { version, runId: run.id };
  } catch (err) {
    await reg.store.endRun(run.id, { status: 'failed' }).catch(() => undefined);
    throw err;
  }
}
