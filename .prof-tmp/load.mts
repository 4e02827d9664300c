import { readFileSync } from 'node:fs';
import { runLoad } from '/work/main/bench/serve/load.js';
const bodies: string[] = JSON.parse(readFileSync('/tmp/mwprof/bodies.json', 'utf8'));
const url = process.argv[2];
const secs = Number(process.argv[3] ?? 5);
const conns = Number(process.argv[4] ?? 32);
const rate = process.argv[5] ? Number(process.argv[5]) : undefined;
const r = await runLoad({ url, bodies, seconds: secs, connections: conns, rate });
console.log(JSON.stringify(r));
