/**
 * @module export/onnx/graph-builder
 * A small builder for ONNX graphs: declare inputs and outputs, add nodes and constant
 * initializers, get a ModelSpec. Internal tensors are named `mw/<n>/<Op>` so they never
 * collide with feature names (which become input names as they are).
 *
 * Opsets: ai.onnx 21 and ai.onnx.ml 5 (TreeEnsemble with double values and set membership;
 * onnxruntime ≥ 1.20 runs both), IR version 10.
 */
import { type AttributeSpec, DataType, type DataTypeCode, type GraphSpec, type ModelSpec, type NodeSpec, type TensorSpec, type ValueInfoSpec } from './onnx-proto.js';

export const ONNX_IR_VERSION = 10;
export const ONNX_OPSET = 21;
export const ONNX_ML_OPSET = 5;
export const ML_DOMAIN = 'ai.onnx.ml';

export interface NodeOptions {
  readonly domain?: string;
  /** Number of outputs (default 1). */
  readonly outputs?: number;
}

export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly initializers: TensorSpec[] = [];
  private readonly inputs: ValueInfoSpec[] = [];
  private readonly outputs: ValueInfoSpec[] = [];
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(readonly name: string) {}

  private fresh(hint: string): string {
    let n: string;
    do n = `mw/${this.counter++}/${hint}`;
    while (this.used.has(n));
    this.used.add(n);
    return n;
  }

  /** Declare a graph input of shape [N, …dims]. */
  input(name: string, elemType: DataTypeCode, dims: readonly number[], doc?: string): string {
    this.used.add(name);
    this.inputs.push({ name, elemType, shape: ['N', ...dims], doc });
    return name;
  }

  /** Expose `tensor` as graph output `name` (through Identity, so any tensor can be named). */
  output(tensor: string, name: string, elemType: DataTypeCode, dims: readonly (number | string)[], doc?: string): string {
    this.nodes.push({ opType: 'Identity', inputs: [tensor], outputs: [name], name: `output/${name}` });
    this.used.add(name);
    this.outputs.push({ name, elemType, shape: dims, doc });
    return name;
  }

  /** True when `name` is already an input or output name. */
  has(name: string): boolean {
    return this.used.has(name);
  }

  /** A constant tensor (initializer); returns its name. */
  constant(dataType: DataTypeCode, dims: readonly number[], values: TensorSpec['values'], hint = 'const'): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dataType, dims, values });
    return name;
  }

  doubles(values: ArrayLike<number>, dims: readonly number[] = [values.length], hint = 'const'): string {
    return this.constant(DataType.DOUBLE, dims, values, hint);
  }

  int64s(values: ArrayLike<number>, dims: readonly number[] = [values.length], hint = 'const'): string {
    return this.constant(DataType.INT64, dims, values, hint);
  }

  /** Add a node; returns its output names. */
  nodeN(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttributeSpec>> = {}, opts: NodeOptions = {}): string[] {
    const outputs = Array.from({ length: opts.outputs ?? 1 }, () => this.fresh(opType));
    this.nodes.push({ opType, inputs, outputs, name: outputs[0], domain: opts.domain, attributes });
    return outputs;
  }

  /** Add a single-output node; returns its output name. */
  node(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttributeSpec>> = {}, opts: NodeOptions = {}): string {
    return this.nodeN(opType, inputs, attributes, opts)[0];
  }

  toModel(meta: { producerVersion: string; doc?: string; metadata?: Readonly<Record<string, string>> }): ModelSpec {
    const graph: GraphSpec = { name: this.name, nodes: this.nodes, inputs: this.inputs, outputs: this.outputs, initializers: this.initializers };
    return {
      irVersion: ONNX_IR_VERSION,
      opsets: [{ domain: '', version: ONNX_OPSET }, { domain: ML_DOMAIN, version: ONNX_ML_OPSET }],
      producerName: 'modelwright',
      producerVersion: meta.producerVersion,
      graph,
      doc: meta.doc,
      metadata: meta.metadata,
    };
  }
}
