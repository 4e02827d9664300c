/**
 * @module report/html/page
 * The shell of every report: one self-contained HTML document (inline CSS, inline SVG, no
 * script, font, image or stylesheet fetched from anywhere), readable offline and printable.
 */
import { type HtmlValue, type SafeHtml, html, raw } from './html.js';
import { BASE_CSS } from './styles.js';

export interface PageOptions {
  /** Shown in the browser tab and as the main heading. */
  readonly title: string;
  /** A line under the heading (source, date…). */
  readonly subtitle?: HtmlValue;
  /** The page content. */
  readonly body: SafeHtml;
  /** Footer text; defaults to nothing. */
  readonly footer?: HtmlValue;
  /** Extra CSS appended after the base stylesheet. */
  readonly css?: string;
}

/**
 * A complete HTML document.
 * @example writeFileAtomic('report.html', renderPage({ title: 'Profile', body: html`<p>Hello</p>` }))
 */
export function renderPage(options: PageOptions): string {
  const css = BASE_CSS + (options.css ?? '');
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${options.title}</title>
<style>${raw(css.replace(/<\/style/gi, '<\\/style'))}</style>
</head>
<body>
<main>
<header class="page"><h1>${options.title}</h1>${options.subtitle ? html`<p class="subtitle">${options.subtitle}</p>` : ''}</header>
${options.body}
${options.footer ? html`<footer class="page">${options.footer}</footer>` : ''}
</main>
</body>
</html>
`;
  return doc.toString();
}
