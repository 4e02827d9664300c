/**
 * @module import/imported-gbdt
 * What an importer produces — a foreign boosted ensemble already translated to our gbdt
 * state — and how it becomes a model file like the ones `fit` writes: a gbdt ModelState plus
 * the meta (`target`, task, dataset schema) that predict/explain/serve read. Imported
 * categorical features keep the foreign model's integer codes as numbers: the tree splits
 * test those values against category bitsets exactly as the source library does.
 */
import type { DatasetSchema, Task, TaskInference } from '../data/schema/types.js';
import type { FittedModelMeta } from '../fit/saved-model.js';
import type { ModelState } from '../learners/estimator.js';
import { GBDT_STATE_VERSION, type GbdtState } from '../learners/gbdt/model.js';
import type { CanonicalObjective } from '../learners/gbdt/objectives/objective.js';
import type { TreeState } from '../learners/gbdt/tree/tree.js';

export interface ImportedGbdt {
  readonly format: 'lightgbm' | 'xgboost';
  readonly features: readonly string[];
  /** Per feature: the source model treats it as categorical (integer codes). */
  readonly categorical: readonly boolean[];
  readonly task: Task;
  readonly objective: CanonicalObjective;
  readonly sigmoid: number;
  readonly numOutputs: number;
  readonly baseScore: readonly number[];
  /** Tree t serves output t mod numOutputs. */
  readonly trees: readonly TreeState[];
  /** The source's own objective and settings, kept as the model's params. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ImportNaming {
  /** Name of the predicted column (default 'label'). */
  readonly target?: string;
  /** Class labels in output order (default '0', '1', …). */
  readonly classes?: readonly string[];
}

/** The gbdt ModelState and fit-style meta of an imported ensemble. */
export function importedModelState(m: ImportedGbdt, naming: ImportNaming = {}): { state: ModelState; meta: FittedModelMeta } {
  const target = naming.target ?? 'label';
  const K = m.task === 'multiclass' ? m.numOutputs : m.task === 'binary' ? 2 : 0;
  const classes = m.task === 'regression' ? undefined : (naming.classes ?? Array.from({ length: K }, (_, k) => String(k)));
  const gbdt: GbdtState = {
    version: GBDT_STATE_VERSION,
    objective: m.objective,
    sigmoid: m.sigmoid,
    numOutputs: m.numOutputs,
    baseScore: [...m.baseScore],
    bestIteration: m.trees.length / m.numOutputs,
    trees: [...m.trees],
  };
  const inputSchema = { features: m.features.map((name) => ({ name, kind: 'numeric' as const })) };
  const state: ModelState = { kind: 'gbdt', task: m.task, params: { ...m.params, imported_from: m.format }, inputSchema, ...(classes ? { classes } : {}), state: gbdt };
  const why = (j: number) => `imported from a ${m.format} model${m.categorical[j] ? ' (categorical: integer category codes)' : ''}`;
  const schema: DatasetSchema = {
    columns: [
      ...m.features.map((name, j) => ({ name, dtype: 'float64' as const, type: 'numeric' as const, role: 'feature' as const, reason: why(j) })),
      { name: target, dtype: classes ? ('categorical' as const) : ('float64' as const), type: classes ? ('categorical' as const) : ('numeric' as const), role: 'target' as const, reason: `the ${m.format} model's label` },
    ],
  };
  const task: TaskInference = { target, task: m.task, reason: `objective '${String(m.params.objective)}' of the imported ${m.format} model`, ...(classes ? { classes } : {}) };
  return { state, meta: { target, task, schema, dropped: [], trainRows: 0, learner: 'gbdt', importedFrom: m.format } };
}
