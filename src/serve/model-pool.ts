/**
 * @module serve/model-pool
 * The models a server holds: per served name a primary version and optionally a canary, a
 * shadow and pinned versions (config.ts), all loaded before the server listens. Only the
 * configuration decides what is loaded — no request can make the server load a model.
 *
 * Registry references that follow an alias (`churn@champion`) or the latest version (`churn`)
 * are re-resolved every `reloadIntervalMs`; when the version moved, the new one is loaded in
 * the background and swapped in with one assignment. A request picks its model once, at its
 * start, so requests in flight finish on the version they started with and none is dropped.
 */
import { stat } from 'node:fs/promises';
import { didYouMean } from '../common/closest-match.js';
import { NotFoundError, UsageError } from '../errors.js';
import { findVersion } from '../registry/model-ref.js';
import { looksLikeModelRef, parseModelRef } from '../registry/names.js';
import { type Registry, openRegistry } from '../registry/open-registry.js';
import type { ModelConfig } from './config.js';
import { type ServedModel, loadServedModel } from './served-model.js';

export type SlotRole = 'primary' | 'canary' | 'shadow' | 'pinned';

/** One configured reference and the model currently loaded for it. */
export interface Slot {
  readonly role: SlotRole;
  readonly ref: string;
  /** Swapped (never mutated) when the reference's alias moves. */
  current: ServedModel;
}

export interface ServedEntry {
  readonly config: ModelConfig;
  readonly primary: Slot;
  readonly canary?: Slot;
  readonly shadow?: Slot;
  readonly pinned: readonly Slot[];
}

export interface PoolOptions {
  /** Registry for references; by default the environment's, opened when a reference needs it. */
  readonly registry?: Registry;
  /** Called after every load (at start and on alias moves), e.g. for metrics and logs. */
  readonly onLoaded?: (name: string, slot: Slot, previous: ServedModel | null) => void;
  /** Called when re-resolving or reloading fails; the old version keeps serving. */
  readonly onReloadError?: (name: string, slot: Slot, err: unknown) => void;
}

const isPath = (ref: string): Promise<boolean> => stat(ref).then(() => true, () => false);

/** Whether a slot follows a moving target (an alias or the latest version). */
function follows(slot: Slot): boolean {
  if (slot.current.version === null || !looksLikeModelRef(slot.ref)) return false;
  return parseModelRef(slot.ref).version === undefined;
}

export class ModelPool {
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly byName: ReadonlyMap<string, ServedEntry>,
    private readonly registry: Registry | undefined,
    private readonly ownsRegistry: boolean,
    private readonly options: PoolOptions,
  ) {}

  /** Load every configured model (fails on the first that cannot be loaded). */
  static async load(models: readonly ModelConfig[], options: PoolOptions = {}): Promise<ModelPool> {
    let registry = options.registry;
    let owns = false;
    const refs = models.flatMap((m) => [m.ref, m.canary?.ref, m.shadow, ...m.versions].filter((r): r is string => r !== undefined));
    if (!registry && (await Promise.all(refs.map(isPath))).some((p) => !p)) {
      registry = await openRegistry({ create: false });
      owns = registry !== undefined;
    }
    const byName = new Map<string, ServedEntry>();
    const pool = new ModelPool(byName, registry, owns, options);
    try {
      for (const m of models) byName.set(m.name, await pool.loadEntry(m));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  private async loadSlot(name: string, role: SlotRole, ref: string): Promise<Slot> {
    const slot: Slot = { role, ref, current: await loadServedModel(ref, this.registry) };
    this.options.onLoaded?.(name, slot, null);
    return slot;
  }

  private async loadEntry(m: ModelConfig): Promise<ServedEntry> {
    const primary = await this.loadSlot(m.name, 'primary', m.ref);
    const base = primary.current.registryName;
    // "2" or "challenger" are versions / aliases of the primary's registry model; anything
    // with '@' or '/' is a full reference.
    const pinnedRef = (v: string): string => {
      if (v.includes('@') || v.includes('/')) return v;
      if (base === null) throw new UsageError('MW_SERVE_CONFIG', `Model '${m.name}': the "versions" entry '${v}' needs a registry model, but '${m.name}' is served from a file. Give full references (NAME@VERSION or a path) instead.`);
      return `${base}@${v}`;
    };
    const canary = m.canary ? await this.loadSlot(m.name, 'canary', m.canary.ref) : undefined;
    const shadow = m.shadow ? await this.loadSlot(m.name, 'shadow', m.shadow) : undefined;
    const pinned: Slot[] = [];
    for (const v of m.versions) pinned.push(await this.loadSlot(m.name, 'pinned', pinnedRef(v)));
    return { config: m, primary, canary, shadow, pinned };
  }

  /** Served names, in configuration order. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  entries(): ServedEntry[] {
    return [...this.byName.values()];
  }

  /** The entry of a served name, or a 404 that lists the served names. */
  entry(name: string): ServedEntry {
    const e = this.byName.get(name);
    if (e) return e;
    const names = this.names();
    throw new NotFoundError('MW_MODEL_NOT_FOUND', `No model named '${name}' is served here. Served: ${names.join(', ') || '(none)'}.${didYouMean(name, names)}`, {
      hint: 'GET /v1/models lists the served models.',
      details: { model: name, served: names },
    });
  }

  /**
   * The entry and slot a URL reference names: `name` (the primary) or `name@version|alias`.
   * @example pool.resolve('churn@challenger').slot.current.version
   */
  resolve(ref: string): { entry: ServedEntry; slot: Slot; explicit: boolean } {
    const at = ref.indexOf('@');
    if (at < 0) {
      const entry = this.entry(ref);
      return { entry, slot: entry.primary, explicit: false };
    }
    const entry = this.entry(ref.slice(0, at));
    const sel = ref.slice(at + 1);
    const slots = this.slots(entry);
    const bySelector = slots.find((s) => s.ref.includes('@') ? s.ref.slice(s.ref.indexOf('@') + 1) === sel : sel === 'latest' && looksLikeModelRef(s.ref) && s.current.version !== null);
    const slot = bySelector ?? slots.find((s) => String(s.current.version) === sel) ?? slots.find((s) => s.current.aliases.includes(sel));
    if (slot) return { entry, slot, explicit: true };
    const served = slots.map((s) => `${s.current.version ?? s.role}${s.ref.includes('@') ? ` (${s.ref.slice(s.ref.indexOf('@') + 1)})` : ''}`);
    throw new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${entry.config.name}' has no served version or alias '${sel}'. Served: ${served.join(', ')}.`, {
      hint: 'Versions are loaded from the server config ("versions", "canary", "shadow"); requests cannot load new ones.',
      details: { model: entry.config.name, selector: sel },
    });
  }

  slots(entry: ServedEntry): Slot[] {
    return [entry.primary, ...(entry.canary ? [entry.canary] : []), ...(entry.shadow ? [entry.shadow] : []), ...entry.pinned];
  }

  /** Start re-resolving moving references every `intervalMs` (0: never). */
  watch(intervalMs: number): void {
    if (intervalMs <= 0 || !this.registry || this.closed) return;
    const tick = (): void => {
      this.polling = this.checkNow().finally(() => {
        this.polling = undefined;
        if (!this.closed) this.timer = setTimeout(tick, intervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, intervalMs).unref();
  }

  /** One round: re-resolve every moving reference and swap in versions that changed. */
  async checkNow(): Promise<void> {
    const reg = this.registry;
    if (!reg) return;
    for (const entry of this.byName.values()) {
      for (const slot of this.slots(entry)) {
        if (this.closed || !follows(slot)) continue;
        try {
          const v = await findVersion(reg, slot.ref);
          if (v.version === slot.current.version) continue;
          const next = await loadServedModel(slot.ref, reg);
          if (this.closed) return;
          const previous = slot.current;
          slot.current = next; // the atomic swap: later requests see `next`, earlier ones keep `previous`
          this.options.onLoaded?.(entry.config.name, slot, previous);
        } catch (err) {
          this.options.onReloadError?.(entry.config.name, slot, err);
        }
      }
    }
  }

  /** Stop watching and close the registry connection the pool opened. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling?.catch(() => undefined);
    if (this.ownsRegistry) await this.registry?.close();
  }
}
