/**
 * @module registry/alias-history
 * Where `models rollback NAME ALIAS` goes: the alias's history is replayed as a stack — each
 * move pushes the new holder, each rollback pops the holder it left — so repeated rollbacks
 * walk further back (v3 → v2 → v1) instead of flipping between two versions. Holders that
 * have since been deleted are skipped.
 */
import type { ModelEvent } from './store.js';

/**
 * The version to roll `alias` back to, or undefined when it has no earlier holder.
 * `events` are the alias's 'alias_set' and 'rollback' events, oldest first.
 * @example rollbackTarget(events, 3, new Set([1, 2, 3])) // 2
 */
export function rollbackTarget(events: readonly ModelEvent[], current: number, existing: ReadonlySet<number>): number | undefined {
  const stack: number[] = [];
  for (const e of events) {
    if (e.version === null) continue;
    if (e.action === 'alias_set') stack.push(e.version);
    else if (e.action === 'rollback') {
      stack.pop();
      // The rollback's target is now on top; push it if the history had lost it.
      if (stack[stack.length - 1] !== e.version) stack.push(e.version);
    }
  }
  // The top is the current holder (unless the log was edited): drop it, then skip holders
  // equal to the current one or deleted since.
  if (stack[stack.length - 1] === current) stack.pop();
  while (stack.length > 0 && (stack[stack.length - 1] === current || !existing.has(stack[stack.length - 1]))) stack.pop();
  return stack.length > 0 ? stack[stack.length - 1] : undefined;
}
