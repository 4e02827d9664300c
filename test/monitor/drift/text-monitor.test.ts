/**
 * Text columns: drift by length and by vocabulary, on seeded generated sentences.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { categoricalColumn } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { DriftSession } from '../../../src/monitor/drift/drift-session.js';
import { buildReferenceProfile } from '../../../src/monitor/reference/build-reference-profile.js';

const OLD = ['great', 'food', 'slow', 'service', 'friendly', 'staff', 'cheap', 'tasty', 'cold', 'coffee', 'nice', 'place'];
const NEW = ['delivery', 'app', 'crashed', 'refund', 'courier', 'late', 'missing', 'order'];

function texts(n: number, seed: number, words: readonly string[], length: [number, number]): Frame {
  const rng = new Rng(seed);
  const values = Array.from({ length: n }, () => Array.from({ length: length[0] + rng.nextInt(length[1] - length[0] + 1) }, () => words[rng.nextInt(words.length)]).join(' '));
  const dict = [...new Set(values)];
  const index = new Map(dict.map((v, i) => [v, i]));
  return Frame.fromColumns([categoricalColumn('review', Int32Array.from(values, (v) => index.get(v)!), dict)]);
}

const schema = { columns: [{ name: 'review', dtype: 'categorical' as const, type: 'text' as const, role: 'feature' as const, reason: 'test' }] };

describe('text drift', () => {
  for (const n of [500, 5000]) {
    it(`sees no drift in the same kind of text, and drift in new words (n = ${n})`, () => {
      const profile = buildReferenceProfile(texts(n, 1, OLD, [3, 12]), schema);
      expect(profile.features[0].kind).toBe('text');
      const same = new DriftSession(profile);
      same.addFrame(texts(n, 2, OLD, [3, 12]));
      const r1 = same.finish().features[0];
      expect(r1.drifted).toBe(false);
      expect(r1.text?.out_of_vocabulary.current).toBeLessThan(0.01);
      const moved = new DriftSession(profile);
      moved.addFrame(texts(n, 3, [...OLD, ...NEW], [3, 12]));
      const r2 = moved.finish().features[0];
      expect(r2.drifted).toBe(true);
      expect(r2.text?.vocabulary_drifted).toBe(true);
      const longer = new DriftSession(profile);
      longer.addFrame(texts(n, 4, OLD, [8, 20]));
      const r3 = longer.finish().features[0];
      expect(r3.text?.length_drifted).toBe(true);
      expect(r3.test).toBe(n <= 1000 ? 'ks' : 'wasserstein');
    });
  }
});
