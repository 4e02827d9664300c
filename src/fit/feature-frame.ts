/**
 * @module fit/feature-frame
 * From a raw table and its schema to what learners take: the feature columns stored as their
 * schema type says (numbers as float64, categories as categorical, datetimes as epoch ms,
 * which learners read as numbers) and the list of columns left out, each with the reason. Used by `fit`, `train` and `predict` alike so a model sees
 * the same columns at training and prediction time.
 */
import type { Column } from '../data/frame/column.js';
import { convertToSchema } from '../data/schema/apply-schema.js';
import { Frame } from '../data/frame/frame.js';
import type { ColumnSchema, DatasetSchema } from '../data/schema/types.js';

export interface DroppedColumn {
  readonly column: string;
  readonly reason: string;
}

function whyNotFeature(c: ColumnSchema): string | null {
  if (c.role !== 'feature') return c.role === 'target' ? null : `role '${c.role}' (${c.reason})`;
  if (c.type === 'identifier') return `identifier column (${c.reason}): it names rows, it does not describe them`;
  if (c.type === 'text') return `free-text column (${c.reason}): text features are not used by this learner yet`;
  return null;
}

/** The feature columns of `frame` by `schema`, and the non-target columns left out with reasons. */
export function featureFrame(frame: Frame, schema: DatasetSchema): { X: Frame; dropped: DroppedColumn[] } {
  const cols: Column[] = [];
  const dropped: DroppedColumn[] = [];
  for (const c of schema.columns) {
    if (c.role === 'target') continue;
    const reason = whyNotFeature(c);
    if (reason) {
      dropped.push({ column: c.name, reason });
      continue;
    }
    if (!frame.has(c.name)) continue;
    const col = frame.column(c.name);
    cols.push(convertToSchema(col, c));
  }
  return { X: Frame.fromColumns(cols), dropped };
}
