/**
 * @module schema/infer-schema
 * `inferSchema`: a type and role for every column of a Frame, each with a one-line reason.
 *
 *   frame ─▶ columnFacts (one pass + sort per column) ─▶ inferColumn (rules, infer-column.ts)
 *                                                        ─▶ applyOverride (schema file, then flags)
 */
import type { Frame } from '../frame/frame.js';
import { type ColumnFacts, columnFacts } from './column-facts.js';
import { inferColumn } from './infer-column.js';
import { type ResolvedOverride, type SchemaOverrides, resolveOverrides } from './overrides.js';
import type { ColumnRole, ColumnSchema, DatasetSchema, FeatureType } from './types.js';

/**
 * Infer the schema of `frame`, then apply `overrides`.
 * @example
 * const schema = inferSchema(frame, { target: 'churn', categorical: ['zip'], drop: ['notes'] });
 * schema.columns.find((c) => c.name === 'zip') // { type: 'categorical', role: 'feature', reason: 'flag --categorical', … }
 */
export function inferSchema(frame: Frame, overrides: SchemaOverrides = {}): DatasetSchema {
  const resolved = resolveOverrides(frame.names, overrides);
  return { columns: frame.columns.map((col) => schemaForColumn(columnFacts(col), resolved.get(col.name))) };
}

/** The same from facts already gathered (profiling computes them in its own pass). */
export function inferSchemaFromFacts(facts: readonly ColumnFacts[], overrides: SchemaOverrides = {}): DatasetSchema {
  const resolved = resolveOverrides(
    facts.map((f) => f.name),
    overrides,
  );
  return { columns: facts.map((f) => schemaForColumn(f, resolved.get(f.name))) };
}

/** One column's schema: the inferred type and role, with any override applied. */
export function schemaForColumn(facts: ColumnFacts, override?: ResolvedOverride): ColumnSchema {
  const inferred = inferColumn(facts);
  if (!override || (override.type === undefined && override.role === undefined)) {
    return { name: facts.name, dtype: facts.dtype, type: inferred.type, role: inferred.role, reason: inferred.reason };
  }
  let type: FeatureType = override.type ?? inferred.type;
  let role: ColumnRole = override.role ?? inferred.role;
  // A role implies a type when none was given: an id is an identifier.
  if (override.type === undefined && role === 'id') type = 'identifier';
  // A new type frees a column the rules had set aside as an id.
  if (override.role === undefined && override.type !== undefined) role = type === 'identifier' ? 'id' : inferred.role === 'id' ? 'feature' : inferred.role;
  const parts: string[] = [];
  parts.push(override.typeReason ?? (type === inferred.type ? inferred.reason : `implied by role ${role}`));
  if (override.roleReason) parts.push(override.roleReason);
  return { name: facts.name, dtype: facts.dtype, type, role, reason: parts.join('; ') };
}
