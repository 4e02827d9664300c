/**
 * Seeded tables for the evaluate/explain CLI tests, written as CSV: a binary target with a
 * sensitive column, a multiclass and a regression target; numeric, categorical and missing
 * values. Small enough that every fit takes well under a second.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../../src/common/random.js';

export interface EvalFiles {
  readonly dir: string;
  readonly binary: string;
  readonly multiclass: string;
  readonly regression: string;
  /** The binary table with its target column renamed to `labels` (no target). */
  readonly unlabelled: string;
}

export function writeEvalCsvs(n = 300): EvalFiles {
  const dir = mkdtempSync(join(tmpdir(), 'mw-evaluate-'));
  const rng = new Rng(21);
  const header = 'x0,x1,x2,plan,sex';
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const x0 = rng.normal();
    const x1 = rng.next() < 0.1 ? null : rng.normal();
    const x2 = rng.normal();
    const plan = ['basic', 'plus', 'pro'][rng.nextInt(3)];
    const sex = rng.next() < 0.4 ? 'f' : 'm';
    const z = 1.5 * x0 - (x1 ?? 0) + (plan === 'pro' ? 0.8 : 0) + (sex === 'm' ? 0.4 : 0) + 0.6 * rng.normal();
    const base = [x0.toFixed(4), x1 === null ? '' : x1.toFixed(4), x2.toFixed(4), plan, sex];
    rows.push([...base, z > 0 ? 'good' : 'bad', z < -0.7 ? 'low' : z < 0.7 ? 'mid' : 'high', (3 * z + 10).toFixed(4)]);
  }
  const write = (name: string, head: string, col: number) => {
    const path = join(dir, name);
    writeFileSync(path, `${header},${head}\n${rows.map((r) => [...r.slice(0, 5), r[col]].join(',')).join('\n')}\n`);
    return path;
  };
  return {
    dir,
    binary: write('binary.csv', 'label', 5),
    multiclass: write('multiclass.csv', 'tier', 6),
    regression: write('regression.csv', 'amount', 7),
    unlabelled: write('unlabelled.csv', 'labels', 5),
  };
}
