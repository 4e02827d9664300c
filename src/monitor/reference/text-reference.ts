/**
 * @module monitor/reference/text-reference
 * Text columns are monitored through two summaries that need no model: the length of each
 * value (characters) and its vocabulary — lower-cased runs of letters and digits of two or
 * more characters, counted once per document (document frequency), the `maxTokens` most
 * frequent kept, plus the share of token occurrences outside them.
 */
import { numericSummary } from './numeric-reference.js';
import type { TextReference } from './types.js';

/** Tokens kept in the reference vocabulary. */
export const MAX_VOCABULARY = 1000;

const TOKEN = /[\p{L}\p{N}]{2,}/gu;

/** The distinct tokens of a text, and how many token occurrences it has. */
export function tokenize(text: string): { distinct: Set<string>; occurrences: number } {
  const distinct = new Set<string>();
  let occurrences = 0;
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    distinct.add(m[0]);
    occurrences++;
  }
  return { distinct, occurrences };
}

/**
 * The reference summary of text values (null = missing).
 * @example textReference('review', ['great food', null, 'slow service'])
 */
export function textReference(name: string, values: readonly (string | null)[], opts: { sampleSize?: number; seed?: number } = {}): TextReference {
  const lengths = new Float64Array(values.length).fill(Number.NaN);
  const docFreq = new Map<string, number>();
  const termFreq = new Map<string, number>();
  let docs = 0;
  let occurrences = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    docs++;
    lengths[i] = v.length;
    const t = tokenize(v);
    occurrences += t.occurrences;
    for (const tok of t.distinct) docFreq.set(tok, (docFreq.get(tok) ?? 0) + 1);
    for (const m of v.toLowerCase().matchAll(TOKEN)) termFreq.set(m[0], (termFreq.get(m[0]) ?? 0) + 1);
  });
  const top = [...docFreq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_VOCABULARY);
  let inVocabulary = 0;
  for (const [tok] of top) inVocabulary += termFreq.get(tok) ?? 0;
  const length = numericSummary(lengths, opts);
  return {
    kind: 'text',
    name,
    n: values.length,
    missing: values.length - docs,
    length,
    vocabulary: {
      tokens: top.map(([t]) => t),
      docFreq: top.map(([, c]) => c),
      docs,
      outOfVocabulary: occurrences ? 1 - inVocabulary / occurrences : 0,
    },
  };
}
