/**
 * @module registry/model-ref
 * Model references, accepted everywhere a model is taken (predict, evaluate, explain, serve,
 * export): a path to a model file or predictor directory, or a registry reference `NAME`
 * (latest), `NAME@VERSION` or `NAME@ALIAS`. An existing path always wins; otherwise the
 * registry is asked, the artifact is verified byte for byte, and its local path returned.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { didYouMean } from '../common/closest-match.js';
import { NotFoundError } from '../errors.js';
import { looksLikeModelRef, parseModelRef } from './names.js';
import { type Registry, openRegistry, registryLocation } from './open-registry.js';
import type { ModelVersion } from './store.js';

export interface ResolvedModelRef {
  /** Local path of the model file or predictor directory to load. */
  readonly path: string;
  /** The registry version, when the reference named one. */
  readonly version?: ModelVersion;
}

/** The version a parsed registry reference names, or a NotFoundError that lists what exists. */
export async function findVersion(reg: Registry, ref: string): Promise<ModelVersion> {
  const p = parseModelRef(ref);
  const where = reg.store.location;
  let v: ModelVersion | undefined;
  if (p.version !== undefined) v = await reg.store.getVersion(p.name, p.version);
  else if (p.alias !== undefined) {
    const n = await reg.store.getAlias(p.name, p.alias);
    v = n === undefined ? undefined : await reg.store.getVersion(p.name, n);
  } else v = await reg.store.latestVersion(p.name);
  if (v) return v;
  const models = await reg.store.listModels();
  const model = models.find((m) => m.name === p.name);
  if (!model || model.latestVersion === null) {
    throw new NotFoundError('MW_MODEL_NOT_FOUND', `No model named '${p.name}' in the registry at ${where}.${didYouMean(p.name, models.map((m) => m.name))}`, {
      hint: 'Run `modelwright models list` to see the registered models, or register one with `fit --name` / `train --name`.',
      details: { ref, models: models.map((m) => m.name) },
    });
  }
  if (p.alias !== undefined) {
    const aliases = Object.keys(model.aliases);
    throw new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${p.name}' has no alias '${p.alias}'.${aliases.length ? ` Aliases: ${aliases.join(', ')}.` : ' It has no aliases yet.'}${didYouMean(p.alias, aliases)}`, {
      hint: `Set one with \`modelwright models alias ${p.name} <version> ${p.alias}\`.`,
      details: { ref, aliases },
    });
  }
  const versions = (await reg.store.listVersions(p.name)).map((x) => x.version);
  throw new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${p.name}' has no version ${p.version}. Versions: ${versions.join(', ')}.`, { details: { ref, versions } });
}

/** Verify a version's artifact and return the path to load. */
export async function versionPath(reg: Registry, v: ModelVersion): Promise<string> {
  const dir = await reg.artifacts.verify(v.artifactSha256);
  return v.artifactEntry === '.' ? dir : join(dir, v.artifactEntry);
}

/**
 * Resolve `ref` to a local, verified path.
 * @example const { path } = await resolveModelRef('churn@champion');
 */
export async function resolveModelRef(ref: string, registry?: Registry): Promise<ResolvedModelRef> {
  if (await stat(ref).then(() => true, () => false)) return { path: ref };
  if (!looksLikeModelRef(ref)) {
    throw new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${ref}' does not exist: it is not a file or directory, nor a registry reference (NAME, NAME@VERSION, NAME@ALIAS).`, { details: { ref } });
  }
  const reg = registry ?? (await openRegistry({ create: false }));
  if (!reg) {
    throw new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${ref}' does not exist: there is no such file or directory, and no registry at ${registryLocation()} to look it up in.`, {
      hint: 'Check the path, or set MODELWRIGHT_HOME / MODELWRIGHT_DB to the registry that holds the model.',
      details: { ref },
    });
  }
  try {
    const version = await findVersion(reg, ref).catch((err: unknown) => {
      // A bare word may have been meant as a file name: say that it is not one either.
      if (err instanceof NotFoundError && !ref.includes('@')) {
        throw new NotFoundError('MW_MODEL_NOT_FOUND', `There is no file or directory '${ref}', and ${err.message.charAt(0).toLowerCase()}${err.message.slice(1)}`, { hint: err.hint, details: err.details });
      }
      throw err;
    });
    return { path: await versionPath(reg, version), version };
  } finally {
    if (!registry) await reg.close();
  }
}
