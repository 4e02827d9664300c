/**
 * @module cli/commands/export
 * `modelwright export REF --format onnx|json --out FILE`: write a model (by path or registry
 * reference) as ONNX — raw feature columns in, preprocessing included, `label` and
 * `probabilities` (or `prediction`) out — or as our plain JSON model file.
 */
import { UsageError } from '../../errors.js';
import { EXPORT_FORMATS, type ExportFormat, exportModel } from '../../export/export-model.js';
import type { CliContext } from '../context.js';

interface ExportFlags {
  format: string;
  out: string;
  inputType: string;
}

export function registerExport(ctx: CliContext): void {
  ctx
    .command('export', 'write a model as ONNX (with its preprocessing) or as a plain JSON model file')
    .argument('<model>', 'a model file, predictor directory, or registry reference (NAME, NAME@VERSION, NAME@ALIAS)')
    .option('--format <format>', `output format: ${EXPORT_FORMATS.join(' or ')}`, 'onnx')
    .requiredOption('--out <file>', 'where to write the exported model')
    .option('--input-type <type>', 'ONNX numeric inputs: double (exact, default) or float', 'double')
    .action(
      ctx.action(async (out, ref: string, flags: ExportFlags) => {
        if (flags.inputType !== 'double' && flags.inputType !== 'float') {
          throw new UsageError('MW_USAGE', `--input-type must be double or float. Got '${flags.inputType}' instead.`);
        }
        const result = await exportModel(ref, { format: flags.format as ExportFormat, out: flags.out, numericInput: flags.inputType });
        out.result(result, (r) => `Exported ${r.registered ?? r.ref} (${r.kind}) as ${r.format} to ${r.out}${r.bytes ? ` (${r.bytes} bytes)` : ''}.`);
      }),
    );
}
