import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
const [url, pid] = [process.argv[2], Number(process.argv[3])];
const cpu = () => { const f = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
await autocannon({ url, connections: 16, duration: 2 });
const c0 = cpu();
const r = await autocannon({ url, connections: 16, duration: 5 });
const c1 = cpu();
console.log(`GET ${url}: ${Math.round(r.requests.total / 5)} req/s; main-thread CPU ${((c1 - c0) / r.requests.total * 1e6).toFixed(0)} us/request`);
