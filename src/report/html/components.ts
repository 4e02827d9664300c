/**
 * @module report/html/components
 * Small building blocks shared by reports: badges, stat tiles, cards, sections.
 */
import { type HtmlValue, type SafeHtml, html } from './html.js';

export type Tone = 'accent' | 'neutral' | 'warning' | 'info' | 'ok' | 'bad';

/** A pill-shaped label. */
export function badge(text: string, tone: Tone = 'accent'): SafeHtml {
  return html`<span class="${tone === 'accent' ? 'badge' : `badge ${tone}`}">${text}</span>`;
}

export interface Stat {
  readonly label: string;
  readonly value: HtmlValue;
  readonly note?: HtmlValue;
}

/** A grid of headline numbers. */
export function statGrid(stats: readonly Stat[]): SafeHtml {
  return html`<div class="stats">${stats.map(
    (s) => html`<div class="stat"><div class="label">${s.label}</div><div class="value">${s.value}</div>${s.note ? html`<div class="note">${s.note}</div>` : ''}</div>`,
  )}</div>`;
}

export interface CardOptions {
  readonly title: string;
  /** Anchor id, so other parts of the page can link to the card. */
  readonly id?: string;
  /** Badges or short markup after the title. */
  readonly tags?: HtmlValue;
  /** A muted line under the title. */
  readonly note?: HtmlValue;
  readonly body: HtmlValue;
}

export function card(o: CardOptions): SafeHtml {
  return html`<section class="card"${o.id ? html` id="${o.id}"` : ''}><header><h3>${o.title}</h3>${o.tags ?? ''}</header>${o.note ? html`<p class="reason">${o.note}</p>` : ''}<div class="body">${o.body}</div></section>`;
}

/** A titled section of the page. */
export function section(title: string, body: HtmlValue, id?: string): SafeHtml {
  return html`<section${id ? html` id="${id}"` : ''}><h2>${title}</h2>${body}</section>`;
}
