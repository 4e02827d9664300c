/**
 * @module cli/register-option
 * The `--name NAME` option of `fit` and `train`: after training, record a run and register the
 * model as the next version of NAME, with its lineage (data fingerprint and source, learner,
 * params, seed, metrics, code version, user, times). The model goes to the registry only, or
 * also to `--out` when given. The version also gets the monitor's reference profile of the
 * training table (monitor/reference/), so `monitor` needs no access to the file later.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { fingerprintFrame } from '../data/fingerprint.js';
import type { Frame } from '../data/frame/frame.js';
import type { DatasetSchema } from '../data/schema/types.js';
import { UsageError } from '../errors.js';
import type { ModelFileJson } from '../learners/model-file.js';
import { buildLineage } from '../registry/lineage.js';
import { checkModelName } from '../registry/names.js';
import { withRegistry } from '../registry/open-registry.js';
import { registerRun } from '../registry/register-model.js';
import { saveReferenceProfile } from '../monitor/reference/save-reference-profile.js';

export function addNameOption(cmd: Command): Command {
  return cmd.option('--name <name>', 'register the model as the next version of NAME in the registry (see `modelwright models`)');
}

/** `--out` or `--name` (or both) must be given; a malformed name fails before training. */
export function checkOutOrName(flags: { out?: string; name?: string }): void {
  if (!flags.out && !flags.name) throw new UsageError('MW_USAGE', 'Give --out PATH to save the model, --name NAME to register it, or both.');
  if (flags.name) checkModelName(flags.name);
}

export interface RegisterFromCli {
  readonly name: string;
  /** The model file in memory (`fit`) … */
  readonly modelFile?: ModelFileJson;
  /** … or a writer that saves the model to a path (`train`: a predictor directory). */
  readonly save?: (path: string) => Promise<void>;
  readonly frame: Frame;
  readonly schema?: DatasetSchema;
  readonly source: string;
  readonly learner: string;
  readonly task: string;
  readonly target: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed?: number;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly startedAt: Date;
  /** Rows held out of training (--valid / --test / --holdout): the monitor's prediction reference and performance baseline. */
  readonly heldOut?: Frame;
  /** Where to say that the reference profile could not be stored (registration still succeeds). */
  readonly warn?: (message: string) => void;
}

/** Register a freshly trained model; returns its reference NAME@VERSION. */
export async function registerFromCli(r: RegisterFromCli): Promise<{ name: string; version: number; ref: string }> {
  const lineage = buildLineage({
    fingerprint: fingerprintFrame(r.frame, r.schema),
    source: r.source,
    learner: r.learner,
    task: r.task,
    target: r.target,
    params: r.params,
    seed: r.seed,
    metrics: r.metrics,
    trainingStartedAt: r.startedAt,
    trainingEndedAt: new Date(),
  });
  let staging: string | undefined;
  try {
    let path: string | undefined;
    if (!r.modelFile && r.save) {
      staging = await mkdtemp(join(tmpdir(), 'modelwright-stage-'));
      path = join(staging, 'model');
      await r.save(path);
    }
    const { version } = await withRegistry(async (reg) => {
      const registered = await registerRun(reg, { name: r.name, modelFile: r.modelFile, path, lineage, metrics: lineage.metrics, params: r.params, startedAt: r.startedAt, runName: `${r.learner} on ${r.source}` });
      await saveReferenceProfile(reg, registered.version.name, registered.version.version, r.frame, { heldOut: r.heldOut, seed: r.seed }).catch((err: unknown) =>
        r.warn?.(`no monitoring reference profile stored for ${registered.version.name}@${registered.version.version}: ${(err as Error).message}`),
      );
      return registered;
    });
    return { name: version.name, version: version.version, ref: `${version.name}@${version.version}` };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}
