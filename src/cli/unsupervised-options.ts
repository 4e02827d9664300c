/**
 * @module cli/unsupervised-options
 * What `cluster`, `anomalies` and `reduce` share: their common flags (data source, schema
 * overrides such as --drop, --seed, --param, --out, --model-out), reading and selecting the
 * feature columns, and writing the output table and the model file.
 */
import type { Command } from 'commander';
import type { Frame } from '../data/frame/frame.js';
import { UsageError } from '../errors.js';
import { writeModelFile } from '../learners/model-file.js';
import type { UnsupervisedModel } from '../learners/unsupervised.js';
import type { SkippedColumn } from '../learners/unsupervised/preprocess.js';
import { toUnsupervisedModelFile } from '../learners/unsupervised/registry.js';
import { selectFeatures } from '../learners/unsupervised/select-features.js';
import { parseParamAssignments } from '../params/resolve.js';
import { collect } from './context.js';
import { type DataFlags, type SchemaFlags, addDataOptions, addSchemaOptions, readDataArg, schemaOverridesFrom } from './data-options.js';
import { writeFrame } from '../data/write/index.js';

export interface UnsupervisedFlags extends DataFlags, SchemaFlags {
  seed?: string;
  param?: string[];
  out: string;
  modelOut?: string;
}

/** Add the shared flags to a command. */
export function addUnsupervisedOptions(cmd: Command): Command {
  cmd
    .option('--seed <n>', 'random seed (non-negative integer)', '0')
    .option('--param <key=value>', 'a learner parameter, repeatable (scikit-learn names)', collect)
    .requiredOption('--out <file>', 'output table (.csv, .tsv or .parquet)')
    .option('--model-out <file>', 'also save the fitted model here');
  return addSchemaOptions(addDataOptions(cmd));
}

/** --seed as a non-negative integer. */
export function seedFrom(flags: UnsupervisedFlags): number {
  const seed = Number(flags.seed ?? '0');
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('MW_USAGE', `--seed must be a non-negative integer. Got '${flags.seed}' instead.`);
  return seed;
}

export function paramsFrom(flags: UnsupervisedFlags): Record<string, string> {
  return parseParamAssignments(flags.param ?? []);
}

/** Read the data, then pick its feature columns (the schema flags apply). */
export async function readFeatures(data: string, flags: UnsupervisedFlags): Promise<{ frame: Frame; X: Frame; ignored: readonly SkippedColumn[] }> {
  const frame = await readDataArg(data, flags);
  const { X, ignored } = selectFeatures(frame, await schemaOverridesFrom(flags));
  return { frame, X, ignored };
}

/** Write the output table, and the model file when --model-out is given. */
export async function writeOutputs(table: Frame, model: UnsupervisedModel, flags: UnsupervisedFlags, meta: Record<string, unknown>): Promise<void> {
  await writeFrame(table, flags.out);
  if (flags.modelOut) await writeModelFile(flags.modelOut, toUnsupervisedModelFile(model, meta));
}

/** Ignored columns as one human line (empty when none). */
export function ignoredLine(ignored: readonly SkippedColumn[]): string {
  return ignored.length ? `Not used: ${ignored.map((s) => `${s.name} (${s.reason})`).join('; ')}.` : '';
}
