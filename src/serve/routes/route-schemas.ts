/**
 * @module serve/routes/route-schemas
 * JSON Schemas of the endpoints, for /openapi.json. They document; they do not validate:
 * requests are checked by validate-rows.ts against each model's own contract (which gives
 * errors naming the row and field), and each model's exact row schema is published under
 * `components.schemas` and GET /v1/models/{name} (openapi.ts).
 */

export const errorResponse = {
  type: 'object',
  description: 'An error: a stable code, what happened (naming the row and field for bad input), and how to fix it.',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, details: { type: 'object', additionalProperties: true } },
      required: ['code', 'message'],
    },
    request_id: { type: 'string' },
  },
} as const;

export const modelRefParam = {
  type: 'object',
  properties: { ref: { type: 'string', description: 'served model name, optionally @version or @alias (e.g. churn, churn@3, churn@champion)' } },
  required: ['ref'],
} as const;

export const modelNameParam = {
  type: 'object',
  properties: { name: { type: 'string', description: 'served model name' } },
  required: ['name'],
} as const;

const value = { type: ['number', 'string', 'boolean', 'null'] } as const;

export const predictBodySchema = {
  description: 'Rows as objects, or columns as arrays. Each model\'s exact fields: GET /v1/models/{name} (`input_schema`) or components.schemas.',
  oneOf: [
    { type: 'object', required: ['rows'], properties: { rows: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: value } } } },
    { type: 'object', required: ['columns'], properties: { columns: { type: 'object', additionalProperties: { type: 'array', items: value } } } },
  ],
} as const;

export const predictResponseSchema = {
  type: 'object',
  properties: {
    request_id: { type: 'string' },
    model: { type: 'object', properties: { name: { type: 'string' }, version: { type: ['integer', 'null'] } } },
    predictions: {
      description: 'Rows request: [{prediction, probabilities}]. Columns request: {prediction: [...], probabilities: {class: [...]}}.',
      oneOf: [
        { type: 'array', items: { type: 'object', properties: { prediction: { type: ['string', 'number', 'null'] }, probabilities: { type: 'object', additionalProperties: { type: 'number' } } } } },
        { type: 'object', properties: { prediction: { type: 'array' }, probabilities: { type: 'object', additionalProperties: { type: 'array', items: { type: 'number' } } } } },
      ],
    },
    explanations: {
      type: 'object',
      description: 'With ?explain=true: base value and per-row SHAP contributions (base + Σ contributions = prediction_raw on output_space).',
      properties: { method: { type: 'string' }, note: { type: 'string' }, output_space: { type: 'string' }, outputs: { type: 'array', items: { type: 'string' } }, base_value: {}, rows: { type: 'array' } },
    },
  },
} as const;

export const feedbackBodySchema = {
  type: 'object',
  required: ['request_id', 'label'],
  properties: {
    request_id: { type: 'string', description: 'the request_id of the prediction this label belongs to' },
    label: { type: ['string', 'number', 'boolean'], description: 'the true class or value' },
    row_index: { type: 'integer', minimum: 0, description: 'row of the request (default: every row; use for multi-row requests)' },
  },
} as const;

export const v2InferBodySchema = {
  type: 'object',
  required: ['inputs'],
  description: 'Open Inference Protocol (KServe V2) request: one tensor per column (shape [N] or [N,1]), or one [N, F] tensor in input_schema order.',
  properties: {
    id: { type: 'string' },
    parameters: { type: 'object', additionalProperties: true },
    inputs: {
      type: 'array',
      items: { type: 'object', required: ['name', 'shape', 'datatype', 'data'], properties: { name: { type: 'string' }, shape: { type: 'array', items: { type: 'integer' } }, datatype: { type: 'string' }, data: { type: 'array' } } },
    },
    outputs: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
  },
} as const;
