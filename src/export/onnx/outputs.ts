/**
 * @module export/onnx/outputs
 * The outputs every exported graph ends with, like `predict` and `predictProba`:
 *
 *   classification   `label` [N] string (ArgMax of the probabilities; ties take the first
 *                    class, as our argmax does) and `probabilities` [N, K] double
 *   regression       `prediction` [N, 1] double
 *
 * An output name that a feature already uses as an input name gets a trailing '_'.
 */
import { type GraphBuilder, ML_DOMAIN } from './graph-builder.js';
import { DataType, attr } from './onnx-proto.js';

function freeName(g: GraphBuilder, name: string): string {
  let n = name;
  while (g.has(n)) n += '_';
  return n;
}

/** [N, 1] P(class 1) → [N, 2] [1 − p, p]. */
export function binaryProbabilities(g: GraphBuilder, p1: string): string {
  const p0 = g.node('Sub', [g.doubles([1], [1], 'one'), p1]);
  return g.node('Concat', [p0, p1], { axis: attr.int(1) });
}

export function classifierOutputs(g: GraphBuilder, probabilities: string, classes: readonly string[]): void {
  const index = g.node('ArgMax', [probabilities], { axis: attr.int(1), keepdims: attr.int(0), select_last_index: attr.int(0) });
  const label = g.node(
    'LabelEncoder',
    [index],
    { keys_int64s: attr.ints(classes.map((_, i) => i)), values_strings: attr.strings(classes), default_string: attr.string('') },
    { domain: ML_DOMAIN },
  );
  g.output(label, freeName(g, 'label'), DataType.STRING, ['N'], 'predicted class');
  g.output(probabilities, freeName(g, 'probabilities'), DataType.DOUBLE, ['N', classes.length], `class probabilities, columns in the order ${JSON.stringify(classes)}`);
}

export function regressorOutput(g: GraphBuilder, value: string): void {
  g.output(value, freeName(g, 'prediction'), DataType.DOUBLE, ['N', 1], 'predicted value');
}
