/**
 * @module bench/ingest/read-child
 * Runs in its own process so its peak RSS is that of reading alone: one warm-up read, then
 * `runs` timed reads of the CSV given as argv[2]; prints one JSON line with the times.
 * Usage: node --import tsx bench/ingest/read-child.ts FILE [runs]
 */
import { readData } from '../../src/data/ingest/index.js';

const path = process.argv[2];
const runs = Number(process.argv[3] ?? 3);

const warm = await readData(path);
const times: number[] = [];
const cpu: number[] = [];
let shape = { rows: warm.nRows, columns: warm.nCols, dtypes: {} as Record<string, number> };
for (let k = 0; k < runs; k++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const frame = await readData(path);
  times.push((performance.now() - t0) / 1000);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e6);
  const dtypes: Record<string, number> = {};
  for (const col of frame.columns) dtypes[col.dtype] = (dtypes[col.dtype] ?? 0) + 1;
  shape = { rows: frame.nRows, columns: frame.nCols, dtypes };
}
// maxRSS is in kilobytes.
console.log(JSON.stringify({ times, cpu, peakRssMB: process.resourceUsage().maxRSS / 1024, shape }));
