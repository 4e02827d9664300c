/**
 * @module serve/config
 * The server's configuration: a JSON file (`--config FILE`) and/or flags, checked once at start
 * with messages that name the field, the allowed values and what was given.
 *
 *   {
 *     "host": "127.0.0.1", "port": 8080, "workers": 1,
 *     "models": [{ "name": "churn", "ref": "churn@champion",
 *                  "canary": { "ref": "churn@challenger", "weight": 0.1 },
 *                  "shadow": "churn@3", "versions": ["2"],
 *                  "unknownCategory": "missing", "extraColumns": "ignore" }],
 *     "apiKeys": ["sha256:<hex>", "plain-key"],
 *     "rateLimit": { "requestsPerSecond": 100, "burst": 200 },
 *     "bodyLimit": 1048576, "batchBodyLimit": 1073741824, "logSampling": 1,
 *     "reloadIntervalMs": 5000, "shutdownTimeoutMs": 10000
 *   }
 *
 * Only loopback is bound unless `host` says otherwise. API keys are hashed as soon as they are
 * read (auth.ts); plain keys in the file are accepted but `sha256:` hashes are preferred.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UsageError } from '../errors.js';
import { looksLikeModelRef, parseModelRef } from '../registry/names.js';

export type UnknownCategoryPolicy = 'missing' | 'reject';
export type ExtraColumnsPolicy = 'ignore' | 'reject';

export interface CanaryConfig {
  readonly ref: string;
  /** Share of requests (0–1) the canary answers. */
  readonly weight: number;
}

export interface ModelConfig {
  /** The name in URLs (`/v1/models/{name}/predict`). */
  readonly name: string;
  /** What to serve: a path, NAME, NAME@VERSION or NAME@ALIAS (aliases are followed when they move). */
  readonly ref: string;
  readonly canary?: CanaryConfig;
  /** A second model that scores the same requests; its answers are logged, never returned. */
  readonly shadow?: string;
  /** Further versions or aliases reachable as `{name}@{version|alias}` (loaded at start). */
  readonly versions: readonly string[];
  readonly unknownCategory: UnknownCategoryPolicy;
  readonly extraColumns: ExtraColumnsPolicy;
}

export interface RateLimitConfig {
  /** Sustained requests per second per API key (per client address without keys). */
  readonly requestsPerSecond: number;
  /** Requests allowed at once above the sustained rate. */
  readonly burst: number;
}

export interface ServeConfig {
  readonly host: string;
  readonly port: number;
  readonly workers: number;
  readonly models: readonly ModelConfig[];
  /** Plain keys or `sha256:<hex>` hashes; MODELWRIGHT_API_KEYS adds to them. */
  readonly apiKeys: readonly string[];
  readonly rateLimit?: RateLimitConfig;
  /** Largest JSON body in bytes (default 1 MiB) → 413 above it. */
  readonly bodyLimit: number;
  /** Largest predict-batch body in bytes (default 1 GiB); it is streamed, never held whole. */
  readonly batchBodyLimit: number;
  /** Share of requests (0–1) written to the prediction log (default 1). */
  readonly logSampling: number;
  /** How often registry aliases are checked for moves (default 5000 ms; 0 = never). */
  readonly reloadIntervalMs: number;
  /** How long SIGTERM waits for in-flight requests before giving up (default 10000 ms). */
  readonly shutdownTimeoutMs: number;
  /** Prediction-log writes: flush every `logFlushMs` or `logFlushRows` rows, whichever first. */
  readonly logFlushMs: number;
  readonly logFlushRows: number;
  /** Seed of the canary split (the same request id always meets the same version). */
  readonly trafficSeed: number;
}

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  workers: 1,
  bodyLimit: 1 << 20,
  batchBodyLimit: 1 << 30,
  logSampling: 1,
  reloadIntervalMs: 5000,
  shutdownTimeoutMs: 10_000,
  logFlushMs: 250,
  logFlushRows: 2000,
  trafficSeed: 0,
} as const;

const TOP_KEYS = ['host', 'port', 'workers', 'models', 'apiKeys', 'rateLimit', ...Object.keys(SERVE_DEFAULTS)];
const MODEL_KEYS = ['name', 'ref', 'canary', 'shadow', 'versions', 'unknownCategory', 'extraColumns'];

function bad(where: string, field: string, must: string, got: unknown): UsageError {
  return new UsageError('MW_SERVE_CONFIG', `${where}: '${field}' must be ${must}. Got ${JSON.stringify(got)} instead.`, { details: { field } });
}

function num(o: Record<string, unknown>, key: string, where: string, def: number, min: number, max: number, integer = false): number {
  const v = o[key];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw bad(where, key, `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`, v);
  }
  return v;
}

function str(o: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw bad(where, key, 'a non-empty string', v);
  return v;
}

function record(v: unknown, where: string, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(where, field, 'an object', v);
  return v as Record<string, unknown>;
}

function checkKeys(o: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new UsageError('MW_SERVE_CONFIG', `${where}: unknown field '${k}'. Allowed: ${allowed.join(', ')}.`, { details: { field: k } });
  }
}

/** The served name of a reference: NAME of a registry reference, the file's base name for a path. */
export function defaultModelName(ref: string): string {
  if (looksLikeModelRef(ref) && !ref.includes('/')) return parseModelRef(ref).name;
  const base = basename(ref.replace(/\/+$/, ''));
  return base.slice(0, base.length - extname(base).length) || base;
}

/** A model entry from the command line: `REF` or `NAME=REF`. */
export function modelFromFlag(flag: string): ModelConfig {
  const eq = flag.indexOf('=');
  const [name, ref] = eq > 0 ? [flag.slice(0, eq), flag.slice(eq + 1)] : [defaultModelName(flag), flag];
  return parseModelConfig({ name, ref }, `--model ${flag}`);
}

function parseModelConfig(v: unknown, where: string): ModelConfig {
  const o = record(v, where, 'models[]');
  checkKeys(o, MODEL_KEYS, where);
  const ref = str(o, 'ref', where);
  if (!ref) throw bad(where, 'ref', 'a model path or registry reference (NAME, NAME@VERSION, NAME@ALIAS)', o.ref);
  const name = str(o, 'name', where) ?? defaultModelName(ref);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(name)) throw bad(where, 'name', "letters, digits, '_', '-' and '.' (no '@' or '/')", name);
  let canary: CanaryConfig | undefined;
  if (o.canary !== undefined) {
    const c = record(o.canary, where, 'canary');
    checkKeys(c, ['ref', 'weight'], `${where}.canary`);
    const cref = str(c, 'ref', `${where}.canary`);
    if (!cref) throw bad(`${where}.canary`, 'ref', 'a model reference', c.ref);
    canary = { ref: cref, weight: num(c, 'weight', `${where}.canary`, 0.1, 0, 1) };
  }
  const versions = o.versions ?? [];
  if (!Array.isArray(versions) || versions.some((x) => typeof x !== 'string' || x === '')) throw bad(where, 'versions', 'a list of version numbers or aliases', versions);
  const unknownCategory = o.unknownCategory ?? 'missing';
  if (unknownCategory !== 'missing' && unknownCategory !== 'reject') throw bad(where, 'unknownCategory', '"missing" or "reject"', unknownCategory);
  const extraColumns = o.extraColumns ?? 'ignore';
  if (extraColumns !== 'ignore' && extraColumns !== 'reject') throw bad(where, 'extraColumns', '"ignore" or "reject"', extraColumns);
  return { name, ref, canary, shadow: str(o, 'shadow', where), versions: versions as string[], unknownCategory, extraColumns };
}

/**
 * Check a parsed config object (from a file or built in code); fills defaults.
 * @example parseServeConfig({ models: [{ ref: 'churn@champion' }] }).port // 8080
 */
export function parseServeConfig(v: unknown, where = 'server config'): ServeConfig {
  const o = record(v, where, '(top level)');
  checkKeys(o, TOP_KEYS, where);
  const models = o.models ?? [];
  if (!Array.isArray(models)) throw bad(where, 'models', 'a list of { name, ref, … }', models);
  const parsed = models.map((m, i) => parseModelConfig(m, `${where} models[${i}]`));
  const seen = new Set<string>();
  for (const m of parsed) {
    if (seen.has(m.name)) throw new UsageError('MW_SERVE_CONFIG', `${where}: two models are named '${m.name}'. Give each a distinct "name".`, { details: { field: 'models' } });
    seen.add(m.name);
  }
  const apiKeys = o.apiKeys ?? [];
  if (!Array.isArray(apiKeys) || apiKeys.some((k) => typeof k !== 'string' || k.length === 0)) throw bad(where, 'apiKeys', 'a list of non-empty strings (keys or sha256:<hex>)', '[…]');
  let rateLimit: RateLimitConfig | undefined;
  if (o.rateLimit !== undefined) {
    const r = record(o.rateLimit, where, 'rateLimit');
    checkKeys(r, ['requestsPerSecond', 'burst'], `${where}.rateLimit`);
    const rps = num(r, 'requestsPerSecond', `${where}.rateLimit`, Number.NaN, 0.001, 1e9);
    if (Number.isNaN(rps)) throw bad(`${where}.rateLimit`, 'requestsPerSecond', 'a positive number', r.requestsPerSecond);
    rateLimit = { requestsPerSecond: rps, burst: num(r, 'burst', `${where}.rateLimit`, Math.max(1, Math.ceil(rps)), 1, 1e9, true) };
  }
  return {
    host: str(o, 'host', where) ?? SERVE_DEFAULTS.host,
    port: num(o, 'port', where, SERVE_DEFAULTS.port, 0, 65535, true),
    workers: num(o, 'workers', where, SERVE_DEFAULTS.workers, 1, 256, true),
    models: parsed,
    apiKeys: apiKeys as string[],
    rateLimit,
    bodyLimit: num(o, 'bodyLimit', where, SERVE_DEFAULTS.bodyLimit, 1, 2 ** 31, true),
    batchBodyLimit: num(o, 'batchBodyLimit', where, SERVE_DEFAULTS.batchBodyLimit, 1, 2 ** 50, true),
    logSampling: num(o, 'logSampling', where, SERVE_DEFAULTS.logSampling, 0, 1),
    reloadIntervalMs: num(o, 'reloadIntervalMs', where, SERVE_DEFAULTS.reloadIntervalMs, 0, 86_400_000, true),
    shutdownTimeoutMs: num(o, 'shutdownTimeoutMs', where, SERVE_DEFAULTS.shutdownTimeoutMs, 0, 3_600_000, true),
    logFlushMs: num(o, 'logFlushMs', where, SERVE_DEFAULTS.logFlushMs, 1, 3_600_000, true),
    logFlushRows: num(o, 'logFlushRows', where, SERVE_DEFAULTS.logFlushRows, 1, 1e7, true),
    trafficSeed: num(o, 'trafficSeed', where, SERVE_DEFAULTS.trafficSeed, 0, 2 ** 32 - 1, true),
  };
}

/** Read and check a config file. */
export async function readServeConfig(path: string): Promise<ServeConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UsageError('MW_SERVE_CONFIG', `Could not read the server config '${path}': ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UsageError('MW_SERVE_CONFIG', `The server config '${path}' is not valid JSON: ${(cause as Error).message}.`, { cause });
  }
  return parseServeConfig(json, `config '${path}'`);
}

export interface ServeFlags {
  readonly host?: string;
  readonly port?: number;
  readonly workers?: number;
  readonly models?: readonly string[];
}

/** Flags override the file; `--model` entries are added to the file's models. */
export function mergeServeFlags(config: ServeConfig, flags: ServeFlags): ServeConfig {
  const extra = (flags.models ?? []).map(modelFromFlag);
  const merged = parseServeConfig({ ...toJson(config), models: [...config.models, ...extra] });
  return { ...merged, host: flags.host ?? merged.host, port: flags.port ?? merged.port, workers: flags.workers ?? merged.workers };
}

function toJson(c: ServeConfig): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}
