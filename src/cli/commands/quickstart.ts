/**
 * @module cli/commands/quickstart
 * `modelwright quickstart`: the end-to-end tour on the bundled churn table — profile the data
 * (HTML report), train with AutoML under a short budget, score a held-out 20%, save the
 * predictor, and print the commands to try next.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { savePredictor } from '../../automl/predictor-file.js';
import { train } from '../../automl/train.js';
import { readData } from '../../data/ingest/index.js';
import { profileFrame } from '../../data/profile/profile-frame.js';
import { holdoutSplit } from '../../data/split/holdout.js';
import { inferTask } from '../../data/schema/infer-task.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { encodeTarget } from '../../learners/target.js';
import { renderProfileReport } from '../../report/profile/profile-report.js';
import { packagePath } from '../../version.js';
import type { CliContext } from '../context.js';
import { startProgress } from '../progress.js';

const DATASET = packagePath('data', 'quickstart', 'churn.csv');
const TARGET = 'churn';

interface QuickstartFlags {
  outDir: string;
  timeLimit: string;
  seed: string;
}

export function registerQuickstart(ctx: CliContext): void {
  ctx
    .command('quickstart', 'profile, train, evaluate and save a model on a bundled dataset, then show what to do next')
    .option('--out-dir <dir>', 'where to write the report and the predictor', join('.modelwright', 'quickstart'))
    .option('--time-limit <seconds>', 'training budget', '30')
    .option('--seed <n>', 'random seed', '1')
    .action(
      ctx.action(async (out, flags: QuickstartFlags) => {
        const timeLimit = Number(flags.timeLimit);
        const seed = Number(flags.seed);
        if (!(timeLimit > 0)) throw new UsageError('MW_USAGE', `--time-limit must be a positive number of seconds. Got '${flags.timeLimit}' instead.`);
        if (!Number.isInteger(seed)) throw new UsageError('MW_USAGE', `--seed must be an integer. Got '${flags.seed}' instead.`);
        const t0 = performance.now();
        await mkdir(flags.outDir, { recursive: true });
        out.info(`1/4 Reading ${DATASET}`);
        const frame = await readData(DATASET);

        out.info('2/4 Profiling the data');
        const profile = profileFrame(frame, { target: TARGET });
        const reportPath = join(flags.outDir, 'profile.html');
        await writeFileAtomic(reportPath, renderProfileReport(profile, { source: 'data/quickstart/churn.csv (quickstart)' }));

        out.info(`3/4 Training (AutoML, ${timeLimit}s budget) on 80% of the rows`);
        const task = inferTask(frame, TARGET);
        const y = encodeTarget(frame.column(TARGET), task.task, task.classes);
        const split = holdoutSplit(frame.nRows, { testFraction: 0.2, seed, strata: y.values });
        const progress = startProgress(out, 'train');
        let predictor;
        try {
          predictor = await train(frame.take(split.train), { target: TARGET, timeLimit, seed, onProgress: progress.report });
        } finally {
          progress.stop();
        }

        out.info('4/4 Scoring the held-out 20% and saving');
        const holdout = predictor.evaluate(frame.take(split.test));
        const modelDir = join(flags.outDir, 'churn-predictor');
        await savePredictor(predictor, modelDir);
        const best = predictor.leaderboard[0];
        const report = {
          dataset: 'data/quickstart/churn.csv',
          rows: frame.nRows,
          target: TARGET,
          task: task.task,
          warnings: profile.warnings.map((w) => ({ code: w.code, column: w.column, message: w.message })),
          leaderboard: predictor.leaderboard.map((r) => ({ model: r.model, cv_score: r.cv_score, error: r.error })),
          best: { model: best.model, cv_score: best.cv_score },
          holdout,
          profile_report: reportPath,
          model: modelDir,
          seconds: Math.round((performance.now() - t0) / 100) / 10,
          next: [
            `modelwright profile data/quickstart/churn.csv --target churn --html ${reportPath}`,
            `modelwright predict ${modelDir} data/quickstart/churn.csv --out predictions.csv --keep customer_id`,
            'modelwright train your-data.csv --target your-column --time-limit 120 --out my-model',
          ],
        };
        out.result(report, (r) =>
          [
            `Profiled ${r.rows} rows: ${r.warnings.length} data-quality warning(s)${r.warnings.length ? ` (${r.warnings.map((w) => w.code).join(', ')})` : ''}.`,
            `Best model: ${r.best.model} — cross-validated ${predictor.state.metric} ${r.best.cv_score.toFixed(4)}.`,
            `Held-out ${r.holdout.metric}: ${r.holdout.score.toFixed(4)} on ${r.holdout.n} rows never seen in training.`,
            `Report: ${r.profile_report}`,
            `Predictor: ${r.model}/ (${r.seconds}s in all)`,
            '',
            'Next:',
            ...r.next.map((n) => `  ${n}`),
          ].join('\n'),
        );
      }),
    );
}
