/**
 * @module monitor/time-spec
 * Times and durations as people write them in flags and configs:
 *
 *   durations   90s, 15m, 24h, 7d, 2w (or plain seconds: 3600)
 *   times       an ISO date or date-time (2024-05-01, 2024-05-01T12:00:00Z), epoch milliseconds,
 *               or a duration meaning "that long ago" (24h → now − 24 hours)
 */
import { UsageError } from '../errors.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds of a duration, or undefined when `text` is not one. */
export function durationMs(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text * 1000 : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * UNITS[(m[2] ?? 's').toLowerCase()];
}

/** A duration, or a UsageError naming the flag. */
export function parseDuration(text: string | number, what: string): number {
  const ms = durationMs(text);
  if (ms === undefined || ms <= 0) throw new UsageError('MW_USAGE', `${what} must be a duration such as 30s, 15m, 24h or 7d. Got '${text}' instead.`);
  return ms;
}

/**
 * Epoch ms of a time given as ISO text, epoch ms (13 digits), or a duration ago.
 * @example parseTimeSpec('24h', '--since', Date.now())  // a day ago
 */
export function parseTimeSpec(text: string, what: string, now = Date.now()): number {
  const t = text.trim();
  if (/^\d{12,}$/.test(t)) return Number(t);
  if (/^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/i.test(t)) return now - durationMs(t)!;
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return ms;
  }
  throw new UsageError('MW_USAGE', `${what} must be an ISO date or time (2024-05-01, 2024-05-01T12:00:00Z), epoch milliseconds, or a duration ago (24h, 7d). Got '${text}' instead.`);
}
