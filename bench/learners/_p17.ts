import { loadSplit } from './split-data.js';
import { linearLearner, type LinearModel } from '../../src/learners/linear/index.js';
const { train } = loadSplit(process.argv[2]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const params of [{}, { penalty: 'l1', alpha: 1 }]) for (let rep = 0; rep < 5; rep++) { const c = cpu(); const m = (await linearLearner.create(params).fit({ X: train.X, y: train.y })) as LinearModel; console.log(JSON.stringify(params), 'fit cpu', (cpu() - c).toFixed(1), m.fitted.iterations); }
