/**
 * @module automl/predictor-file
 * A saved predictor is a directory of plain data:
 *
 *   predictor.json            format, version, checksum, and the payload: task, metric, schema,
 *                             date expansion, threshold, leaderboard, info, and the members
 *                             with their model files and each file's sha256
 *   models/<member>-<k>.json  one checksummed model file per fold model
 *
 * It is written into a temporary sibling directory and renamed into place, so a crash leaves
 * the old predictor or the new one, never a mix. Loading verifies every checksum and evaluates
 * nothing.
 */
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ModelFileError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import '../learners/all.js';
import { parseModelFile, serializeModelFile, sha256Hex, toModelFile } from '../learners/model-file.js';
import { loadModelState } from '../learners/registry.js';
import { VERSION, gitCommit } from '../version.js';
import { Predictor, type PredictorState } from './predictor.js';

export const PREDICTOR_FORMAT = 'modelwright-predictor';
export const PREDICTOR_FORMAT_VERSION = 1;

interface MemberRecord {
  readonly name: string;
  readonly learner: string;
  readonly weight: number;
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
}

type SavedState = Omit<PredictorState, 'members'> & { readonly members: readonly MemberRecord[] };

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Save `predictor` as directory `dir` (replacing an existing predictor there). */
export async function savePredictor(predictor: Predictor, dir: string): Promise<void> {
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  await mkdir(join(tmp, 'models'), { recursive: true });
  try {
    const members: MemberRecord[] = [];
    for (const m of predictor.state.members) {
      const files = [];
      for (let k = 0; k < m.models.length; k++) {
        const rel = `models/${safeName(m.name)}-${k}.json`;
        const text = serializeModelFile(toModelFile(m.models[k].toJSON(), { member: m.name, fold: k }));
        await writeFileAtomic(join(tmp, rel), text);
        files.push({ path: rel, sha256: sha256Hex(text) });
      }
      members.push({ name: m.name, learner: m.learner, weight: m.weight, files });
    }
    const payload: SavedState & { createdWith: unknown; createdAt: string } = {
      ...predictor.state,
      members,
      createdWith: { modelwright: VERSION, commit: gitCommit() },
      createdAt: new Date().toISOString(),
    };
    const file = { format: PREDICTOR_FORMAT, formatVersion: PREDICTOR_FORMAT_VERSION, checksum: `sha256:${sha256Hex(JSON.stringify(payload))}`, payload };
    await writeFileAtomic(join(tmp, 'predictor.json'), JSON.stringify(file));
    const old = `${tmp}-old`;
    const exists = await stat(dir).then(() => true, () => false);
    if (exists) await rename(dir, old);
    await rename(tmp, dir);
    if (exists) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new ModelFileError('MW_MODEL_NOT_FOUND', `${what} '${path}' does not exist.`, { cause });
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `Could not read ${what} '${path}': ${(cause as Error).message}`, { cause });
  }
}

/** True when `path` is a directory holding predictor.json. */
export async function isPredictorDir(path: string): Promise<boolean> {
  return stat(join(path, 'predictor.json')).then((s) => s.isFile(), () => false);
}

/** Load and verify a predictor directory. */
export async function loadPredictor(dir: string): Promise<Predictor> {
  const indexPath = join(dir, 'predictor.json');
  const text = await readText(indexPath, 'Predictor file');
  let file: { format?: string; formatVersion?: number; checksum?: string; payload?: SavedState };
  try {
    file = JSON.parse(text);
  } catch (cause) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${indexPath}' is not valid JSON (truncated or not a predictor).`, { cause });
  }
  if (file.format !== PREDICTOR_FORMAT || !file.payload) throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${indexPath}' is not a Modelwright predictor.`);
  if (file.formatVersion !== PREDICTOR_FORMAT_VERSION) {
    throw new ModelFileError('MW_MODEL_VERSION', `'${indexPath}' has predictor format version ${String(file.formatVersion)}; this Modelwright reads version ${PREDICTOR_FORMAT_VERSION}.`);
  }
  if (file.checksum !== `sha256:${sha256Hex(JSON.stringify(file.payload))}`) {
    throw new ModelFileError('MW_MODEL_CHECKSUM', `'${indexPath}' failed its integrity check: its content does not match its checksum.`);
  }
  const saved = file.payload;
  const members = [];
  for (const m of saved.members) {
    const models = [];
    for (const f of m.files) {
      const path = join(dir, f.path);
      const modelText = await readText(path, 'Model file');
      if (sha256Hex(modelText) !== f.sha256) {
        throw new ModelFileError('MW_MODEL_CHECKSUM', `'${path}' does not match the checksum recorded in predictor.json: it was modified or damaged.`);
      }
      models.push(loadModelState(parseModelFile(modelText, path).payload.model, `'${path}'`));
    }
    members.push({ name: m.name, learner: m.learner, weight: m.weight, models });
  }
  return new Predictor({ ...saved, members });
}
