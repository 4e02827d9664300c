/**
 * @module quality/dataset-warnings
 * Warnings about the dataset as a whole: duplicated rows and target-leakage suspects (the
 * check itself is in leakage.ts; this turns its findings into messages).
 */
import type { LeakageResult } from './leakage.js';
import type { WarningCollector } from './warning-codes.js';

/** DUPLICATE_ROWS is a warning (not info) from this share of the rows. */
export const DUPLICATE_WARNING_SHARE = 0.01;

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const int = (n: number): string => n.toLocaleString('en-US');

export function duplicateRowsWarning(duplicates: number, rows: number, out: WarningCollector): void {
  if (duplicates === 0 || rows === 0) return;
  const share = duplicates / rows;
  out.add(
    'DUPLICATE_ROWS',
    null,
    `${int(duplicates)} rows (${pct(share)}) repeat an earlier row exactly. Copies that land in both training and validation folds inflate scores; remove them (e.g. --sql "select distinct * from '<file>'") unless they are genuine repeats.`,
    { duplicates, share },
    share >= DUPLICATE_WARNING_SHARE ? 'warning' : 'info',
  );
}

export function leakageWarnings(result: LeakageResult, target: string, out: WarningCollector): void {
  const sampled =
    result.rowsChecked < result.rowsLabelled
      ? ` Checked on a random sample of ${int(result.rowsChecked)} of the ${int(result.rowsLabelled)} labelled rows.`
      : '';
  for (const f of result.findings) {
    const model =
      f.metric === '|correlation|'
        ? `its correlation with '${target}' is ${f.score.toFixed(3)} in absolute value`
        : `predicting each row from the other rows with the nearest values of '${f.column}' (${f.metric === 'R²' ? 'their mean target' : 'their most common class'}) reaches ${f.metric} ${f.score.toFixed(3)}, where a guess without features scores ${f.baseline.toFixed(3)}`;
    out.add(
      'TARGET_LEAKAGE',
      f.column,
      `'${f.column}' alone predicts target '${target}' almost perfectly: ${model}. A feature like that is usually computed from the target or recorded after it; drop it (--drop ${f.column}) unless it will truly be known when predicting.${sampled}`,
      { metric: f.metric, score: f.score, baseline: f.baseline, rowsChecked: result.rowsChecked, rowsLabelled: result.rowsLabelled },
    );
  }
}
