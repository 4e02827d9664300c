/**
 * TreeSHAP against XGBoost's own: the trees of small XGBoost models (binary, multiclass,
 * regression, with missing values) are read into a tree view and explained by our TreeSHAP;
 * contributions, bias and interaction values must equal XGBoost's `pred_contribs` /
 * `pred_interactions` (fixtures/explain/xgb-shap.json, from make_xgb_fixture.py).
 *
 * Tolerance 1e-6: XGBoost computes SHAP values in float32 (≈ 6e-8 relative per operation,
 * accumulated over a few dozen trees); ours are float64 on the same float32 tree values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { treeShap } from '../../src/explain/tree-shap.js';
import { treeShapInteractions } from '../../src/explain/tree-shap-interactions.js';
import { viewOutput } from '../../src/explain/tree-view.js';
import { nextDown, xgboostTreeView } from '../../src/explain/xgboost-json.js';

interface Case {
  name: string;
  model: unknown;
  X: (number | null)[][];
  margin: number[] | number[][];
  contribs: number[][] | number[][][];
  interactions?: number[][][];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/explain/xgb-shap.json', import.meta.url), 'utf8')) as { cases: Case[] };
const TOL = 1e-6;

function frameOf(X: (number | null)[][]): Frame {
  const m = X[0].length;
  return Frame.fromColumns(Array.from({ length: m }, (_, j) => float64Column(`f${j}`, Float64Array.from(X, (r) => r[j] ?? Number.NaN))));
}

describe('TreeSHAP agrees with XGBoost pred_contribs', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: margins, contributions and bias within ${TOL}`, () => {
      const view = xgboostTreeView(c.model);
      const X = frameOf(c.X);
      const M = view.features.length;
      const K = view.outputs.length;
      const raw = viewOutput(view, view.encode(X), X.nRows);
      const s = treeShap(view, X);
      let worst = 0;
      for (let i = 0; i < X.nRows; i++) {
        for (let k = 0; k < K; k++) {
          const margin = K === 1 ? (c.margin as number[])[i] : (c.margin as number[][])[i][k];
          expect(Math.abs(raw[i * K + k] - margin)).toBeLessThan(TOL);
          const ref = K === 1 ? (c.contribs as number[][])[i] : (c.contribs as number[][][])[i][k];
          for (let j = 0; j < M; j++) worst = Math.max(worst, Math.abs(s.values[(i * M + j) * K + k] - ref[j]));
          worst = Math.max(worst, Math.abs(s.base[k] - ref[M]));
        }
      }
      expect(worst).toBeLessThan(TOL);
    });
  }

  for (const c of fixture.cases.filter((x) => x.interactions)) {
    it(`${c.name}: interaction values equal pred_interactions within ${TOL}`, () => {
      const view = xgboostTreeView(c.model);
      const X = frameOf(c.X);
      const M = view.features.length;
      const s = treeShapInteractions(view, X);
      let worst = 0;
      for (let i = 0; i < X.nRows; i++) {
        const ref = c.interactions![i];
        for (let j = 0; j < M; j++) for (let a = 0; a < M; a++) worst = Math.max(worst, Math.abs(s.values[(i * M + j) * M + a] - ref[j][a]));
        expect(Math.abs(s.base[0] - ref[M][M])).toBeLessThan(TOL);
      }
      expect(worst).toBeLessThan(TOL);
    });
  }

  it('nextDown gives the largest double below a value', () => {
    for (const x of [1, -1, 0.5, 3.25, -7e-3, 1e300]) {
      const d = nextDown(x);
      expect(d).toBeLessThan(x);
      expect((d + x) / 2 === d || (d + x) / 2 === x).toBe(true);
    }
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
  });
});
