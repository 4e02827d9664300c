/**
 * @module bench/serve/cli-entry
 * Our server for the benchmark, run from the TypeScript sources through tsx like the other
 * benchmarks (tsx only transpiles at load time): `node --import tsx bench/serve/cli-entry.ts
 * serve …`. node:cluster re-runs this file in each worker.
 */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
