/**
 * @module cli/commands/fit
 * `modelwright fit <data> --target COL --learner KIND [--param K=V …] --out MODEL [--name NAME]`:
 * train exactly one model with the given parameters (no search), save it and/or register it.
 */
import { performance } from 'node:perf_hooks';
import type { Task } from '../../data/schema/types.js';
import { UsageError } from '../../errors.js';
import { fitLearner } from '../../fit/fit-learner.js';
import { writeModelCard } from '../../report/model-card/write-model-card.js';
import { fittedModelFile, saveFittedModel } from '../../fit/saved-model.js';
import { parseParamAssignments } from '../../params/resolve.js';
import { collect, type CliContext } from '../context.js';
import { type DataFlags, type SchemaFlags, addDataOptions, addSchemaOptions, readDataArg, schemaOverridesFrom } from '../data-options.js';
import { startProgress } from '../progress.js';
import { addNameOption, checkOutOrName, registerFromCli } from '../register-option.js';

interface FitFlags extends DataFlags, SchemaFlags {
  target: string;
  learner: string;
  param?: string[];
  valid?: string;
  threads?: string;
  seed?: string;
  task?: Task;
  out?: string;
  name?: string;
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('MW_USAGE', `--${name} must be a non-negative integer. Got '${value}' instead.`);
  return n;
}

const round = (s: number) => Math.round(s * 1000) / 1000;

export function registerFit(ctx: CliContext): void {
  const cmd = ctx
    .command('fit', 'train one learner with the given parameters (no search) and save the model')
    .argument('<data>', 'training data: a CSV/TSV/Parquet/JSON file or a postgres:// URL')
    .requiredOption('--target <col>', 'the column to predict')
    .option('--learner <kind>', 'learner to train (see docs/params/)', 'gbdt')
    .option('--param <key=value>', 'a learner parameter, repeatable (LightGBM / scikit-learn names)', collect)
    .option('--valid <data>', 'labelled validation data for early stopping and reporting')
    .option('--threads <n>', 'worker threads to use')
    .option('--seed <n>', 'random seed')
    .option('--task <task>', 'force the task: binary, multiclass or regression')
    .option('--out <file>', 'where to write the model file (optional with --name)');
  addNameOption(cmd);
  addSchemaOptions(addDataOptions(cmd));
  cmd.action(
    ctx.action(async (out, data: string, flags: FitFlags) => {
      const t0 = performance.now();
      const startedAt = new Date();
      checkOutOrName(flags);
      const params = parseParamAssignments(flags.param ?? []);
      const threads = positiveInt('threads', flags.threads);
      const seed = positiveInt('seed', flags.seed);
      if (flags.task && !['binary', 'multiclass', 'regression'].includes(flags.task)) {
        throw new UsageError('MW_USAGE', `--task must be one of binary, multiclass, regression. Got '${flags.task}' instead.`);
      }
      const frame = await readDataArg(data, flags);
      const valid = flags.valid ? await readDataArg(flags.valid, flags) : undefined;
      const loadSeconds = (performance.now() - t0) / 1000;
      const overrides = await schemaOverridesFrom(flags, flags.target);
      const progress = startProgress(out, `fit ${flags.learner}`);
      const t1 = performance.now();
      let result;
      try {
        result = await fitLearner(frame, { ...overrides, target: flags.target, learner: flags.learner, params, valid, threads, seed, task: flags.task, onProgress: progress.report });
      } finally {
        progress.stop();
      }
      const fitSeconds = (performance.now() - t1) / 1000;
      const meta = { target: flags.target, task: result.task, schema: result.schema, dropped: result.dropped, trainRows: result.trainRows, seed, learner: flags.learner };
      const file = flags.out ? await saveFittedModel(flags.out, result.model, meta) : fittedModelFile(result.model, meta);
      const card = flags.out
        ? await writeModelCard(flags.out, { trainFrame: frame, dataSource: data, evaluationData: valid ? { frame: valid, description: `validation data ${flags.valid}` } : undefined })
        : undefined;
      const registered = flags.name
        ? await registerFromCli({ name: flags.name, modelFile: file, frame, schema: result.schema, source: data, learner: flags.learner, task: result.task.task, target: flags.target, params: result.params, seed, metrics: result.validMetrics, startedAt, heldOut: valid, warn: (m) => out.warn(m) })
        : undefined;
      const phases = Object.fromEntries(Object.entries(result.phases).map(([k, v]) => [`${k}_seconds`, round(v)]));
      const report = {
        learner: flags.learner,
        task: result.task.task,
        target: flags.target,
        classes: result.task.classes,
        rows: result.trainRows,
        valid_rows: result.validRows,
        features: result.model.inputSchema.features.map((f) => ({ name: f.name, kind: f.kind })),
        dropped: result.dropped,
        params: result.params,
        valid_metrics: result.validMetrics,
        timings: { load_seconds: round(loadSeconds), ...phases, fit_seconds: round(fitSeconds), total_seconds: round((performance.now() - t0) / 1000) },
        model: flags.out ?? registered?.ref ?? '',
        registered,
        checksum: file.checksum,
        model_card: card,
      };
      out.result(report, (r) =>
        [
          `Trained ${r.learner} (${r.task}) on ${r.rows} rows × ${r.features.length} features to predict '${r.target}'.`,
          r.dropped.length ? `Left out: ${r.dropped.map((d) => `${d.column} (${d.reason})`).join('; ')}` : '',
          r.valid_metrics ? `Validation: ${Object.entries(r.valid_metrics).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}` : '',
          `Time: load ${r.timings.load_seconds}s, fit ${r.timings.fit_seconds}s.`,
          flags.out ? `Saved to ${flags.out}.` : '',
          r.registered ? `Registered as ${r.registered.ref}.` : '',
          `Next: modelwright predict ${r.model} <data> --out predictions.csv`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }),
  );
}
