import autocannon from 'autocannon';
const r = await autocannon({ url: process.argv[2], connections: 32, duration: 5 });
console.log('healthz req/s', Math.round(r.requests.total / 5), 'p99', r.latency.p99);
