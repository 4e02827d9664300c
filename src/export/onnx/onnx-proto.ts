/**
 * @module export/onnx/onnx-proto
 * ONNX's messages as plain TypeScript data, and their protobuf encoding (field numbers from
 * onnx/onnx.proto): ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto / TypeProto / TensorShapeProto and OperatorSetIdProto. Only the fields an
 * exporter needs are covered.
 */
import { ProtoWriter } from './protobuf.js';

/** TensorProto.DataType values used by the exporters. */
export const DataType = { FLOAT: 1, UINT8: 2, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

export interface TensorSpec {
  readonly name?: string;
  readonly dataType: DataTypeCode;
  readonly dims: readonly number[];
  /** Numbers (float, double, int32, uint8, bool as 0/1, int64), bigints (int64) or strings. */
  readonly values: ArrayLike<number> | readonly bigint[] | readonly string[];
}

export type AttributeSpec =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'ints'; readonly value: ArrayLike<number> }
  | { readonly type: 'floats'; readonly value: ArrayLike<number> }
  | { readonly type: 'strings'; readonly value: readonly string[] }
  | { readonly type: 'tensor'; readonly value: TensorSpec };

/** Attribute constructors: `attr.ints([0, 1])`. */
export const attr = {
  int: (value: number): AttributeSpec => ({ type: 'int', value }),
  float: (value: number): AttributeSpec => ({ type: 'float', value }),
  string: (value: string): AttributeSpec => ({ type: 'string', value }),
  ints: (value: ArrayLike<number>): AttributeSpec => ({ type: 'ints', value }),
  floats: (value: ArrayLike<number>): AttributeSpec => ({ type: 'floats', value }),
  strings: (value: readonly string[]): AttributeSpec => ({ type: 'strings', value }),
  tensor: (value: TensorSpec): AttributeSpec => ({ type: 'tensor', value }),
};

export interface NodeSpec {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly name?: string;
  /** '' (ai.onnx) or 'ai.onnx.ml'. */
  readonly domain?: string;
  readonly attributes?: Readonly<Record<string, AttributeSpec>>;
}

export interface ValueInfoSpec {
  readonly name: string;
  readonly elemType: DataTypeCode;
  /** Dimension sizes; a string is a symbolic dimension (e.g. 'N'). */
  readonly shape: readonly (number | string)[];
  readonly doc?: string;
}

export interface GraphSpec {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  readonly inputs: readonly ValueInfoSpec[];
  readonly outputs: readonly ValueInfoSpec[];
  readonly initializers: readonly TensorSpec[];
  readonly doc?: string;
}

export interface ModelSpec {
  readonly irVersion: number;
  readonly opsets: readonly { readonly domain: string; readonly version: number }[];
  readonly producerName: string;
  readonly producerVersion: string;
  readonly graph: GraphSpec;
  readonly doc?: string;
  /** ModelProto.metadata_props (free-form key/value facts). */
  readonly metadata?: Readonly<Record<string, string>>;
}

// AttributeProto.AttributeType
const ATTR_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7, strings: 8 } as const;

export function encodeTensor(t: TensorSpec): ProtoWriter {
  const w = new ProtoWriter();
  w.packedInts(1, t.dims);
  w.int(2, t.dataType);
  if (t.name) w.string(8, t.name);
  switch (t.dataType) {
    case DataType.FLOAT:
      w.packedFloats(4, t.values as ArrayLike<number>);
      break;
    case DataType.DOUBLE:
      w.packedDoubles(10, t.values as ArrayLike<number>);
      break;
    case DataType.INT64:
      w.packedInts(7, t.values as ArrayLike<number | bigint>);
      break;
    case DataType.STRING:
      for (const s of t.values as readonly string[]) w.string(6, s);
      break;
    default:
      // INT32, UINT8 and BOOL are all stored in int32_data.
      w.packedInts(5, t.values as ArrayLike<number>);
  }
  return w;
}

function encodeAttribute(name: string, a: AttributeSpec): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  switch (a.type) {
    case 'int':
      w.int(3, a.value);
      break;
    case 'float':
      w.float(2, a.value);
      break;
    case 'string':
      w.string(4, a.value);
      break;
    case 'ints':
      w.packedInts(8, a.value);
      break;
    case 'floats':
      w.packedFloats(7, a.value);
      break;
    case 'strings':
      for (const s of a.value) w.string(9, s);
      break;
    case 'tensor':
      w.message(5, encodeTensor(a.value));
      break;
  }
  return w.int(20, ATTR_TYPE[a.type]);
}

function encodeNode(n: NodeSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.opType);
  for (const [k, a] of Object.entries(n.attributes ?? {})) w.message(5, encodeAttribute(k, a));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function encodeValueInfo(v: ValueInfoSpec): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.shape) shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().int(1, v.elemType).message(2, shape);
  const w = new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
  if (v.doc) w.string(3, v.doc);
  return w;
}

function encodeGraph(g: GraphSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const n of g.nodes) w.message(1, encodeNode(n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, encodeTensor(t));
  if (g.doc) w.string(10, g.doc);
  for (const i of g.inputs) w.message(11, encodeValueInfo(i));
  for (const o of g.outputs) w.message(12, encodeValueInfo(o));
  return w;
}

/** The bytes of an .onnx file. */
export function encodeModel(m: ModelSpec): Uint8Array {
  const w = new ProtoWriter().int(1, m.irVersion);
  w.string(2, m.producerName).string(3, m.producerVersion);
  if (m.doc) w.string(6, m.doc);
  w.message(7, encodeGraph(m.graph));
  for (const o of m.opsets) w.message(8, new ProtoWriter().string(1, o.domain).int(2, o.version));
  for (const [k, v] of Object.entries(m.metadata ?? {})) w.message(14, new ProtoWriter().string(1, k).string(2, v));
  return w.finish();
}
