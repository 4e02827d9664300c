import { readFileSync } from 'node:fs';
import { runLoad } from '/work/main/bench/serve/load.js';
const bodies: string[] = JSON.parse(readFileSync('/tmp/mwprof/bodies.json', 'utf8'));
const [url, pid] = [process.argv[2], Number(process.argv[3])];
// All threads of the process (main + log worker): utime+stime of /proc/pid/stat covers every thread.
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
const mainCpu = () => { const f = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
await runLoad({ url, bodies, seconds: 3, connections: 16 });
const c0 = cpu(), m0 = mainCpu();
const r = await runLoad({ url, bodies, seconds: 5, connections: 16 });
const c1 = cpu(), m1 = mainCpu();
console.log(`${r.requestsPerSecond} req/s; server CPU ${((c1 - c0) / r.requests * 1e6).toFixed(0)} us/request (main thread ${((m1 - m0) / r.requests * 1e6).toFixed(0)}); p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99}`);
