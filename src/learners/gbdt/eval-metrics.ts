/**
 * @module learners/gbdt/eval-metrics
 * The metrics the booster reports and early-stops on, by LightGBM name. They take converted
 * predictions (probabilities, means: row-major n × K) and are weighted by row weights.
 * Kept inside gbdt/ behind this small interface until src/metrics/ offers a registry; each is
 * a few lines and O(n) (AUC: O(n log n)) so evaluating every iteration stays cheap.
 */
import { InvalidParamError } from '../../errors.js';
import { didYouMean } from '../../common/closest-match.js';
import { type Queries, defaultLabelGain, discount, maxDcgAt } from './objectives/ranking.js';

export interface EvalData {
  readonly labels: Float64Array;
  readonly weights: Float64Array | null;
  readonly queries: Queries | null;
  readonly numOutputs: number;
}

export interface EvalMetric {
  readonly name: string;
  readonly higherBetter: boolean;
  evaluate(pred: Float64Array, data: EvalData): number;
}

/** Weighted mean of per-row losses. */
function meanLoss(data: EvalData, loss: (i: number) => number): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < data.labels.length; i++) {
    const w = data.weights ? data.weights[i] : 1;
    s += loss(i) * w;
    sw += w;
  }
  return sw > 0 ? s / sw : 0;
}

const EPS = 1e-15;
const clampP = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));

/** Weighted ROC AUC; tied scores count one half. */
export function auc(score: Float64Array, labels: Float64Array, weights: Float64Array | null): number {
  const n = labels.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const keys = Float64Array.from(score);
  order.sort((a, b) => keys[b] - keys[a]);
  let pos = 0;
  let neg = 0;
  let area = 0;
  for (let i = 0; i < n; ) {
    let gp = 0;
    let gn = 0;
    const s = keys[order[i]];
    for (; i < n && keys[order[i]] === s; i++) {
      const w = weights ? weights[order[i]] : 1;
      if (labels[order[i]] > 0) gp += w;
      else gn += w;
    }
    area += gn * (pos + gp / 2);
    pos += gp;
    neg += gn;
  }
  return pos > 0 && neg > 0 ? area / (pos * neg) : 1;
}

function ndcgAt(k: number, labelGain: readonly number[]): EvalMetric {
  return {
    name: `ndcg@${k}`,
    higherBetter: true,
    evaluate(pred, data) {
      const q = data.queries;
      if (!q) return 0;
      const gains = (l: number): number => labelGain[l] ?? 0;
      let sum = 0;
      let sw = 0;
      for (let j = 0; j + 1 < q.bounds.length; j++) {
        const docs = Array.from(q.rows.subarray(q.bounds[j], q.bounds[j + 1]));
        const labels = docs.map((r) => data.labels[r]);
        const max = maxDcgAt(k, labels, labelGain);
        const w = data.weights ? data.weights[docs[0]] : 1;
        sw += w;
        if (max <= 0) {
          sum += w; // LightGBM: a query without relevant documents scores 1
          continue;
        }
        docs.sort((a, b) => pred[b] - pred[a] || a - b);
        let dcg = 0;
        for (let i = 0; i < Math.min(k, docs.length); i++) dcg += gains(data.labels[docs[i]]) * discount(i);
        sum += (w * dcg) / max;
      }
      return sw > 0 ? sum / sw : 0;
    },
  };
}

const METRICS: Readonly<Record<string, (alpha: number) => EvalMetric>> = {
  auc: () => ({ name: 'auc', higherBetter: true, evaluate: (p, d) => auc(p, d.labels, d.weights) }),
  binary_logloss: () => ({
    name: 'binary_logloss', higherBetter: false,
    evaluate: (p, d) => meanLoss(d, (i) => -(d.labels[i] > 0 ? Math.log(clampP(p[i])) : Math.log(1 - clampP(p[i])))),
  }),
  binary_error: () => ({ name: 'binary_error', higherBetter: false, evaluate: (p, d) => meanLoss(d, (i) => ((p[i] > 0.5) === d.labels[i] > 0 ? 0 : 1)) }),
  multi_logloss: () => ({
    name: 'multi_logloss', higherBetter: false,
    evaluate: (p, d) => meanLoss(d, (i) => -Math.log(clampP(p[i * d.numOutputs + d.labels[i]]))),
  }),
  multi_error: () => ({
    name: 'multi_error', higherBetter: false,
    evaluate: (p, d) => meanLoss(d, (i) => {
      const K = d.numOutputs;
      let best = 0;
      for (let k = 1; k < K; k++) if (p[i * K + k] > p[i * K + best]) best = k;
      return best === d.labels[i] ? 0 : 1;
    }),
  }),
  l2: () => ({ name: 'l2', higherBetter: false, evaluate: (p, d) => meanLoss(d, (i) => (p[i] - d.labels[i]) ** 2) }),
  rmse: () => ({ name: 'rmse', higherBetter: false, evaluate: (p, d) => Math.sqrt(meanLoss(d, (i) => (p[i] - d.labels[i]) ** 2)) }),
  l1: () => ({ name: 'l1', higherBetter: false, evaluate: (p, d) => meanLoss(d, (i) => Math.abs(p[i] - d.labels[i])) }),
  huber: (alpha) => ({
    name: 'huber', higherBetter: false,
    evaluate: (p, d) => meanLoss(d, (i) => {
      const r = Math.abs(p[i] - d.labels[i]);
      return r <= alpha ? 0.5 * r * r : alpha * (r - 0.5 * alpha);
    }),
  }),
  quantile: (alpha) => ({
    name: 'quantile', higherBetter: false,
    evaluate: (p, d) => meanLoss(d, (i) => {
      const r = d.labels[i] - p[i];
      return r >= 0 ? alpha * r : (alpha - 1) * r;
    }),
  }),
  poisson: () => ({
    name: 'poisson', higherBetter: false,
    evaluate: (p, d) => meanLoss(d, (i) => Math.max(p[i], 1e-10) - d.labels[i] * Math.log(Math.max(p[i], 1e-10))),
  }),
};

const METRIC_ALIASES: Readonly<Record<string, string>> = {
  mse: 'l2', mean_squared_error: 'l2', regression: 'l2', regression_l2: 'l2', l2_root: 'rmse', root_mean_squared_error: 'rmse',
  mae: 'l1', mean_absolute_error: 'l1', regression_l1: 'l1', binary: 'binary_logloss', log_loss: 'binary_logloss',
  multiclass: 'multi_logloss', softmax: 'multi_logloss', lambdarank: 'ndcg',
};

/**
 * Metrics from the `metric` param ('' → the objective's default; 'none' → no metric).
 * 'ndcg' expands to one ndcg@k per `eval_at` entry.
 */
export function resolveMetrics(spec: string, defaultMetric: string, alpha: number, evalAt: readonly number[], labelGain: readonly number[] = defaultLabelGain()): EvalMetric[] {
  const names = (spec.trim() === '' ? defaultMetric : spec).split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const out: EvalMetric[] = [];
  for (const raw of names) {
    if (raw === 'none' || raw === 'na' || raw === 'null' || raw === 'custom') return [];
    const name = METRIC_ALIASES[raw] ?? raw;
    const at = /^ndcg@(\d+)$/.exec(name);
    if (at) out.push(ndcgAt(Number(at[1]), labelGain));
    else if (name === 'ndcg') out.push(...evalAt.map((k) => ndcgAt(k, labelGain)));
    else if (METRICS[name]) out.push(METRICS[name](alpha));
    else {
      const known = [...Object.keys(METRICS), 'ndcg', 'ndcg@k', ...Object.keys(METRIC_ALIASES)];
      throw new InvalidParamError('MW_PARAM_INVALID', `The 'metric' parameter of gbdt names an unknown metric '${raw}'. Must be one of ${[...Object.keys(METRICS), 'ndcg', 'ndcg@k'].join(', ')}.${didYouMean(raw, known)}`, {
        details: { param: 'metric', got: raw },
      });
    }
  }
  return out;
}
