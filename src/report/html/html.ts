/**
 * @module report/html/html
 * The `html` tagged template: interpolated values are escaped unless they are already
 * `SafeHtml` (the result of another `html` call or of `raw`), so report code cannot forget to
 * escape a column name or a message.
 *
 * @example
 * const name = '<b>age</b>';
 * html`<h2>${name}</h2>`.toString() // '<h2>&lt;b&gt;age&lt;/b&gt;</h2>'
 * html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` // arrays are joined
 */
import { escapeHtml } from './escape.js';

/** Markup that is known to be safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** Mark trusted markup (built by this module or a chart) as safe. Never pass user text here. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** What may be interpolated: text (escaped), numbers, safe markup, lists of these; null/undefined/false print nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Join pieces of safe markup. */
export function joinHtml(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(separator));
}
