/**
 * @module cli/commands/reduce
 * `modelwright reduce <data> --components N --out FILE`: principal component analysis; writes
 * PC1..PCN per row (plus any --keep columns) and reports the variance each explains.
 */
import { float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import { InvalidParamError } from '../../errors.js';
import { reduceFrame } from '../../learners/decomposition/reduce-frame.js';
import { type CliContext, parseList } from '../context.js';
import { type UnsupervisedFlags, addUnsupervisedOptions, ignoredLine, paramsFrom, readFeatures, seedFrom, writeOutputs } from '../unsupervised-options.js';

interface ReduceFlags extends UnsupervisedFlags {
  components: string;
  keep?: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function registerReduce(ctx: CliContext): void {
  const cmd = ctx
    .command('reduce', 'reduce columns to principal components (PCA) and report the variance explained')
    .argument('<data>', 'data to reduce: a CSV/TSV/Parquet/JSON file or a postgres:// URL')
    .requiredOption('--components <n>', 'number of principal components to keep')
    .option('--keep <cols>', 'input columns to copy into the output (e.g. an id column)');
  addUnsupervisedOptions(cmd);
  cmd.action(
    ctx.action(async (out, data: string, flags: ReduceFlags) => {
      const components = Number(flags.components);
      if (!Number.isInteger(components) || components < 1) {
        throw new InvalidParamError('MW_PARAM_INVALID', `--components must be a positive integer. Got '${flags.components}' instead.`, { details: { param: 'components', got: flags.components } });
      }
      const seed = seedFrom(flags);
      const keep = parseList(flags.keep);
      const { frame, X, ignored } = await readFeatures(data, flags);
      const kept = keep.length ? frame.select(keep).columns : [];
      const r = await reduceFrame(X, { components, seed, params: paramsFrom(flags) });
      const cols = r.names.map((name, c) => float64Column(name, Float64Array.from({ length: frame.nRows }, (_, i) => r.scores[i * components + c])));
      const features = r.model.inputSchema.features.map((f) => f.name);
      await writeOutputs(Frame.fromColumns([...kept, ...cols]), r.model, flags, { rows: frame.nRows, seed, features });
      const report = {
        components,
        explained_variance: r.explainedVariance,
        explained_variance_ratio: r.explainedVarianceRatio,
        cumulative: r.cumulative,
        rows: frame.nRows,
        features,
        encoded_columns: r.model.featureNames,
        ignored,
        out: flags.out,
        ...(flags.modelOut ? { model_out: flags.modelOut } : {}),
      };
      out.result(report, (x) =>
        [
          `Reduced ${x.rows} rows from ${x.encoded_columns.length} encoded columns to ${x.components} principal component(s), explaining ${pct(x.cumulative[x.components - 1])} of the variance.`,
          ...r.names.map((n, c) => `  ${n}: ${pct(x.explained_variance_ratio[c])} (cumulative ${pct(x.cumulative[c])})`),
          ignoredLine(ignored),
          `Wrote ${x.out}${flags.modelOut ? ` and the model to ${flags.modelOut}` : ''}.`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }),
  );
}
