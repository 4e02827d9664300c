const a = new Float64Array(2_700_000).map((_, i) => i % 7);
const w = new Float64Array(54).map((_, i) => i / 54);
let best = Infinity, s = 0;
for (let r = 0; r < 20; r++) {
  const t = performance.now();
  for (let c = 0; c < 10; c++) for (let i = 0; i < 50000; i++) { const o = i * 54; for (let j = 0; j < 54; j++) s += a[o + j] * w[j]; }
  best = Math.min(best, performance.now() - t);
}
console.log('27M mul-add best ms', best.toFixed(1), s > 0);
