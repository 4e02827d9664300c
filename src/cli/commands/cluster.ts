/**
 * @module cli/commands/cluster
 * `modelwright cluster <data> [--k N|auto] [--method kmeans|gmm|dbscan] --out FILE`: group
 * similar rows, write the input rows with a `cluster` column (DBSCAN noise = -1), and say why
 * this k and what sets each cluster apart.
 */
import { float64Column } from '../../data/frame/column.js';
import { didYouMean } from '../../common/closest-match.js';
import { InvalidParamError } from '../../errors.js';
import { CLUSTER_METHODS, type ClusterMethod, clusterFrame } from '../../learners/cluster/cluster-frame.js';
import { type ClusterProfile, type FeatureContrast, profileClusters } from '../../learners/cluster/profile.js';
import type { CliContext } from '../context.js';
import { startProgress } from '../progress.js';
import { type UnsupervisedFlags, addUnsupervisedOptions, ignoredLine, paramsFrom, readFeatures, seedFrom, writeOutputs } from '../unsupervised-options.js';

interface ClusterFlags extends UnsupervisedFlags {
  k?: string;
  method: string;
  eps: string;
  minSamples: string;
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString());
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function badFlag(flag: string, allowed: string, got: string): InvalidParamError {
  return new InvalidParamError('MW_PARAM_INVALID', `--${flag} must be ${allowed}. Got '${got}' instead.`, { details: { param: flag, allowed, got } });
}

/** The profile entry as printed under --json (snake_case, like the rest of the JSON output). */
function contrastJson(c: FeatureContrast): Record<string, unknown> {
  return c.kind === 'numeric'
    ? { feature: c.feature, kind: c.kind, cluster_mean: c.clusterMean, overall_mean: c.overallMean, z: c.z }
    : { feature: c.feature, kind: c.kind, category: c.category, cluster_share: c.clusterShare, overall_share: c.overallShare, lift: c.lift, z: c.z };
}

function contrastText(c: FeatureContrast): string {
  return c.kind === 'numeric'
    ? `${c.feature} ${num(c.clusterMean)} vs ${num(c.overallMean)} (z ${c.z >= 0 ? '+' : ''}${c.z.toFixed(2)})`
    : `${c.feature} = ${c.category} ${pct(c.clusterShare)} vs ${pct(c.overallShare)} (lift ${c.lift.toFixed(2)})`;
}

export function registerCluster(ctx: CliContext): void {
  const cmd = ctx
    .command('cluster', 'group similar rows: write a cluster column and describe each cluster')
    .argument('<data>', 'data to cluster: a CSV/TSV/Parquet/JSON file or a postgres:// URL')
    .option('--k <n>', "number of clusters, or 'auto' to choose among 2..10 by silhouette (kmeans) or BIC (gmm)")
    .option('--method <name>', 'kmeans, gmm or dbscan', 'kmeans')
    .option('--eps <r>', "DBSCAN neighbourhood radius in standardised units, or 'auto' (knee of the k-distance curve)", 'auto')
    .option('--min-samples <n>', 'DBSCAN: rows within eps that make a core point', '5');
  addUnsupervisedOptions(cmd);
  cmd.action(
    ctx.action(async (out, data: string, flags: ClusterFlags) => {
      const method = flags.method as ClusterMethod;
      if (!CLUSTER_METHODS.includes(method)) {
        throw new InvalidParamError('MW_PARAM_INVALID', `--method must be one of ${CLUSTER_METHODS.join(', ')}. Got '${flags.method}' instead.${didYouMean(flags.method, CLUSTER_METHODS)}`, {
          details: { param: 'method', allowed: CLUSTER_METHODS, got: flags.method },
        });
      }
      let k: number | 'auto' | undefined;
      if (flags.k !== undefined) {
        k = flags.k === 'auto' ? 'auto' : Number(flags.k);
        if (k !== 'auto' && !Number.isInteger(k)) throw badFlag('k', "an integer ≥ 2 or 'auto'", flags.k);
      }
      const eps = flags.eps === 'auto' ? 'auto' : Number(flags.eps);
      if (eps !== 'auto' && !(eps > 0)) throw badFlag('eps', "a positive number or 'auto'", flags.eps);
      const minSamples = Number(flags.minSamples);
      if (!Number.isInteger(minSamples) || minSamples < 1) throw badFlag('min-samples', 'a positive integer', flags.minSamples);
      const seed = seedFrom(flags);
      const params = paramsFrom(flags);
      const { frame, X, ignored } = await readFeatures(data, flags);
      const progress = startProgress(out, `cluster (${method})`);
      let result;
      try {
        result = await clusterFrame(X, { method, k, seed, eps, minSamples, params, onProgress: progress.report });
      } finally {
        progress.stop();
      }
      const features = result.model.inputSchema.features.map((f) => f.name);
      const profiles: ClusterProfile[] = profileClusters(X, result.labels, features, 5);
      if (frame.has('cluster')) out.warn("the input already has a 'cluster' column; the output replaces it.");
      const table = frame.withColumn(float64Column('cluster', Float64Array.from(result.labels)));
      await writeOutputs(table, result.model, flags, { rows: frame.nRows, method, seed, features });
      const report = {
        method,
        k: result.k,
        reason: result.reason,
        scores: result.scores,
        ...(result.eps !== undefined ? { eps: result.eps, noise: result.noise } : {}),
        clusters: profiles.map((p) => ({ cluster: p.cluster, size: p.size, share: p.share, profile: p.profile.map(contrastJson) })),
        rows: frame.nRows,
        features,
        ignored,
        out: flags.out,
        ...(flags.modelOut ? { model_out: flags.modelOut } : {}),
      };
      out.result(report, (r) =>
        [
          `Clustered ${r.rows} rows into ${r.k} cluster(s) with ${r.method}.`,
          `Why: ${r.reason}`,
          ...profiles.map((p) => `  ${p.cluster < 0 ? 'noise (-1)' : `cluster ${p.cluster}`}: ${p.size} rows (${pct(p.share)})${p.profile.length ? ` — ${p.profile.map(contrastText).join('; ')}` : ''}`),
          ignoredLine(ignored),
          `Wrote ${r.out} (input rows + 'cluster' column)${flags.modelOut ? ` and the model to ${flags.modelOut}` : ''}.`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }),
  );
}
