/**
 * @module profile/duplicate-rows
 * Counting rows that repeat an earlier row exactly. Each row gets a 64-bit hash (two 32-bit halves) built column
 * by column (cache-friendly on columnar storage); rows with equal hashes are then compared
 * value by value, so a hash collision can never be counted as a duplicate.
 */
import type { Column } from '../frame/column.js';
import type { Frame } from '../frame/frame.js';

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

function mix(h: number, w: number, m: number): number {
  h = Math.imul(h ^ w, m);
  return h ^ (h >>> 15);
}

/** Fold one column into the per-row hashes h1, h2. */
function hashColumn(col: Column, h1: Int32Array, h2: Int32Array): void {
  const n = h1.length;
  if (col.dtype === 'categorical') {
    const codes = col.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      h1[i] = mix(h1[i], c, 0x9e3779b1);
      h2[i] = mix(h2[i], c, 0x85ebca77);
    }
    return;
  }
  const values = col.values;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // One bit pattern for every NaN and for ±0, so equal-looking rows hash equal.
    scratch[0] = v !== v ? Number.NaN : v === 0 ? 0 : v;
    h1[i] = mix(mix(h1[i], words[0], 0x9e3779b1), words[1], 0xcc9e2d51);
    h2[i] = mix(mix(h2[i], words[1], 0x85ebca77), words[0], 0x1b873593);
  }
}

function sameValue(col: Column, a: number, b: number): boolean {
  if (col.dtype === 'categorical') return col.codes[a] === col.codes[b];
  const x = col.values[a];
  const y = col.values[b];
  return x === y || (x !== x && y !== y);
}

function sameRow(columns: readonly Column[], a: number, b: number): boolean {
  for (const col of columns) if (!sameValue(col, a, b)) return false;
  return true;
}

/** 1 for each row that repeats an earlier row exactly (missing equals missing), else 0. */
export function duplicateRowMask(frame: Frame): Uint8Array {
  const n = frame.nRows;
  const mask = new Uint8Array(n);
  if (n < 2 || frame.nCols === 0) return mask;
  const h1 = new Int32Array(n).fill(0x12345678);
  const h2 = new Int32Array(n).fill(0x7f4a7c15);
  for (const col of frame.columns) hashColumn(col, h1, h2);

  // Open addressing over row numbers (+1; 0 = empty), keyed by h1 and checked on h2 and values.
  let size = 1;
  while (size < n * 2) size <<= 1;
  const slots = size - 1;
  const table = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    let slot = (h1[i] ^ (h2[i] >>> 7)) & slots;
    for (;;) {
      const r = table[slot];
      if (r === 0) {
        table[slot] = i + 1;
        break;
      }
      const j = r - 1;
      if (h1[j] === h1[i] && h2[j] === h2[i] && sameRow(frame.columns, i, j)) {
        mask[i] = 1;
        break;
      }
      slot = (slot + 1) & slots;
    }
  }
  return mask;
}

/** How many rows repeat an earlier row exactly (missing equals missing). */
export function countDuplicateRows(frame: Frame, mask: Uint8Array = duplicateRowMask(frame)): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}
