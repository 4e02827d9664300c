/**
 * @module learners/gbdt/sampling/bagging
 * Row bagging (LightGBM's `bagging_fraction` / `bagging_freq`): every `bagging_freq`
 * iterations a new subset of round(n · fraction) rows is drawn without replacement; the trees
 * of the following iterations are grown on it, and the other rows are scored by traversal.
 */
import type { Rng } from '../../../common/random.js';

/**
 * `k` of `n` rows, increasing (Knuth's selection sampling: one pass, exact count, sorted
 * output — the partition keeps rows sorted for forward memory access).
 */
export function selectRows(n: number, k: number, rng: Rng): Int32Array {
  const out = new Int32Array(k);
  let chosen = 0;
  for (let i = 0; i < n && chosen < k; i++) {
    if ((n - i) * rng.next() < k - chosen) out[chosen++] = i;
  }
  return out;
}

/** The rows not in `bag` (sorted), given sorted `bag`. */
export function complementRows(n: number, bag: Int32Array): Int32Array {
  const out = new Int32Array(n - bag.length);
  let j = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (j < bag.length && bag[j] === i) j++;
    else out[o++] = i;
  }
  return out;
}

export class Bagger {
  private bag: Int32Array | null = null;
  private outOfBag: Int32Array | null = null;

  constructor(
    private readonly n: number,
    private readonly fraction: number,
    private readonly freq: number,
    private readonly rng: Rng,
  ) {}

  get enabled(): boolean {
    return this.freq > 0 && this.fraction < 1;
  }

  /** The bag for iteration `iter` (0-based), re-drawn every `freq` iterations; null = all rows. */
  bagFor(iter: number): Int32Array | null {
    if (!this.enabled) return null;
    if (iter % this.freq === 0 || !this.bag) {
      const k = Math.max(1, Math.round(this.n * this.fraction));
      this.bag = selectRows(this.n, k, this.rng);
      this.outOfBag = complementRows(this.n, this.bag);
    }
    return this.bag;
  }

  /** Rows outside the current bag (empty when bagging is off). */
  outOfBagRows(): Int32Array | null {
    return this.enabled ? this.outOfBag : null;
  }
}
