/**
 * @module report/evaluation/curves-section
 * Charts of an evaluation: for classifiers the confusion matrix heatmap and the ROC,
 * precision-recall and calibration curves (multiclass: one ROC per class); for regression
 * predicted-vs-actual, residuals-vs-predicted and the residual histogram.
 */
import type { Evaluation } from '../../evaluate/evaluate-model.js';
import { confusionHeatmap } from '../charts/heatmap.js';
import { histogramChart } from '../charts/histogram-chart.js';
import { lineChart } from '../charts/line-chart.js';
import { scatterChart } from '../charts/scatter-chart.js';
import { card, section } from '../html/components.js';
import { formatNumber } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v, 3));

function classification(e: Evaluation): SafeHtml {
  const cards: SafeHtml[] = [];
  if (e.confusion_matrix) {
    cards.push(card({ title: 'Confusion matrix', note: 'Rows: true class; columns: predicted. Shade = share of the true class.', body: confusionHeatmap(e.confusion_matrix) }));
  }
  const c = e.curves ?? {};
  if (c.roc) {
    cards.push(card({
      title: 'ROC curve', tags: html`<span class="badge">AUC ${fmt(e.metrics.roc_auc)}</span>`, note: `True vs false positive rate for class '${e.positive}' as the threshold moves; dashed: chance.`,
      body: lineChart({ series: [{ label: `ROC (${e.positive})`, x: c.roc.fpr, y: c.roc.tpr }], diagonal: true, xDomain: [0, 1], yDomain: [0, 1], xLabel: 'false positive rate', yLabel: 'true positive rate' }),
    }));
  }
  if (c.pr) {
    cards.push(card({
      title: 'Precision–recall curve', tags: html`<span class="badge">AP ${fmt(e.metrics.average_precision)}</span>`, note: 'Precision against recall of the positive class.',
      body: lineChart({ series: [{ label: `PR (${e.positive})`, x: c.pr.recall, y: c.pr.precision }], xDomain: [0, 1], yDomain: [0, 1.02], xLabel: 'recall', yLabel: 'precision' }),
    }));
  }
  if (c.calibration) {
    cards.push(card({
      title: 'Calibration', tags: html`<span class="badge">ECE ${fmt(e.metrics.ece)}</span>`, note: 'Observed share of positives per bin of predicted probability; dashed: perfect calibration.',
      body: lineChart({ series: [{ label: 'model', x: c.calibration.prob_pred, y: c.calibration.prob_true, points: true }], diagonal: true, xDomain: [0, 1], yDomain: [0, 1], xLabel: 'mean predicted probability', yLabel: 'fraction of positives' }),
    }));
  }
  if (c.roc_per_class && Object.keys(c.roc_per_class).length > 0) {
    const series = Object.entries(c.roc_per_class).map(([label, r]) => ({ label, x: r.fpr, y: r.tpr }));
    cards.push(card({
      title: 'ROC curves, one vs rest', tags: html`<span class="badge">macro AUC ${fmt(e.metrics.roc_auc)}</span>`, note: 'One curve per class against all others.',
      body: lineChart({ series, diagonal: true, xDomain: [0, 1], yDomain: [0, 1], xLabel: 'false positive rate', yLabel: 'true positive rate' }),
    }));
  }
  return section('Errors and curves', html`<div class="grid-2">${cards}</div>`, 'curves');
}

function regression(e: Evaluation): SafeHtml {
  const r = e.residuals;
  if (!r) return html``;
  const resid = r.points.actual.map((a, i) => a - r.points.predicted[i]);
  const q = (p: number) => r.summary.quantiles.find((x) => x.q === p)?.value;
  return section('Residuals', html`<div class="grid-2">${[
    card({ title: 'Predicted vs actual', note: 'Dashed: perfect predictions.', body: scatterChart({ x: r.points.predicted, y: r.points.actual, diagonal: true, xLabel: 'predicted', yLabel: 'actual' }) }),
    card({ title: 'Residuals vs predicted', note: 'Residual = actual − predicted; a pattern here means systematic error.', body: scatterChart({ x: r.points.predicted, y: resid, zeroLine: true, xLabel: 'predicted', yLabel: 'residual' }) }),
    card({
      title: 'Residual distribution',
      note: `mean ${fmt(r.summary.mean)}, std ${fmt(r.summary.std)}, median ${fmt(q(0.5))}, 5–95% ${fmt(q(0.05))} … ${fmt(q(0.95))}`,
      body: histogramChart({ edges: r.histogram.edges, counts: r.histogram.counts, label: 'residual histogram' }),
    }),
  ]}</div>`, 'residuals');
}

export function curvesSection(e: Evaluation): SafeHtml {
  return e.task === 'regression' ? regression(e) : classification(e);
}
