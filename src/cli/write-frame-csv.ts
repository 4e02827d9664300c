/**
 * @module cli/write-frame-csv
 * STOPGAP until src/data/write lands: `writeFrame(frame, path)` with the same signature, CSV
 * only, written atomically (temporary file + rename) in chunks of rows. Replace the imports
 * of this module by `../data/write/index.js` and delete it once that exists.
 */
import { extname } from 'node:path';
import type { Column } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import { UsageError } from '../errors.js';
import { AtomicFileWriter } from '../io/atomic-write.js';

/** RFC 4180 quoting: only when the field holds a delimiter, quote or line break. */
function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function cell(col: Column, i: number): string {
  switch (col.dtype) {
    case 'float64': {
      const v = col.values[i];
      return Number.isNaN(v) ? '' : String(v);
    }
    case 'datetime': {
      const v = col.values[i];
      return Number.isNaN(v) ? '' : new Date(v).toISOString();
    }
    case 'categorical': {
      const c = col.codes[i];
      return c < 0 ? '' : quote(col.categories[c]);
    }
  }
}

/** Write `frame` to `path` as CSV with a header row (atomically). */
export async function writeFrame(frame: Frame, path: string): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '') {
    throw new UsageError('MW_USAGE', `Cannot write '${path}': only .csv output is supported by this command for now.`, { hint: 'Give an output path ending in .csv.' });
  }
  const writer = await AtomicFileWriter.open(path);
  try {
    await writer.write(`${frame.names.map(quote).join(',')}\n`);
    const chunk = 10_000;
    for (let start = 0; start < frame.nRows; start += chunk) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(frame.nRows, start + chunk); i++) lines.push(frame.columns.map((c) => cell(c, i)).join(','));
      await writer.write(`${lines.join('\n')}\n`);
    }
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
