/**
 * @module report/model-card/model-card-input
 * What a model card says (Mitchell et al. 2019, "Model Cards for Model Reporting"), as plain
 * data: model details and version/lineage, intended use, training data (fingerprint and
 * profile summary), metrics with intervals, fairness results, limitations and warnings,
 * parameters. `modelCardInput` gathers it from a saved model plus what `fit`/`train` know
 * (data fingerprint, profile, evaluation); every part is optional except the model details.
 */
import type { DataFingerprint } from '../../data/fingerprint.js';
import type { Profile } from '../../data/profile/types.js';
import type { Evaluation } from '../../evaluate/evaluate-model.js';
import type { SavedModelRef } from '../../evaluate/saved-model-ref.js';
import type { FairnessResult } from '../../fairness/fairness-report.js';
import { VERSION, gitCommit } from '../../version.js';

export interface ModelCardInput {
  readonly name: string;
  readonly learner: string;
  readonly task: string;
  readonly target: string;
  readonly classes?: readonly string[];
  readonly features: readonly { readonly name: string; readonly kind: string }[];
  readonly intendedUse?: string;
  readonly outOfScope?: string;
  readonly data?: {
    readonly source?: string;
    readonly fingerprint?: DataFingerprint;
    readonly rows?: number;
    readonly columns?: number;
    readonly missingCells?: number;
    readonly duplicateRows?: number;
    readonly classCounts?: Readonly<Record<string, number>>;
  };
  readonly metrics?: {
    readonly on: string;
    readonly values: Readonly<Record<string, number | null>>;
    readonly headline?: { readonly metric: string; readonly low: number; readonly high: number; readonly level: number };
  };
  readonly fairness?: Readonly<Record<string, FairnessResult>>;
  readonly limitations: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly version: { readonly modelwright: string; readonly commit: string | null; readonly createdAt?: string };
  readonly lineage: Readonly<Record<string, string | number | null>>;
}

export interface ModelCardExtras {
  readonly intendedUse?: string;
  readonly outOfScope?: string;
  readonly dataSource?: string;
  readonly fingerprint?: DataFingerprint;
  readonly profile?: Profile;
  readonly evaluation?: Evaluation;
  /** Where the evaluation metrics come from ("held-out test.csv", "5-fold out-of-fold"…). */
  readonly evaluatedOn?: string;
  readonly lineage?: Readonly<Record<string, string | number | null>>;
}

export const DEFAULT_INTENDED_USE = 'Predictions on new rows drawn from the same population, collected the same way, as the training data.';

function limitationsOf(ref: SavedModelRef | null, x: ModelCardExtras): string[] {
  const out: string[] = [];
  for (const w of x.profile?.warnings ?? []) if (w.severity === 'warning') out.push(`Training data: ${w.message}`);
  for (const w of x.evaluation?.warnings ?? []) out.push(`Evaluation: ${w}`);
  if (!x.evaluation?.fairness) out.push('Fairness was not evaluated: run `modelwright evaluate --sensitive COL` on labelled data with the sensitive columns.');
  if (ref?.kind === 'model' && ref.meta.dropped.length > 0) out.push(`Columns not used as features: ${ref.meta.dropped.map((d) => `${d.column} (${d.reason})`).join('; ')}.`);
  out.push('Performance outside the training distribution (new categories, shifted ranges, other time periods) is unknown; monitor drift in production.');
  return out;
}

/**
 * The card's content for a saved model (model file or predictor directory).
 * @example renderModelCard(modelCardInput(await loadSavedModel('m.json'), { fingerprint, profile, evaluation }))
 */
export function modelCardInput(ref: SavedModelRef, x: ModelCardExtras = {}): ModelCardInput {
  const t = ref.task;
  const features = ref.kind === 'model'
    ? ref.model.inputSchema.features.map((f) => ({ name: f.name, kind: f.kind }))
    : ref.schema.columns.filter((c) => c.role === 'feature').map((c) => ({ name: c.name, kind: c.type }));
  const parameters: Record<string, unknown> = ref.kind === 'model'
    ? { ...((ref.file.payload.model.params ?? {}) as Record<string, unknown>) }
    : Object.fromEntries(ref.predictor.state.members.filter((m) => m.weight > 0).map((m) => [m.name, `${m.learner}, weight ${m.weight.toFixed(3)}, ${m.models.length} fold models`]));
  const p = x.profile;
  const created = ref.kind === 'model' ? ref.file.payload : null;
  const e = x.evaluation;
  const iv = e?.intervals.headline;
  return {
    name: ref.path,
    learner: ref.learner,
    task: t.task,
    target: t.target,
    ...(t.classes ? { classes: t.classes } : {}),
    features,
    intendedUse: x.intendedUse ?? DEFAULT_INTENDED_USE,
    outOfScope: x.outOfScope,
    data: {
      source: x.dataSource,
      fingerprint: x.fingerprint,
      rows: p?.rows ?? (ref.kind === 'model' ? ref.meta.trainRows : undefined),
      columns: p?.columnCount,
      missingCells: p ? p.columns.reduce((s, c) => s + c.missing, 0) : undefined,
      duplicateRows: p?.duplicateRows,
      classCounts: p?.target?.classes && p.target.classCounts ? Object.fromEntries(p.target.classes.map((c, i) => [c, p.target!.classCounts![i]])) : undefined,
    },
    metrics: e ? { on: x.evaluatedOn ?? `${e.n} labelled rows`, values: e.metrics, ...(iv ? { headline: { metric: iv.metric, low: iv.low, high: iv.high, level: iv.level } } : {}) } : undefined,
    fairness: e?.fairness,
    limitations: limitationsOf(ref, x),
    parameters,
    version: { modelwright: created?.createdWith.modelwright ?? VERSION, commit: created?.createdWith.commit ?? gitCommit(), createdAt: created?.createdAt },
    lineage: { model: ref.path, kind: ref.kind, ...(ref.kind === 'model' && ref.meta.seed !== undefined ? { seed: ref.meta.seed } : {}), ...(x.fingerprint ? { training_data: x.fingerprint.sha256 } : {}), ...(x.lineage ?? {}) },
  };
}
