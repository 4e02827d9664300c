/**
 * @module serve/traffic
 * Traffic policies between the versions of one served model:
 *
 *   canary  a share `weight` of requests goes to a second version. The choice is a hash of
 *           the request id (FNV-1a, seeded), so it is deterministic — a client retrying with
 *           the same x-request-id meets the same version — and needs no shared state between
 *           worker processes;
 *   shadow  a second version scores the same rows after the response is sent; its answers
 *           are logged with shadow=true and never returned.
 *
 * A request that names a version or alias explicitly (`churn@3`) bypasses both.
 */

/** A uniform number in [0, 1) from a string (32-bit FNV-1a, then a murmur3 finaliser). */
export function hashUnit(key: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV's low bits mix poorly for short keys that differ in the last character: finalise.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * True when the request goes to the canary.
 * @example routesToCanary('req-17', 0.1) // the same answer every time for 'req-17'
 */
export function routesToCanary(requestId: string, weight: number, seed = 0): boolean {
  if (weight <= 0) return false;
  if (weight >= 1) return true;
  return hashUnit(requestId, seed) < weight;
}

/** True when a request (or a batch row, keyed `id:row`) is written to the prediction log. */
export function sampledForLog(key: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  // A different seed from the canary split, so logging does not favour either version.
  return hashUnit(key, 0x9e3779b9) < rate;
}
