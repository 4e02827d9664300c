/**
 * @module serve/describe-model
 * What GET /v1/models and GET /v1/models/{name} say about a served model: version, aliases,
 * task and classes, registry metrics, inputs with their JSON Schema, the input policies and
 * the traffic policy. File paths are never shown: a model loaded from a file is `source: "file"`.
 */
import { looksLikeModelRef } from '../registry/names.js';
import { predictBodyJsonSchema, rowJsonSchema } from './input-fields.js';
import type { ServedEntry, Slot } from './model-pool.js';
import type { ServedModel } from './served-model.js';

function refJson(m: ServedModel): { source: 'registry' | 'file'; ref?: string } {
  return m.version !== null && looksLikeModelRef(m.ref) ? { source: 'registry', ref: m.ref } : { source: 'file' };
}

/** A short line per slot (for lists and the traffic policy). */
export function slotSummary(slot: Slot): Record<string, unknown> {
  const m = slot.current;
  return { role: slot.role, version: m.version, aliases: m.aliases, ...refJson(m), loaded_at: m.loadedAt };
}

/** The list entry of a served model. */
export function modelSummary(entry: ServedEntry): Record<string, unknown> {
  const m = entry.primary.current;
  return {
    name: entry.config.name,
    version: m.version,
    ...refJson(m),
    task: m.task.task,
    learner: m.learner,
    ...(entry.canary && entry.config.canary ? { canary: { version: entry.canary.current.version, weight: entry.config.canary.weight } } : {}),
    ...(entry.shadow ? { shadow: { version: entry.shadow.current.version } } : {}),
  };
}

/** The full description of one slot of a served model. */
export function modelDetail(entry: ServedEntry, slot: Slot, allSlots: readonly Slot[]): Record<string, unknown> {
  const m = slot.current;
  const policy = { unknownCategory: entry.config.unknownCategory, extraColumns: entry.config.extraColumns };
  return {
    name: entry.config.name,
    version: m.version,
    aliases: m.aliases,
    ...refJson(m),
    kind: m.kind,
    learner: m.learner,
    task: m.task.task,
    target: m.task.target,
    ...(m.classes ? { classes: m.classes } : {}),
    metrics: m.metrics,
    loaded_at: m.loadedAt,
    load_seconds: Math.round(m.loadSeconds * 1000) / 1000,
    inputs: m.contract.fields.map((f) => ({ name: f.name, type: f.type, ...(f.categories ? { categories: f.categories.length <= 1000 ? f.categories : `${f.categories.length} categories` } : {}) })),
    policy,
    input_schema: rowJsonSchema(m.contract.fields, policy),
    request_schema: predictBodyJsonSchema(m.contract.fields, policy),
    traffic: {
      ...(entry.canary && entry.config.canary ? { canary: { version: entry.canary.current.version, weight: entry.config.canary.weight } } : {}),
      ...(entry.shadow ? { shadow: { version: entry.shadow.current.version } } : {}),
    },
    served_versions: allSlots.map(slotSummary),
  };
}
