import { describe, expect, it } from 'vitest';
import { closestMatches, didYouMean, editDistance } from '../../src/common/closest-match.js';

describe('closest-match', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('chrun', 'churn')).toBe(1);
    expect(editDistance('AGE', 'age')).toBe(0);
  });

  it('suggests close names, best first', () => {
    expect(closestMatches('agee', ['age', 'name', 'wage'])).toEqual(['age']);
    expect(closestMatches('num_leave', ['num_leaves', 'max_leaves', 'min_data'])).toEqual(['num_leaves']);
    expect(didYouMean('chrun', ['churn', 'tenure'])).toBe(" Did you mean 'churn'?");
    expect(didYouMean('zzz', ['churn'])).toBe('');
  });
});
