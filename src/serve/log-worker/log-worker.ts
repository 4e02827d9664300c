/**
 * @module serve/log-worker/log-worker
 * Worker-thread entry of worker-log-store.ts: owns the prediction-log connection (SQLite or
 * PostgreSQL, opened here because a connection cannot cross threads) and runs each request
 * from the server thread in order: open (wait until ready), append, appendFeedback, query, close.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type OpenPredictionLogOptions, openPredictionLog } from '../../monitor/log-store/open-prediction-log.js';
import type { PredictionLogStore } from '../../monitor/log-store/types.js';

export type LogOp = 'open' | 'append' | 'appendFeedback' | 'query' | 'close';

export interface LogRequest {
  readonly id: number;
  readonly op: LogOp;
  readonly arg?: unknown;
}

export interface LogReply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { readonly message: string; readonly code?: string };
}

const opened: Promise<PredictionLogStore> = openPredictionLog(workerData as OpenPredictionLogOptions);
let chain: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (req: LogRequest) => {
  // One operation at a time, in arrival order (append transactions never interleave).
  chain = chain.then(async () => {
    try {
      const store = await opened;
      let result: unknown;
      if (req.op === 'open') result = null;
      else if (req.op === 'append') await store.append(req.arg as Parameters<PredictionLogStore['append']>[0]);
      else if (req.op === 'appendFeedback') await store.appendFeedback(req.arg as Parameters<PredictionLogStore['appendFeedback']>[0]);
      else if (req.op === 'query') result = await store.query(req.arg as Parameters<PredictionLogStore['query']>[0]);
      else await store.close();
      parentPort?.postMessage({ id: req.id, result } satisfies LogReply);
    } catch (err) {
      const e = err as Error & { code?: string };
      parentPort?.postMessage({ id: req.id, error: { message: e.message, code: e.code } } satisfies LogReply);
    }
  });
});
