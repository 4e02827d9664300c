/**
 * @module cli/commands/train
 * `modelwright train <data> --target COL [--time-limit S] --out DIR [--name NAME]`: AutoML — the
 * best model (usually an ensemble) within a time budget, with a leaderboard of cross-validated
 * scores; saved to DIR and/or registered as the next version of NAME.
 */
import { performance } from 'node:perf_hooks';
import { Frame } from '../../data/frame/frame.js';
import { holdoutSplit } from '../../data/split/holdout.js';
import { timeOrder } from '../../data/split/group-kfold.js';
import { toDatetime } from '../../data/schema/convert-column.js';
import { inferTask } from '../../data/schema/infer-task.js';
import type { Task } from '../../data/schema/types.js';
import { UsageError } from '../../errors.js';
import { savePredictor } from '../../automl/predictor-file.js';
import { writeModelCard } from '../../report/model-card/write-model-card.js';
import { train } from '../../automl/train.js';
import { encodeTarget } from '../../learners/target.js';
import { type CliContext, parseList } from '../context.js';
import { type DataFlags, type SchemaFlags, addDataOptions, addSchemaOptions, readDataArg, schemaOverridesFrom } from '../data-options.js';
import { startProgress } from '../progress.js';
import { addNameOption, checkOutOrName, registerFromCli } from '../register-option.js';
import { formatLeaderboard } from './train-text.js';

interface TrainFlags extends DataFlags, SchemaFlags {
  target: string;
  timeLimit?: string;
  maxTrials?: string;
  metric?: string;
  test?: string;
  holdout?: string;
  folds?: string;
  seed?: string;
  threads?: string;
  learners?: string;
  task?: Task;
  out?: string;
  name?: string;
}

function numberFlag(name: string, value: string | undefined, { integer = false, min = 0, max = Number.POSITIVE_INFINITY, exclusiveMin = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const ok = Number.isFinite(n) && (!integer || Number.isInteger(n)) && (exclusiveMin ? n > min : n >= min) && n <= max;
  if (!ok) throw new UsageError('MW_USAGE', `--${name} must be ${integer ? 'an integer' : 'a number'} ${exclusiveMin ? '>' : '≥'} ${min}${Number.isFinite(max) ? ` and ≤ ${max}` : ''}. Got '${value}' instead.`);
  return n;
}

/** Split off the held-out rows: the latest share with --time, else a stratified random share. */
function splitHoldout(frame: Frame, flags: TrainFlags, share: number, seed: number): { train: Frame; test: Frame } {
  if (flags.time) {
    const order = timeOrder(toDatetime(frame.column(flags.time)).values);
    const cut = Math.round(order.length * (1 - share));
    return { train: frame.take(order.subarray(0, cut)), test: frame.take(order.subarray(cut)) };
  }
  const task = inferTask(frame, flags.target, { task: flags.task });
  const strata = task.task === 'regression' ? undefined : encodeTarget(frame.column(flags.target), task.task, task.classes).values;
  const { train, test } = holdoutSplit(frame.nRows, { testFraction: share, seed, strata });
  return { train: frame.take(train), test: frame.take(test) };
}

export function registerTrain(ctx: CliContext): void {
  const cmd = ctx
    .command('train', 'AutoML: find the best model for a target within a time budget')
    .argument('<data>', 'training data: a CSV/TSV/Parquet/JSON file or a postgres:// URL')
    .requiredOption('--target <col>', 'the column to predict')
    .option('--time-limit <seconds>', 'wall-clock budget for the whole run', '120')
    .option('--max-trials <n>', 'stop after this many candidates (with --seed: reproducible)')
    .option('--metric <name>', 'metric to optimise (default: roc_auc / log_loss / rmse by task)')
    .option('--test <data>', 'labelled held-out data for a final score')
    .option('--holdout <share>', 'hold out this share of the rows for a final score (e.g. 0.2)')
    .option('--folds <k>', 'cross-validation folds (default 5, or 3 above 100k rows)')
    .option('--seed <n>', 'random seed', '0')
    .option('--threads <n>', 'worker threads per model')
    .option('--learners <list>', 'restrict to these learners (e.g. gbdt,rf,linear)')
    .option('--task <task>', 'force the task: binary, multiclass or regression')
    .option('--out <dir>', 'directory to save the predictor in (optional with --name)');
  addNameOption(cmd);
  addSchemaOptions(addDataOptions(cmd));
  cmd.action(
    ctx.action(async (out, data: string, flags: TrainFlags) => {
      const startedAt = performance.now();
      const startedDate = new Date();
      checkOutOrName(flags);
      const timeLimit = numberFlag('time-limit', flags.timeLimit, { exclusiveMin: true });
      const maxTrials = numberFlag('max-trials', flags.maxTrials, { integer: true, min: 1 });
      const holdout = numberFlag('holdout', flags.holdout, { exclusiveMin: true, max: 0.9 });
      const folds = numberFlag('folds', flags.folds, { integer: true, min: 2, max: 20 });
      const seed = numberFlag('seed', flags.seed, { integer: true }) ?? 0;
      const threads = numberFlag('threads', flags.threads, { integer: true, min: 1 });
      if (flags.test && holdout) throw new UsageError('MW_USAGE', 'Give either --test or --holdout, not both.');
      let frame = await readDataArg(data, flags);
      let test = flags.test ? await readDataArg(flags.test, flags) : undefined;
      if (holdout) ({ train: frame, test } = splitHoldout(frame, flags, holdout, seed));
      const overrides = await schemaOverridesFrom(flags, flags.target);
      const progress = startProgress(out, 'train');
      let predictor;
      try {
        predictor = await train(frame, {
          ...overrides,
          target: flags.target,
          task: flags.task,
          metric: flags.metric,
          timeLimit,
          maxTrials,
          folds,
          seed,
          threads,
          learners: flags.learners ? parseList(flags.learners) : undefined,
          startedAt,
          onProgress: progress.report,
          log: (line) => out.info(line),
        });
      } finally {
        progress.stop();
      }
      const holdoutScore = test ? predictor.evaluate(test) : undefined;
      if (flags.out) await savePredictor(predictor, flags.out);
      const card = flags.out
        ? await writeModelCard(flags.out, {
            trainFrame: frame,
            dataSource: data,
            evaluationData: test ? { frame: test, description: flags.test ? `held-out data ${flags.test}` : `held-out ${holdout} of the rows` } : undefined,
          })
        : undefined;
      const board = predictor.leaderboard;
      const best = board[0];
      const metric = predictor.state.metric;
      const registered = flags.name
        ? await registerFromCli({
            name: flags.name, save: (path) => savePredictor(predictor, path), frame, schema: predictor.state.schema, source: data, learner: `automl:${best.model}`,
            task: predictor.task, target: flags.target, seed,
            params: { time_limit: timeLimit ?? 120, max_trials: maxTrials ?? null, folds: folds ?? null, metric, learners: flags.learners ?? null, best_model: best.model },
            metrics: { [`cv_${metric}`]: best.cv_score, ...(holdoutScore ? { [`holdout_${metric}`]: holdoutScore.score } : {}) },
            startedAt: startedDate, heldOut: test, warn: (m) => out.warn(m),
          })
        : undefined;
      const report = {
        task: predictor.task,
        metric: predictor.state.metric,
        classes: predictor.classes,
        leaderboard: board,
        best: { model: best.model, cv_score: best.cv_score },
        holdout: holdoutScore,
        model_card: card,
        dropped: predictor.state.dropped,
        threshold: predictor.state.threshold,
        info: { ...predictor.state.info, seconds: Math.round((performance.now() - startedAt) / 10) / 100, time_limit: timeLimit },
        model: flags.out ?? registered?.ref ?? '',
        registered,
      };
      out.result(report, (r) => formatLeaderboard(r));
    }),
  );
}
