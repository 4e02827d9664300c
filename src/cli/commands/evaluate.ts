/**
 * @module cli/commands/evaluate
 * `modelwright evaluate <model> <data>`: every metric of the task on labelled data (scikit-learn
 * names), a bootstrap interval for the headline metric, the confusion matrix, curves,
 * fairness across `--sensitive` columns (default: the columns marked sensitive at training),
 * an optional per-group-threshold variant (`--mitigate`), and a self-contained HTML report
 * (`--html`) that adds explanations (SHAP summary and dependence, permutation importance).
 */
import { UsageError } from '../../errors.js';
import { evaluateModel } from '../../evaluate/evaluate-model.js';
import { loadSavedModel } from '../../evaluate/saved-model-ref.js';
import { explainTable } from '../../explain/explain-table.js';
import { parseConstraint } from '../../fairness/threshold-optimizer.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { renderEvaluationReport } from '../../report/evaluation/evaluation-report.js';
import { type CliContext, parseList } from '../context.js';
import { type DataFlags, addDataOptions, readDataArg } from '../data-options.js';
import { formatEvaluation } from './evaluate-text.js';

interface EvaluateFlags extends DataFlags {
  html?: string;
  sensitive?: string;
  positive?: string;
  mitigate?: string;
  fairnessThreshold?: string;
  bootstrap?: string;
  seed?: string;
}

/** A whole number ≥ min from a flag, or a usage error naming the flag. */
export function intFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError('MW_USAGE', `--${name} must be an integer >= ${min}. Got '${value}' instead.`);
  return n;
}

export function registerEvaluate(ctx: CliContext): void {
  const cmd = ctx
    .command('evaluate', 'measure a saved model on labelled data: metrics, intervals, curves, fairness')
    .argument('<model>', 'a model file (from `fit`) or a predictor directory (from `train`)')
    .argument('<data>', 'labelled data with the training columns and the target: a file or a postgres:// URL')
    .option('--html <file>', 'also write a self-contained HTML report')
    .option('--sensitive <cols>', 'columns to check fairness across (default: those marked sensitive at training)')
    .option('--positive <label>', 'binary: the positive class (default: the second class in sorted order)')
    .option('--mitigate <constraint>', 'binary: add a per-group-threshold variant: demographic_parity or equalized_odds (equalises TPR)')
    .option('--fairness-threshold <gap>', 'warn when a fairness gap exceeds this', '0.1')
    .option('--bootstrap <n>', 'bootstrap resamples for the headline interval (0: none)')
    .option('--seed <n>', 'seed of the bootstrap and samples', '0');
  addDataOptions(cmd);
  cmd.action(
    ctx.action(async (out, modelPath: string, dataArg: string, flags: EvaluateFlags) => {
      const bootstrap = intFlag('bootstrap', flags.bootstrap, 0);
      const seed = intFlag('seed', flags.seed, 0) ?? 0;
      const threshold = Number(flags.fairnessThreshold ?? '0.1');
      if (!(threshold > 0 && threshold <= 1)) throw new UsageError('MW_USAGE', `--fairness-threshold must be a number in (0, 1]. Got '${flags.fairnessThreshold}' instead.`);
      const mitigate = flags.mitigate === undefined ? undefined : parseConstraint(flags.mitigate);
      if (mitigate === null) throw new UsageError('MW_USAGE', `--mitigate must be one of demographic_parity, equalized_odds (or equal_opportunity). Got '${flags.mitigate}' instead.`);
      const ref = await loadSavedModel(modelPath);
      const data = await readDataArg(dataArg, flags);
      const given = parseList(flags.sensitive);
      const sensitive = given.length > 0 ? given : ref.schema.columns.filter((c) => c.role === 'sensitive' && data.has(c.name)).map((c) => c.name);
      const evaluation = evaluateModel(ref, data, { sensitive, positive: flags.positive, bootstrap, seed, fairnessThreshold: threshold, mitigate });
      if (flags.html) {
        out.info('Computing explanations for the report…');
        const explanation = await explainTable(ref, data, { rows: 0, sampleRows: 500, repeats: 3, seed, plots: true });
        await writeFileAtomic(flags.html, renderEvaluationReport({ evaluation, explanation, model: modelPath, data: dataArg, learner: ref.learner }));
      }
      out.result({ model: modelPath, data: dataArg, ...evaluation, ...(flags.html ? { html: flags.html } : {}) }, (r) => formatEvaluation(r, modelPath) + (flags.html ? `\n\nReport: ${flags.html}` : ''));
    }),
  );
}
