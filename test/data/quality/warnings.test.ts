import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { profileFrame } from '../../../src/data/profile/profile-frame.js';
import type { Profile } from '../../../src/data/profile/types.js';
import { WARNING_CODES, type WarningCode } from '../../../src/data/quality/warning-codes.js';

const N = 400;
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const codes = (p: Profile, column?: string | null) =>
  p.warnings.filter((w) => column === undefined || w.column === column).map((w) => w.code);
const warning = (p: Profile, code: WarningCode, column: string | null) => p.warnings.find((w) => w.code === code && w.column === column);

/** A clean base: informative but imperfect features and a balanced binary target. */
function base(seed = 5): { rng: Rng; y: number[]; x: number[]; colour: string[] } {
  const rng = new Rng(seed);
  const x = range(N, () => rng.normal());
  const y = x.map((v) => (v + rng.normal() > 0 ? 1 : 0));
  const colour = range(N, () => ['red', 'green', 'blue'][rng.nextInt(3)]);
  return { rng, y, x, colour };
}

describe('data-quality warnings', () => {
  it('stays quiet on clean data', () => {
    const { x, y, colour } = base();
    const p = profileFrame(Frame.fromArrays({ x, colour, y }), { target: 'y' });
    expect(p.warnings).toEqual([]);
  });

  it('fires CONSTANT_COLUMN on a constant column', () => {
    const { x, y } = base();
    const p = profileFrame(Frame.fromArrays({ x, same: range(N, () => 'v1'), y }), { target: 'y' });
    expect(codes(p, 'same')).toEqual(['CONSTANT_COLUMN']);
    expect(warning(p, 'CONSTANT_COLUMN', 'same')!.message).toContain("holds the same value ('v1') in every row");
  });

  it('fires ID_LIKE on an identifier column, which the leakage check skips', () => {
    const { x, y } = base();
    const p = profileFrame(Frame.fromArrays({ row_id: range(N, (i) => i + 1), code: range(N, (i) => `C${(i * 7919) % 100_000}`), x, y }), { target: 'y' });
    expect(codes(p, 'row_id')).toEqual(['ID_LIKE']);
    expect(codes(p, 'code')).toEqual(['ID_LIKE']);
    expect(warning(p, 'ID_LIKE', 'row_id')!.severity).toBe('info');
  });

  it('fires HIGH_MISSING at 60% missing', () => {
    const { x, y, rng } = base();
    const p = profileFrame(Frame.fromArrays({ x, sparse: range(N, (i) => (i % 5 < 3 ? null : rng.normal())), y }), { target: 'y' });
    expect(codes(p, 'sparse')).toEqual(['HIGH_MISSING']);
    expect(warning(p, 'HIGH_MISSING', 'sparse')!.message).toContain('240 of 400 rows (60%)');
  });

  it('fires TARGET_LEAKAGE on a noisy copy of a binary target, not on honest features', () => {
    const { x, y, rng, colour } = base();
    const leak = y.map((v) => v * 2 + rng.normal() * 0.1);
    const p = profileFrame(Frame.fromArrays({ x, colour, leak, y }), { target: 'y' });
    expect(codes(p)).toEqual(['TARGET_LEAKAGE']);
    const w = warning(p, 'TARGET_LEAKAGE', 'leak')!;
    expect(w.message).toContain("'leak' alone predicts target 'y' almost perfectly");
    expect(w.message).toContain('balanced accuracy');
    expect(w.details!.score as number).toBeGreaterThanOrEqual(0.99);
  });

  it('fires TARGET_LEAKAGE on a categorical copy of a multiclass target', () => {
    const rng = new Rng(9);
    const y = range(N, () => ['a', 'b', 'c'][rng.nextInt(3)]);
    const leak = y.map((v) => `${v}-code`);
    const p = profileFrame(Frame.fromArrays({ x: range(N, () => rng.normal()), leak, y }), { target: 'y' });
    expect(codes(p, 'leak')).toEqual(['TARGET_LEAKAGE']);
  });

  it('fires TARGET_LEAKAGE in regression: linear (correlation) and monotone non-linear (binned R²)', () => {
    const rng = new Rng(4);
    const y = range(N, () => rng.normal() * 10 + 50);
    const p = profileFrame(
      Frame.fromArrays({
        scaled: y.map((v) => 3 * v + rng.normal() * 0.5),
        curved: y.map((v) => Math.exp(v / 4)),
        honest: y.map((v) => v + rng.normal() * 10),
        y,
      }),
      { target: 'y' },
    );
    expect(warning(p, 'TARGET_LEAKAGE', 'scaled')!.message).toContain('correlation');
    expect(warning(p, 'TARGET_LEAKAGE', 'curved')).toBeDefined();
    expect(warning(p, 'TARGET_LEAKAGE', 'honest')).toBeUndefined();
  });

  it('says when the leakage check ran on a sample', () => {
    const { x, y } = base();
    const p = profileFrame(Frame.fromArrays({ copy: y.map((v) => v * 10), x, y }), { target: 'y', leakage: { sampleRows: 100 } });
    expect(warning(p, 'TARGET_LEAKAGE', 'copy')!.message).toContain('Checked on a random sample of 100 of the 400 labelled rows.');
    expect(codes(profileFrame(Frame.fromArrays({ copy: y, x, y }), { target: 'y', leakage: false }))).toEqual([]);
  });

  it('fires DUPLICATE_ROWS on repeated rows', () => {
    const { x, y } = base();
    const rows = range(N, (i) => ({ x: x[i % 380], y: y[i % 380] }));
    const p = profileFrame(Frame.fromRows(rows), { target: 'y' });
    expect(p.duplicateRows).toBe(20);
    expect(warning(p, 'DUPLICATE_ROWS', null)).toMatchObject({ severity: 'warning', message: expect.stringContaining('20 rows (5.0%) repeat an earlier row') });
  });

  it('fires CLASS_IMBALANCE on a rare class', () => {
    const { x } = base();
    const y = range(N, (i) => (i % 40 === 0 ? 'fraud' : 'ok'));
    const p = profileFrame(Frame.fromArrays({ x, y }), { target: 'y' });
    expect(codes(p, 'y')).toEqual(['CLASS_IMBALANCE']);
    expect(warning(p, 'CLASS_IMBALANCE', 'y')!.message).toContain("class 'fraud' has 10 rows (2.5%) against 390 for 'ok' (1:39)");
  });

  it('fires TARGET_MISSING when some labels are missing', () => {
    const { x, y } = base();
    const p = profileFrame(Frame.fromArrays({ x, y: y.map((v, i) => (i % 10 === 0 ? null : v)) }), { target: 'y' });
    expect(codes(p, 'y')).toEqual(['TARGET_MISSING']);
    expect(p.target!.missing).toBe(40);
  });

  it('fires HIGH_CARDINALITY and MIXED_TYPES', () => {
    const { x, y } = base();
    const p = profileFrame(
      Frame.fromArrays({
        zip: range(N, (i) => `Z${(i * 31) % 150}`),
        amount: range(N, (i) => (i % 10 === 0 ? 'n/a' : String((i % 20) * 1.5))),
        x,
        y,
      }),
      { target: 'y' },
    );
    expect(codes(p, 'zip')).toEqual(['HIGH_CARDINALITY']);
    expect(codes(p, 'amount')).toEqual(['MIXED_TYPES']);
    expect(warning(p, 'MIXED_TYPES', 'amount')!.message).toContain("'n/a'");
  });

  it('skips dropped columns and keeps every code in the catalog', () => {
    const { x, y } = base();
    const p = profileFrame(Frame.fromArrays({ x, same: range(N, () => 1), y }), { target: 'y', overrides: { drop: ['same'] } });
    expect(codes(p)).toEqual([]);
    for (const [code, spec] of Object.entries(WARNING_CODES)) {
      expect(['info', 'warning'], code).toContain(spec.severity);
      expect(spec.what.endsWith('.'), code).toBe(true);
    }
  });
});
