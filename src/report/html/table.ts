/**
 * @module report/html/table
 * Data tables and key–value tables. Numeric cells are right-aligned so digits line up.
 */
import { type HtmlValue, type SafeHtml, html, raw } from './html.js';

export interface TableColumn {
  readonly label: string;
  /** Right-align the column (numbers). */
  readonly numeric?: boolean;
}

export type TableCell = HtmlValue;

/**
 * A table with a header row.
 * @example renderTable([{ label: 'name' }, { label: 'rows', numeric: true }], [['a', '1,000']])
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[], caption?: string): SafeHtml {
  const cls = (c: TableColumn | undefined) => (c?.numeric ? raw(' class="num"') : '');
  return html`<div class="table-wrap"><table class="data">${caption ? html`<caption>${caption}</caption>` : ''}
<thead><tr>${columns.map((c) => html`<th${cls(c)}>${c.label}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((cell, i) => html`<td${cls(columns[i])}>${cell}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

/** A two-column table of labels and values (statistics of one thing). */
export function renderKeyValues(pairs: readonly (readonly [string, TableCell])[]): SafeHtml {
  return html`<table class="data kv"><tbody>${pairs.map(([k, v]) => html`<tr><td>${k}</td><td class="num">${v}</td></tr>`)}</tbody></table>`;
}
