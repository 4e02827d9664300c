/**
 * @module quality/warning-codes
 * The one list of data-quality warnings: each code with its severity and what it means.
 * Warnings are data (returned in a profile, printed by the CLI, shown in reports), not
 * exceptions; `WarningCollector` drops repeats of the same code on the same column.
 */

export type WarningSeverity = 'info' | 'warning';

export interface WarningSpec {
  readonly severity: WarningSeverity;
  /** One sentence: what the warning means in general. */
  readonly what: string;
}

export const WARNING_CODES = {
  CONSTANT_COLUMN: { severity: 'warning', what: 'A column holds a single value, so it carries no information.' },
  ID_LIKE: { severity: 'info', what: 'A column looks like a row identifier and is kept out of the features.' },
  HIGH_MISSING: { severity: 'warning', what: 'At least half of a column\'s values are missing.' },
  HIGH_CARDINALITY: { severity: 'warning', what: 'A categorical column has very many distinct values.' },
  MIXED_TYPES: { severity: 'warning', what: 'A text column holds mostly numbers mixed with other strings.' },
  CLASS_IMBALANCE: { severity: 'warning', what: 'The smallest class of the target is much rarer than the largest.' },
  TARGET_LEAKAGE: { severity: 'warning', what: 'A single feature predicts the target almost perfectly.' },
  DUPLICATE_ROWS: { severity: 'info', what: 'Some rows are exact copies of earlier rows.' },
  TARGET_MISSING: { severity: 'warning', what: 'Some rows have no target value.' },
} as const satisfies Record<string, WarningSpec>;

export type WarningCode = keyof typeof WARNING_CODES;

/** One finding about the data. */
export interface DataWarning {
  readonly code: WarningCode;
  /** The column it is about, or null for the whole dataset. */
  readonly column: string | null;
  readonly message: string;
  readonly severity: WarningSeverity;
  /** Machine-readable facts behind the message (shares, counts, scores). */
  readonly details?: Record<string, unknown>;
}

/** Collects warnings, dropping a repeat of the same code on the same column. */
export class WarningCollector {
  private readonly seen = new Set<string>();
  readonly warnings: DataWarning[] = [];

  add(code: WarningCode, column: string | null, message: string, details?: Record<string, unknown>, severity?: WarningSeverity): void {
    const key = `${code}\u0000${column ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.warnings.push({ code, column, message, severity: severity ?? WARNING_CODES[code].severity, ...(details && { details }) });
  }
}
