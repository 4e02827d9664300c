/**
 * @module serve/input-fields
 * A served model's request contract, derived once at load time from what was saved with it:
 * the training schema (which columns are features and of what type) and the fitted models'
 * feature schemas (the training categories of each categorical feature). The same list
 * drives request validation (validate-rows.ts) and the JSON Schema published in
 * /openapi.json and GET /v1/models/{name} — one source for both.
 */
import type { FeatureType } from '../data/schema/types.js';
import type { SavedModelRef } from '../evaluate/saved-model-ref.js';
import type { Model } from '../learners/estimator.js';

/** How a request value is read: a number, a category (text), or a date-time. */
export type InputKind = 'number' | 'category' | 'datetime';

export interface InputField {
  readonly name: string;
  readonly kind: InputKind;
  /** The training schema's type (numeric, categorical, boolean, datetime). */
  readonly type: FeatureType;
  /** Training categories in code order (the array the model holds, so codes need no remap). */
  readonly categories?: readonly string[];
  /** Fast membership test over `categories`. */
  readonly categoryIndex?: ReadonlyMap<string, number>;
}

/** What a model reads from a request. */
export interface InputContract {
  readonly fields: readonly InputField[];
  /** Columns the schema knows but the model does not read (target, ids, text…): never "extra". */
  readonly known: ReadonlySet<string>;
}

function fittedModels(saved: SavedModelRef): readonly Model[] {
  return saved.kind === 'model' ? [saved.model] : saved.predictor.state.members.filter((m) => m.weight > 0).flatMap((m) => m.models);
}

/** The training categories of each categorical feature, from the first model that has them. */
function trainingCategories(models: readonly Model[]): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const m of models) {
    for (const f of m.inputSchema.features) {
      if (f.kind === 'categorical' && f.categories && !out.has(f.name)) out.set(f.name, f.categories);
    }
  }
  return out;
}

/** The input contract of a loaded model. */
export function inputContractOf(saved: SavedModelRef): InputContract {
  const cats = trainingCategories(fittedModels(saved));
  const fields: InputField[] = [];
  const known = new Set<string>();
  for (const c of saved.schema.columns) {
    known.add(c.name);
    // The same rule as fit/feature-frame.ts: only feature columns of these types reach a model.
    if (c.role !== 'feature' || c.type === 'text' || c.type === 'identifier') continue;
    if (c.type === 'numeric') fields.push({ name: c.name, kind: 'number', type: c.type });
    else if (c.type === 'datetime') fields.push({ name: c.name, kind: 'datetime', type: c.type });
    else {
      const categories = cats.get(c.name);
      fields.push({ name: c.name, kind: 'category', type: c.type, categories, categoryIndex: categories ? new Map(categories.map((v, i) => [v, i])) : undefined });
    }
  }
  return { fields, known };
}

type JsonSchema = Record<string, unknown>;

/** JSON Schema of one value of `field` (null = missing is always allowed). */
export function fieldJsonSchema(field: InputField, unknownCategory: 'missing' | 'reject'): JsonSchema {
  if (field.kind === 'number') return { type: ['number', 'null'], description: 'a finite number; null when missing' };
  if (field.kind === 'datetime') return { type: ['string', 'number', 'null'], description: 'an ISO 8601 date-time or epoch milliseconds; null when missing' };
  const desc = unknownCategory === 'reject' ? 'one of the training categories; null when missing' : 'a category; unseen ones are treated as missing';
  const schema: JsonSchema = { type: ['string', 'number', 'boolean', 'null'], description: desc };
  if (field.categories && unknownCategory === 'reject' && field.categories.length <= 1000) schema.enum = [...field.categories, null];
  else if (field.categories && field.categories.length <= 1000) schema.examples = field.categories.slice(0, 20);
  return schema;
}

/** JSON Schema of one input row of a model. */
export function rowJsonSchema(fields: readonly InputField[], policy: { unknownCategory: 'missing' | 'reject'; extraColumns: 'ignore' | 'reject' }): JsonSchema {
  return {
    type: 'object',
    required: fields.map((f) => f.name),
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldJsonSchema(f, policy.unknownCategory)])),
    additionalProperties: policy.extraColumns === 'ignore',
  };
}

/** JSON Schema of a predict request body (rows or columns) for a model. */
export function predictBodyJsonSchema(fields: readonly InputField[], policy: { unknownCategory: 'missing' | 'reject'; extraColumns: 'ignore' | 'reject' }): JsonSchema {
  const row = rowJsonSchema(fields, policy);
  return {
    oneOf: [
      { type: 'object', required: ['rows'], properties: { rows: { type: 'array', minItems: 1, items: row } } },
      {
        type: 'object',
        required: ['columns'],
        properties: {
          columns: {
            type: 'object',
            required: fields.map((f) => f.name),
            properties: Object.fromEntries(fields.map((f) => [f.name, { type: 'array', minItems: 1, items: fieldJsonSchema(f, policy.unknownCategory) }])),
            additionalProperties: policy.extraColumns === 'ignore',
          },
        },
      },
    ],
  };
}
