/**
 * @module quality/target-warnings
 * Warnings about the target column: missing labels and imbalanced classes.
 */
import type { TargetProfile } from '../profile/types.js';
import type { WarningCollector } from './warning-codes.js';

/** CLASS_IMBALANCE fires when the smallest class has fewer rows than this share of the largest. */
export const IMBALANCE_RATIO = 0.1;
/** …or fewer rows than this: too few to appear in every fold of a 5-fold split with a margin. */
export const MIN_CLASS_ROWS = 10;

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const int = (n: number): string => n.toLocaleString('en-US');

export function targetWarnings(t: TargetProfile, rows: number, out: WarningCollector): void {
  if (t.missing > 0) {
    out.add(
      'TARGET_MISSING',
      t.name,
      `${int(t.missing)} of ${int(rows)} rows (${pct(t.missing / rows)}) have no value for target '${t.name}'; they cannot be learnt from and are left out of training.`,
      { missing: t.missing },
    );
  }
  if (!t.classes || !t.classCounts || t.classes.length < 2) return;
  let lo = 0;
  let hi = 0;
  t.classCounts.forEach((c, i) => {
    if (c < t.classCounts![lo]) lo = i;
    if (c > t.classCounts![hi]) hi = i;
  });
  const small = t.classCounts[lo];
  const large = t.classCounts[hi];
  const labelled = t.classCounts.reduce((s, c) => s + c, 0);
  if (small < IMBALANCE_RATIO * large || small < MIN_CLASS_ROWS) {
    const ratio = small > 0 ? Math.round(large / small) : Number.POSITIVE_INFINITY;
    out.add(
      'CLASS_IMBALANCE',
      t.name,
      `Target '${t.name}' is imbalanced: class '${t.classes[lo]}' has ${int(small)} rows (${pct(small / labelled)}) against ${int(large)} for '${t.classes[hi]}' (1:${ratio}). Use stratified splits and a metric that weighs classes (balanced accuracy, log loss, AUC); accuracy alone is misleading.${small < MIN_CLASS_ROWS ? ` With under ${MIN_CLASS_ROWS} rows, '${t.classes[lo]}' may be missing from some folds.` : ''}`,
      { smallest: t.classes[lo], smallestCount: small, largest: t.classes[hi], largestCount: large },
    );
  }
}
