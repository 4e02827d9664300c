/**
 * Times and durations in flags and configs.
 */
import { describe, expect, it } from 'vitest';
import { durationMs, parseDuration, parseTimeSpec } from '../../src/monitor/time-spec.js';

describe('time specs', () => {
  it('reads durations', () => {
    expect(durationMs('90s')).toBe(90_000);
    expect(durationMs('15m')).toBe(900_000);
    expect(durationMs('24h')).toBe(86_400_000);
    expect(durationMs('2w')).toBe(1_209_600_000);
    expect(durationMs('3600')).toBe(3_600_000);
    expect(durationMs(60)).toBe(60_000);
    expect(durationMs('soon')).toBeUndefined();
    expect(() => parseDuration('0s', '--bucket')).toThrow(/--bucket must be a duration/);
  });

  it('reads times: ISO, epoch ms, or a duration ago', () => {
    const now = Date.UTC(2024, 4, 2, 12);
    expect(parseTimeSpec('2024-05-01', '--since', now)).toBe(Date.UTC(2024, 4, 1));
    expect(parseTimeSpec('2024-05-01T06:30:00Z', '--since', now)).toBe(Date.UTC(2024, 4, 1, 6, 30));
    expect(parseTimeSpec('1714564800000', '--since', now)).toBe(1714564800000);
    expect(parseTimeSpec('24h', '--since', now)).toBe(now - 86_400_000);
    expect(() => parseTimeSpec('yesterday', '--since', now)).toThrow(/--since must be an ISO date/);
  });
});
