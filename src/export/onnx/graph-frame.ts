/**
 * @module export/onnx/graph-frame
 * A Frame inside an ONNX graph: named columns, each a [N, 1] tensor —
 *
 *   num   double values, NaN = missing
 *   cat   int64 codes into a dictionary (the training categories), -1 = missing or unseen
 *
 * `featureInputs` declares one graph input per model feature (numbers as double or float,
 * categories as strings) and turns it into this form — exactly what
 * learners/shared/input-frame.ts does to a raw Frame — so the exported graph takes the raw
 * feature columns. `toMatrix` concatenates numeric columns into the [N, p] design matrix.
 */
import { UsageError } from '../../errors.js';
import type { FeatureSchema } from '../../learners/feature-schema.js';
import { type GraphBuilder, ML_DOMAIN } from './graph-builder.js';
import { DataType, attr } from './onnx-proto.js';

export type GraphColumn =
  | { readonly kind: 'num'; readonly tensor: string }
  | { readonly kind: 'cat'; readonly tensor: string; readonly categories: readonly string[] };

export interface GraphFrame {
  /** Column names in frame order. */
  readonly names: readonly string[];
  readonly columns: ReadonlyMap<string, GraphColumn>;
}

/** How numeric inputs are declared: double (exact, the default) or float (cast to double inside). */
export type NumericInputType = 'double' | 'float';

/** One description per graph input, written into the model's metadata. */
export interface InputDescription {
  readonly name: string;
  readonly type: 'double' | 'float' | 'string';
  readonly categories?: readonly string[];
}

/** Codes of a string column against a dictionary (unknown → -1), as LabelEncoder. */
export function stringToCodes(g: GraphBuilder, strings: string, categories: readonly string[]): string {
  if (categories.length === 0) {
    // No known category: every value is missing.
    const shape = g.node('Shape', [strings]);
    return g.node('ConstantOfShape', [shape], { value: attr.tensor({ dataType: DataType.INT64, dims: [1], values: [-1] }) });
  }
  return g.node(
    'LabelEncoder',
    [strings],
    { keys_strings: attr.strings(categories), values_int64s: attr.ints(categories.map((_, i) => i)), default_int64: attr.int(-1) },
    { domain: ML_DOMAIN },
  );
}

/**
 * Declare the model's feature inputs and convert them to graph columns.
 * @example const { frame, inputs } = featureInputs(g, model.inputSchema, 'double');
 */
export function featureInputs(g: GraphBuilder, schema: FeatureSchema, numeric: NumericInputType): { frame: GraphFrame; inputs: InputDescription[] } {
  const columns = new Map<string, GraphColumn>();
  const inputs: InputDescription[] = [];
  for (const f of schema.features) {
    if (f.kind === 'categorical') {
      const categories = f.categories ?? [];
      const input = g.input(f.name, DataType.STRING, [1], 'category text; anything not listed in the metadata counts as missing');
      columns.set(f.name, { kind: 'cat', tensor: stringToCodes(g, input, categories), categories });
      inputs.push({ name: f.name, type: 'string', categories });
    } else {
      const input = g.input(f.name, numeric === 'double' ? DataType.DOUBLE : DataType.FLOAT, [1], 'number; NaN = missing');
      columns.set(f.name, { kind: 'num', tensor: numeric === 'double' ? input : g.node('Cast', [input], { to: attr.int(DataType.DOUBLE) }) });
      inputs.push({ name: f.name, type: numeric });
    }
  }
  return { frame: { names: schema.features.map((f) => f.name), columns }, inputs };
}

/** A categorical column's codes as doubles (-1 stays -1): what tree models compare. */
export function codesAsDouble(g: GraphBuilder, col: GraphColumn): string {
  return col.kind === 'num' ? col.tensor : g.node('Cast', [col.tensor], { to: attr.int(DataType.DOUBLE) });
}

/** Concatenate numeric columns `names` into a [N, p] double matrix. */
export function toMatrix(g: GraphBuilder, frame: GraphFrame, names: readonly string[]): string {
  const parts = names.map((name) => {
    const col = frame.columns.get(name);
    if (!col) throw new Error(`ONNX export: column '${name}' is not produced by the preprocessing graph`);
    if (col.kind !== 'num') {
      throw new UsageError('MW_EXPORT_UNSUPPORTED', `Column '${name}' is still categorical at the end of the preprocessing; it cannot enter a numeric matrix.`);
    }
    return col.tensor;
  });
  return parts.length === 1 ? parts[0] : g.node('Concat', parts, { axis: attr.int(1) });
}
