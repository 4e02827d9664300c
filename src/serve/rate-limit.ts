/**
 * @module serve/rate-limit
 * Per-client token buckets: each client (an API key, or the client address when the server
 * has no keys) holds up to `burst` tokens, refilled at `requestsPerSecond`; a request takes
 * one, and a request that finds none is answered 429 with the seconds to wait.
 *
 * With `--workers N` each worker holds its own buckets and they share one budget through
 * cluster-ipc.ts: every 100 ms a worker reports the tokens it took per client, and the others
 * deduct them (`absorb`). A client spreading requests over workers can therefore exceed its
 * rate by at most what the other workers admit in one sync interval.
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
  /** Tokens taken per client since the last `drainUsage` (only when tracking, i.e. in a cluster). */
  private usage: Map<string, number> | undefined;

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
      if (this.usage) this.usage.set(client, (this.usage.get(client) ?? 0) + 1);
      return 0;
    }
    return (1 - b.tokens) / this.config.requestsPerSecond;
  }

  /** Start counting the tokens taken per client, for `drainUsage`. */
  trackUsage(): void {
    this.usage ??= new Map();
  }

  /** The tokens taken per client since the last call (and reset the count). */
  drainUsage(): Map<string, number> {
    const used = this.usage ?? new Map<string, number>();
    if (this.usage) this.usage = new Map();
    return used;
  }

  /**
   * Deduct `tokens` that `client` took in another worker. A bucket may go down to −burst, so
   * a client that overspent across workers waits for the refill of what it overspent.
   */
  absorb(client: string, tokens: number): void {
    const t = this.now();
    const b = this.buckets.get(client) ?? { tokens: this.config.burst, at: t };
    b.tokens = Math.min(this.config.burst, b.tokens + ((t - b.at) / 1000) * this.config.requestsPerSecond);
    b.at = t;
    b.tokens = Math.max(-this.config.burst, b.tokens - tokens);
    this.buckets.set(client, b);
  }

  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (t - b.at > IDLE_MS) this.buckets.delete(k);
  }
}
