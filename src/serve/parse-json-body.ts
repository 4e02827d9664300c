/**
 * @module serve/parse-json-body
 * Parsing request JSON. JSON cannot carry NaN or Infinity, but clients built on Python's
 * `json.dumps` send the bare tokens `NaN`, `Infinity` and `-Infinity` anyway. A plain parse
 * error would only give a character offset; instead, when the first parse fails, such tokens
 * (outside strings) are replaced by a marker string and the text parsed again, so validation
 * can name the row and field that held them (validate-rows.ts rejects the marker).
 */
import { DataError } from '../errors.js';

/** Stands for a bare NaN/Infinity token in a parsed body; never a value a client can send. */
export const NON_FINITE_MARK = '\u0000mw-non-finite:';

const TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;

/** `text` with bare NaN/Infinity tokens outside strings replaced by marker strings, or null if none. */
function markNonFinite(text: string): string | null {
  let out = '';
  let last = 0;
  let inString = false;
  let prev = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      prev = ch;
      continue;
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
    if ((ch === 'N' || ch === 'I' || ch === '-') && (prev === ':' || prev === ',' || prev === '[')) {
      const tok = TOKENS.find((t) => text.startsWith(t, i));
      if (tok) {
        out += text.slice(last, i) + JSON.stringify(NON_FINITE_MARK + tok); // escapes the NUL
        i += tok.length - 1;
        last = i + 1;
        prev = '"';
        continue;
      }
    }
    prev = ch;
  }
  return last === 0 ? null : out + text.slice(last);
}

/**
 * Parse a request body as JSON; a DataError (400) that says what is wrong otherwise.
 * @example parseJsonBody('{"rows":[{"x":NaN}]}') // { rows: [{ x: '\u0000mw-non-finite:NaN' }] }
 */
export function parseJsonBody(text: string, what = 'The request body'): unknown {
  if (text.trim() === '') {
    throw new DataError('MW_SERVE_BAD_REQUEST', `${what} is empty.`, { hint: 'Send a JSON body such as {"rows": [{...}]} with Content-Type: application/json.' });
  }
  try {
    return JSON.parse(text);
  } catch (first) {
    const marked = markNonFinite(text);
    if (marked !== null) {
      try {
        return JSON.parse(marked);
      } catch {
        // fall through to the original message
      }
    }
    throw new DataError('MW_SERVE_BAD_REQUEST', `${what} is not valid JSON: ${(first as Error).message}.`, { hint: 'Send valid JSON (use null for missing values).' });
  }
}

/** True when `v` is (a marker for) NaN/Infinity, as a token or as a string a client sent. */
export function isNonFiniteText(v: string): boolean {
  if (v.startsWith(NON_FINITE_MARK)) return true;
  const t = v.trim().toLowerCase();
  return t === 'nan' || t === 'infinity' || t === '-infinity' || t === '+infinity' || t === 'inf' || t === '-inf';
}

/** How a non-finite value was written, for messages. */
export function nonFiniteLabel(v: string): string {
  return v.startsWith(NON_FINITE_MARK) ? v.slice(NON_FINITE_MARK.length) : JSON.stringify(v);
}
