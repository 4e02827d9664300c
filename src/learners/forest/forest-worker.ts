/**
 * @module learners/forest/forest-worker
 * Worker-thread entry: receives a ForestJob once, then grows one tree per `{ index, seed }`
 * message and posts it back with its typed arrays transferred.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './parallel.js';
import { type ForestJob, runTreeJob } from './tree-job.js';

let job: ForestJob | undefined;

parentPort?.on('message', (msg: { job?: ForestJob; index?: number; seed?: number }) => {
  if (msg.job) {
    job = msg.job;
    return;
  }
  const index = msg.index as number;
  try {
    if (!job) throw new Error('no job received before a seed');
    const [grown] = runTreeJob(job, [msg.seed as number]);
    const t = grown.tree;
    const reply: WorkerReply = { index, grown };
    // The arrays were allocated here (never shared), so their buffers are plain ArrayBuffers.
    const buffers = [t.feature, t.threshold, t.missingLeft, t.left, t.right, t.values, grown.importance].map((a) => a.buffer as ArrayBuffer);
    parentPort?.postMessage(reply, buffers);
  } catch (err) {
    const reply: WorkerReply = { index, error: err instanceof Error ? err.message : String(err) };
    parentPort?.postMessage(reply);
  }
});
