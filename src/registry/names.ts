/**
 * @module registry/names
 * The spelling of registry names: model names, aliases and references.
 *
 *   NAME           the latest version of NAME (also NAME@latest)
 *   NAME@VERSION   a version number (digits)
 *   NAME@ALIAS     the version an alias points at (an alias is never all digits)
 *
 * Names use letters, digits, '_', '-' and '.', start with a letter or digit, and are at most
 * 128 characters: safe in paths, URLs and shell commands, and never ambiguous with '@'.
 */
import { UsageError } from '../errors.js';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export interface ParsedModelRef {
  readonly name: string;
  readonly version?: number;
  /** An alias; absent (with no version) means the latest version. */
  readonly alias?: string;
}

/** True when `s` could be a registry reference (not whether it exists). */
export function looksLikeModelRef(s: string): boolean {
  const at = s.indexOf('@');
  const name = at < 0 ? s : s.slice(0, at);
  const tail = at < 0 ? '' : s.slice(at + 1);
  return NAME_RE.test(name) && (at < 0 || NAME_RE.test(tail));
}

export function checkModelName(name: string): string {
  if (!NAME_RE.test(name)) {
    throw new UsageError('MW_REGISTRY_NAME_INVALID', `'${name}' is not a valid model name: use letters, digits, '_', '-' and '.', starting with a letter or digit (at most 128 characters).`, {
      details: { name },
    });
  }
  return name;
}

export function checkAlias(alias: string): string {
  if (!NAME_RE.test(alias) || /^\d+$/.test(alias) || alias === 'latest') {
    throw new UsageError('MW_REGISTRY_NAME_INVALID', `'${alias}' is not a valid alias: use letters, digits, '_', '-' and '.', not only digits (those are version numbers) and not 'latest' (reserved).`, {
      details: { alias },
    });
  }
  return alias;
}

export function checkVersionNumber(text: string | number): number {
  const v = typeof text === 'number' ? text : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(v) || v < 1) {
    throw new UsageError('MW_REGISTRY_NAME_INVALID', `'${text}' is not a version number: versions are whole numbers from 1.`, { details: { version: text } });
  }
  return v;
}

/**
 * Split a reference into name and version or alias.
 * @example parseModelRef('churn@champion') // { name: 'churn', alias: 'champion' }
 */
export function parseModelRef(ref: string): ParsedModelRef {
  const at = ref.indexOf('@');
  if (at < 0) return { name: checkModelName(ref) };
  const name = checkModelName(ref.slice(0, at));
  const tail = ref.slice(at + 1);
  if (/^\d+$/.test(tail)) return { name, version: checkVersionNumber(tail) };
  if (tail === 'latest') return { name };
  return { name, alias: checkAlias(tail) };
}
