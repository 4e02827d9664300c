/**
 * @module schema
 * Column types and roles, task inference, user overrides and the schema file.
 */
export * from './types.js';
export { applySchema, convertToSchema } from './apply-schema.js';
export { type ColumnFacts, categoryCounts, columnFacts, looksNumeric, sortedPresent } from './column-facts.js';
export { formatNumberLabel, toCategorical, toDatetime, toNumeric } from './convert-column.js';
export { type InferredColumn, inferColumn, isIdLikeName } from './infer-column.js';
export { inferSchema, inferSchemaFromFacts, schemaForColumn } from './infer-schema.js';
export { type ClassCount, type InferTaskOptions, classCounts, compareLabels, inferTask, targetColumn } from './infer-task.js';
export { looksLikeIsoDate, parseIsoDate } from './iso-date.js';
export { type ColumnOverride, type SchemaFile, type SchemaOverrides, columnSuggestion, resolveOverrides } from './overrides.js';
export { parseSchemaFile, readSchemaFile, schemaToFile } from './schema-file.js';
