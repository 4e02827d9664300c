/**
 * @module cli/commands/retrain
 * `modelwright retrain NAME --data NEW_DATA [--policy FILE] [--eval DATA]`: train a challenger
 * with the champion's settings on new labelled data, score both on the same rows, and promote
 * the challenger (move `champion`) only if the policy holds. The decision and its reason are
 * recorded in the registry (aliases and `retrain.*` tags, each an audit event).
 */
import { UsageError } from '../../errors.js';
import { type RetrainPolicy, readRetrainPolicy } from '../../monitor/retrain/retrain-policy.js';
import { retrain } from '../../monitor/retrain/retrain.js';
import { checkModelName } from '../../registry/names.js';
import type { CliContext } from '../context.js';
import { type DataFlags, addDataOptions, readDataArg } from '../data-options.js';
import { startProgress } from '../progress.js';

interface RetrainFlags extends DataFlags {
  data: string;
  policy?: string;
  eval?: string;
  minImprovement?: string;
}

export function registerRetrain(ctx: CliContext): void {
  const cmd = ctx
    .command('retrain', 'train a challenger on new data with the champion\'s settings; promote it only if the policy holds')
    .argument('<name>', 'registered model name (its `champion` alias, else its latest version, is the champion)')
    .requiredOption('--data <data>', 'new labelled data (file or postgres:// URL)')
    .option('--policy <file>', 'JSON policy: {"metric": "roc_auc", "min_improvement": 0.002, "max_fairness_gap_increase": 0.02, "sensitive": ["sex"]}')
    .option('--eval <data>', 'score both models on these labelled rows (default: a holdout of --data)')
    .option('--min-improvement <x>', 'override the policy\'s min_improvement');
  addDataOptions(cmd);
  cmd.action(
    ctx.action(async (out, name: string, flags: RetrainFlags) => {
      checkModelName(name);
      let policy: RetrainPolicy = flags.policy ? await readRetrainPolicy(flags.policy) : {};
      if (flags.minImprovement !== undefined) {
        const v = Number(flags.minImprovement);
        if (!Number.isFinite(v)) throw new UsageError('MW_USAGE', `--min-improvement must be a number. Got '${flags.minImprovement}' instead.`);
        policy = { ...policy, min_improvement: v };
      }
      const data = await readDataArg(flags.data, flags);
      const evalData = flags.eval ? await readDataArg(flags.eval, flags) : undefined;
      const progress = startProgress(out, `retrain ${name}`);
      let result;
      try {
        result = await retrain({ name, data, source: flags.data, policy, evalData, onProgress: progress.report });
      } finally {
        progress.stop();
      }
      out.result(result, (r) =>
        [
          `${r.decision === 'promoted' ? 'Promoted' : 'Kept the champion'}: ${r.reason}`,
          `Challenger: ${r.name}@${r.challenger.version} (alias challenger); champion now ${r.name}@${r.aliases.champion ?? '?'}.`,
          `Evaluated on ${r.evaluation.rows} rows (${r.evaluation.source}); trained on ${r.training.rows} rows (${r.training.data}).`,
          ...r.fairness_checks.map((c) => `Fairness ${c.column}: ${c.champion?.toFixed(4) ?? '—'} → ${c.challenger?.toFixed(4) ?? '—'} (limit +${c.limit})${c.ok ? '' : ' FAILED'}`),
        ].join('\n'),
      );
    }),
  );
}
