/**
 * @module closest-match
 * "Did you mean …?" suggestions for misspelt column, parameter and command names.
 */

/**
 * Edit distance between two strings, case-insensitive, counting an adjacent swap as one edit
 * (optimal string alignment), so 'chrun' is one edit from 'churn'.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev2 = new Array<number>(t.length + 1).fill(0);
  let prev = new Array<number>(t.length + 1);
  let curr = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) curr[j] = Math.min(curr[j], prev2[j - 2] + 1);
    }
    [prev2, prev, curr] = [prev, curr, prev2];
  }
  return prev[t.length];
}

/**
 * The candidates closest to `name`, best first. A candidate qualifies when its distance is at
 * most a third of the longer name (so short names need near-exact matches) or when one name
 * contains the other.
 * @example closestMatches('agee', ['age', 'name', 'wage']) // ['age']
 */
export function closestMatches(name: string, candidates: readonly string[], limit = 3): string[] {
  const lower = name.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(name, c) }))
    .filter(({ c, d }) => {
      const cl = c.toLowerCase();
      return d <= Math.max(1, Math.floor(Math.max(name.length, c.length) / 3)) || cl.includes(lower) || lower.includes(cl);
    })
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map(({ c }) => c);
}

/** " Did you mean 'x' or 'y'?" or the empty string when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const best = closestMatches(name, candidates);
  if (best.length === 0) return '';
  return ` Did you mean ${best.map((c) => `'${c}'`).join(' or ')}?`;
}
