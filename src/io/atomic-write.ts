/**
 * @module atomic-write
 * Every file Modelwright writes goes through here: the bytes land in a temporary file beside
 * the target, are flushed to disk, and the temporary file is renamed over the target. A reader
 * (or a process killed mid-write) therefore sees either the old file or the complete new one,
 * never half of it.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ModelwrightError } from '../errors.js';

function tempPathFor(target: string): string {
  const rand = Math.random().toString(36).slice(2, 10);
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${rand}`);
}

function writeFailed(target: string, cause: unknown): ModelwrightError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ModelwrightError('MW_WRITE_FAILED', `Could not write '${target}': ${reason}`, { cause, details: { path: target } });
}

/** Write `data` to `target` atomically (temp file + fsync + rename). */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw writeFailed(target, err);
  }
}

/** Synchronous twin of `writeFileAtomic`, for exit paths where awaiting is not possible. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(target);
  try {
    const fd = openSync(tmp, 'w');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeFailed(target, err);
  }
}

/**
 * Stream-style atomic writer for large outputs (predictions of many rows): chunks are appended
 * to the temporary file; `commit()` flushes and renames, `abort()` removes the temporary file.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private handle: import('node:fs/promises').FileHandle | undefined;

  private constructor(readonly target: string) {
    this.tmp = tempPathFor(target);
  }

  static async open(target: string): Promise<AtomicFileWriter> {
    const w = new AtomicFileWriter(target);
    try {
      w.handle = await open(w.tmp, 'w');
    } catch (err) {
      throw writeFailed(target, err);
    }
    return w;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (!this.handle) throw writeFailed(this.target, new Error('writer is closed'));
    try {
      if (typeof chunk === 'string') await this.handle.write(chunk);
      else await this.handle.write(chunk);
    } catch (err) {
      await this.abort();
      throw writeFailed(this.target, err);
    }
  }

  async commit(): Promise<void> {
    const h = this.handle;
    if (!h) throw writeFailed(this.target, new Error('writer is closed'));
    this.handle = undefined;
    try {
      await h.sync();
      await h.close();
      await rename(this.tmp, this.target);
    } catch (err) {
      await rm(this.tmp, { force: true }).catch(() => undefined);
      throw writeFailed(this.target, err);
    }
  }

  async abort(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close().catch(() => undefined);
    await rm(this.tmp, { force: true }).catch(() => undefined);
  }
}
