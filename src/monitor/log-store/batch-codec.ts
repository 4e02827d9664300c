/**
 * @module monitor/log-store/batch-codec
 * The stored form of one append: rows turned into columns, packed into one binary payload.
 *
 *   u32 header length │ header JSON │ pad to 8 │ sections (typed arrays, 8-byte aligned)
 *
 * The header names each section (`ts`, `row`, `lat`, `rid`, `pred`, `proba`, `f:<feature>`), its
 * kind and byte range. Numbers are Float64 (NaN = missing), strings are Int32 codes into a
 * dictionary kept in its own JSON section, booleans Int8 (-1 = missing); columns mixing types
 * fall back to a JSON array. Decoding is lazy: a drift report reads the feature sections it
 * needs as typed-array views and never parses request ids. Why a payload per append instead
 * of a row per prediction: a million logged rows × 30 features read back in one query at
 * memory speed (bench/monitor), where a row-per-prediction table costs a million row decodes.
 */
import type { LoggedPrediction } from './types.js';
import type { BatchColumn, LogBatch } from './monitor-store.js';

type Kind = BatchColumn['kind'];

interface Section {
  readonly kind: Kind | 'raw';
  readonly off: number;
  readonly len: number;
  /** 'str' columns: the byte range of their dictionary (JSON array). */
  readonly dictOff?: number;
  readonly dictLen?: number;
}

interface Header {
  readonly v: 1;
  readonly n: number;
  readonly features: readonly string[];
  readonly classes?: readonly string[];
  readonly sections: Readonly<Record<string, Section>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function kindOf(values: readonly unknown[]): Kind {
  let kind: Kind | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k: Kind = typeof v === 'number' ? 'f64' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : 'json';
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'json';
  }
  return kind ?? 'f64';
}

/** Collects sections and lays them out 8-byte aligned. */
class Packer {
  private readonly parts: { key: string; bytes: Uint8Array; kind: Kind | 'raw'; dict?: Uint8Array }[] = [];

  add(key: string, kind: Kind | 'raw', bytes: Uint8Array, dict?: Uint8Array): void {
    this.parts.push({ key, bytes, kind, dict });
  }

  column(key: string, values: readonly unknown[]): void {
    const n = values.length;
    const kind = kindOf(values);
    if (kind === 'f64') {
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) a[i] = typeof values[i] === 'number' ? (values[i] as number) : Number.NaN;
      this.add(key, kind, new Uint8Array(a.buffer));
    } else if (kind === 'str') {
      const index = new Map<string, number>();
      const dict: string[] = [];
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== 'string') {
          codes[i] = -1;
          continue;
        }
        let c = index.get(v);
        if (c === undefined) index.set(v, (c = dict.push(v) - 1));
        codes[i] = c;
      }
      this.add(key, kind, new Uint8Array(codes.buffer), encoder.encode(JSON.stringify(dict)));
    } else if (kind === 'bool') {
      const a = new Int8Array(n);
      for (let i = 0; i < n; i++) a[i] = values[i] === true ? 1 : values[i] === false ? 0 : -1;
      this.add(key, kind, new Uint8Array(a.buffer));
    } else {
      this.add(key, kind, encoder.encode(JSON.stringify(values.map((v) => (v === undefined ? null : v)))));
    }
  }

  finish(head: Omit<Header, 'sections'>): Uint8Array {
    const sections: Record<string, Section> = {};
    let off = 0;
    const align = (x: number) => (x + 7) & ~7;
    const placed: [number, Uint8Array][] = [];
    for (const p of this.parts) {
      const s: { -readonly [K in keyof Section]: Section[K] } = { kind: p.kind, off, len: p.bytes.byteLength };
      placed.push([off, p.bytes]);
      off = align(off + p.bytes.byteLength);
      if (p.dict) {
        s.dictOff = off;
        s.dictLen = p.dict.byteLength;
        placed.push([off, p.dict]);
        off = align(off + p.dict.byteLength);
      }
      sections[p.key] = s;
    }
    const header = encoder.encode(JSON.stringify({ ...head, sections }));
    const base = align(4 + header.byteLength);
    const out = new Uint8Array(base + off);
    new DataView(out.buffer).setUint32(0, header.byteLength, true);
    out.set(header, 4);
    for (const [o, bytes] of placed) out.set(bytes, base + o);
    return out;
  }
}

/** Pack rows (one model, version and shadow flag) into a payload. */
export function encodeBatch(rows: readonly LoggedPrediction[]): Uint8Array {
  const n = rows.length;
  const packer = new Packer();
  const f64 = (get: (r: LoggedPrediction) => number) => new Uint8Array(Float64Array.from(rows, get).buffer);
  packer.add('ts', 'f64', f64((r) => r.timestamp));
  packer.add('lat', 'f64', f64((r) => r.latencyMs));
  packer.add('row', 'raw', new Uint8Array(Int32Array.from(rows, (r) => r.rowIndex).buffer));
  packer.column('rid', rows.map((r) => r.requestId));
  packer.column('pred', rows.map((r) => r.prediction));
  const features: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.features)) if (!seen.has(k)) (seen.add(k), features.push(k));
  for (const name of features) packer.column(`f:${name}`, rows.map((r) => r.features[name]));
  let classes: string[] | undefined;
  if (rows.some((r) => r.proba)) {
    const cls = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r.proba ?? {})) cls.add(k);
    classes = [...cls];
    const k = classes.length;
    const p = new Float64Array(n * k).fill(Number.NaN);
    rows.forEach((r, i) => classes!.forEach((c, j) => {
      const v = r.proba?.[c];
      if (typeof v === 'number') p[i * k + j] = v;
    }));
    packer.add('proba', 'f64', new Uint8Array(p.buffer));
  }
  return packer.finish({ v: 1, n, features, ...(classes ? { classes } : {}) });
}

export interface BatchMeta {
  readonly model: string;
  readonly version: number | null;
  readonly shadow: boolean;
}

/** A view over a stored payload; sections are decoded when first read. */
export function decodeBatch(payload: Uint8Array, meta: BatchMeta): LogBatch {
  // Typed-array views need 8-byte alignment: copy driver buffers that do not start on one.
  const bytes = payload.byteOffset % 8 === 0 ? payload : payload.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = view.getUint32(0, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headLen))) as Header;
  const base = bytes.byteOffset + ((4 + headLen + 7) & ~7);
  const buf = bytes.buffer;
  const n = header.n;
  const sec = (key: string): Section => header.sections[key];
  const json = (off: number, len: number): unknown => JSON.parse(decoder.decode(new Uint8Array(buf, base + off, len)));
  const column = (key: string): BatchColumn | undefined => {
    const s = sec(key);
    if (!s) return undefined;
    switch (s.kind) {
      case 'f64': return { kind: 'f64', values: new Float64Array(buf, base + s.off, s.len / 8) };
      case 'str': return { kind: 'str', codes: new Int32Array(buf, base + s.off, s.len / 4), dict: json(s.dictOff!, s.dictLen!) as string[] };
      case 'bool': return { kind: 'bool', values: new Int8Array(buf, base + s.off, s.len) };
      default: return { kind: 'json', values: json(s.off, s.len) as unknown[] };
    }
  };
  const cache = new Map<string, BatchColumn | undefined>();
  let ids: string[] | undefined;
  const p = sec('proba');
  return {
    ...meta,
    n,
    timestamp: new Float64Array(buf, base + sec('ts').off, n),
    latencyMs: new Float64Array(buf, base + sec('lat').off, n),
    rowIndex: new Int32Array(buf, base + sec('row').off, n),
    featureNames: header.features,
    feature(name) {
      if (!cache.has(name)) cache.set(name, column(`f:${name}`));
      return cache.get(name);
    },
    prediction: column('pred')!,
    ...(p && header.classes ? { proba: { classes: header.classes, values: new Float64Array(buf, base + p.off, p.len / 8) } } : {}),
    requestIds() {
      ids ??= columnValues(this.requestIdColumn()) as string[];
      return ids;
    },
    requestIdColumn() {
      if (!cache.has('\u0000rid')) cache.set('\u0000rid', column('rid'));
      return cache.get('\u0000rid')!;
    },
  };
}

/** The value of row `i` of a column as logged (number, string, boolean or null). */
export function columnValue(col: BatchColumn, i: number): unknown {
  switch (col.kind) {
    case 'f64': return Number.isNaN(col.values[i]) ? null : col.values[i];
    case 'str': return col.codes[i] < 0 ? null : col.dict[col.codes[i]];
    case 'bool': return col.values[i] < 0 ? null : col.values[i] === 1;
    default: return col.values[i] ?? null;
  }
}

export function columnValues(col: BatchColumn): unknown[] {
  const n = col.kind === 'str' ? col.codes.length : col.values.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = columnValue(col, i);
  return out;
}

/** The rows `keep` of a batch, as a new batch (for windows that cut through a batch). */
export function takeBatchRows(b: LogBatch, keep: Int32Array): LogBatch {
  const take = <T extends Float64Array | Int32Array | Int8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = a[keep[i]];
    return out;
  };
  const takeCol = (c: BatchColumn): BatchColumn =>
    c.kind === 'str' ? { kind: 'str', codes: take(c.codes), dict: c.dict } : c.kind === 'json' ? { kind: 'json', values: Array.from(keep, (i) => c.values[i]) } : c.kind === 'f64' ? { kind: 'f64', values: take(c.values) } : { kind: 'bool', values: take(c.values) };
  let proba = b.proba;
  if (proba) {
    const k = proba.classes.length;
    const v = new Float64Array(keep.length * k);
    for (let i = 0; i < keep.length; i++) for (let j = 0; j < k; j++) v[i * k + j] = proba.values[keep[i] * k + j];
    proba = { classes: proba.classes, values: v };
  }
  const cache = new Map<string, BatchColumn | undefined>();
  return {
    model: b.model, version: b.version, shadow: b.shadow, n: keep.length,
    timestamp: take(b.timestamp), rowIndex: take(b.rowIndex), latencyMs: take(b.latencyMs), featureNames: b.featureNames,
    feature(name) {
      if (!cache.has(name)) {
        const c = b.feature(name);
        cache.set(name, c && takeCol(c));
      }
      return cache.get(name);
    },
    prediction: takeCol(b.prediction),
    ...(proba ? { proba } : {}),
    requestIds: () => Array.from(keep, (i) => b.requestIds()[i]),
    requestIdColumn: () => takeCol(b.requestIdColumn()),
    ...(b.labels ? { labels: Array.from(keep, (i) => b.labels![i]) } : {}),
  };
}
