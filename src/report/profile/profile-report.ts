/**
 * @module report/profile/profile-report
 * The data profile as one self-contained HTML page: a summary header, the target and its
 * classes, the warnings, an overview table of all columns and a card per column.
 */
import type { Profile } from '../../data/profile/types.js';
import type { DataWarning } from '../../data/quality/warning-codes.js';
import { VERSION } from '../../version.js';
import { barChart } from '../charts/bar-chart.js';
import { badge, section, statGrid } from '../html/components.js';
import { formatCount, formatPercent } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { renderTable } from '../html/table.js';
import { columnAnchor, columnCard, columnSummary } from './column-card.js';

export interface ProfileReportOptions {
  /** What was profiled (file name, query), shown in the title. */
  readonly source?: string;
  /** When the report was made; default now. */
  readonly generatedAt?: Date;
}

function typeBreakdown(p: Profile): string {
  const counts = new Map<string, number>();
  for (const c of p.columns) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${n} ${t}`).join(' · ');
}

function summary(p: Profile): SafeHtml {
  const cells = p.rows * p.columnCount;
  const missing = p.columns.reduce((s, c) => s + c.missing, 0);
  const warnings = p.warnings.filter((w) => w.severity === 'warning').length;
  return statGrid([
    { label: 'Rows', value: formatCount(p.rows) },
    { label: 'Columns', value: formatCount(p.columnCount), note: typeBreakdown(p) },
    { label: 'Missing cells', value: formatCount(missing), note: `${formatPercent(cells > 0 ? missing / cells : 0)} of all cells` },
    { label: 'Duplicate rows', value: formatCount(p.duplicateRows), note: `${formatPercent(p.rows > 0 ? p.duplicateRows / p.rows : 0)} of rows` },
    { label: 'Warnings', value: formatCount(warnings), note: `${p.warnings.length - warnings} notes` },
  ]);
}

function targetPanel(p: Profile): SafeHtml | '' {
  const t = p.target;
  if (!t) return '';
  const labelled = p.rows - t.missing;
  const chart =
    t.classes && t.classCounts
      ? barChart(
          t.classes.map((label, i) => ({ label, value: t.classCounts![i] })),
          { annotate: (it) => formatPercent(it.value / Math.max(1, labelled)), label: `classes of ${t.name}` },
        )
      : '';
  return section(
    'Target',
    html`<div class="panel"><p><strong>${t.name}</strong> ${badge(t.task, 'ok')} <span class="muted">${t.reason}</span></p>${chart}${
      t.missing > 0 ? html`<p class="muted small">${formatCount(t.missing)} rows have no target value.</p>` : ''
    }</div>`,
  );
}

function warningList(p: Profile, anchors: Map<string, string>): SafeHtml {
  if (p.warnings.length === 0) return section('Warnings', html`<div class="panel muted">No warnings: nothing looks wrong with this data.</div>`);
  const items = p.warnings.map((w) => {
    const where = w.column === null ? '' : anchors.has(w.column) ? html` · <a href="#${anchors.get(w.column)}">${w.column}</a>` : html` · ${w.column}`;
    return html`<li><span>${badge(w.severity, w.severity === 'warning' ? 'warning' : 'info')}</span><div><span class="code">${w.code}</span>${where}<br>${w.message}</div></li>`;
  });
  return section('Warnings', html`<div class="panel"><ul class="warnings">${items}</ul></div>`);
}

function overview(p: Profile): SafeHtml {
  const rows = p.columns.map((c, i) => [
    html`<a href="#${columnAnchor(i)}">${c.name}</a>`,
    badge(c.type, c.type === 'identifier' ? 'neutral' : 'accent'),
    c.role === 'feature' ? html`<span class="muted">feature</span>` : c.role,
    formatPercent(c.missingShare),
    formatCount(c.unique),
    html`<span class="muted small">${columnSummary(c)}</span>`,
  ]);
  return section(
    'Columns',
    html`<div class="panel">${renderTable(
      [{ label: 'column' }, { label: 'type' }, { label: 'role' }, { label: 'missing', numeric: true }, { label: 'distinct', numeric: true }, { label: 'summary' }],
      rows,
    )}</div>`,
  );
}

/**
 * The profile as a complete HTML document (no network references; inline CSS and SVG).
 * @example await writeFileAtomic('profile.html', renderProfileReport(profileFrame(frame), { source: 'data.csv' }))
 */
export function renderProfileReport(p: Profile, options: ProfileReportOptions = {}): string {
  const anchors = new Map(p.columns.map((c, i) => [c.name, columnAnchor(i)]));
  const byColumn = new Map<string, DataWarning[]>();
  for (const w of p.warnings) if (w.column !== null) byColumn.set(w.column, [...(byColumn.get(w.column) ?? []), w]);
  const when = (options.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const body = html`${summary(p)}${targetPanel(p)}${warningList(p, anchors)}${overview(p)}${section(
    'Column details',
    html`<div class="cards">${p.columns.map((c, i) => columnCard(c, i, p.rows, byColumn.get(c.name) ?? []))}</div>`,
  )}`;
  return renderPage({
    title: options.source ? `Data profile: ${options.source}` : 'Data profile',
    subtitle: `${formatCount(p.rows)} rows × ${formatCount(p.columnCount)} columns · generated ${when} UTC`,
    body,
    footer: `Made by Modelwright ${VERSION}. This page is self-contained: it loads nothing from the network.`,
  });
}
