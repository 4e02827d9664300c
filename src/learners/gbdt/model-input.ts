/**
 * @module learners/gbdt/model-input
 * Align a Frame to a model's input schema for prediction, fast enough for single-row calls.
 * Semantics are exactly `alignFeatures` (feature-schema.ts), which handles every unusual case
 * (missing columns, text given for numbers) and raises its errors; the fast path only caches
 * the category re-coding per dictionary, because rebuilding a map of a 1000-level dictionary
 * on every one-row call would dominate latency.
 */
import type { Frame } from '../../data/frame/frame.js';
import { type AlignedFeatures, type FeatureSchema, alignFeatures } from '../feature-schema.js';

export class FeatureAligner {
  private readonly remaps: WeakMap<readonly string[], Int32Array>[];
  private readonly index: Map<string, number>[];

  constructor(private readonly schema: FeatureSchema) {
    this.remaps = schema.features.map(() => new WeakMap());
    this.index = schema.features.map((f) => new Map((f.categories ?? []).map((c, i) => [c, i])));
  }

  align(X: Frame): AlignedFeatures {
    const feats = this.schema.features;
    const columns: (Float64Array | Int32Array)[] = new Array(feats.length);
    for (let j = 0; j < feats.length; j++) {
      const f = feats[j];
      if (!X.has(f.name)) return alignFeatures(X, this.schema, 'the gbdt model');
      const col = X.column(f.name);
      if (f.kind === 'numeric') {
        if (col.dtype === 'categorical') return alignFeatures(X, this.schema, 'the gbdt model');
        columns[j] = col.values;
        continue;
      }
      if (col.dtype !== 'categorical') return alignFeatures(X, this.schema, 'the gbdt model');
      if (col.categories === f.categories) {
        columns[j] = col.codes;
        continue;
      }
      let remap = this.remaps[j].get(col.categories);
      if (!remap) {
        const index = this.index[j];
        remap = Int32Array.from(col.categories, (c) => index.get(c) ?? -1);
        this.remaps[j].set(col.categories, remap);
      }
      const codes = col.codes;
      const out = new Int32Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? -1 : remap[codes[i]];
      columns[j] = out;
    }
    return { nRows: X.nRows, columns };
  }
}
