/**
 * @module cli/commands/profile
 * `modelwright profile <data> [--target COL] [--json] [--html FILE]`: what is in a dataset —
 * per-column types, missing values, distributions — and what looks wrong with it (warnings).
 */
import { performance } from 'node:perf_hooks';
import { profileFrame } from '../../data/profile/profile-frame.js';
import type { Task } from '../../data/schema/types.js';
import { TASKS } from '../../data/schema/types.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { renderProfileReport } from '../../report/profile/profile-report.js';
import { type CliContext, parseList } from '../context.js';
import { type DataFlags, type SchemaFlags, addDataOptions, addSchemaOptions, readDataArg, schemaOverridesFrom } from '../data-options.js';
import { startProgress } from '../progress.js';
import { formatProfileText } from './profile-text.js';

interface ProfileFlags extends DataFlags, SchemaFlags {
  target?: string;
  task?: string;
  html?: string;
  leakage?: boolean;
}

export function registerProfile(ctx: CliContext): void {
  const cmd = ctx
    .command('profile', 'summarise a dataset: column types, missing values, distributions and data-quality warnings')
    .argument('[data]', 'a CSV/TSV/Parquet/JSON file or a postgres:// URL (omit with --sql)')
    .option('--target <col>', 'the column to predict: adds task inference, class balance and a target-leakage check')
    .option('--task <task>', `force the task instead of inferring it: ${TASKS.join(', ')}`)
    .option('--html <file>', 'also write a self-contained HTML report to this file')
    .option('--no-leakage', 'skip the target-leakage check');
  addSchemaOptions(addDataOptions(cmd));
  cmd.action(
    ctx.action(async (out, data: string | undefined, flags: ProfileFlags) => {
      if (data === undefined && !flags.sql) {
        throw new UsageError('MW_USAGE', 'profile needs a data file (or URL), or a query with --sql.', {
          hint: 'Run `modelwright profile data.csv`, or `modelwright profile --sql "select * from \'data.csv\'"`.',
        });
      }
      if (flags.task !== undefined && !(TASKS as readonly string[]).includes(flags.task)) {
        throw new UsageError('MW_USAGE', `--task must be one of ${TASKS.join(', ')}. Got '${flags.task}' instead.`);
      }
      const source = data ?? `--sql ${JSON.stringify(flags.sql)}`;
      const t0 = performance.now();
      // Columns flagged categorical are read as strings, so "007" and "3" keep their spelling.
      const frame = await readDataArg(data ?? '', flags, { categorical: parseList(flags.categorical) });
      const readSeconds = (performance.now() - t0) / 1000;
      const overrides = await schemaOverridesFrom(flags, flags.target);
      const progress = startProgress(out, 'profile');
      let profile;
      try {
        profile = profileFrame(frame, {
          target: flags.target,
          task: flags.task as Task | undefined,
          overrides,
          leakage: flags.leakage === false ? false : {},
          onProgress: progress.report,
        });
      } finally {
        progress.stop();
      }
      if (flags.html) await writeFileAtomic(flags.html, renderProfileReport(profile, { source }));
      const result = { source, ...profile, readSeconds, ...(flags.html && { html: flags.html }) };
      out.result(result, (r) => formatProfileText(r, r.source, flags.html));
    }),
  );
}
