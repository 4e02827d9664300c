/**
 * @module cli/commands/import
 * `modelwright import FILE --format xgboost|lightgbm [--out MODEL] [--name NAME]`: translate a
 * foreign boosted-tree model into our gbdt model file (and/or register it), so that predict,
 * export and the registry treat it like a model trained here.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { IMPORT_FORMATS, type ImportFormat, importModel } from '../../import/import-model.js';
import { writeModelFile } from '../../learners/model-file.js';
import { buildLineage } from '../../registry/lineage.js';
import { withRegistry } from '../../registry/open-registry.js';
import { registerModel } from '../../registry/register-model.js';
import { type CliContext, parseList } from '../context.js';
import { addNameOption, checkOutOrName } from '../register-option.js';

interface ImportFlags {
  format?: string;
  out?: string;
  name?: string;
  target?: string;
  classes?: string;
}

export function registerImport(ctx: CliContext): void {
  const cmd = ctx
    .command('import', 'translate an XGBoost JSON or LightGBM text model into a Modelwright gbdt model')
    .argument('<file>', 'the model file: XGBoost save_model(".json") or LightGBM model.txt')
    .requiredOption('--format <format>', `source format: ${IMPORT_FORMATS.join(' or ')}`)
    .option('--out <file>', 'where to write the Modelwright model file (optional with --name)')
    .option('--target <name>', 'name of the predicted column (default: label)')
    .option('--classes <list>', 'class labels in the model\'s output order, comma-separated (default 0,1,…)');
  addNameOption(cmd);
  cmd.action(
    ctx.action(async (out, file: string, flags: ImportFlags) => {
      checkOutOrName(flags);
      if (!flags.format || !(IMPORT_FORMATS as readonly string[]).includes(flags.format)) {
        throw new UsageError('MW_USAGE', `--format must be one of ${IMPORT_FORMATS.join(', ')}. Got '${flags.format}' instead.`);
      }
      const classes = flags.classes ? parseList(flags.classes) : undefined;
      const imported = await importModel(file, { format: flags.format as ImportFormat, target: flags.target, classes });
      if (flags.out) await writeModelFile(flags.out, imported.file);
      let registered: string | undefined;
      if (flags.name) {
        const model = imported.file.payload.model;
        const lineage = buildLineage({
          learner: 'gbdt', task: model.task, target: String(imported.file.payload.meta.target), params: model.params,
          importedFrom: { format: flags.format, file: resolve(file), sha256: imported.sourceSha256 },
        });
        const v = await withRegistry((reg) => registerModel(reg, { name: flags.name!, modelFile: imported.file, lineage }));
        registered = `${v.name}@${v.version}`;
      }
      const m = imported.model;
      const report = {
        format: flags.format,
        source: file,
        task: m.task,
        classes: (m as { classes?: readonly string[] }).classes,
        features: m.inputSchema.features.map((f) => f.name),
        trees: (m as { numTrees?: number }).numTrees,
        model: flags.out ?? registered ?? '',
        registered,
        checksum: imported.file.checksum,
      };
      out.result(report, (r) =>
        [
          `Imported a ${r.format} ${r.task} model with ${r.trees} trees over ${r.features.length} features.`,
          flags.out ? `Saved to ${flags.out}.` : '',
          r.registered ? `Registered as ${r.registered}.` : '',
          `Next: modelwright predict ${r.model} <data> --out predictions.csv`,
        ].filter(Boolean).join('\n'),
      );
    }),
  );
}
