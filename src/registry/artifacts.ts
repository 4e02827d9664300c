/**
 * @module registry/artifacts
 * Content-addressed artifact directories: `artifacts/<sha256>/` holds a model's files and a
 * `manifest.json` listing each file with its size and sha256; the directory's name is the
 * sha256 of the manifest text, so the name vouches for every byte.
 *
 * Writing is atomic: files go into `artifacts/.tmp-<pid>-<rand>/`, each fsynced, then the
 * directory is renamed to its address — a killed writer leaves only a temp directory, never a
 * partial artifact. Writing the same content twice (even from two processes at once) yields
 * one directory. Loading verifies the manifest against the name and every file against the
 * manifest; a tampered or truncated artifact is refused with MW_MODEL_CHECKSUM and its path.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { ModelFileError, ModelwrightError } from '../errors.js';
import type { ArtifactKind } from './store.js';

export const MANIFEST_FILE = 'manifest.json';
export const ARTIFACT_FORMAT = 'modelwright-artifact';

export interface ArtifactFileEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ArtifactManifest {
  readonly format: typeof ARTIFACT_FORMAT;
  readonly formatVersion: 1;
  readonly files: readonly ArtifactFileEntry[];
}

export interface ArtifactInput {
  /** Relative path inside the artifact ('/'-separated). */
  readonly path: string;
  readonly data: string | Uint8Array;
}

export interface StoredArtifact {
  readonly sha256: string;
  readonly dir: string;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const SHA_RE = /^[0-9a-f]{64}$/;

function checksumError(dir: string, what: string): ModelFileError {
  return new ModelFileError('MW_MODEL_CHECKSUM', `Artifact '${dir}' failed its integrity check: ${what}. It was modified, truncated or partly deleted after it was written.`, {
    hint: 'Restore the artifact from a backup or register the model again; never load a tampered model.',
    details: { path: dir },
  });
}

function safeRelative(p: string): boolean {
  const n = normalize(p);
  return p.length > 0 && !isAbsolute(p) && !n.startsWith('..') && !n.split(sep).includes('..');
}

async function fsyncPath(path: string): Promise<void> {
  const h = await open(path, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const h = await open(path, 'w');
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Every file under `dir`, as '/'-separated relative paths, sorted. */
async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, base)));
    else if (e.isFile()) out.push(relative(base, p).split(sep).join('/'));
  }
  return out.sort();
}

export class ArtifactStore {
  constructor(readonly root: string) {}

  dir(sha: string): string {
    return join(this.root, sha);
  }

  /**
   * Store `files` as one artifact (atomically; deduplicated by content).
   * @example const { sha256 } = await artifacts.put([{ path: 'model.json', data: text }]);
   */
  async put(files: readonly ArtifactInput[]): Promise<StoredArtifact> {
    const entries = files
      .map((f) => {
        if (!safeRelative(f.path) || f.path === MANIFEST_FILE) throw new Error(`artifact file path '${f.path}' is not allowed`);
        return { path: f.path, bytes: Buffer.byteLength(f.data), sha256: sha256(f.data) };
      })
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest: ArtifactManifest = { format: ARTIFACT_FORMAT, formatVersion: 1, files: entries };
    const manifestText = JSON.stringify(manifest);
    const sha = sha256(manifestText);
    const final = this.dir(sha);
    if (await this.isValid(sha)) return { sha256: sha, dir: final };
    const tmp = join(this.root, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(tmp, { recursive: true });
      for (const f of files) await writeSynced(join(tmp, f.path), f.data);
      await writeSynced(join(tmp, MANIFEST_FILE), manifestText);
      await fsyncPath(tmp);
      await this.install(tmp, final, sha);
      await fsyncPath(this.root);
    } catch (err) {
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      if (err instanceof ModelwrightError) throw err;
      throw new ModelwrightError('MW_WRITE_FAILED', `Could not write artifact into '${this.root}': ${(err as Error).message}`, { cause: err, details: { path: this.root } });
    }
    return { sha256: sha, dir: final };
  }

  /** Rename the finished temp directory to its address (or keep a valid copy already there). */
  private async install(tmp: string, final: string, sha: string): Promise<void> {
    try {
      await rename(tmp, final);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    }
    // Someone stored the same content first: keep theirs if intact, else replace it.
    if (await this.isValid(sha)) {
      await rm(tmp, { recursive: true, force: true });
      return;
    }
    const trash = `${final}.trash-${process.pid}-${randomBytes(4).toString('hex')}`;
    await rename(final, trash);
    await rename(tmp, final);
    await rm(trash, { recursive: true, force: true });
  }

  /**
   * Store a model file (→ `model.json`) or a predictor directory (all its files).
   * @returns the artifact plus what to load from it: 'model.json' or '.' (the directory).
   */
  async putPath(src: string): Promise<StoredArtifact & { entry: string; kind: ArtifactKind }> {
    const s = await stat(src).catch((cause) => {
      throw new ModelFileError('MW_MODEL_NOT_FOUND', `'${src}' does not exist.`, { cause });
    });
    if (s.isFile()) return { ...(await this.put([{ path: 'model.json', data: await readFile(src) }])), entry: 'model.json', kind: 'model' };
    const paths = (await walk(src)).filter((p) => p !== MANIFEST_FILE);
    if (!paths.includes('predictor.json')) {
      throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${src}' is a directory without predictor.json: not a saved predictor.`);
    }
    const files = await Promise.all(paths.map(async (p) => ({ path: p, data: await readFile(join(src, p)) })));
    return { ...(await this.put(files)), entry: '.', kind: 'predictor' };
  }

  private async isValid(sha: string): Promise<boolean> {
    try {
      await this.verify(sha);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Check artifact `sha` completely (manifest against its name, every file against the
   * manifest) and return its directory; MW_MODEL_CHECKSUM when anything differs.
   */
  async verify(sha: string): Promise<string> {
    const dir = this.dir(sha);
    if (!SHA_RE.test(sha)) throw checksumError(dir, 'its address is not a sha256');
    let text: string;
    try {
      text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT' && !(await stat(dir).then(() => true, () => false))) {
        throw new ModelFileError('MW_MODEL_NOT_FOUND', `Artifact '${dir}' does not exist: the registry refers to it, but it was removed from disk.`, {
          hint: 'Restore the artifacts directory from a backup, or delete this version and register the model again.',
          details: { path: dir },
        });
      }
      throw checksumError(dir, `${MANIFEST_FILE} is missing or unreadable`);
    }
    if (sha256(text) !== sha) throw checksumError(dir, `${MANIFEST_FILE} does not match the artifact's address`);
    const manifest = JSON.parse(text) as ArtifactManifest;
    for (const f of manifest.files) {
      const path = join(dir, f.path);
      if (!safeRelative(f.path)) throw checksumError(dir, `the manifest names an unsafe path '${f.path}'`);
      let data: Buffer;
      try {
        data = await readFile(path);
      } catch {
        throw checksumError(path, 'the file is missing');
      }
      if (data.length !== f.bytes) throw checksumError(path, `the file has ${data.length} bytes, the manifest says ${f.bytes}`);
      if (sha256(data) !== f.sha256) throw checksumError(path, 'the file\'s sha256 does not match the manifest');
    }
    return dir;
  }

  /** The addresses of every stored artifact (complete directories only; temp ones are skipped). */
  async list(): Promise<string[]> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    return names.filter((n) => SHA_RE.test(n)).sort();
  }

  async remove(sha: string): Promise<void> {
    if (SHA_RE.test(sha)) await rm(this.dir(sha), { recursive: true, force: true });
  }

  /**
   * Remove artifacts no version refers to, and temp directories of killed writers, when older
   * than `minAgeMs` (default one hour: a registration in progress writes its artifact moments
   * before inserting the version that refers to it).
   */
  async gc(referenced: ReadonlySet<string>, minAgeMs = 3_600_000): Promise<{ removed: string[] }> {
    const removed: string[] = [];
    const now = Date.now();
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      const orphan = SHA_RE.test(name) ? !referenced.has(name) : name.startsWith('.tmp-') || name.includes('.trash-');
      if (!orphan) continue;
      const path = join(this.root, name);
      const s = await stat(path).catch(() => undefined);
      if (!s || now - s.mtimeMs < minAgeMs) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    }
    return { removed };
  }
}
