/**
 * @module export/onnx/export-linear
 * A `linear` model as ONNX: its preprocessing pipeline (impute + indicators → standardise →
 * one-hot) → design matrix [N, p] → MatMul by the coefficients → + intercepts → sigmoid
 * (binary), softmax (multiclass) or nothing (regression).
 */
import type { LinearModel } from '../../learners/linear/model.js';
import type { GraphBuilder } from './graph-builder.js';
import { type GraphFrame, toMatrix } from './graph-frame.js';
import { attr } from './onnx-proto.js';
import { binaryProbabilities } from './outputs.js';
import { pipelineGraph } from './pipeline-graph.js';

/** Class probabilities [N, K] or values [N, 1]. */
export function linearGraph(g: GraphBuilder, model: LinearModel, frame: GraphFrame): string {
  const state = model.input.toJSON();
  const X = toMatrix(g, pipelineGraph(g, frame, state), state.outputNames);
  const { coef, intercept } = model.fitted;
  const R = intercept.length;
  const p = state.outputNames.length;
  // coef is R × p row-major; MatMul wants p × R.
  const wt = new Float64Array(p * R);
  for (let r = 0; r < R; r++) for (let j = 0; j < p; j++) wt[j * R + r] = coef[r * p + j];
  const z = g.node('Add', [g.node('MatMul', [X, g.doubles(wt, [p, R], 'coef')]), g.doubles(intercept, [R], 'intercept')]);
  if (model.task === 'regression') return z;
  if (R === 1) return binaryProbabilities(g, g.node('Sigmoid', [z]));
  return g.node('Softmax', [z], { axis: attr.int(1) });
}
