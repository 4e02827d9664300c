/**
 * @module ingest/string-encoder
 * Dictionary-encodes DuckDB VARCHAR vectors straight from their raw 16-byte `string_t` slots,
 * so that a JavaScript string is created once per distinct value, not once per cell.
 *
 * A DuckDB `string_t` is 16 bytes: a uint32 length, then either the string itself (≤ 12
 * bytes, zero-padded — so the 16 bytes identify the string exactly) or a 4-byte prefix and a
 * pointer to the bytes. Short strings are keyed by their 16 bytes. Long strings are keyed by
 * (length, prefix, 64 bits of hash): DuckDB's `hash()` of the value when the query computed
 * it (columns whose sampled values are long), else two 32-bit hashes of the bytes fetched
 * through the pointer (about 1 µs a cell: fine for the odd long value, slow for a column of
 * them — hence the DuckDB hash there; for short-valued columns that extra column would cost
 * about a fifth more CPU on the whole read). Two different long strings would need equal
 * length, equal first four bytes and equal 64 bits of hash to be confused.
 *
 * The key → code table is open addressing with linear probing over typed arrays.
 */
import duckdb from '@duckdb/node-bindings';

const EMPTY = 0;
const decoder = new TextDecoder();

function mix(w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ w1 ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ w2 ^ (h >>> 16), 0x27d4eb2f);
  h = Math.imul(h ^ w3 ^ (h >>> 15), 0x165667b1);
  return (h ^ (h >>> 16)) >>> 0;
}

export class StringEncoder {
  /** Distinct values in first-seen order; a cell's code indexes this array. */
  readonly categories: string[] = [];
  private keys: Int32Array;
  /** code + 1 per slot; 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private used = 0;
  private readonly index = new Map<string, number>();
  /** The bytes of the long string last hashed (decoded only if it turns out to be new). */
  private longBytes: Uint8Array = new Uint8Array(0);

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Int32Array(cap * 4);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /**
   * Encode `n` cells of a VARCHAR vector into `out[offset…offset+n)`.
   * @param data the vector's raw `string_t` slots (16·n bytes); its pointers must stay valid
   *   (the DuckDB chunk alive) during the call
   * @param hashes DuckDB's uint64 `hash()` of each cell as uint32 pairs, or null (then long
   *   strings are hashed here); must be the same choice for every call on one encoder
   * @param validity DuckDB's validity bitmask, or null when every cell is present
   */
  encode(data: Uint8Array, hashes: Uint32Array | null, validity: Uint8Array | null, n: number, out: Int32Array, offset: number): void {
    // string_t slots are 8-byte aligned in DuckDB's vectors; copy in the unexpected case.
    const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
    const w = new Int32Array(aligned.buffer, aligned.byteOffset, n * 4);
    let keys = this.keys;
    for (let i = 0; i < n; i++) {
      if (validity !== null && ((validity[i >> 3] >> (i & 7)) & 1) === 0) {
        out[offset + i] = -1;
        continue;
      }
      const len = w[4 * i];
      const w1 = w[4 * i + 1];
      let w2 = w[4 * i + 2];
      let w3 = w[4 * i + 3];
      if (len > 12 && hashes !== null) {
        w2 = hashes[2 * i] | 0;
        w3 = hashes[2 * i + 1] | 0;
      } else if (len > 12) {
        // w2, w3 hold a pointer: key the string by hashes of its bytes instead.
        const bytes = duckdb.get_data_from_pointer(aligned.buffer as ArrayBuffer, aligned.byteOffset + 16 * i + 8, len);
        let h1 = 0x811c9dc5;
        let h2 = len;
        for (let b = 0; b < bytes.length; b++) {
          const x = bytes[b];
          h1 = Math.imul(h1 ^ x, 0x01000193);
          h2 = Math.imul(h2 + x, 0x5bd1e995) ^ (h2 >>> 15);
        }
        w2 = h1;
        w3 = h2;
        this.longBytes = bytes;
      }
      let s = mix(len, w1, w2, w3) & this.mask;
      let code = -1;
      for (;;) {
        const v = this.slots[s];
        if (v === EMPTY) break;
        const k = 4 * s;
        if (keys[k] === len && keys[k + 1] === w1 && keys[k + 2] === w2 && keys[k + 3] === w3) {
          code = v - 1;
          break;
        }
        s = (s + 1) & this.mask;
      }
      if (code < 0) {
        const bytes =
          len <= 12
            ? new Uint8Array(aligned.buffer, aligned.byteOffset + 16 * i + 4, len)
            : hashes !== null
              ? duckdb.get_data_from_pointer(aligned.buffer as ArrayBuffer, aligned.byteOffset + 16 * i + 8, len)
              : this.longBytes;
        code = this.insert(s, len, w1, w2, w3, decoder.decode(bytes));
        keys = this.keys; // insert may have grown the table
      }
      out[offset + i] = code;
    }
  }

  /** Add the key (len, w1, w2, w3) for `text` at free slot `s`; returns the text's code. */
  private insert(s: number, len: number, w1: number, w2: number, w3: number, text: string): number {
    // A second key for a known string (never seen with DuckDB's canonical string_t, but cheap
    // to rule out: it runs once per key) maps to the string's existing code.
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.categories.length;
      this.categories.push(text);
      this.index.set(text, code);
    }
    const k = 4 * s;
    this.keys[k] = len;
    this.keys[k + 1] = w1;
    this.keys[k + 2] = w2;
    this.keys[k + 3] = w3;
    this.slots[s] = code + 1;
    if (++this.used * 2 > this.slots.length) this.grow();
    return code;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const cap = oldSlots.length * 2;
    this.keys = new Int32Array(cap * 4);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      const v = oldSlots[j];
      if (v === EMPTY) continue;
      const k = 4 * j;
      let s = mix(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3]) & this.mask;
      while (this.slots[s] !== EMPTY) s = (s + 1) & this.mask;
      this.keys.set(oldKeys.subarray(k, k + 4), 4 * s);
      this.slots[s] = v;
    }
  }
}
