/**
 * @module monitor/drift/category-counts
 * `CategoryCounts`: current values of a categorical column (or predicted labels) counted per
 * reference category, with values the reference never had counted apart (new categories).
 * Log batches hold strings as dictionary codes: each distinct string is mapped once per batch,
 * then rows are counted by code, so a million rows cost a million array increments.
 */
import type { BatchColumn } from '../log-store/monitor-store.js';
import { categoryKey } from '../reference/category-key.js';
import type { CategoricalReference } from '../reference/types.js';

/** What a worker thread sends back: the counters (all additive). */
export interface CategoryCountsState {
  readonly counts: Float64Array;
  readonly unseen: readonly (readonly [string, number])[];
  readonly present: number;
  readonly missing: number;
}

export class CategoryCounts {
  private readonly index: Map<string, number>;
  readonly counts: Float64Array;
  readonly unseen = new Map<string, number>();
  present = 0;
  missing = 0;

  constructor(readonly ref: CategoricalReference) {
    this.index = new Map(ref.categories.map((c, i) => [c, i]));
    this.counts = new Float64Array(ref.categories.length);
  }

  state(): CategoryCountsState {
    return { counts: this.counts, unseen: [...this.unseen], present: this.present, missing: this.missing };
  }

  /** Add counts made elsewhere (another thread's share of the rows). */
  merge(s: CategoryCountsState): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += s.counts[i];
    for (const [k, c] of s.unseen) this.unseen.set(k, (this.unseen.get(k) ?? 0) + c);
    this.present += s.present;
    this.missing += s.missing;
  }

  /** Count one category key (null = missing) `k` times. */
  addKey(key: string | null, k = 1): void {
    if (key === null) {
      this.missing += k;
      return;
    }
    this.present += k;
    const i = this.index.get(key);
    if (i !== undefined) this.counts[i] += k;
    else this.unseen.set(key, (this.unseen.get(key) ?? 0) + k);
  }

  addColumn(col: BatchColumn): void {
    const boolean = this.ref.boolean === true;
    if (col.kind === 'str') {
      const byCode = new Float64Array(col.dict.length);
      let missing = 0;
      for (let i = 0; i < col.codes.length; i++) {
        const c = col.codes[i];
        if (c < 0) missing++;
        else byCode[c]++;
      }
      this.missing += missing;
      col.dict.forEach((s, c) => byCode[c] > 0 && this.addKey(categoryKey(s, boolean), byCode[c]));
      return;
    }
    if (col.kind === 'f64') {
      const cache = new Map<number, string>();
      for (let i = 0; i < col.values.length; i++) {
        const v = col.values[i];
        if (v !== v) {
          this.missing++;
          continue;
        }
        let key = cache.get(v);
        if (key === undefined) cache.set(v, (key = categoryKey(v, boolean)!));
        this.addKey(key);
      }
      return;
    }
    if (col.kind === 'bool') {
      for (let i = 0; i < col.values.length; i++) this.addKey(col.values[i] < 0 ? null : col.values[i] === 1 ? 'true' : 'false');
      return;
    }
    for (const v of col.values) this.addKey(categoryKey(v, boolean));
  }

  /**
   * Reference and current counts over the union of keys: the reference's categories, its pooled
   * `other` (when it has one, new values go there: they cannot be told from pooled ones), then
   * the new categories.
   */
  table(): { keys: string[]; ref: Float64Array; cur: Float64Array } {
    const r = this.ref;
    const keys = [...r.categories];
    const ref = [...r.counts];
    const cur = Array.from(this.counts);
    if (r.other > 0) {
      let pooled = 0;
      for (const c of this.unseen.values()) pooled += c;
      keys.push('(other)');
      ref.push(r.other);
      cur.push(pooled);
    } else {
      for (const [k, c] of this.unseen) (keys.push(k), ref.push(0), cur.push(c));
    }
    return { keys, ref: Float64Array.from(ref), cur: Float64Array.from(cur) };
  }

  /** Share of present current values in categories the reference never had (null when the reference pooled rare categories). */
  newCategoryShare(): number | null {
    if (this.ref.other > 0) return null;
    let n = 0;
    for (const c of this.unseen.values()) n += c;
    return this.present ? n / this.present : 0;
  }
}
