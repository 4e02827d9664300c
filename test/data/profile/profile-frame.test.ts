import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { datetimeColumn } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { profileFrame } from '../../../src/data/profile/profile-frame.js';
import type { ColumnProfile, Profile } from '../../../src/data/profile/types.js';

const PYTHON = '/usr/bin/python3';
const byName = (p: Profile, name: string): ColumnProfile => p.columns.find((c) => c.name === name)!;

/** A seeded frame with numbers (some missing), whole numbers, categories (some missing) and repeated rows. */
function randomFrame(n = 400, seed = 11): Frame {
  const rng = new Rng(seed);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % 50 === 0) {
      rows.push({ ...rows[i - 7] }); // planted duplicate
      continue;
    }
    rows.push({
      x: rng.next() < 0.1 ? null : rng.normal() * 3 + 10,
      k: rng.nextInt(6),
      z: rng.next() < 0.3 ? 0 : rng.next() * 100,
      colour: rng.next() < 0.05 ? null : ['red', 'green', 'blue', 'amber'][rng.nextInt(4)],
    });
  }
  return Frame.fromRows(rows, ['x', 'k', 'z', 'colour']);
}

describe('profileFrame', () => {
  it('reports counts, types and per-type statistics', () => {
    const frame = Frame.fromArrays({
      n: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, null],
      c: ['a', 'b', 'a', 'a', null, 'b', 'c', 'a', 'a', 'b', 'a', 'c'],
    }).withColumn(datetimeColumn('d', Float64Array.from({ length: 12 }, (_, i) => (i === 3 ? Number.NaN : Date.UTC(2024, 0, 1 + i)))));
    const p = profileFrame(frame);
    expect(p).toMatchObject({ rows: 12, columnCount: 3, duplicateRows: 0 });
    const n = byName(p, 'n');
    expect(n).toMatchObject({ type: 'numeric', dtype: 'float64', role: 'feature', missing: 2, unique: 10, min: 1, max: 10, mean: 5.5, zeros: 0 });
    expect(n.missingShare).toBeCloseTo(2 / 12, 12);
    expect(n.std).toBeCloseTo(3.0276503540974917, 12); // numpy.std(ddof=1) of 1..10
    expect(n.quantiles).toEqual({ p5: 1.45, p25: 3.25, p50: 5.5, p75: 7.75, p95: 9.55 });
    expect(n.histogram!.counts.reduce((s, c) => s + c, 0)).toBe(10);
    const c = byName(p, 'c');
    expect(c).toMatchObject({ type: 'categorical', missing: 1, unique: 3 });
    expect(c.topValues).toEqual([
      { value: 'a', count: 6 },
      { value: 'b', count: 3 },
      { value: 'c', count: 2 },
    ]);
    const d = byName(p, 'd');
    expect(d).toMatchObject({ type: 'datetime', missing: 1, unique: 11, min: '2024-01-01T00:00:00.000Z', max: '2024-01-12T00:00:00.000Z' });
    expect(JSON.parse(JSON.stringify(p)).columns).toHaveLength(3);
  });

  it('profiles the target: task, reason, classes and their counts', () => {
    const frame = Frame.fromArrays({ x: Array.from({ length: 30 }, (_, i) => i % 7), y: Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 10 : 2)) });
    const p = profileFrame(frame, { target: 'y' });
    expect(p.target).toMatchObject({ name: 'y', task: 'binary', classes: ['2', '10'], classCounts: [20, 10], missing: 0 });
    expect(byName(p, 'y').role).toBe('target');
    expect(byName(p, 'y').topValues).toEqual([
      { value: '2', count: 20 },
      { value: '10', count: 10 },
    ]);
  });

  it('uses a given schema and applies overrides otherwise', () => {
    const frame = Frame.fromArrays({ zip: [10, 2, 10, 3], x: [1, 2, 3, 4] });
    const p = profileFrame(frame, { overrides: { categorical: ['zip'], drop: ['x'] } });
    expect(byName(p, 'zip')).toMatchObject({ type: 'categorical', dtype: 'float64', topValues: [{ value: '10', count: 2 }, { value: '2', count: 1 }, { value: '3', count: 1 }] });
    expect(byName(p, 'x').role).toBe('ignored');
    const q = profileFrame(frame, { schema: { columns: [{ name: 'zip', dtype: 'float64', type: 'text', role: 'group', reason: 'given' }] } });
    expect(byName(q, 'zip')).toMatchObject({ type: 'text', role: 'group', reason: 'given' });
    expect(byName(q, 'x').type).toBe('numeric');
  });

  it('handles empty frames and all-missing columns', () => {
    const p = profileFrame(Frame.fromArrays({ a: [null, null], b: ['x', 'x'] }));
    expect(byName(p, 'a')).toMatchObject({ missing: 2, unique: 0 });
    expect(byName(p, 'a').histogram).toBeUndefined();
    expect(profileFrame(Frame.fromColumns([])).rows).toBe(0);
  });

  it.skipIf(!existsSync(PYTHON))('matches pandas on a random frame (describe, quantiles, nunique, duplicated, value_counts)', () => {
    const frame = randomFrame();
    const dir = mkdtempSync(join(tmpdir(), 'mw-profile-'));
    const csv = join(dir, 'data.csv');
    const lines = [frame.names.join(',')];
    for (const r of frame.toRows()) lines.push(frame.names.map((n) => (r[n] === null ? '' : String(r[n]))).join(','));
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const script = `
import json, sys, pandas as pd
df = pd.read_csv(sys.argv[1], float_precision='round_trip')
out = {'duplicated': int(df.duplicated().sum()), 'columns': {}}
for c in df.columns:
    s = df[c]
    d = {'missing': int(s.isna().sum()), 'unique': int(s.nunique())}
    if s.dtype.kind in 'if':
        q = s.quantile([0.05, 0.25, 0.5, 0.75, 0.95]).tolist()
        d.update(min=float(s.min()), max=float(s.max()), mean=float(s.mean()), std=float(s.std()), zeros=int((s == 0).sum()), q=q)
    else:
        d['top'] = [[k, int(v)] for k, v in s.value_counts().items()]
    out['columns'][c] = d
print(json.dumps(out))
`;
    const ref = JSON.parse(execFileSync(PYTHON, ['-c', script, csv], { encoding: 'utf8' }));
    const p = profileFrame(frame);
    expect(p.duplicateRows).toBe(ref.duplicated);
    for (const [name, r] of Object.entries<any>(ref.columns)) {
      const c = byName(p, name);
      expect(c.missing, name).toBe(r.missing);
      expect(c.unique, name).toBe(r.unique);
      if (r.q) {
        // Relative 1e-12: both sum the same doubles, in a different order.
        for (const [k, v] of [['min', r.min], ['max', r.max], ['mean', r.mean], ['std', r.std]] as const) {
          expect(Math.abs((c as any)[k] - v), `${name}.${k}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
        }
        expect(c.zeros).toBe(r.zeros);
        const q = c.quantiles!;
        [q.p5, q.p25, q.p50, q.p75, q.p95].forEach((v, i) => expect(Math.abs(v - r.q[i]), `${name} q${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.q[i]))));
      } else {
        expect(c.topValues!.map((t) => [t.value, t.count])).toEqual(r.top.slice(0, 10));
      }
    }
  });
});
