/**
 * @module explain/tree-shap-worker
 * Worker-thread entry of tree-shap-parallel.ts: receives the trees and a range of rows of the
 * shared row-major input, writes those rows' contributions into the shared output, replies.
 */
import { parentPort } from 'node:worker_threads';
import { QuadratureTreeShap } from './quadrature-tree-shap.js';
import type { EnsembleView } from './tree-view.js';

export interface ShapJob {
  readonly features: readonly string[];
  readonly outputs: readonly string[];
  readonly trees: EnsembleView['trees'];
  /** Row-major n × M inputs and n × M × K outputs, both over SharedArrayBuffers. */
  readonly x: Float64Array;
  readonly phi: Float64Array;
  readonly from: number;
  readonly to: number;
}

parentPort?.on('message', (job: ShapJob) => {
  try {
    const view = { features: job.features, outputs: job.outputs, trees: job.trees } as unknown as EnsembleView;
    const kernel = new QuadratureTreeShap(view);
    const M = job.features.length;
    const K = job.outputs.length;
    for (let r = job.from; r < job.to; r++) kernel.addRow(job.x, r * M, job.phi, r * M * K);
    parentPort?.postMessage({ done: true });
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
