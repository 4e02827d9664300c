/**
 * @module monitor/reference/save-reference-profile
 * Reference profiles in the registry. A profile is a content-addressed artifact of its own
 * (`reference-profile.json`), attached to its version by the tag
 * `artifact.reference_profile = <sha256>` — the registry's garbage collection keeps artifacts
 * named by `artifact.*` tags, and the tag event is the audit trail.
 *
 *   saveReferenceProfile   load the registered model, score held-out rows (or, without them,
 *                          a sample of the training rows), summarise the training table, store
 *   loadReferenceProfile   the profile of a version (verified against its checksum), if any
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTableScorer } from '../../automl/load-model-ref.js';
import { Rng } from '../../common/random.js';
import type { Frame } from '../../data/frame/frame.js';
import { evaluateModel } from '../../evaluate/evaluate-model.js';
import { loadSavedModel } from '../../evaluate/saved-model-ref.js';
import { ModelFileError } from '../../errors.js';
import { versionPath } from '../../registry/model-ref.js';
import type { Registry } from '../../registry/open-registry.js';
import type { ModelVersion } from '../../registry/store.js';
import { buildReferenceProfile } from './build-reference-profile.js';
import { REFERENCE_FORMAT, type ReferenceProfile } from './types.js';

export const REFERENCE_TAG = 'artifact.reference_profile';
export const REFERENCE_FILE = 'reference-profile.json';

/** Training rows scored for the prediction reference when no held-out rows are given. */
const PREDICTION_ROWS = 5000;

export interface SaveReferenceOptions {
  /** Rows not trained on (a validation or test split): their predictions are the prediction reference, and their metrics the performance baseline. */
  readonly heldOut?: Frame;
  readonly sampleSize?: number;
  readonly seed?: number;
}

/**
 * Build the reference profile of a registered version from its training table and store it.
 * @example await saveReferenceProfile(reg, 'churn', 3, trainFrame, { heldOut: validFrame });
 */
export async function saveReferenceProfile(reg: Registry, name: string, version: number, frame: Frame, opts: SaveReferenceOptions = {}): Promise<ReferenceProfile> {
  const v = await reg.store.getVersion(name, version);
  if (!v) throw new ModelFileError('MW_MODEL_NOT_FOUND', `Model '${name}' has no version ${version}.`);
  const path = await versionPath(reg, v);
  const model = await loadSavedModel(path);
  const scorer = await loadTableScorer(path);
  const seed = opts.seed ?? 0;
  let scored = opts.heldOut;
  let source: 'held-out' | 'training' = 'held-out';
  if (!scored || scored.nRows === 0) {
    source = 'training';
    scored = frame.nRows > PREDICTION_ROWS ? frame.take(new Rng(seed).sampleIndices(frame.nRows, PREDICTION_ROWS)) : frame;
  }
  const task = model.task;
  let metrics: ReferenceProfile['metrics'];
  if (source === 'held-out' && scored.has(task.target)) {
    try {
      const e = evaluateModel(model, scored, { bootstrap: 0 });
      const values = Object.fromEntries(Object.entries(e.metrics).filter((x): x is [string, number] => typeof x[1] === 'number' && Number.isFinite(x[1])));
      metrics = { source: 'held-out', n: e.n, values };
    } catch {
      // Metrics are a baseline, not a requirement: held-out rows without usable labels give none.
    }
  }
  const profile = buildReferenceProfile(frame, model.schema, {
    target: task.target, task: task.task, classes: task.classes, sampleSize: opts.sampleSize, seed,
    predictions: { frame: scorer.score(scored), source }, metrics, model: { name, version },
  });
  const { sha256 } = await reg.artifacts.put([{ path: REFERENCE_FILE, data: JSON.stringify(profile) }]);
  await reg.store.setTag(name, version, REFERENCE_TAG, sha256);
  return profile;
}

/** The stored reference profile of `v`, or undefined when it has none. */
export async function loadReferenceProfile(reg: Registry, v: ModelVersion): Promise<ReferenceProfile | undefined> {
  const sha = v.tags[REFERENCE_TAG];
  if (!sha) return undefined;
  const dir = await reg.artifacts.verify(sha);
  const profile = JSON.parse(await readFile(join(dir, REFERENCE_FILE), 'utf8')) as ReferenceProfile;
  if (profile.format !== REFERENCE_FORMAT) throw new ModelFileError('MW_MODEL_FILE_INVALID', `Artifact ${sha} is not a reference profile.`);
  return profile;
}
