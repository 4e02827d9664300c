/**
 * @module cli/commands/explain
 * `modelwright explain <model> <data>`: why a saved model predicts what it does — exact
 * per-row contributions (TreeSHAP for tree models, coefficients for linear models, the
 * weighted members of a trained ensemble), global importance (mean |SHAP| and permutation
 * importance), optional interaction values, and a self-contained HTML report (`--html`).
 */
import { loadSavedModel } from '../../evaluate/saved-model-ref.js';
import { explainTable } from '../../explain/explain-table.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { renderExplainReport } from '../../report/explain/explain-report.js';
import type { CliContext } from '../context.js';
import { type DataFlags, addDataOptions, readDataArg } from '../data-options.js';
import { intFlag } from './evaluate.js';
import { formatExplanation } from './evaluate-text.js';

interface ExplainFlags extends DataFlags {
  rows?: string;
  html?: string;
  repeats?: string;
  sample?: string;
  seed?: string;
  threads?: string;
  interactions?: boolean;
}

export function registerExplain(ctx: CliContext): void {
  const cmd = ctx
    .command('explain', 'explain a saved model: per-row contributions (SHAP) and global importance')
    .argument('<model>', 'a model file (from `fit`) or a predictor directory (from `train`)')
    .argument('<data>', 'rows to explain (the target column is optional): a file or a postgres:// URL')
    .option('--rows <n>', 'explain the first n rows one by one', '10')
    .option('--html <file>', 'also write a self-contained HTML report')
    .option('--repeats <n>', 'permutation importance repeats (0: skip)', '5')
    .option('--sample <n>', 'rows sampled for global importance and charts', '1000')
    .option('--seed <n>', 'seed of the samples and permutations', '0')
    .option('--threads <n>', 'threads for TreeSHAP (default: all cores)')
    .option('--interactions', 'also report the strongest SHAP interaction pairs (tree models from fit)');
  addDataOptions(cmd);
  cmd.action(
    ctx.action(async (out, modelPath: string, dataArg: string, flags: ExplainFlags) => {
      const rows = intFlag('rows', flags.rows, 0) ?? 10;
      const repeats = intFlag('repeats', flags.repeats, 0) ?? 5;
      const sampleRows = intFlag('sample', flags.sample, 1) ?? 1000;
      const seed = intFlag('seed', flags.seed, 0) ?? 0;
      const threads = intFlag('threads', flags.threads, 1);
      const ref = await loadSavedModel(modelPath);
      const data = await readDataArg(dataArg, flags);
      const result = await explainTable(ref, data, { rows, repeats, sampleRows, seed, threads, interactions: Boolean(flags.interactions), plots: Boolean(flags.html) });
      if (flags.html) await writeFileAtomic(flags.html, renderExplainReport({ explanation: result, model: modelPath, data: dataArg }));
      out.result({ ...result.json, ...(flags.html ? { html: flags.html } : {}) }, (r) => formatExplanation(r) + (flags.html ? `\n\nReport: ${flags.html}` : ''));
    }),
  );
}
