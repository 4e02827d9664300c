/**
 * @module monitor/drift/text-monitor
 * Drift of a text column without a model, by two summaries:
 *
 *   length       character length, tested like a numeric column (KS or Wasserstein)
 *   vocabulary   the out-of-vocabulary share of token occurrences (tokens outside the
 *                reference's most frequent ones) against the reference's — flagged when it
 *                rises by more than `vocabularyShift` (default 0.1) — and, on samples above
 *                `smallSampleLimit` documents, the Jensen–Shannon distance between the
 *                document-frequency profiles over the reference tokens (flagged at ≥ the
 *                jensenshannon threshold). On small samples a profile over a thousand tokens
 *                is too noisy for a distance to mean anything, so only the OOV share decides.
 *
 * The column drifts when either does. (Evidently trains a domain classifier on text; that
 * needs a model per check — these summaries need none and explain themselves.)
 */
import type { BatchColumn } from '../log-store/monitor-store.js';
import { tokenize } from '../reference/text-reference.js';
import type { TextReference } from '../reference/types.js';
import type { ResolvedDriftOptions } from './drift-options.js';
import type { NumericCountsState } from './numeric-counts.js';
import { NumericMonitor } from './numeric-monitor.js';
import { jensenShannon } from './stats/categorical-tests.js';
import type { FeatureDrift } from './types.js';

/** What a worker thread sends back: the counters (all additive). */
export interface TextState {
  readonly lengths: NumericCountsState;
  readonly docFreq: Float64Array;
  readonly docs: number;
  readonly occurrences: number;
  readonly inVocabulary: number;
}

export class TextMonitor {
  private readonly lengths: NumericMonitor;
  private readonly index: Map<string, number>;
  private readonly docFreq: Float64Array;
  private docs = 0;
  private occurrences = 0;
  private inVocabulary = 0;

  constructor(
    readonly name: string,
    readonly ref: TextReference,
  ) {
    this.lengths = new NumericMonitor(name, { ...ref.length, n: ref.n, missing: ref.missing });
    this.index = new Map(ref.vocabulary.tokens.map((t, i) => [t, i]));
    this.docFreq = new Float64Array(ref.vocabulary.tokens.length);
  }

  state(): TextState {
    return { lengths: this.lengths.counts.state(), docFreq: this.docFreq, docs: this.docs, occurrences: this.occurrences, inVocabulary: this.inVocabulary };
  }

  /** Add counts made elsewhere (another thread's share of the rows). */
  merge(s: TextState): void {
    this.lengths.counts.merge(s.lengths);
    for (let i = 0; i < this.docFreq.length; i++) this.docFreq[i] += s.docFreq[i];
    this.docs += s.docs;
    this.occurrences += s.occurrences;
    this.inVocabulary += s.inVocabulary;
  }

  private addText(text: string, k: number): void {
    const t = tokenize(text);
    this.docs += k;
    this.occurrences += t.occurrences * k;
    for (const tok of t.distinct) {
      const i = this.index.get(tok);
      if (i !== undefined) this.docFreq[i] += k;
    }
    for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]{2,}/gu)) if (this.index.has(m[0])) this.inVocabulary += k;
  }

  add(col: BatchColumn | undefined, n: number): void {
    if (!col) {
      this.lengths.add(undefined, n);
      return;
    }
    if (col.kind === 'str') {
      const byCode = new Float64Array(col.dict.length);
      let missing = 0;
      for (const c of col.codes) c < 0 ? missing++ : byCode[c]++;
      const lengths: number[] = [];
      col.dict.forEach((s, c) => {
        if (byCode[c] === 0) return;
        this.addText(s, byCode[c]);
        for (let j = 0; j < byCode[c]; j++) lengths.push(s.length);
      });
      this.lengths.counts.addValues(lengths);
      this.lengths.counts.missing += missing;
      return;
    }
    const texts: (string | null)[] = [];
    const len = col.kind === 'json' ? col.values.length : col.values.length;
    for (let i = 0; i < len; i++) {
      const v = col.kind === 'f64' ? (Number.isNaN(col.values[i]) ? null : String(col.values[i])) : col.kind === 'bool' ? (col.values[i] < 0 ? null : String(col.values[i] === 1)) : col.values[i] === null || col.values[i] === undefined ? null : String(col.values[i]);
      texts.push(v);
    }
    this.lengths.counts.addValues(texts.map((t) => (t === null ? Number.NaN : t.length)));
    for (const t of texts) if (t !== null) this.addText(t, 1);
  }

  result(o: ResolvedDriftOptions): FeatureDrift {
    const length = this.lengths.result(o);
    const v = this.ref.vocabulary;
    const oovCurrent = this.occurrences ? 1 - this.inVocabulary / this.occurrences : 0;
    let distance: number | null = null;
    if (this.docs > o.smallSampleLimit && v.docs > 0) {
      const refTotal = v.docFreq.reduce((s, x) => s + x, 0) || 1;
      const curTotal = this.docFreq.reduce((s, x) => s + x, 0) || 1;
      distance = jensenShannon(Float64Array.from(v.docFreq, (x) => x / refTotal), this.docFreq.map((x) => x / curTotal));
    }
    const vocabularyDrifted = this.docs > 0 && (oovCurrent - v.outOfVocabulary > o.vocabularyShift || (distance !== null && distance >= o.thresholds.jensenshannon));
    return {
      ...length,
      type: 'text',
      drifted: length.drifted || vocabularyDrifted,
      text: { length_drifted: length.drifted, vocabulary_distance: distance, out_of_vocabulary: { reference: v.outOfVocabulary, current: oovCurrent }, vocabulary_drifted: vocabularyDrifted },
    };
  }
}
