/**
 * @module cli/commands/predict
 * `modelwright predict <model> <data> --out FILE`: score a table with a saved model and write
 * a `prediction` column (and `proba_<class>` columns for classifiers), batch by batch so that
 * inputs larger than memory work.
 */
import { performance } from 'node:perf_hooks';
import { parseSource, scanData } from '../../data/ingest/index.js';
import { Frame } from '../../data/frame/frame.js';
import { openFrameWriter } from '../../data/write/index.js';
import { UsageError } from '../../errors.js';
import { loadTableScorer } from '../../automl/load-model-ref.js';
import { type CliContext, parseList } from '../context.js';
import { type DataFlags, addDataOptions, readOptionsFrom } from '../data-options.js';

interface PredictFlags extends DataFlags {
  out: string;
  keep?: string;
  batchRows?: string;
}

export function registerPredict(ctx: CliContext): void {
  const cmd = ctx
    .command('predict', 'score data with a saved model and write the predictions')
    .argument('<model>', 'a predictor directory (from `train`) or a model file (from `fit`)')
    .argument('<data>', 'data to score: a file or a postgres:// URL')
    .requiredOption('--out <file>', 'output file (.csv or .parquet)')
    .option('--keep <cols>', 'input columns to copy into the output (e.g. an id column)')
    .option('--batch-rows <n>', 'rows scored per batch', '100000');
  addDataOptions(cmd);
  cmd.action(
    ctx.action(async (out, modelPath: string, data: string, flags: PredictFlags) => {
      const t0 = performance.now();
      const batchRows = Number(flags.batchRows);
      if (!Number.isInteger(batchRows) || batchRows < 1) throw new UsageError('MW_USAGE', `--batch-rows must be a positive integer. Got '${flags.batchRows}' instead.`);
      const keep = parseList(flags.keep);
      const scorer = await loadTableScorer(modelPath);
      const writer = await openFrameWriter(flags.out);
      let rows = 0;
      try {
        for await (const batch of scanData(parseSource(data, flags), { ...readOptionsFrom(flags), batchRows })) {
          const preds = scorer.score(batch);
          const kept = keep.length ? batch.select(keep).columns : [];
          await writer.write(Frame.fromColumns([...kept, ...preds.columns]));
          rows += batch.nRows;
        }
        await writer.commit();
      } catch (err) {
        await writer.abort();
        throw err;
      }
      const report = { model: modelPath, task: scorer.task.task, classes: scorer.task.classes, rows, out: flags.out, seconds: Math.round((performance.now() - t0) / 10) / 100 };
      out.result(report, (r) => `Scored ${r.rows} rows with ${r.model}; wrote ${r.out}.`);
    }),
  );
}
