/**
 * @module export/onnx/pipeline-graph
 * The preprocessing pipeline (features/pipeline.ts) as ONNX operators, step by step, with the
 * same semantics as each step's `transform`:
 *
 *   impute          Where(IsNaN(x), fill, x); categorical fill: Where(code < 0, fillCode, code);
 *                   `<col>__missing` = Cast(IsNaN(x)) from the values *before* filling
 *   standard-scale  (x − mean) / scale
 *   one-hot         code → output slot by a lookup table (Gather), then Equal against
 *                   0…width−1 → 0/1 columns (missing and unseen give all zeros)
 *   ordinal         code → position in the sorted training categories by a table, NaN else
 *
 * Lookup tables are indexed by code + 1 so that the missing code −1 reads entry 0.
 */
import type { ImputerState } from '../../features/impute/simple-imputer.js';
import { INDICATOR_SUFFIX } from '../../features/impute/simple-imputer.js';
import type { OneHotState } from '../../features/encode/one-hot-encoder.js';
import { OneHotEncoder } from '../../features/encode/one-hot-encoder.js';
import type { OrdinalState } from '../../features/encode/ordinal-encoder.js';
import type { PipelineState } from '../../features/pipeline.js';
import type { ScalerState } from '../../features/scale/standard-scaler.js';
import type { GraphBuilder } from './graph-builder.js';
import type { GraphColumn, GraphFrame } from './graph-frame.js';
import { DataType, attr } from './onnx-proto.js';

type Columns = Map<string, GraphColumn>;

const one = [1];

/** `table[code + 1]` for int64 codes [N, 1]. */
function lookup(g: GraphBuilder, codes: string, table: string): string {
  const shifted = g.node('Add', [codes, g.int64s(one, one, 'one')]);
  return g.node('Gather', [table, shifted], { axis: attr.int(0) });
}

function impute(g: GraphBuilder, names: string[], cols: Columns, s: ImputerState): void {
  const before = new Map(cols);
  for (const { name, fill } of s.numeric) {
    const c = cols.get(name);
    if (!c || c.kind !== 'num') continue;
    const nan = g.node('IsNaN', [c.tensor]);
    cols.set(name, { kind: 'num', tensor: g.node('Where', [nan, g.doubles([fill], one, 'fill'), c.tensor]) });
  }
  for (const { name, fill } of s.categorical) {
    const c = cols.get(name);
    if (!c || c.kind !== 'cat') continue;
    let code = c.categories.indexOf(fill);
    let categories = c.categories;
    if (code < 0) (code = categories.length), (categories = [...categories, fill]);
    const missing = g.node('Less', [c.tensor, g.int64s([0], one, 'zero')]);
    cols.set(name, { kind: 'cat', tensor: g.node('Where', [missing, g.int64s([code], one, 'fill'), c.tensor]), categories });
  }
  for (const name of s.indicators) {
    const c = before.get(name);
    if (!c) continue;
    const flag = c.kind === 'num' ? g.node('IsNaN', [c.tensor]) : g.node('Less', [c.tensor, g.int64s([0], one, 'zero')]);
    const out = name + INDICATOR_SUFFIX;
    cols.set(out, { kind: 'num', tensor: g.node('Cast', [flag], { to: attr.int(DataType.DOUBLE) }) });
    names.push(out);
  }
}

function scale(g: GraphBuilder, cols: Columns, s: ScalerState): void {
  for (const { name, mean, scale } of s.columns) {
    const c = cols.get(name);
    if (!c || c.kind !== 'num') continue;
    const centred = g.node('Sub', [c.tensor, g.doubles([mean], one, 'mean')]);
    cols.set(name, { kind: 'num', tensor: g.node('Div', [centred, g.doubles([scale], one, 'scale')]) });
  }
}

function oneHot(g: GraphBuilder, names: string[], cols: Columns, s: OneHotState): string[] {
  const out: string[] = [];
  const encoded = new Map(s.columns.map((c) => [c.name, c]));
  for (const name of names) {
    const c = cols.get(name);
    const spec = encoded.get(name);
    if (!spec || !c || c.kind !== 'cat') {
      out.push(name);
      continue;
    }
    const width = spec.categories.length + (spec.other.length > 0 ? 1 : 0);
    const slotOf = new Map<string, number>(spec.categories.map((cat, i) => [cat, i]));
    for (const cat of spec.other) slotOf.set(cat, spec.categories.length);
    const table = g.int64s([-1, ...c.categories.map((cat) => slotOf.get(cat) ?? -1)], undefined, 'slots');
    const slots = lookup(g, c.tensor, table);
    const outNames = OneHotEncoder.outputNames(spec);
    cols.delete(name);
    if (width === 0) continue;
    const range = g.int64s(Array.from({ length: width }, (_, k) => k), [1, width], 'range');
    const block = g.node('Cast', [g.node('Equal', [slots, range])], { to: attr.int(DataType.DOUBLE) });
    const parts = width === 1 ? [block] : g.nodeN('Split', [block], { axis: attr.int(1), num_outputs: attr.int(width) }, { outputs: width });
    outNames.forEach((n, k) => {
      cols.set(n, { kind: 'num', tensor: parts[k] });
      out.push(n);
    });
  }
  return out;
}

function ordinal(g: GraphBuilder, cols: Columns, s: OrdinalState): void {
  for (const { name, categories } of s.columns) {
    const c = cols.get(name);
    if (!c || c.kind !== 'cat') continue;
    const index = new Map(categories.map((cat, i) => [cat, i]));
    const table = g.doubles([Number.NaN, ...c.categories.map((cat) => index.get(cat) ?? Number.NaN)], undefined, 'ordinal');
    cols.set(name, { kind: 'num', tensor: lookup(g, c.tensor, table) });
  }
}

/**
 * Apply a fitted pipeline's steps to graph columns.
 * @example const out = pipelineGraph(g, frame, model.input.toJSON()); toMatrix(g, out, state.outputNames)
 */
export function pipelineGraph(g: GraphBuilder, frame: GraphFrame, state: PipelineState): GraphFrame {
  let names = [...frame.names];
  const cols: Columns = new Map(frame.columns);
  for (const step of state.steps) {
    switch (step.kind) {
      case 'impute':
        impute(g, names, cols, step.state as ImputerState);
        break;
      case 'standard-scale':
        scale(g, cols, step.state as ScalerState);
        break;
      case 'one-hot':
        names = oneHot(g, names, cols, step.state as OneHotState);
        break;
      case 'ordinal':
        ordinal(g, cols, step.state as OrdinalState);
        break;
    }
  }
  return { names, columns: cols };
}
