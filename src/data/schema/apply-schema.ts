/**
 * @module schema/apply-schema
 * `applySchema`: a Frame whose storage matches the schema's types — numbers flagged
 * categorical become categories, ISO strings typed datetime become datetimes, strings typed
 * numeric become numbers. Columns that already match are shared, not copied.
 */
import type { Column } from '../frame/column.js';
import { Frame } from '../frame/frame.js';
import { toCategorical, toDatetime, toNumeric } from './convert-column.js';
import type { ColumnSchema, DatasetSchema } from './types.js';

/** The storage a column of this schema should have, converting when it differs. */
export function convertToSchema(col: Column, schema: Pick<ColumnSchema, 'type'>): Column {
  switch (schema.type) {
    case 'categorical':
    case 'text':
      return col.dtype === 'float64' ? toCategorical(col) : col;
    case 'datetime':
      return col.dtype === 'categorical' ? toDatetime(col) : col;
    case 'numeric':
      return col.dtype === 'categorical' ? toNumeric(col) : col;
    default:
      return col;
  }
}

/**
 * Convert the frame's columns to their schema types. Columns the schema does not name are kept
 * as they are.
 * @example applySchema(frame, inferSchema(frame, { categorical: ['zip'] })).column('zip').dtype // 'categorical'
 */
export function applySchema(frame: Frame, schema: DatasetSchema): Frame {
  const byName = new Map(schema.columns.map((c) => [c.name, c]));
  let changed = false;
  const columns = frame.columns.map((col) => {
    const s = byName.get(col.name);
    const out = s ? convertToSchema(col, s) : col;
    if (out !== col) changed = true;
    return out;
  });
  return changed ? Frame.fromColumns(columns) : frame;
}
