/**
 * @module report
 * Self-contained HTML reports: a page shell with embedded CSS, safe HTML templating, tables,
 * cards and badges, and inline-SVG charts (histograms, bars). Reports built on it: the data
 * profile (more later: evaluation, monitoring).
 */
export { type BarChartOptions, type BarItem, barChart } from './charts/bar-chart.js';
export { type HistogramChartOptions, histogramChart } from './charts/histogram-chart.js';
export { linearScale, truncate } from './charts/scale.js';
export { type CardOptions, type Stat, type Tone, badge, card, section, statGrid } from './html/components.js';
export { escapeHtml } from './html/escape.js';
export { formatCount, formatDate, formatNumber, formatPercent, formatShort } from './html/format.js';
export { type HtmlValue, SafeHtml, html, joinHtml, raw } from './html/html.js';
export { type PageOptions, renderPage } from './html/page.js';
export { BASE_CSS } from './html/styles.js';
export { type TableCell, type TableColumn, renderKeyValues, renderTable } from './html/table.js';
export { type ProfileReportOptions, renderProfileReport } from './profile/profile-report.js';
