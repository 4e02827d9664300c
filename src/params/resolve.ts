/**
 * @module params/resolve
 * Turn user-given parameters (from the API or `--param key=value` strings) into a complete,
 * validated params object: aliases resolved, strings parsed, ranges checked, defaults filled.
 * Messages follow scikit-learn's wording:
 *   The 'learning_rate' parameter of gbdt must be a number in (0, inf). Got -1 instead.
 */
import { didYouMean } from '../common/closest-match.js';
import { InvalidParamError } from '../errors.js';
import { type ParamSchema, type ParamSpec, type ParamsOf, defaultParams, describeAllowed } from './schema.js';

/** Map every accepted name (canonical and alias) to its canonical name. */
export function aliasTable(schema: ParamSchema): Map<string, string> {
  const table = new Map<string, string>();
  for (const [name, spec] of Object.entries(schema)) {
    table.set(name, name);
    for (const a of spec.aliases ?? []) table.set(a, name);
  }
  return table;
}

function invalid(owner: string, name: string, spec: ParamSpec, got: unknown): InvalidParamError {
  const shown = typeof got === 'string' ? `'${got}'` : JSON.stringify(got);
  return new InvalidParamError(
    'MW_PARAM_INVALID',
    `The '${name}' parameter of ${owner} must be ${describeAllowed(spec)}. Got ${shown} instead.`,
    { details: { param: name, allowed: describeAllowed(spec), got } },
  );
}

function parseNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const s = v.trim().toLowerCase();
    if (s === 'inf' || s === '+inf' || s === 'infinity') return Number.POSITIVE_INFINITY;
    if (s === '-inf' || s === '-infinity') return Number.NEGATIVE_INFINITY;
    return Number(s);
  }
  return Number.NaN;
}

function checkNumber(owner: string, name: string, spec: { integer?: boolean; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; special?: readonly number[] }, n: number, raw: unknown, full: ParamSpec): number {
  if (Number.isNaN(n)) throw invalid(owner, name, full, raw);
  if (spec.special?.includes(n)) return n;
  if (spec.integer && !Number.isInteger(n)) throw invalid(owner, name, full, raw);
  if (spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min)) throw invalid(owner, name, full, raw);
  if (spec.max !== undefined && (spec.maxExclusive ? n >= spec.max : n > spec.max)) throw invalid(owner, name, full, raw);
  return n;
}

/** Validate and convert one value (number, boolean, string from the CLI…) against its spec. */
export function coerceParam(owner: string, name: string, spec: ParamSpec, raw: unknown): unknown {
  switch (spec.type) {
    case 'number':
      return checkNumber(owner, name, spec, parseNumber(raw), raw, spec);
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).trim().toLowerCase();
      if (s === 'true' || s === '1' || s === '+' || s === 'yes') return true;
      if (s === 'false' || s === '0' || s === '-' || s === 'no') return false;
      throw invalid(owner, name, spec, raw);
    }
    case 'enum': {
      const s = String(raw);
      if (!spec.values.includes(s)) throw invalid(owner, name, spec, raw);
      return s;
    }
    case 'string':
      if (typeof raw !== 'string') throw invalid(owner, name, spec, raw);
      return raw;
    case 'number-list': {
      const items = Array.isArray(raw) ? raw : String(raw).split(',').filter((s) => s.trim() !== '');
      return items.map((item) => checkNumber(owner, name, spec, parseNumber(item), raw, spec));
    }
  }
}

/**
 * Complete, validated params from user input. Unknown names are rejected with the closest
 * known names; an alias and its canonical name given together must agree.
 * @example resolveParams(GBDT_PARAMS, { eta: '0.05', num_leaves: 63 }, 'gbdt')
 */
export function resolveParams<S extends ParamSchema>(schema: S, given: Readonly<Record<string, unknown>>, owner: string): ParamsOf<S> {
  const table = aliasTable(schema);
  const out = defaultParams(schema) as Record<string, unknown>;
  const setBy = new Map<string, string>();
  for (const [key, raw] of Object.entries(given)) {
    if (raw === undefined) continue;
    const canonical = table.get(key);
    if (!canonical) {
      throw new InvalidParamError('MW_PARAM_UNKNOWN', `Unknown parameter '${key}' for ${owner}.${didYouMean(key, [...table.keys()])}`, {
        details: { param: key, allowed: Object.keys(schema) },
        hint: `Allowed parameters: ${Object.keys(schema).join(', ')}.`,
      });
    }
    const value = coerceParam(owner, canonical, schema[canonical], raw);
    const earlier = setBy.get(canonical);
    if (earlier !== undefined && JSON.stringify(out[canonical]) !== JSON.stringify(value)) {
      throw new InvalidParamError('MW_PARAM_INVALID', `Parameters '${earlier}' and '${key}' of ${owner} are the same parameter ('${canonical}') but were given different values.`, {
        details: { param: canonical },
      });
    }
    setBy.set(canonical, key);
    out[canonical] = value;
  }
  return out as ParamsOf<S>;
}

/**
 * Parse CLI `--param key=value` strings into a plain record (values stay strings; resolveParams
 * converts them by type).
 */
export function parseParamAssignments(assignments: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      throw new InvalidParamError('MW_PARAM_INVALID', `Could not read --param '${a}': expected KEY=VALUE, e.g. --param num_leaves=63.`);
    }
    out[a.slice(0, eq).trim()] = a.slice(eq + 1).trim();
  }
  return out;
}
