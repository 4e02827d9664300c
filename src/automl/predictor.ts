/**
 * @module automl/predictor
 * `Predictor`: what `train` returns and saves — the schema that turns raw tables into
 * features, the ensemble (members, each a bag of k fold models, with weights), the decision
 * threshold, and the leaderboard. Predicting averages each bag, then weights the members.
 */
import { categoricalColumn, type Column, float64Column } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import type { DatasetSchema, Task, TaskInference } from '../data/schema/types.js';
import { type DateExpansion, applyDateExpansion } from '../features/dates/expand-dates.js';
import { type DroppedColumn, featureFrame } from '../fit/feature-frame.js';
import type { Model } from '../learners/estimator.js';
import { encodeTarget, rowsWithTarget, takeTarget } from '../learners/target.js';
import { modelOutput } from './cross-validate.js';
import type { LeaderboardRow } from './leaderboard.js';
import { argmaxLabels, makeScorer } from './scoring.js';

export interface EnsembleMember {
  readonly name: string;
  readonly learner: string;
  readonly weight: number;
  /** The k fold models of the member's bag. */
  readonly models: readonly Model[];
}

export interface PredictorState {
  readonly task: TaskInference;
  readonly metric: string;
  readonly schema: DatasetSchema;
  readonly dates: DateExpansion;
  readonly dropped: readonly DroppedColumn[];
  readonly members: readonly EnsembleMember[];
  /** Binary only: P(class 1) at or above which class 1 is predicted. */
  readonly threshold?: number;
  readonly leaderboard: readonly LeaderboardRow[];
  /** Facts for the report: refit policy, folds, seed, what may vary, time used… */
  readonly info: Readonly<Record<string, unknown>>;
}

export class Predictor {
  constructor(readonly state: PredictorState) {}

  get task(): Task {
    return this.state.task.task;
  }

  get classes(): readonly string[] | undefined {
    return this.state.task.classes;
  }

  get leaderboard(): readonly LeaderboardRow[] {
    return this.state.leaderboard;
  }

  /** The features the models take, from a raw table (same columns as the training file). */
  features(data: Frame): Frame {
    const { X } = featureFrame(data, { columns: this.state.schema.columns.filter((c) => c.role !== 'target') });
    return applyDateExpansion(X, this.state.dates);
  }

  /** Ensemble output on prepared features: n×K probabilities or n values. */
  private output(X: Frame): Float64Array {
    let out: Float64Array | undefined;
    for (const m of this.state.members) {
      if (m.weight === 0) continue;
      for (const model of m.models) {
        const o = modelOutput(model, X);
        if (!out) out = new Float64Array(o.length);
        const w = m.weight / m.models.length;
        for (let i = 0; i < o.length; i++) out[i] += w * o[i];
      }
    }
    if (!out) throw new Error('predictor has no ensemble members');
    return out;
  }

  /** Class probabilities, row-major n × K (classification only). */
  predictProba(data: Frame): Float64Array {
    if (this.task === 'regression') throw new Error('predictProba is for classification predictors');
    return this.output(this.features(data));
  }

  /** Predicted labels (categorical over the classes) or values. */
  predict(data: Frame): Column {
    const out = this.output(this.features(data));
    if (this.task === 'regression') return float64Column('prediction', out);
    const classes = this.classes as readonly string[];
    return categoricalColumn('prediction', argmaxLabels(out, classes.length, this.state.threshold), classes);
  }

  /** The training metric (and a few headline ones) on labelled data. */
  evaluate(data: Frame): { metric: string; score: number; n: number } {
    const t = this.state.task;
    const y = encodeTarget(data.column(t.target), t.task, t.classes);
    const keep = rowsWithTarget(y);
    const rows = data.take(keep);
    const yk = takeTarget(y, keep);
    const out = this.output(this.features(rows));
    const scorer = makeScorer(t.task, this.state.metric, yk.values, t.classes?.length ?? 0);
    return { metric: this.state.metric, score: scorer.value(out, this.state.threshold), n: keep.length };
  }
}
