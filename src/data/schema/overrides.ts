/**
 * @module schema/overrides
 * What a user may say about columns instead of letting Modelwright guess: flags
 * (`--categorical`, `--text`, `--drop`, `--id`, `--time`, `--weight`, `--group`,
 * `--sensitive`, `--target`) and a schema file. `resolveOverrides` checks every named column
 * exists (suggesting close names), that no column gets two roles or two types from flags, and
 * merges the two sources: flags win over the schema file.
 */
import { didYouMean } from '../../common/closest-match.js';
import { DataError, UsageError } from '../../errors.js';
import type { ColumnRole, FeatureType } from './types.js';

/** A type and/or role for one column, from a flag or a schema file. */
export interface ColumnOverride {
  readonly type?: FeatureType;
  readonly role?: ColumnRole;
}

/** A parsed schema file: `{ "columns": { "<name>": { "type"?: …, "role"?: … } } }`. */
export interface SchemaFile {
  /** Where it came from, for messages ("schema.json"). */
  readonly path?: string;
  readonly columns: Readonly<Record<string, ColumnOverride>>;
}

/** Everything a user can override. Every field is optional; names must exist in the data. */
export interface SchemaOverrides {
  /** The column to predict (role target). */
  readonly target?: string;
  /** Treat as categorical even when stored as numbers (`--categorical a,b`). */
  readonly categorical?: readonly string[];
  /** Treat as free text (`--text a,b`). */
  readonly text?: readonly string[];
  /** Leave out of everything (`--drop a,b`): role ignored. */
  readonly drop?: readonly string[];
  /** Row identifiers (`--id COL`): role id, type identifier. */
  readonly id?: string | readonly string[];
  /** The time column (`--time COL`): role time. */
  readonly time?: string;
  /** Row weights (`--weight COL`): role weight. */
  readonly weight?: string;
  /** Groups for grouped splits (`--group COL`): role group. */
  readonly group?: string;
  /** Protected attributes for fairness checks (`--sensitive a,b`): role sensitive. */
  readonly sensitive?: readonly string[];
  /** A schema file's per-column choices; the flags above win over it. */
  readonly schemaFile?: SchemaFile;
}

/** A resolved override for one column, with the reason to show. */
export interface ResolvedOverride extends ColumnOverride {
  readonly typeReason?: string;
  readonly roleReason?: string;
}

const ROLE_FLAGS = [
  ['target', 'target', '--target'],
  ['id', 'id', '--id'],
  ['time', 'time', '--time'],
  ['weight', 'weight', '--weight'],
  ['group', 'group', '--group'],
  ['sensitive', 'sensitive', '--sensitive'],
  ['drop', 'ignored', '--drop'],
] as const satisfies readonly (readonly [keyof SchemaOverrides, ColumnRole, string])[];

const TYPE_FLAGS = [
  ['categorical', 'categorical', '--categorical'],
  ['text', 'text', '--text'],
] as const satisfies readonly (readonly [keyof SchemaOverrides, FeatureType, string])[];

function asList(v: string | readonly string[] | undefined): readonly string[] {
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/** " Did you mean 'x'?" or, when nothing is close, the data's columns (the first 12). */
export function columnSuggestion(name: string, names: readonly string[]): string {
  const close = didYouMean(name, names);
  if (close || names.length === 0) return close;
  const shown = names.slice(0, 12).map((n) => `'${n}'`).join(', ');
  return ` The data's columns are ${shown}${names.length > 12 ? `, … (${names.length} in all)` : ''}.`;
}

function checkName(name: string, names: readonly string[], where: string, isTarget = false): void {
  if (names.includes(name)) return;
  const hint = columnSuggestion(name, names);
  const details = { column: name, option: where, available: names };
  if (isTarget) {
    throw new DataError('MW_TARGET_NOT_FOUND', `Target column '${name}' is not in the data.${hint}`, { details });
  }
  throw new DataError('MW_DATA_COLUMN_NOT_FOUND', `Column '${name}' given to ${where} is not in the data.${hint}`, { details });
}

/**
 * Check the overrides against the data's column names and merge them into one override per
 * named column. Throws MW_DATA_COLUMN_NOT_FOUND / MW_TARGET_NOT_FOUND for unknown names and
 * MW_USAGE when flags give one column two roles or two types.
 */
export function resolveOverrides(names: readonly string[], overrides: SchemaOverrides = {}): Map<string, ResolvedOverride> {
  const out = new Map<string, ResolvedOverride>();
  const file = overrides.schemaFile;
  if (file) {
    const where = file.path ? `schema file ${file.path}` : 'the schema file';
    for (const [name, o] of Object.entries(file.columns)) {
      checkName(name, names, `${where} (columns.${name})`);
      out.set(name, {
        type: o.type,
        role: o.role,
        typeReason: o.type && `${where} says type ${o.type}`,
        roleReason: o.role && `${where} says role ${o.role}`,
      });
    }
  }
  const roleFlag = new Map<string, string>();
  for (const [key, role, flag] of ROLE_FLAGS) {
    for (const name of asList(overrides[key] as string | readonly string[] | undefined)) {
      checkName(name, names, flag, key === 'target');
      const previous = roleFlag.get(name);
      if (previous && previous !== flag) {
        throw new UsageError('MW_USAGE', `Column '${name}' is given two roles: ${previous} and ${flag}.`, {
          hint: 'Give each column at most one of --target, --id, --time, --weight, --group, --sensitive, --drop.',
          details: { column: name, options: [previous, flag] },
        });
      }
      roleFlag.set(name, flag);
      const prev = out.get(name) ?? {};
      out.set(name, { ...prev, role, roleReason: `flag ${flag}` });
    }
  }
  const typeFlag = new Map<string, string>();
  for (const [key, type, flag] of TYPE_FLAGS) {
    for (const name of asList(overrides[key] as readonly string[] | undefined)) {
      checkName(name, names, flag);
      const previous = typeFlag.get(name);
      if (previous && previous !== flag) {
        throw new UsageError('MW_USAGE', `Column '${name}' is given two types: ${previous} and ${flag}.`, {
          hint: 'Give each column at most one of --categorical, --text.',
          details: { column: name, options: [previous, flag] },
        });
      }
      typeFlag.set(name, flag);
      const prev = out.get(name) ?? {};
      out.set(name, { ...prev, type, typeReason: `flag ${flag}` });
    }
  }
  return out;
}
