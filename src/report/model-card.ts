/**
 * @module report/model-card
 * `renderModelCard`: the model card of a saved model as Markdown and as a self-contained HTML
 * page. The content comes from `modelCardInput(ref, extras)` (model-card/model-card-input.ts);
 * `fit` and `train` pass what they know (data fingerprint, profile, evaluation, flags).
 */
import { type ModelCardInput } from './model-card/model-card-input.js';
import { modelCardHtml } from './model-card/model-card-html.js';
import { modelCardMarkdown } from './model-card/model-card-markdown.js';

export { DEFAULT_INTENDED_USE, type ModelCardExtras, type ModelCardInput, modelCardInput } from './model-card/model-card-input.js';

/**
 * @example
 * const { markdown, html } = renderModelCard(modelCardInput(await loadSavedModel('m.json'), { fingerprint, profile, evaluation }));
 */
export function renderModelCard(input: ModelCardInput): { markdown: string; html: string } {
  return { markdown: modelCardMarkdown(input), html: modelCardHtml(input) };
}
