/**
 * @module learners/gbdt/model
 * A fitted gradient-boosted ensemble: prediction (class, probability, raw score, leaf index),
 * feature importance, and the plain-JSON state it saves and loads from.
 *
 * State layout: trees in iteration order, K per iteration for K outputs (tree t serves output
 * t mod K); `baseScore` is the starting score per output (boost_from_average); raw score =
 * baseScore + the sum of the trees' leaf values. Numbers are stored as JSON numbers, which
 * round-trip exactly, so a loaded model predicts bit-identically.
 */
import { type Column, categoricalColumn, float64Column } from '../../data/frame/column.js';
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import { ModelFileError } from '../../errors.js';
import type { ClassifierModel, Model, ModelState } from '../estimator.js';
import type { AlignedFeatures, FeatureSchema } from '../feature-schema.js';
import { FeatureAligner } from './model-input.js';
import { CANONICAL_OBJECTIVES, type CanonicalObjective } from './objectives/objective.js';
import { transformRaw } from './objectives/index.js';
import { EnsemblePredictor } from './predictor.js';
import { Tree, type TreeState } from './tree/tree.js';

export const GBDT_STATE_VERSION = 1;

export interface GbdtState {
  readonly version: number;
  readonly objective: CanonicalObjective;
  readonly sigmoid: number;
  readonly numOutputs: number;
  readonly baseScore: number[];
  readonly bestIteration: number;
  readonly trees: TreeState[];
}

export interface PredictOptions {
  /** Use only the first `numIteration` iterations (all when absent or <= 0). */
  readonly numIteration?: number;
}

export interface GbdtModelInit {
  readonly task: Task;
  readonly inputSchema: FeatureSchema;
  readonly params: Readonly<Record<string, unknown>>;
  readonly classes?: readonly string[];
  readonly objective: CanonicalObjective;
  readonly sigmoid: number;
  readonly numOutputs: number;
  readonly baseScore: Float64Array;
  readonly trees: readonly Tree[];
  readonly bestIteration: number;
}

export class GbdtModel implements Model {
  readonly kind = 'gbdt';
  readonly task: Task;
  readonly inputSchema: FeatureSchema;
  readonly params: Readonly<Record<string, unknown>>;
  readonly objective: CanonicalObjective;
  readonly numOutputs: number;
  /** Iterations kept (the best one when early stopping was on). */
  readonly bestIteration: number;
  protected readonly init: GbdtModelInit;
  private readonly predictor: EnsemblePredictor;
  private readonly aligner: FeatureAligner;

  constructor(init: GbdtModelInit) {
    this.init = init;
    this.task = init.task;
    this.inputSchema = init.inputSchema;
    this.params = init.params;
    this.objective = init.objective;
    this.numOutputs = init.numOutputs;
    this.bestIteration = init.bestIteration;
    this.predictor = new EnsemblePredictor(init.trees, init.numOutputs, init.baseScore, init.inputSchema.features.length);
    this.aligner = new FeatureAligner(init.inputSchema);
  }

  get numTrees(): number {
    return this.init.trees.length;
  }

  get trees(): readonly Tree[] {
    return this.init.trees;
  }

  get baseScore(): Float64Array {
    return this.init.baseScore;
  }

  private treesFor(opts?: PredictOptions): number {
    const it = opts?.numIteration;
    return it !== undefined && it > 0 ? Math.min(this.numTrees, it * this.numOutputs) : this.numTrees;
  }

  /** Raw scores, row-major n × numOutputs (log-odds, softmax inputs, log-means…). */
  predictRaw(X: Frame, opts?: PredictOptions): Float64Array {
    return this.rawOfAligned(this.aligner.align(X), opts);
  }

  /** Raw scores of already-aligned features (training and continued training use this). */
  rawOfAligned(aligned: AlignedFeatures, opts?: PredictOptions): Float64Array {
    return this.predictor.predictRaw(aligned.columns, aligned.nRows, this.treesFor(opts));
  }

  /** Leaf index per row and tree, row-major n × numTrees. */
  predictLeaf(X: Frame, opts?: PredictOptions): Int32Array {
    const a = this.aligner.align(X);
    return this.predictor.predictLeaf(a.columns, a.nRows, this.treesFor(opts));
  }

  /** Regression: the prediction (exp of the raw score for poisson). Classification: the class. */
  predict(X: Frame, opts?: PredictOptions): Column {
    const raw = this.predictRaw(X, opts);
    transformRaw(this.objective, this.init.sigmoid, raw, this.numOutputs);
    const classes = this.init.classes;
    if (this.task === 'regression' || !classes) return float64Column('prediction', raw);
    const n = X.nRows;
    const codes = new Int32Array(n);
    const K = this.numOutputs;
    for (let i = 0; i < n; i++) {
      if (K === 1) codes[i] = raw[i] > 0.5 ? 1 : 0;
      else {
        let best = 0;
        for (let k = 1; k < K; k++) if (raw[i * K + k] > raw[i * K + best]) best = k;
        codes[i] = best;
      }
    }
    return categoricalColumn('prediction', codes, classes);
  }

  /**
   * Total split count or gain per feature (schema order).
   * @example model.featureImportance('gain')
   */
  featureImportance(type: 'split' | 'gain' = 'split', opts?: PredictOptions): Float64Array {
    const out = new Float64Array(this.inputSchema.features.length);
    const T = this.treesFor(opts);
    for (let t = 0; t < T; t++) {
      const tree = this.init.trees[t];
      for (let i = 0; i < tree.numLeaves - 1; i++) out[tree.splitFeature[i]] += type === 'gain' ? tree.splitGain[i] : 1;
    }
    return out;
  }

  toJSON(): ModelState {
    const state: GbdtState = {
      version: GBDT_STATE_VERSION,
      objective: this.objective,
      sigmoid: this.init.sigmoid,
      numOutputs: this.numOutputs,
      baseScore: Array.from(this.init.baseScore),
      bestIteration: this.bestIteration,
      trees: this.init.trees.map((t) => t.toJSON()),
    };
    const base = { kind: this.kind, task: this.task, params: this.params, inputSchema: this.inputSchema, state };
    return this.init.classes ? { ...base, classes: this.init.classes } : base;
  }
}

export class GbdtClassifierModel extends GbdtModel implements ClassifierModel {
  get classes(): readonly string[] {
    return this.init.classes ?? [];
  }

  /** Row-major n × K probabilities (K = 2 for binary: [1 − p, p]). */
  predictProba(X: Frame, opts?: PredictOptions): Float64Array {
    const raw = this.predictRaw(X, opts);
    transformRaw(this.objective, this.init.sigmoid, raw, this.numOutputs);
    if (this.numOutputs > 1) return raw;
    const out = new Float64Array(2 * raw.length);
    for (let i = 0; i < raw.length; i++) {
      out[2 * i] = 1 - raw[i];
      out[2 * i + 1] = raw[i];
    }
    return out;
  }
}

/** Build a model from its saved state, checking the parts prediction relies on. */
export function loadGbdtModel(s: ModelState): GbdtModel {
  const st = s.state as Partial<GbdtState> | null;
  const bad = (what: string): never => {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `The gbdt model state is invalid: ${what}.`);
  };
  if (!st || typeof st !== 'object') return bad('no state object');
  if (st.version !== GBDT_STATE_VERSION) bad(`state version ${String(st.version)} (this Modelwright reads ${GBDT_STATE_VERSION})`);
  if (!CANONICAL_OBJECTIVES.includes(st.objective as CanonicalObjective)) bad(`unknown objective '${String(st.objective)}'`);
  if (!Array.isArray(st.trees) || !Array.isArray(st.baseScore) || typeof st.numOutputs !== 'number' || st.baseScore.length !== st.numOutputs) bad('trees or base scores are missing');
  const F = s.inputSchema.features.length;
  const trees = st.trees!.map((ts, i) => {
    const t = Tree.fromJSON(ts);
    for (let j = 0; j < t.numLeaves - 1; j++) {
      const f = t.splitFeature[j];
      if (!(f >= 0 && f < F)) bad(`tree ${i} splits on feature ${f}, but the schema has ${F}`);
      // Children are created after their parent, so a valid child node index is > j: this
      // also rules out cycles in a tampered file.
      for (const c of [t.leftChild[j], t.rightChild[j]]) if (c >= 0 ? c <= j || c >= t.numLeaves - 1 : ~c >= t.numLeaves) bad(`tree ${i} has an out-of-range child`);
    }
    return t;
  });
  const init: GbdtModelInit = {
    task: s.task, inputSchema: s.inputSchema, params: s.params, classes: s.classes, objective: st.objective!, sigmoid: st.sigmoid ?? 1,
    numOutputs: st.numOutputs!, baseScore: Float64Array.from(st.baseScore!), trees, bestIteration: st.bestIteration ?? trees.length / st.numOutputs!,
  };
  return s.task === 'regression' ? new GbdtModel(init) : new GbdtClassifierModel(init);
}
