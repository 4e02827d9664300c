/**
 * @module cli/commands/anomalies
 * `modelwright anomalies <data> [--contamination F|auto] --out FILE`: score every row with an
 * isolation forest and write the input rows plus `anomaly_score` (higher = more anomalous,
 * in (0, 1]) and `is_anomaly` (1 for the flagged rows).
 */
import { float64Column } from '../../data/frame/column.js';
import { detectAnomalies } from '../../learners/anomaly/detect-anomalies.js';
import { InvalidParamError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { startProgress } from '../progress.js';
import { type UnsupervisedFlags, addUnsupervisedOptions, ignoredLine, paramsFrom, readFeatures, seedFrom, writeOutputs } from '../unsupervised-options.js';

interface AnomalyFlags extends UnsupervisedFlags {
  contamination: string;
  top: string;
}

export function registerAnomalies(ctx: CliContext): void {
  const cmd = ctx
    .command('anomalies', 'score rows for anomalies (isolation forest) and flag the most anomalous')
    .argument('<data>', 'data to score: a CSV/TSV/Parquet/JSON file or a postgres:// URL')
    .option('--contamination <f>', "expected share of anomalies in (0, 0.5]: that top share is flagged; 'auto' flags scores above 0.5", 'auto')
    .option('--top <n>', 'list this many of the most anomalous rows', '10');
  addUnsupervisedOptions(cmd);
  cmd.action(
    ctx.action(async (out, data: string, flags: AnomalyFlags) => {
      const contamination = flags.contamination === 'auto' ? 'auto' : Number(flags.contamination);
      if (contamination !== 'auto' && !(contamination > 0 && contamination <= 0.5)) {
        throw new InvalidParamError('MW_PARAM_INVALID', `--contamination must be 'auto' or a number in (0, 0.5]. Got '${flags.contamination}' instead.`, {
          details: { param: 'contamination', got: flags.contamination },
          hint: 'Give the expected share of anomalies, e.g. --contamination 0.01.',
        });
      }
      const top = Number(flags.top);
      if (!Number.isInteger(top) || top < 0) throw new InvalidParamError('MW_PARAM_INVALID', `--top must be a non-negative integer. Got '${flags.top}' instead.`);
      const seed = seedFrom(flags);
      const { frame, X, ignored } = await readFeatures(data, flags);
      const progress = startProgress(out, 'anomalies');
      let r;
      try {
        r = await detectAnomalies(X, { contamination, seed, top, params: paramsFrom(flags), onProgress: progress.report });
      } finally {
        progress.stop();
      }
      for (const name of ['anomaly_score', 'is_anomaly']) if (frame.has(name)) out.warn(`the input already has an '${name}' column; the output replaces it.`);
      const table = frame.withColumn(float64Column('anomaly_score', r.scores)).withColumn(float64Column('is_anomaly', Float64Array.from(r.flags)));
      const features = r.model.inputSchema.features.map((f) => f.name);
      await writeOutputs(table, r.model, flags, { rows: frame.nRows, seed, features, contamination });
      const report = {
        n: frame.nRows,
        contamination: r.contamination,
        threshold: r.threshold,
        n_flagged: r.nFlagged,
        top: r.top,
        features,
        ignored,
        out: flags.out,
        ...(flags.modelOut ? { model_out: flags.modelOut } : {}),
      };
      out.result(report, (x) =>
        [
          `Scored ${x.n} rows; ${x.n_flagged} flagged as anomalies (score > ${x.threshold.toFixed(4)}, contamination ${x.contamination}).`,
          x.top.length ? `Most anomalous rows (0-based): ${x.top.map((t) => `${t.row} (${t.score.toFixed(3)})`).join(', ')}` : '',
          ignoredLine(ignored),
          `Wrote ${x.out} (input rows + anomaly_score, is_anomaly)${flags.modelOut ? ` and the model to ${flags.modelOut}` : ''}.`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }),
  );
}
