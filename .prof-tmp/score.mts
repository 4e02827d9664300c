import { readFileSync } from 'node:fs';
import { loadSavedModel } from '/work/main/src/evaluate/saved-model-ref.js';
import { inputContractOf } from '/work/main/src/serve/input-fields.js';
import { tableFromBody } from '/work/main/src/serve/validate-rows.js';
const bodies: string[] = JSON.parse(readFileSync('/tmp/mwprof/bodies.json', 'utf8')).map((b: string) => JSON.parse(b));
const saved = await loadSavedModel('/tmp/mwprof/model.json');
const contract = inputContractOf(saved);
const policy = { unknownCategory: 'missing', extraColumns: 'ignore' } as const;
const frames = bodies.map((b) => tableFromBody(b, contract, policy).frame);
const N = 50000;
for (let rep = 0; rep < 3; rep++) {
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < N; i++) {
    const f = frames[i % frames.length];
    let t0 = performance.now();
    const X = saved.features(f);
    let t1 = performance.now(); a += t1 - t0; t0 = t1;
    const out = saved.output(X);
    t1 = performance.now(); b += t1 - t0; t0 = t1;
    tableFromBody(bodies[i % bodies.length], contract, policy);
    t1 = performance.now(); c += t1 - t0;
  }
  console.log(`features ${(a / N * 1000).toFixed(1)} us, output ${(b / N * 1000).toFixed(1)} us, validate ${(c / N * 1000).toFixed(1)} us`);
}
