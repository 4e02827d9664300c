/**
 * @module report/evaluation/evaluation-report
 * One self-contained HTML page per evaluation (inline CSS and SVG, nothing fetched):
 *
 *   headline metric ± interval, tiles ─▶ all metrics ─▶ confusion matrix + ROC / PR /
 *   calibration (or residual plots) ─▶ fairness per sensitive column ─▶ explanations
 *   (SHAP summary, dependence, partial dependence, permutation importance) ─▶ warnings
 */
import type { Evaluation } from '../../evaluate/evaluate-model.js';
import type { TableExplanation } from '../../explain/explain-table.js';
import { VERSION } from '../../version.js';
import { CHART_CSS } from '../charts/chart-styles.js';
import { badge, section } from '../html/components.js';
import { formatCount } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { explainSections } from '../explain/explain-sections.js';
import { curvesSection } from './curves-section.js';
import { fairnessSection } from './fairness-section.js';
import { metricsSection } from './metrics-section.js';

export interface EvaluationReportInput {
  readonly evaluation: Evaluation;
  readonly explanation?: TableExplanation | null;
  /** Model path or reference, and data source, shown in the title. */
  readonly model: string;
  readonly data: string;
  readonly learner?: string;
  readonly generatedAt?: Date;
}

function warningsSection(e: Evaluation): SafeHtml | '' {
  if (e.warnings.length === 0) return '';
  return section('Warnings', html`<div class="panel"><ul class="warnings">${e.warnings.map((w) => html`<li><span>${badge('warning', 'warning')}</span><div>${w}</div></li>`)}</ul></div>`, 'warnings');
}

/**
 * The evaluation as a complete HTML document.
 * @example await writeFileAtomic('report.html', renderEvaluationReport({ evaluation, explanation, model: 'm.json', data: 'test.csv' }))
 */
export function renderEvaluationReport(input: EvaluationReportInput): string {
  const e = input.evaluation;
  const when = (input.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const x = input.explanation;
  const body = html`${metricsSection(e)}${curvesSection(e)}${fairnessSection(e)}${x ? explainSections(x.json, x.plots) : ''}${warningsSection(e)}`;
  return renderPage({
    title: `Evaluation: ${input.model}`,
    subtitle: html`${badge(e.task, 'ok')} ${input.learner ? badge(input.learner, 'neutral') : ''} target <strong>${e.target}</strong> · ${formatCount(e.n)} labelled rows of ${input.data} · generated ${when} UTC`,
    body,
    css: CHART_CSS,
    footer: `Made by Modelwright ${VERSION}. This page is self-contained: it loads nothing from the network.`,
  });
}
