/**
 * @module params/schema
 * Parameters are declared once, as data: type, default, range, aliases and a one-line
 * description (LightGBM's config.h idea). Validation, alias resolution, CLI parsing
 * (`--param key=value`), JSON Schema for the server and docs/params/*.md all derive from it.
 */

interface BaseSpec {
  /** One line for docs and --help. */
  readonly description: string;
  /** Other accepted names (LightGBM's aliases, e.g. `eta` for `learning_rate`). */
  readonly aliases?: readonly string[];
}

export interface NumberSpec extends BaseSpec {
  readonly type: 'number';
  readonly default: number;
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** When true, `min` itself is not allowed (an open interval on the left). */
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Values allowed outside the range with a special meaning (e.g. -1 = no limit). */
  readonly special?: readonly number[];
}

export interface BooleanSpec extends BaseSpec {
  readonly type: 'boolean';
  readonly default: boolean;
}

export interface EnumSpec<V extends string = string> extends BaseSpec {
  readonly type: 'enum';
  readonly values: readonly V[];
  readonly default: V;
}

export interface StringSpec extends BaseSpec {
  readonly type: 'string';
  readonly default: string;
}

/** A list of numbers (e.g. quantiles, hidden layer sizes); from the CLI as "a,b,c". */
export interface NumberListSpec extends BaseSpec {
  readonly type: 'number-list';
  readonly default: readonly number[];
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
}

export type ParamSpec = NumberSpec | BooleanSpec | EnumSpec | StringSpec | NumberListSpec;
export type ParamSchema = Readonly<Record<string, ParamSpec>>;

/** The resolved parameter object a schema describes. */
export type ParamsOf<S extends ParamSchema> = {
  -readonly [K in keyof S]: S[K] extends NumberSpec
    ? number
    : S[K] extends BooleanSpec
      ? boolean
      : S[K] extends EnumSpec<infer V>
        ? V
        : S[K] extends NumberListSpec
          ? number[]
          : string;
};

/** Define a schema with its literal types kept (so ParamsOf sees enum values). */
export function defineParams<const S extends ParamSchema>(schema: S): S {
  return schema;
}

/** The defaults of a schema as a params object. */
export function defaultParams<S extends ParamSchema>(schema: S): ParamsOf<S> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) out[k] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return out as ParamsOf<S>;
}

/** Human range text: "a number in (0, inf)", "an integer in [1, 131072]", "one of a, b". */
export function describeAllowed(spec: ParamSpec): string {
  switch (spec.type) {
    case 'boolean':
      return 'a boolean (true or false)';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${spec.values.map((v) => `'${v}'`).join(', ')}`;
    case 'number-list': {
      const what = spec.integer ? 'integers' : 'numbers';
      return `a comma-separated list of ${what}${spec.min !== undefined || spec.max !== undefined ? ` in [${spec.min ?? '-inf'}, ${spec.max ?? 'inf'}]` : ''}`;
    }
    case 'number': {
      const lo = spec.min === undefined ? '(-inf' : `${spec.minExclusive ? '(' : '['}${spec.min}`;
      const hi = spec.max === undefined ? 'inf)' : `${spec.max}${spec.maxExclusive ? ')' : ']'}`;
      const special = spec.special?.length ? ` (or ${spec.special.join(', ')})` : '';
      return `${spec.integer ? 'an integer' : 'a number'} in ${lo}, ${hi}${special}`;
    }
  }
}
