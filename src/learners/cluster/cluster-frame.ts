/**
 * @module learners/cluster/cluster-frame
 * Cluster a table in one call — what `modelwright cluster` runs. Picks the number of clusters
 * when asked (`k: 'auto'`): the highest silhouette for k-means, the lowest BIC for a Gaussian
 * mixture, over k = 2..10; for DBSCAN, eps from the k-distance knee unless given. Returns the
 * model, the training labels, and the scores behind the choice, in words and numbers.
 */
import { Rng } from '../../common/random.js';
import type { Frame } from '../../data/frame/frame.js';
import { DataError, InvalidParamError } from '../../errors.js';
import type { ProgressFn } from '../estimator.js';
import type { ClusterModel } from '../unsupervised.js';
import { Preprocessor } from '../unsupervised/preprocess.js';
import { Dbscan } from './dbscan.js';
import { estimateEps } from './eps-estimate.js';
import { GaussianMixture } from './gaussian-mixture.js';
import type { GaussianMixtureModel } from './gmm-model.js';
import { KMeans } from './kmeans.js';
import { silhouetteScore } from './silhouette.js';

export type ClusterMethod = 'kmeans' | 'gmm' | 'dbscan';
export const CLUSTER_METHODS: readonly ClusterMethod[] = ['kmeans', 'gmm', 'dbscan'];

export interface ClusterFrameOptions {
  readonly method?: ClusterMethod;
  /** Number of clusters (kmeans, gmm), or 'auto' (default) to choose among kRange. */
  readonly k?: number | 'auto';
  /** Candidate k for 'auto' (default [2, 10], capped at rows − 1). */
  readonly kRange?: readonly [number, number];
  readonly seed?: number;
  /** DBSCAN radius, or 'auto' (default) for the k-distance knee. */
  readonly eps?: number | 'auto';
  /** DBSCAN min_samples (default 5). */
  readonly minSamples?: number;
  /** Further learner params (scikit-learn names). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressFn;
}

export interface KScore {
  readonly k: number;
  readonly silhouette?: number;
  readonly bic?: number;
  readonly aic?: number;
}

export interface ClusterFrameResult {
  readonly method: ClusterMethod;
  /** Clusters found (noise not counted). */
  readonly k: number;
  readonly model: ClusterModel;
  /** Cluster per input row (-1 = DBSCAN noise). */
  readonly labels: Int32Array;
  /** One sentence on why this k (or eps). */
  readonly reason: string;
  readonly scores: readonly KScore[];
  readonly eps?: number;
  readonly noise?: number;
}

/** Rows that silhouette scores are computed on (sampled above this). */
export const SILHOUETTE_SAMPLE = 2000;

const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(1) : v.toPrecision(4));

function checkK(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 2) {
    throw new InvalidParamError('MW_PARAM_INVALID', `The number of clusters k must be an integer ≥ 2 or 'auto'. Got ${k} instead.`, { details: { param: 'k', got: k } });
  }
  if (k > n) throw new DataError('MW_DATA_TOO_SMALL', `Cannot find ${k} clusters in ${n} row(s).`, { hint: `Ask for at most ${n} clusters, or --k auto.`, details: { k, rows: n } });
}

/**
 * Cluster the rows of X.
 * @example const r = await clusterFrame(frame, { method: 'kmeans', k: 'auto', seed: 1 }); r.labels
 */
export async function clusterFrame(X: Frame, options: ClusterFrameOptions = {}): Promise<ClusterFrameResult> {
  const method = options.method ?? 'kmeans';
  const seed = options.seed ?? 0;
  const n = X.nRows;
  if (method === 'dbscan') return dbscanFrame(X, options);
  const build = (k: number) => (method === 'kmeans' ? new KMeans({ ...options.params, n_clusters: k, seed }) : new GaussianMixture({ ...options.params, n_components: k, seed }));
  const k = options.k ?? 'auto';
  // The encoded matrix for silhouettes does not depend on k: encode once, as the learner will
  // (its resolved params say whether to standardise; CLI params arrive as strings).
  const prep = Preprocessor.fit(X, { standardize: build(2).params.standardize }, method);
  const matrix = prep.matrix(X, method);
  const silhouette = (labels: Int32Array) => silhouetteScore(matrix, n, prep.width, labels, new Rng(seed), SILHOUETTE_SAMPLE);
  if (k !== 'auto') {
    checkK(k, n);
    const model = await build(k).fit({ X }, { signal: options.signal });
    const labels = model.labels!;
    const score: KScore = method === 'gmm' ? { k, silhouette: silhouette(labels), bic: (model as GaussianMixtureModel).bic(X), aic: (model as GaussianMixtureModel).aic(X) } : { k, silhouette: silhouette(labels) };
    return { method, k, model, labels, reason: `k=${k} as given.`, scores: [score] };
  }
  const [lo, hiWanted] = options.kRange ?? [2, 10];
  const hi = Math.min(hiWanted, n - 1);
  if (hi < lo) throw new DataError('MW_DATA_TOO_SMALL', `Choosing k automatically needs at least ${lo + 1} rows; the data has ${n}.`, { hint: 'Give more rows or pass --k explicitly.' });
  const tried: { k: number; model: ClusterModel; labels: Int32Array; score: KScore }[] = [];
  for (let kk = lo; kk <= hi; kk++) {
    const model = await build(kk).fit({ X }, { signal: options.signal });
    const labels = model.labels!;
    const score: KScore =
      method === 'gmm' ? { k: kk, bic: (model as GaussianMixtureModel).bic(X), aic: (model as GaussianMixtureModel).aic(X) } : { k: kk, silhouette: silhouette(labels) };
    tried.push({ k: kk, model, labels, score });
    options.onProgress?.(kk - lo + 1, hi - lo + 1, `k=${kk}: ${method === 'gmm' ? `BIC ${fmt(score.bic!)}` : `silhouette ${fmt(score.silhouette!)}`}`);
  }
  // Highest silhouette / lowest BIC; ties go to the smaller k (the simpler model).
  const value = (t: (typeof tried)[number]) => (method === 'gmm' ? -t.score.bic! : (t.score.silhouette ?? Number.NEGATIVE_INFINITY));
  const ranked = [...tried].sort((a, b) => value(b) - value(a) || a.k - b.k);
  const best = ranked[0];
  const second = ranked[1];
  const what = method === 'gmm' ? 'lowest BIC' : 'highest silhouette';
  const show = (t: (typeof tried)[number]) => fmt(method === 'gmm' ? t.score.bic! : t.score.silhouette!);
  const sample = method === 'kmeans' && n > SILHOUETTE_SAMPLE ? ` (silhouette on a sample of ${SILHOUETTE_SAMPLE} rows)` : '';
  const reason = `k=${best.k} has the ${what} (${show(best)}) among k=${lo}..${hi}${second ? `; next best k=${second.k} (${show(second)})` : ''}${sample}.`;
  return { method, k: best.k, model: best.model, labels: best.labels, reason, scores: tried.map((t) => t.score) };
}

async function dbscanFrame(X: Frame, options: ClusterFrameOptions): Promise<ClusterFrameResult> {
  if (options.k !== undefined && options.k !== 'auto') {
    throw new InvalidParamError('MW_PARAM_INVALID', 'DBSCAN finds the number of clusters itself: --k does not apply to --method dbscan.', { hint: 'Drop --k, or set --eps / --min-samples instead.' });
  }
  const seed = options.seed ?? 0;
  const minSamples = options.minSamples ?? 5;
  let eps = options.eps ?? 'auto';
  let why: string;
  if (eps === 'auto') {
    const { standardize } = new Dbscan({ ...options.params, min_samples: minSamples }).params;
    const prep = Preprocessor.fit(X, { standardize }, 'dbscan');
    const est = estimateEps(prep.matrix(X, 'dbscan'), X.nRows, prep.width, minSamples, new Rng(seed));
    eps = est.eps;
    why = `eps=${fmt(eps)} from the knee of the ${minSamples}-nearest-neighbour distance curve (${Math.round(est.coreShare * 100)}% of ${est.sampled} sampled rows are core points)`;
  } else why = `eps=${fmt(eps)} as given`;
  const model = await new Dbscan({ ...options.params, eps, min_samples: minSamples, seed }).fit({ X }, { signal: options.signal });
  const labels = model.labels!;
  let noise = 0;
  for (const l of labels) if (l < 0) noise++;
  const reason = `${why}; DBSCAN found ${model.nClusters} cluster(s) and ${noise} noise row(s).`;
  return { method: 'dbscan', k: model.nClusters, model, labels, reason, scores: [], eps, noise };
}
