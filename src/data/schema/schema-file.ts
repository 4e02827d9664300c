/**
 * @module schema/schema-file
 * The schema file a user passes with `--schema FILE`: JSON of the shape
 *
 *   { "columns": { "age": { "type": "numeric" }, "zip": { "type": "categorical" },
 *                  "customer": { "role": "id" }, "notes": { "role": "ignored" } } }
 *
 * Each column entry may give a `type` (numeric, categorical, boolean, datetime, text,
 * identifier) and/or a `role` (feature, target, id, time, weight, group, sensitive, ignored).
 * A mistake is reported with where it is (`columns.age.type`) and the allowed values.
 */
import { readFile } from 'node:fs/promises';
import { closestMatches } from '../../common/closest-match.js';
import { DataError } from '../../errors.js';
import type { ColumnOverride, SchemaFile } from './overrides.js';
import { COLUMN_ROLES, type ColumnRole, type DatasetSchema, FEATURE_TYPES, type FeatureType } from './types.js';

const TOP_KEYS = ['columns', '$schema', 'description'];
const COLUMN_KEYS = ['type', 'role', 'description'];

function invalid(file: string, where: string, problem: string, extra: Record<string, unknown> = {}): DataError {
  const at = where ? ` at ${where}` : '';
  return new DataError('MW_DATA_SCHEMA_FILE', `Schema file ${file} is not valid${at}: ${problem}`, {
    details: { path: file, where, ...extra },
  });
}

function suggest(value: string, allowed: readonly string[]): string {
  const best = closestMatches(value, allowed, 1);
  return best.length > 0 ? ` Did you mean '${best[0]}'?` : '';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1-based line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], file: string, where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw invalid(file, where ? `${where}.${key}` : key, `unknown key '${key}'. Allowed keys: ${allowed.join(', ')}.${suggest(key, allowed)}`);
    }
  }
}

function parseEnum<T extends string>(value: unknown, allowed: readonly T[], what: string, file: string, where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
    const hint = typeof value === 'string' ? suggest(value, allowed) : '';
    throw invalid(file, where, `${shown} is not a ${what}. Must be one of ${allowed.join(', ')}.${hint}`, { allowed });
  }
  return value as T;
}

/**
 * Parse and validate the text of a schema file. `path` only labels messages.
 * @example parseSchemaFile('{"columns": {"zip": {"type": "categorical"}}}', 'schema.json')
 */
export function parseSchemaFile(text: string, path = 'schema file'): SchemaFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? ` (${lineColumn(text, Number(pos[1]))})` : '';
    throw new DataError('MW_DATA_SCHEMA_FILE', `Schema file ${path} is not valid JSON${where}: ${msg}`, {
      cause: err,
      details: { path },
    });
  }
  if (!isPlainObject(json)) throw invalid(path, '', 'the top level must be an object like {"columns": {…}}.');
  checkKeys(json, TOP_KEYS, path, '');
  if (!isPlainObject(json.columns)) {
    throw invalid(path, 'columns', 'expected an object mapping column names to {"type"?, "role"?}.');
  }
  const columns: Record<string, ColumnOverride> = {};
  for (const [name, entry] of Object.entries(json.columns)) {
    const where = `columns.${name}`;
    if (!isPlainObject(entry)) throw invalid(path, where, 'expected an object like {"type": "categorical"} or {"role": "id"}.');
    checkKeys(entry, COLUMN_KEYS, path, where);
    const type = entry.type === undefined ? undefined : parseEnum<FeatureType>(entry.type, FEATURE_TYPES, 'type', path, `${where}.type`);
    const role = entry.role === undefined ? undefined : parseEnum<ColumnRole>(entry.role, COLUMN_ROLES, 'role', path, `${where}.role`);
    columns[name] = { ...(type && { type }), ...(role && { role }) };
  }
  return { path, columns };
}

/** Read and validate a schema file from disk (MW_DATA_SCHEMA_FILE when unreadable or invalid). */
export async function readSchemaFile(path: string): Promise<SchemaFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (err as Error).message;
    throw new DataError('MW_DATA_SCHEMA_FILE', `Cannot read schema file ${path}: ${reason}.`, { cause: err, details: { path } });
  }
  return parseSchemaFile(text, path);
}

/** A schema as the JSON a user can save, edit and pass back with `--schema`. */
export function schemaToFile(schema: DatasetSchema): { columns: Record<string, { type: FeatureType; role: ColumnRole }> } {
  const columns: Record<string, { type: FeatureType; role: ColumnRole }> = {};
  for (const c of schema.columns) columns[c.name] = { type: c.type, role: c.role };
  return { columns };
}
