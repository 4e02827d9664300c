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
export { type FrameOptions, type PlotFrame, extent, niceTicks, plotFrame } from './charts/axis.js';
export { type BeeswarmFeature, type BeeswarmOptions, beeswarmChart } from './charts/beeswarm.js';
export { CHART_CSS } from './charts/chart-styles.js';
export { SERIES, heatColor, seriesColor, valueColor } from './charts/color.js';
export { type HeatmapOptions, confusionHeatmap } from './charts/heatmap.js';
export { type LineChartOptions, type LineSeries, lineChart } from './charts/line-chart.js';
export { type ScatterOptions, scatterChart } from './charts/scatter-chart.js';
export { type EvaluationReportInput, renderEvaluationReport } from './evaluation/evaluation-report.js';
export { type ExplainReportInput, renderExplainReport } from './explain/explain-report.js';
export { DEFAULT_INTENDED_USE, type ModelCardExtras, type ModelCardInput, modelCardInput, renderModelCard } from './model-card.js';
