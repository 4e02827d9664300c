/**
 * @module learners/gbdt/objectives/ranking
 * LambdaRank (LightGBM's `lambdarank`): per query, documents are ordered by current score;
 * every pair with different labels where one document ranks within `lambdarank_truncation_level`
 * pushes the better-labelled document up with weight |ΔNDCG| (gains `label_gain`, default
 * 2^label − 1, discounts 1/log2(2 + rank), normalised by the query's ideal DCG). With
 * `lambdarank_norm` the pair weight is divided by (0.01 + |score gap|) and each query's
 * gradients are scaled by log2(1 + Σλ)/Σλ. Queries come from TrainSet.group: rows with the
 * same group id form a query (they need not be contiguous).
 */
import { DataError } from '../../../errors.js';
import type { Objective, ObjectiveData } from './objective.js';

/** LightGBM's default label gains: 2^i − 1 for labels 0..30. */
export function defaultLabelGain(): number[] {
  return Array.from({ length: 31 }, (_, i) => 2 ** i - 1);
}

/** Rows grouped by query: rows[bounds[q]..bounds[q+1]) in their original order. */
export interface Queries {
  readonly rows: Int32Array;
  readonly bounds: Int32Array;
}

export function queriesOf(groups: Int32Array): Queries {
  const members = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    let list = members.get(groups[i]);
    if (!list) members.set(groups[i], (list = []));
    list.push(i);
  }
  const rows = new Int32Array(groups.length);
  const bounds = new Int32Array(members.size + 1);
  let q = 0;
  let at = 0;
  for (const list of members.values()) {
    rows.set(list, at);
    at += list.length;
    bounds[++q] = at;
  }
  return { rows, bounds };
}

export class LambdarankObjective implements Objective {
  readonly name = 'lambdarank';
  readonly numOutputs = 1;
  readonly defaultMetric = 'ndcg';
  private readonly queries: Queries;
  private readonly inverseMaxDcg: Float64Array;
  private readonly y: Float64Array;
  private readonly w: Float64Array | null;

  constructor(
    data: ObjectiveData,
    private readonly labelGain: readonly number[],
    private readonly truncation: number,
    private readonly norm: boolean,
    private readonly sigmoid: number,
  ) {
    if (!data.groups) {
      throw new DataError('MW_TARGET_INVALID', "The lambdarank objective needs a group (query id) per row, and none was given.", {
        hint: 'Pass the query column as the group column, or use a regression objective.',
      });
    }
    this.y = data.labels;
    this.w = data.weights;
    for (let i = 0; i < this.y.length; i++) {
      const v = this.y[i];
      if (!(Number.isInteger(v) && v >= 0 && v < labelGain.length)) {
        throw new DataError('MW_TARGET_INVALID', `The lambdarank objective needs integer relevance labels in [0, ${labelGain.length - 1}]; row ${i} has ${v}.`, {
          hint: 'Use small integer relevance grades, or give label_gain one entry per grade.',
        });
      }
    }
    this.queries = queriesOf(data.groups);
    const nq = this.queries.bounds.length - 1;
    this.inverseMaxDcg = new Float64Array(nq);
    for (let q = 0; q < nq; q++) {
      const labels = Array.from(this.queries.rows.subarray(this.queries.bounds[q], this.queries.bounds[q + 1]), (r) => this.y[r]);
      const max = maxDcgAt(truncation, labels, labelGain);
      this.inverseMaxDcg[q] = max > 0 ? 1 / max : 0;
    }
  }

  initScore(): number {
    return 0;
  }

  needsTraining(): boolean {
    return true;
  }

  /** Per query: the pairs of a query span its rows, so rows cannot be split across threads. */
  readonly rowParallel = false;

  gradients(score: Float64Array, gh: Float64Array): void {
    const { rows, bounds } = this.queries;
    for (let q = 0; q + 1 < bounds.length; q++) this.queryGradients(rows.subarray(bounds[q], bounds[q + 1]), this.inverseMaxDcg[q], score, gh);
  }

  private queryGradients(docs: Int32Array, invMaxDcg: number, score: Float64Array, gh: Float64Array): void {
    const cnt = docs.length;
    const lambdas = new Float64Array(cnt);
    const hess = new Float64Array(cnt);
    const order = Array.from({ length: cnt }, (_, i) => i).sort((a, b) => score[docs[b]] - score[docs[a]] || a - b);
    const best = score[docs[order[0]]];
    const worst = score[docs[order[cnt - 1]]];
    let sumLambdas = 0;
    const sig = this.sigmoid;
    for (let i = 0; i < cnt - 1 && i < this.truncation; i++) {
      for (let j = i + 1; j < cnt; j++) {
        const li = this.y[docs[order[i]]];
        const lj = this.y[docs[order[j]]];
        if (li === lj) continue;
        const [hiRank, loRank] = li > lj ? [i, j] : [j, i];
        const hi = order[hiRank];
        const lo = order[loRank];
        const delta = score[docs[hi]] - score[docs[lo]];
        const dcgGap = this.labelGain[this.y[docs[hi]]] - this.labelGain[this.y[docs[lo]]];
        const pairedDiscount = Math.abs(discount(hiRank) - discount(loRank));
        let deltaNdcg = dcgGap * pairedDiscount * invMaxDcg;
        if (this.norm && best !== worst) deltaNdcg /= 0.01 + Math.abs(delta);
        const p = 1 / (1 + Math.exp(sig * delta));
        const pLambda = -sig * deltaNdcg * p;
        const pHess = sig * sig * deltaNdcg * p * (1 - p);
        lambdas[lo] -= pLambda;
        hess[lo] += pHess;
        lambdas[hi] += pLambda;
        hess[hi] += pHess;
        sumLambdas -= 2 * pLambda;
      }
    }
    const factor = this.norm && sumLambdas > 0 ? Math.log2(1 + sumLambdas) / sumLambdas : 1;
    for (let i = 0; i < cnt; i++) {
      const r = docs[i];
      const wi = this.w ? this.w[r] : 1;
      gh[2 * r] = lambdas[i] * factor * wi;
      gh[2 * r + 1] = hess[i] * factor * wi;
    }
  }
}

/** 1 / log2(2 + rank): the DCG discount of a 0-based rank. */
export function discount(rank: number): number {
  return 1 / Math.log2(2 + rank);
}

/** The best DCG@k reachable with these labels (labels sorted by decreasing gain). */
export function maxDcgAt(k: number, labels: readonly number[], labelGain: readonly number[]): number {
  const sorted = [...labels].sort((a, b) => b - a);
  let dcg = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) dcg += labelGain[sorted[i]] * discount(i);
  return dcg;
}
