/**
 * @module serve/rate-limit
 * Per-client token buckets: each client (an API key, or the client address when the server
 * has no keys) holds up to `burst` tokens, refilled at `requestsPerSecond`; a request takes
 * one, and a request that finds none is answered 429 with the seconds to wait. Buckets are
 * per worker process, so with `--workers N` the effective limit is up to N times the rate.
 */
import type { RateLimitConfig } from './config.js';

interface Bucket {
  tokens: number;
  /** performance.now() of the last refill. */
  at: number;
}

/** Buckets idle this long are full again and can be forgotten (bounds memory). */
const IDLE_MS = 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweeps = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Take a token for `client`: 0 when allowed, else the seconds until one is available.
   * @example new RateLimiter({ requestsPerSecond: 1, burst: 1 }).take('k') // 0, then ~1
   */
  take(client: string): number {
    const t = this.now();
    let b = this.buckets.get(client);
    if (!b) {
      b = { tokens: this.config.burst, at: t };
      this.buckets.set(client, b);
      if (++this.sweeps % 1024 === 0) this.sweep(t);
    } else {
      b.tokens = Math.min(this.config.burst, b.tokens + ((t - b.at) / 1000) * this.config.requestsPerSecond);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.config.requestsPerSecond;
  }

  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (t - b.at > IDLE_MS) this.buckets.delete(k);
  }
}
