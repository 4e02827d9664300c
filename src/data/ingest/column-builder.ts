/**
 * @module ingest/column-builder
 * Growable typed arrays that DuckDB chunks are copied into. The first capacity comes from a
 * row-count estimate, so a large read normally allocates each column once and never copies it
 * again; a wrong estimate only costs a doubling.
 */

/** A typed array with room to grow; `bytes` aliases the same memory for raw vector copies. */
export class TypedBuilder<T extends Float64Array | Int32Array> {
  private array: T;
  private bytes: Uint8Array;
  length = 0;

  constructor(
    private readonly make: (n: number) => T,
    capacity: number,
  ) {
    this.array = make(Math.max(16, capacity));
    this.bytes = new Uint8Array(this.array.buffer);
  }

  /** Room for `n` more rows; returns the array to write them into. */
  reserve(n: number): T {
    const need = this.length + n;
    if (need > this.array.length) {
      const next = this.make(Math.max(need, Math.ceil(this.array.length * 2)));
      next.set(this.array.subarray(0, this.length));
      this.array = next;
      this.bytes = new Uint8Array(next.buffer);
    }
    return this.array;
  }

  /** Append `n` rows given as the raw little-endian bytes of DuckDB vector data. */
  appendBytes(src: Uint8Array, n: number): void {
    this.reserve(n);
    const width = this.array.BYTES_PER_ELEMENT;
    this.bytes.set(src.subarray(0, n * width), this.length * width);
    this.length += n;
  }

  /**
   * The filled rows. When the estimate overshot by more than a fifth, the rows are copied to
   * an exact-size array so the Frame does not keep the slack alive; otherwise a view is
   * returned (the untouched tail was never paged in).
   */
  finish(): T {
    if (this.length === this.array.length) return this.array;
    if (this.length >= 0.8 * this.array.length) return this.array.subarray(0, this.length) as T;
    return this.array.slice(0, this.length) as T;
  }
}

export const float64Builder = (capacity: number): TypedBuilder<Float64Array> =>
  new TypedBuilder((n) => new Float64Array(n), capacity);

export const int32Builder = (capacity: number): TypedBuilder<Int32Array> => new TypedBuilder((n) => new Int32Array(n), capacity);
