/** Reference syntax and the alias rollback rule (pure functions). */
import { describe, expect, it } from 'vitest';
import { rollbackTarget } from '../../src/registry/alias-history.js';
import { looksLikeModelRef, parseModelRef } from '../../src/registry/names.js';
import type { ModelEvent } from '../../src/registry/store.js';

describe('parseModelRef', () => {
  it('reads NAME, NAME@VERSION, NAME@ALIAS and NAME@latest', () => {
    expect(parseModelRef('churn')).toEqual({ name: 'churn' });
    expect(parseModelRef('churn@12')).toEqual({ name: 'churn', version: 12 });
    expect(parseModelRef('churn@champion')).toEqual({ name: 'churn', alias: 'champion' });
    expect(parseModelRef('churn.v2@latest')).toEqual({ name: 'churn.v2' });
  });
  it('rejects malformed references', () => {
    for (const bad of ['', '@1', 'a@', 'a b', 'x/y', 'a@0', '-a', 'a@b@c']) expect(() => parseModelRef(bad), bad).toThrow(expect.objectContaining({ code: 'MW_REGISTRY_NAME_INVALID' }));
    expect(looksLikeModelRef('out/model.json')).toBe(false);
    expect(looksLikeModelRef('churn@2')).toBe(true);
  });
});

const ev = (action: 'alias_set' | 'rollback', version: number): ModelEvent => ({ id: 0, name: 'm', version, action, alias: 'champion', previousVersion: null, detail: {}, user: 'u', at: '' });

describe('rollbackTarget', () => {
  it('walks back through earlier holders, skipping deleted ones', () => {
    const h = [ev('alias_set', 1), ev('alias_set', 2), ev('alias_set', 3)];
    expect(rollbackTarget(h, 3, new Set([1, 2, 3]))).toBe(2);
    expect(rollbackTarget([...h, ev('rollback', 2)], 2, new Set([1, 2, 3]))).toBe(1);
    expect(rollbackTarget([...h, ev('rollback', 2), ev('rollback', 1)], 1, new Set([1, 2, 3]))).toBeUndefined();
    expect(rollbackTarget(h, 3, new Set([1, 3]))).toBe(1);
    expect(rollbackTarget([ev('alias_set', 1), ev('alias_set', 2), ev('alias_set', 1)], 1, new Set([1, 2]))).toBe(2);
  });
});
