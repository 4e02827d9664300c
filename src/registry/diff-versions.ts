/**
 * @module registry/diff-versions
 * What changed between two registered versions (`models diff A B`): parameters (changed,
 * added, removed), metrics side by side with their difference, the training data
 * (fingerprint, rows, source), the learner and the code version.
 */
import type { ModelVersion } from './store.js';

export interface VersionDiff {
  readonly a: string;
  readonly b: string;
  readonly learner: { readonly a: string | null; readonly b: string | null; readonly same: boolean };
  readonly params: {
    readonly changed: readonly { readonly key: string; readonly a: unknown; readonly b: unknown }[];
    readonly onlyA: Readonly<Record<string, unknown>>;
    readonly onlyB: Readonly<Record<string, unknown>>;
    readonly same: number;
  };
  readonly metrics: readonly { readonly name: string; readonly a: number | null; readonly b: number | null; readonly delta: number | null }[];
  readonly data: {
    readonly same: boolean;
    readonly a: { readonly fingerprint: string | null; readonly rows: number | null; readonly source: string | null };
    readonly b: { readonly fingerprint: string | null; readonly rows: number | null; readonly source: string | null };
  };
  readonly code: { readonly a: string; readonly b: string; readonly same: boolean };
}

const refOf = (v: ModelVersion): string => `${v.name}@${v.version}`;
const codeOf = (v: ModelVersion): string => `${v.lineage.code?.modelwright ?? '?'}${v.lineage.code?.commit ? ` (${v.lineage.code.commit.slice(0, 12)})` : ''}`;
const dataOf = (v: ModelVersion) => ({ fingerprint: v.lineage.data?.fingerprint ?? null, rows: v.lineage.data?.rows ?? null, source: v.lineage.data?.source ?? null });

/**
 * Compare two versions.
 * @example diffVersions(v1, v2).metrics // [{ name: 'auc', a: 0.91, b: 0.93, delta: 0.02 }]
 */
export function diffVersions(a: ModelVersion, b: ModelVersion): VersionDiff {
  const pa = a.params as Record<string, unknown>;
  const pb = b.params as Record<string, unknown>;
  const changed = [];
  const onlyA: Record<string, unknown> = {};
  const onlyB: Record<string, unknown> = {};
  let same = 0;
  for (const key of [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort()) {
    if (!(key in pb)) onlyA[key] = pa[key];
    else if (!(key in pa)) onlyB[key] = pb[key];
    else if (JSON.stringify(pa[key]) === JSON.stringify(pb[key])) same++;
    else changed.push({ key, a: pa[key], b: pb[key] });
  }
  const metrics = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])].sort().map((name) => {
    const x = a.metrics[name] ?? null;
    const y = b.metrics[name] ?? null;
    return { name, a: x, b: y, delta: x !== null && y !== null ? y - x : null };
  });
  const da = dataOf(a);
  const db = dataOf(b);
  return {
    a: refOf(a),
    b: refOf(b),
    learner: { a: a.lineage.learner ?? null, b: b.lineage.learner ?? null, same: a.lineage.learner === b.lineage.learner },
    params: { changed, onlyA, onlyB, same },
    metrics,
    data: { same: da.fingerprint !== null && da.fingerprint === db.fingerprint, a: da, b: db },
    code: { a: codeOf(a), b: codeOf(b), same: codeOf(a) === codeOf(b) },
  };
}
