/**
 * A small table for the cluster / anomalies / reduce command tests: a customer id (which the
 * commands must leave out), three well-separated groups in two numeric columns, a segment
 * column that follows the groups, a few missing values, and three far-away rows at the end.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../../src/common/random.js';

export const GROUP_ROWS = 240;
export const OUTLIER_ROWS = 3;

export function writeGroupsCsv(): { dir: string; csv: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mw-unsupervised-cli-'));
  const csv = join(dir, 'customers.csv');
  const rng = new Rng(12);
  const lines = ['customer_id,spend,visits,segment'];
  const centres = [
    [10, 2],
    [60, 20],
    [120, 5],
  ];
  for (let i = 0; i < GROUP_ROWS; i++) {
    const g = i % 3;
    const spend = centres[g][0] + rng.normal() * 3;
    const visits = centres[g][1] + rng.normal();
    lines.push(`${5000 + i},${i % 40 === 7 ? '' : spend.toFixed(3)},${visits.toFixed(3)},${['bronze', 'silver', 'gold'][g]}`);
  }
  for (let i = 0; i < OUTLIER_ROWS; i++) lines.push(`${9000 + i},${400 + i * 50},${60 + i},gold`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  return { dir, csv };
}
