/**
 * @module export/onnx/model-to-onnx
 * A fitted model as an ONNX model (bytes): one input per raw feature column, the model's own
 * preprocessing and predictor inside, and `label` + `probabilities` (classifiers) or
 * `prediction` (regressors) out. Supported kinds: gbdt, rf, extratrees, linear.
 *
 *   inputs ─▶ graph-frame (strings → codes) ─▶ pipeline-graph ─▶ export-<kind> ─▶ outputs
 *
 * Metadata props record the kind, task, classes, target and each input's type and categories.
 */
import { UsageError } from '../../errors.js';
import type { Model } from '../../learners/estimator.js';
import { ForestModel } from '../../learners/forest/model.js';
import { GbdtModel } from '../../learners/gbdt/model.js';
import { LinearModel } from '../../learners/linear/model.js';
import { VERSION, gitCommit } from '../../version.js';
import { forestGraph } from './export-forest.js';
import { gbdtGraph } from './export-gbdt.js';
import { linearGraph } from './export-linear.js';
import { GraphBuilder } from './graph-builder.js';
import { type NumericInputType, featureInputs } from './graph-frame.js';
import { encodeModel } from './onnx-proto.js';
import { classifierOutputs, regressorOutput } from './outputs.js';

export const ONNX_EXPORTABLE_KINDS = ['gbdt', 'rf', 'extratrees', 'linear'] as const;

export interface OnnxExportOptions {
  /** Element type of numeric inputs (default 'double': the graph computes exactly as we do). */
  readonly numericInput?: NumericInputType;
  /** Graph name and doc (default: the model kind). */
  readonly name?: string;
  /** Extra metadata props (e.g. the target column, the registry reference). */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * Encode `model` as an .onnx file's bytes.
 * @example writeFileAtomic('model.onnx', modelToOnnx(model, { metadata: { target: 'churn' } }))
 */
export function modelToOnnx(model: Model, options: OnnxExportOptions = {}): Uint8Array {
  const g = new GraphBuilder(options.name ?? `modelwright-${model.kind}`);
  const { frame, inputs } = featureInputs(g, model.inputSchema, options.numericInput ?? 'double');
  let out: string;
  if (model instanceof GbdtModel) out = gbdtGraph(g, model, frame);
  else if (model instanceof ForestModel) out = forestGraph(g, model, frame);
  else if (model instanceof LinearModel) out = linearGraph(g, model, frame);
  else {
    throw new UsageError('MW_EXPORT_UNSUPPORTED', `A '${model.kind}' model cannot be exported to ONNX; supported kinds: ${ONNX_EXPORTABLE_KINDS.join(', ')}.`, {
      hint: 'Use --format json for the plain model file, or train one of the supported learners.',
      details: { kind: model.kind, supported: [...ONNX_EXPORTABLE_KINDS] },
    });
  }
  const classes = model.task === 'regression' ? undefined : ((model as { classes?: readonly string[] }).classes ?? []);
  if (classes) classifierOutputs(g, out, classes);
  else regressorOutput(g, out);
  const commit = gitCommit();
  return encodeModel(
    g.toModel({
      producerVersion: VERSION,
      doc: `Modelwright ${model.kind} ${model.task} model. Inputs: one [N, 1] tensor per feature (numbers with NaN for missing; category text, where unknown text counts as missing).`,
      metadata: {
        'modelwright.version': VERSION,
        ...(commit ? { 'modelwright.commit': commit } : {}),
        'modelwright.kind': model.kind,
        'modelwright.task': model.task,
        ...(classes ? { 'modelwright.classes': JSON.stringify(classes) } : {}),
        'modelwright.inputs': JSON.stringify(inputs),
        ...options.metadata,
      },
    }),
  );
}
