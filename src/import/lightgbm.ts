/**
 * @module import/lightgbm
 * LightGBM's text model format (`save_model`, `model.txt`, v3/v4) → our gbdt ensemble.
 * Trees map almost one to one — same child encoding, same category bitsets over raw integer
 * values, leaf values already shrunk, the boost-from-average score folded into tree 0 —
 * except for missing values, decided per node by `decision_type` (bit 0 categorical, bit 1
 * default-left, bits 2–3 missing type):
 *
 *   NaN    NaN goes the default side                         → our default-left flag
 *   None   NaN is read as 0                                  → default side = where 0 goes
 *   Zero   NaN is read as 0, and |x| ≤ 1e-35 goes the default side → when that side is not
 *          where 0 would go anyway, the node becomes x < −1e-35 / x ≤ 1e-35 / x ≤ t
 *
 * Categorical nodes send negative values and unlisted categories right, as ours do; NaN is
 * read as category 0 unless the node's missing type is NaN (then it goes right).
 * `average_output` (random-forest mode) scales leaves by 1 / iterations. Linear trees and
 * one-vs-all multiclass cannot be expressed and are refused with MW_IMPORT_INVALID.
 */
import { ModelwrightError } from '../errors.js';
import type { CanonicalObjective } from '../learners/gbdt/objectives/objective.js';
import { prevFloat64 } from './float32-threshold.js';
import type { ImportedGbdt } from './imported-gbdt.js';
import { type ImportNode, buildTree } from './tree-builder.js';

/** LightGBM's kZeroThreshold (1e-35f, widened to double). */
const ZERO = Math.fround(1e-35);

const invalid = (where: string, what: string) =>
  new ModelwrightError('MW_IMPORT_INVALID', `'${where}' cannot be imported as a LightGBM model: ${what}.`, { details: { path: where, format: 'lightgbm' } });

function keyValues(lines: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq > 0) m.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return m;
}

const numbers = (s: string | undefined): number[] => (s === undefined || s.trim() === '' ? [] : s.trim().split(/\s+/).map(Number));

const IDENTITY: Readonly<Record<string, CanonicalObjective>> = {
  regression: 'regression', regression_l2: 'regression', regression_l1: 'regression_l1', huber: 'huber', fair: 'regression', quantile: 'quantile', mape: 'regression',
  lambdarank: 'lambdarank', rank_xendcg: 'lambdarank',
};
const EXP = new Set(['poisson', 'gamma', 'tweedie']);

function objectiveOf(text: string, where: string): { objective: CanonicalObjective; sigmoid: number; task: 'binary' | 'multiclass' | 'regression' } {
  const [name, ...opts] = text.trim().split(/\s+/);
  const opt = (k: string) => opts.find((o) => o.startsWith(`${k}:`))?.slice(k.length + 1);
  if (name === 'binary' || name === 'cross_entropy' || name === 'xentropy') return { objective: 'binary', sigmoid: Number(opt('sigmoid') ?? 1), task: 'binary' };
  if (name === 'multiclass' || name === 'softmax') return { objective: 'multiclass', sigmoid: 1, task: 'multiclass' };
  if (EXP.has(name)) return { objective: 'poisson', sigmoid: 1, task: 'regression' };
  if (IDENTITY[name]) return { objective: IDENTITY[name], sigmoid: 1, task: 'regression' };
  throw invalid(where, `objective '${name}' is not supported (one-vs-all and custom objectives have no equivalent)`);
}

/** A numeric split with LightGBM's zero-as-missing rule, in our semantics. */
function zeroAsMissing(feature: number, t: number, defaultLeft: boolean, left: ImportNode, right: ImportNode, extra: { gain: number; count: number; value: number }): ImportNode {
  const zeroGoesLeft = 0 <= t;
  if (defaultLeft === zeroGoesLeft && !(t >= -ZERO && t < ZERO)) return { leaf: false, feature, test: { leq: t }, defaultLeft, left, right, ...extra };
  const split = (l: ImportNode, r: ImportNode): ImportNode => ({ leaf: false, feature, test: { leq: t }, defaultLeft: false, left: l, right: r, ...extra });
  const below = t >= -ZERO ? left : split(left, right); // x < -ZERO
  const above = t <= ZERO ? right : split(left, right); // x > ZERO
  const middle: ImportNode = { leaf: false, feature, test: { leq: ZERO }, defaultLeft: true, left: defaultLeft ? left : right, right: above, ...extra };
  return { leaf: false, feature, test: { leq: prevFloat64(-ZERO) }, defaultLeft: false, left: below, right: middle, ...extra };
}

function parseTree(block: Map<string, string>, where: string, scale: number): ImportNode {
  const numLeaves = Number(block.get('num_leaves'));
  const leafValue = numbers(block.get('leaf_value')).map((v) => v * scale);
  const leafCount = numbers(block.get('leaf_count'));
  if (!(numLeaves >= 1) || leafValue.length !== numLeaves) throw invalid(where, `tree block '${block.get('Tree')}' has ${leafValue.length} leaf values for num_leaves=${numLeaves}`);
  if (block.get('is_linear') === '1') throw invalid(where, 'linear trees (linear_tree=true) are not supported');
  const leaf = (k: number): ImportNode => ({ leaf: true, value: leafValue[k], count: leafCount[k] });
  if (numLeaves === 1) return leaf(0);
  const feat = numbers(block.get('split_feature'));
  const thr = numbers(block.get('threshold'));
  const dt = numbers(block.get('decision_type'));
  const lc = numbers(block.get('left_child'));
  const rc = numbers(block.get('right_child'));
  const gain = numbers(block.get('split_gain'));
  const ival = numbers(block.get('internal_value'));
  const icount = numbers(block.get('internal_count'));
  const catB = numbers(block.get('cat_boundaries'));
  const catT = numbers(block.get('cat_threshold'));
  const node = (i: number, depth: number): ImportNode => {
    if (i < 0) return leaf(~i);
    if (depth > numLeaves) throw invalid(where, 'a tree has a cycle');
    const left = node(lc[i], depth + 1);
    const right = node(rc[i], depth + 1);
    const extra = { gain: gain[i] ?? 0, count: icount[i] ?? 0, value: ival[i] ?? 0 };
    const d = dt[i];
    const missing = (d >> 2) & 3;
    if (d & 1) {
      const k = thr[i];
      const bitset = catT.slice(catB[k], catB[k + 1]);
      const categorical: ImportNode = { leaf: false, feature: feat[i], test: { bitset }, defaultLeft: false, left, right, ...extra };
      // Unless the node's missing type is NaN, LightGBM reads NaN as category 0: when 0 goes
      // left, a router `x <= +inf` sends NaN (its default side, right) to the left subtree.
      if (missing === 2 || (bitset[0] & 1) === 0) return categorical;
      return { leaf: false, feature: feat[i], test: { leq: Number.POSITIVE_INFINITY }, defaultLeft: false, left: categorical, right: left, ...extra };
    }
    const defaultLeft = (d & 2) !== 0;
    if (missing === 2) return { leaf: false, feature: feat[i], test: { leq: thr[i] }, defaultLeft, left, right, ...extra };
    if (missing === 1) return zeroAsMissing(feat[i], thr[i], defaultLeft, left, right, extra);
    return { leaf: false, feature: feat[i], test: { leq: thr[i] }, defaultLeft: 0 <= thr[i], left, right, ...extra };
  };
  return node(0, 0);
}

/**
 * Translate LightGBM model text.
 * @example const imported = parseLightGbmModel(readFileSync('model.txt', 'utf8'), 'model.txt');
 */
export function parseLightGbmModel(text: string, where: string): ImportedGbdt {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== 'tree') throw invalid(where, "it does not start with the line 'tree' of LightGBM's text format");
  const firstTree = lines.findIndex((l) => l.startsWith('Tree='));
  const header = keyValues(lines.slice(0, firstTree < 0 ? lines.length : firstTree));
  const averageOutput = lines.slice(0, firstTree).some((l) => l.trim() === 'average_output');
  const features = (header.get('feature_names') ?? '').trim().split(/\s+/).filter(Boolean);
  const infos = (header.get('feature_infos') ?? '').trim().split(/\s+/);
  const perIteration = Number(header.get('num_tree_per_iteration') ?? header.get('num_class') ?? 1);
  const { objective, sigmoid, task } = objectiveOf(header.get('objective') ?? 'regression', where);
  if (features.length === 0) throw invalid(where, 'it has no feature_names line');
  const blocks: Map<string, string>[] = [];
  const end = lines.findIndex((l) => l.trim() === 'end of trees');
  for (let i = firstTree; i >= 0 && i < (end < 0 ? lines.length : end); ) {
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith('Tree=') && lines[j].trim() !== 'end of trees') j++;
    blocks.push(keyValues(lines.slice(i, j)));
    i = j;
  }
  if (blocks.length === 0 || blocks.length % perIteration !== 0) throw invalid(where, `it has ${blocks.length} trees, not a multiple of ${perIteration} per iteration`);
  const scale = averageOutput ? perIteration / blocks.length : 1;
  const trees = blocks.map((b) => buildTree(parseTree(b, where, scale)));
  const paramsBlock = lines.slice(lines.indexOf('parameters:') + 1, lines.indexOf('end of parameters'));
  const params: Record<string, unknown> = { objective: header.get('objective') ?? 'regression' };
  for (const l of paramsBlock) {
    const m = /^\[([^:]+): ?(.*)\]$/.exec(l.trim());
    if (m && ['boosting', 'num_iterations', 'learning_rate', 'num_leaves', 'seed'].includes(m[1])) params[m[1]] = Number.isNaN(Number(m[2])) ? m[2] : Number(m[2]);
  }
  return {
    format: 'lightgbm',
    features,
    categorical: features.map((_, j) => Boolean(infos[j]) && !infos[j].startsWith('[') && infos[j] !== 'none'),
    task,
    objective,
    sigmoid,
    numOutputs: perIteration,
    baseScore: new Array(perIteration).fill(0),
    trees,
    params,
  };
}
