/**
 * @module serve/auth
 * API keys: read from MODELWRIGHT_API_KEYS (comma-separated) and the config's `apiKeys`,
 * each a plain key or `sha256:<hex>`. Only SHA-256 hashes are kept in memory; a request's
 * `Authorization: Bearer KEY` is hashed and looked up. With no keys configured the server is
 * open (it binds to loopback by default). Keys are identified in logs and metrics by a short
 * prefix of their hash, never by the key.
 */
import { createHash } from 'node:crypto';
import { ModelwrightError, UsageError } from '../errors.js';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hashes of the keys in `entries` (plain keys are hashed here). */
export function hashApiKeys(entries: readonly string[]): string[] {
  return entries.map((e) => {
    const k = e.trim();
    if (/^sha256:/i.test(k)) {
      const hex = k.slice(7).toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new UsageError('MW_SERVE_CONFIG', `An API key hash must be 'sha256:' followed by 64 hex digits. Got one of ${hex.length} characters.`);
      return hex;
    }
    return sha256Hex(k);
  });
}

/** Keys from the environment variable (empty entries ignored). */
export function apiKeysFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.MODELWRIGHT_API_KEYS ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export class ApiKeyAuth {
  private readonly hashes: ReadonlySet<string>;

  constructor(keys: readonly string[]) {
    this.hashes = new Set(hashApiKeys(keys));
  }

  get enabled(): boolean {
    return this.hashes.size > 0;
  }

  /**
   * The id of the key a request carries (first 12 hex digits of its hash); a 401 when it
   * carries none, a 403 when the key is unknown.
   * @example auth.check('Bearer s3cret') // 'a1b2c3d4e5f6'
   */
  check(authorization: string | undefined): string {
    if (!authorization) {
      throw new ModelwrightError('MW_SERVE_UNAUTHORIZED', 'This server requires an API key: send `Authorization: Bearer KEY`.');
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw new ModelwrightError('MW_SERVE_UNAUTHORIZED', 'The Authorization header must be `Bearer KEY`.');
    const hash = sha256Hex(m[1]);
    if (!this.hashes.has(hash)) throw new ModelwrightError('MW_SERVE_FORBIDDEN', 'The API key is not valid for this server.');
    return hash.slice(0, 12);
  }
}
