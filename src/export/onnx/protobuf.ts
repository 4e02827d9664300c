/**
 * @module export/onnx/protobuf
 * A minimal Protocol Buffers *writer* — just what encoding an ONNX model needs: varints
 * (int32/int64/enum/bool), length-delimited fields (strings, bytes, nested messages), and
 * packed repeated floats, doubles and int64s. No reader and no schema: the ONNX message
 * layouts live in onnx-proto.ts.
 *
 * Wire format (protobuf.dev/programming-guides/encoding): each field is a key
 * `(field_number << 3) | wire_type` followed by its value; wire types used here are
 * 0 (varint), 1 (64-bit), 2 (length-delimited) and 5 (32-bit). Negative int64s are varints
 * of their 64-bit two's complement (ten bytes). Repeated scalars are written packed, which
 * every proto2 and proto3 parser accepts.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;

const encoder = new TextEncoder();

/** A growable byte buffer with protobuf field writers. */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /** A raw varint of a non-negative integer or any bigint (negative → 64-bit two's complement). */
  private rawVarint(value: number | bigint): void {
    if (typeof value === 'number' && value >= 0 && value <= 0x7fffffff) {
      let v = value;
      while (v > 0x7f) {
        this.byte((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      this.byte(v);
      return;
    }
    let v = BigInt.asUintN(64, BigInt(value));
    while (v > 0x7fn) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  private key(field: number, wire: number): void {
    this.rawVarint((field << 3) | wire);
  }

  /** int32 / int64 / enum / bool field (integers must be exact: |v| < 2^53 or a bigint). */
  int(field: number, value: number | bigint | boolean): this {
    const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    if (typeof v === 'number' && !Number.isInteger(v)) throw new Error(`protobuf: field ${field} needs an integer, got ${v}`);
    this.key(field, WIRE_VARINT);
    this.rawVarint(v);
    return this;
  }

  /** 32-bit float field (wire type 5). */
  float(field: number, value: number): this {
    this.key(field, 5);
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }

  /** 64-bit double field. */
  double(field: number, value: number): this {
    this.key(field, WIRE_FIXED64);
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.len, value, true);
    this.len += 8;
    return this;
  }

  /** bytes field. */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, WIRE_BYTES);
    this.rawVarint(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.len);
    this.len += value.length;
    return this;
  }

  /** string field (UTF-8). */
  string(field: number, value: string): this {
    return this.bytes(field, encoder.encode(value));
  }

  /** Embedded message field. */
  message(field: number, msg: ProtoWriter): this {
    return this.bytes(field, msg.finish());
  }

  /** Packed repeated float (32-bit) field. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const data = new Uint8Array(values.length * 4);
    const view = new DataView(data.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    return this.bytes(field, data);
  }

  /** Packed repeated double field. */
  packedDoubles(field: number, values: ArrayLike<number>): this {
    const data = new Uint8Array(values.length * 8);
    const view = new DataView(data.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
    return this.bytes(field, data);
  }

  /** Packed repeated varint field (int32 / int64). */
  packedInts(field: number, values: ArrayLike<number | bigint>): this {
    const inner = new ProtoWriter();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number' && !Number.isInteger(v)) throw new Error(`protobuf: field ${field} needs integers, got ${v}`);
      inner.rawVarint(v);
    }
    return this.bytes(field, inner.finish());
  }

  /** The encoded bytes so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
