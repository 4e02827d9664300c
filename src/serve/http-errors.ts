/**
 * @module serve/http-errors
 * Errors as HTTP answers, MLflow-style: a ModelwrightError's catalog entry gives the status
 * (errors.ts `httpStatus`), fastify's own 4xx errors (body too large, bad media type…) get
 * the matching catalog code, and anything else is a bug — logged in full on the server and
 * answered with a generic 500 that carries no message (hono's default handler). Messages
 * that do go out are scrubbed of absolute file paths; stacks never go out.
 *
 *   { "error": { "code": "MW_…", "message": "…", "hint": "…", "details": {…} }, "request_id": "…" }
 */
import { ERROR_CATALOG, type ErrorCode, ModelwrightError } from '../errors.js';

export interface HttpErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly hint: string; readonly details?: Record<string, unknown> };
  readonly request_id: string;
}

export interface HttpError {
  readonly status: number;
  readonly body: HttpErrorBody;
  /** True when the error is a bug to log with its stack. */
  readonly internal: boolean;
}

/** Absolute POSIX and Windows paths inside a message. */
const PATH_RE = /(?:[A-Za-z]:\\|\/)(?:[\w.@+-]+[/\\])+[\w.@+-]*/g;

/** A message with file paths replaced, so no server path reaches a client. */
export function scrubPaths(message: string): string {
  return message.replace(PATH_RE, '<path>');
}

const FASTIFY_CODES: Record<number, ErrorCode> = {
  401: 'MW_SERVE_UNAUTHORIZED',
  403: 'MW_SERVE_FORBIDDEN',
  404: 'MW_SERVE_ROUTE_NOT_FOUND',
  413: 'MW_SERVE_BODY_TOO_LARGE',
  415: 'MW_SERVE_UNSUPPORTED_MEDIA_TYPE',
  429: 'MW_SERVE_RATE_LIMITED',
};

function scrubDetails(details: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(details);
  if (keys.length === 0) return undefined;
  return JSON.parse(JSON.stringify(details, (_k, v: unknown) => (typeof v === 'string' ? scrubPaths(v) : v))) as Record<string, unknown>;
}

/**
 * The HTTP answer for `err` on request `requestId`.
 * @example toHttpError(new DataError('MW_SERVE_BAD_REQUEST', 'Row 0 …'), 'r1').status // 400
 */
export function toHttpError(err: unknown, requestId: string): HttpError {
  if (err instanceof ModelwrightError) {
    const status = err.httpStatus;
    if (status >= 500) {
      const code = err.code === 'MW_SERVE_NOT_READY' ? err.code : 'MW_INTERNAL';
      const message = code === 'MW_INTERNAL' ? 'Internal server error.' : err.message;
      return { status, body: { error: { code, message, hint: ERROR_CATALOG[code].fix }, request_id: requestId }, internal: code === 'MW_INTERNAL' };
    }
    const details = scrubDetails(err.details);
    return { status, body: { error: { code: err.code, message: scrubPaths(err.message), hint: scrubPaths(err.hint), ...(details ? { details } : {}) }, request_id: requestId }, internal: false };
  }
  const e = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  const sc = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (sc >= 400 && sc < 500) {
    const code = FASTIFY_CODES[sc] ?? 'MW_SERVE_BAD_REQUEST';
    const message = typeof e.message === 'string' && e.message ? scrubPaths(e.message) : ERROR_CATALOG[code].what;
    return { status: sc, body: { error: { code, message: /[.!?]$/.test(message) ? message : `${message}.`, hint: ERROR_CATALOG[code].fix }, request_id: requestId }, internal: false };
  }
  return { status: 500, body: { error: { code: 'MW_INTERNAL', message: 'Internal server error.', hint: ERROR_CATALOG.MW_INTERNAL.fix }, request_id: requestId }, internal: true };
}
