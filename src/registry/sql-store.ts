/**
 * @module registry/sql-store
 * The registry store over any `SqlDb` (SQLite or PostgreSQL): one body of SQL, so both
 * backends behave the same. Writes that must be atomic run in one transaction each:
 *
 *   createVersion   upsert the model row, bump its `next_version` counter (a row lock in
 *                   PostgreSQL, the write lock in SQLite), insert the version, tags and an
 *                   audit event — two concurrent registrations get distinct numbers, and a
 *                   killed process leaves either the whole version or nothing
 *   setAlias / rollbackAlias / deleteVersion / setTag   check, change, and log the event
 *
 * Version numbers are never reused: the counter survives deletions.
 */
import { randomUUID } from 'node:crypto';
import { ModelwrightError, NotFoundError } from '../errors.js';
import { didYouMean } from '../common/closest-match.js';
import { rollbackTarget } from './alias-history.js';
import { currentUser, type Lineage } from './lineage.js';
import { checkAlias, checkModelName } from './names.js';
import type { Row, SqlDb, SqlValue } from './sql-db.js';
import type {
  ArtifactKind, ModelEvent, ModelEventAction, ModelVersion, NewRun, NewVersion, RegisteredModel, RegistryStore, Run, RunEnd, RunStatus,
} from './store.js';

const json = (v: unknown): string => JSON.stringify(v ?? {});
const parse = <T>(text: unknown, fallback: T): T => (typeof text === 'string' && text.length > 0 ? (JSON.parse(text) as T) : fallback);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class SqlRegistryStore implements RegistryStore {
  constructor(
    private readonly db: SqlDb,
    readonly location: string,
  ) {}

  get backend(): string {
    return this.db.dialect;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // --- versions ----------------------------------------------------------------------------

  async createVersion(v: NewVersion): Promise<ModelVersion> {
    checkModelName(v.name);
    const version = await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      await tx.run('INSERT INTO registered_models (name, created_at, updated_at, next_version) VALUES (?, ?, ?, 1) ON CONFLICT (name) DO NOTHING', [v.name, now, now]);
      const [counter] = await tx.all<{ next_version: number }>('UPDATE registered_models SET next_version = next_version + 1, updated_at = ? WHERE name = ? RETURNING next_version', [now, v.name]);
      const version = Number(counter.next_version) - 1;
      let parent = v.parentVersion;
      if (parent === undefined) {
        const [latest] = await tx.all<{ v: number | null }>('SELECT MAX(version) AS v FROM model_versions WHERE name = ?', [v.name]);
        parent = num(latest?.v);
      }
      const lineage: Lineage = { ...v.lineage, parent: parent ? { name: v.name, version: parent } : null };
      await tx.run(
        `INSERT INTO model_versions (name, version, kind, artifact_sha256, artifact_entry, created_at, run_id, parent_version, lineage, metrics, params)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [v.name, version, v.kind, v.artifactSha256, v.artifactEntry, now, v.runId ?? null, parent ?? null, json(lineage), json(v.metrics ?? lineage.metrics), json(v.params ?? lineage.params)],
      );
      for (const [key, value] of Object.entries(v.tags ?? {})) await tx.run('INSERT INTO version_tags (name, version, key, value) VALUES (?, ?, ?, ?)', [v.name, version, key, value]);
      await this.logEvent(tx, v.name, version, 'register', null, null, { artifactSha256: v.artifactSha256, kind: v.kind });
      return version;
    });
    return (await this.getVersion(v.name, version))!;
  }

  private async versionsWhere(where: string, params: SqlValue[]): Promise<ModelVersion[]> {
    const rows = await this.db.all(`SELECT * FROM model_versions WHERE ${where} ORDER BY name, version`, params);
    if (rows.length === 0) return [];
    const names = [...new Set(rows.map((r) => String(r.name)))];
    const marks = names.map(() => '?').join(', ');
    const tags = await this.db.all(`SELECT name, version, key, value FROM version_tags WHERE name IN (${marks})`, names);
    const aliases = await this.db.all(`SELECT name, alias, version FROM model_aliases WHERE name IN (${marks}) ORDER BY alias`, names);
    return rows.map((r) => this.toVersion(r, tags, aliases));
  }

  private toVersion(r: Row, tags: Row[], aliases: Row[]): ModelVersion {
    const name = String(r.name);
    const version = Number(r.version);
    const mine = (x: Row) => x.name === name && Number(x.version) === version;
    return {
      name,
      version,
      kind: String(r.kind) as ArtifactKind,
      artifactSha256: String(r.artifact_sha256),
      artifactEntry: String(r.artifact_entry),
      createdAt: String(r.created_at),
      runId: r.run_id === null || r.run_id === undefined ? null : String(r.run_id),
      parentVersion: num(r.parent_version),
      lineage: parse<Lineage>(r.lineage, {} as Lineage),
      metrics: parse(r.metrics, {}),
      params: parse(r.params, {}),
      tags: Object.fromEntries(tags.filter(mine).map((t) => [String(t.key), String(t.value)])),
      aliases: aliases.filter(mine).map((a) => String(a.alias)),
    };
  }

  async getVersion(name: string, version: number): Promise<ModelVersion | undefined> {
    return (await this.versionsWhere('name = ? AND version = ?', [name, version]))[0];
  }

  async latestVersion(name: string): Promise<ModelVersion | undefined> {
    return (await this.versionsWhere('name = ? AND version = (SELECT MAX(version) FROM model_versions WHERE name = ?)', [name, name]))[0];
  }

  listVersions(name: string): Promise<ModelVersion[]> {
    return this.versionsWhere('name = ?', [name]);
  }

  async listModels(): Promise<RegisteredModel[]> {
    const models = await this.db.all('SELECT name, created_at, updated_at FROM registered_models ORDER BY name');
    const stats = await this.db.all('SELECT name, MAX(version) AS latest, CAST(COUNT(*) AS INTEGER) AS n FROM model_versions GROUP BY name');
    const aliases = await this.db.all('SELECT name, alias, version FROM model_aliases ORDER BY alias');
    return models.map((m) => {
      const s = stats.find((x) => x.name === m.name);
      return {
        name: String(m.name),
        createdAt: String(m.created_at),
        updatedAt: String(m.updated_at),
        latestVersion: s ? num(s.latest) : null,
        versionCount: s ? Number(s.n) : 0,
        aliases: Object.fromEntries(aliases.filter((a) => a.name === m.name).map((a) => [String(a.alias), Number(a.version)])),
      };
    });
  }

  async referencedArtifacts(): Promise<Set<string>> {
    const rows = await this.db.all('SELECT DISTINCT artifact_sha256 FROM model_versions');
    // A tag `artifact.<what>=<sha256>` attaches a further artifact to a version (the monitor's
    // reference profile): garbage collection keeps it too.
    const extra = await this.db.all("SELECT DISTINCT value FROM version_tags WHERE key LIKE 'artifact.%'");
    return new Set([...rows.map((r) => String(r.artifact_sha256)), ...extra.map((r) => String(r.value))]);
  }

  /** A NotFoundError for a version, naming the versions that exist. */
  private async missingVersion(db: SqlDb, name: string, version: number): Promise<NotFoundError> {
    const rows = await db.all<{ version: number }>('SELECT version FROM model_versions WHERE name = ? ORDER BY version', [name]);
    if (rows.length === 0) return this.missingModel(db, name);
    return new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${name}' has no version ${version} in the registry at ${this.location}. Versions: ${rows.map((r) => r.version).join(', ')}.`, {
      details: { name, version, versions: rows.map((r) => Number(r.version)) },
    });
  }

  private async missingModel(db: SqlDb, name: string): Promise<NotFoundError> {
    const names = (await db.all<{ name: string }>('SELECT name FROM registered_models')).map((r) => String(r.name));
    return new NotFoundError('MW_MODEL_NOT_FOUND', `No model named '${name}' in the registry at ${this.location}.${didYouMean(name, names)}`, {
      hint: 'Run `modelwright models list` to see the registered models, or register one with `fit --name` / `train --name`.',
      details: { name, models: names },
    });
  }

  private async requireVersion(db: SqlDb, name: string, version: number): Promise<void> {
    const rows = await db.all('SELECT version FROM model_versions WHERE name = ? AND version = ?', [name, version]);
    if (rows.length === 0) throw await this.missingVersion(db, name, version);
  }

  // --- aliases, tags, deletion ------------------------------------------------------------

  async getAlias(name: string, alias: string): Promise<number | undefined> {
    const [row] = await this.db.all('SELECT version FROM model_aliases WHERE name = ? AND alias = ?', [name, alias]);
    return row ? Number(row.version) : undefined;
  }

  async setAlias(name: string, alias: string, version: number): Promise<{ previous: number | null }> {
    checkAlias(alias);
    return this.db.transaction(async (tx) => {
      await this.requireVersion(tx, name, version);
      const [row] = await tx.all('SELECT version FROM model_aliases WHERE name = ? AND alias = ?', [name, alias]);
      const previous = row ? Number(row.version) : null;
      if (previous === version) return { previous };
      await this.writeAlias(tx, name, alias, version);
      await this.logEvent(tx, name, version, 'alias_set', alias, previous, {});
      return { previous };
    });
  }

  private writeAlias(tx: SqlDb, name: string, alias: string, version: number): Promise<number> {
    return tx.run(
      'INSERT INTO model_aliases (name, alias, version, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at',
      [name, alias, version, new Date().toISOString()],
    );
  }

  async rollbackAlias(name: string, alias: string): Promise<{ from: number; to: number }> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.all('SELECT version FROM model_aliases WHERE name = ? AND alias = ?', [name, alias]);
      if (!row) {
        const names = (await tx.all('SELECT alias FROM model_aliases WHERE name = ?', [name])).map((r) => String(r.alias));
        throw new NotFoundError('MW_MODEL_NOT_FOUND', `Model '${name}' has no alias '${alias}' in the registry at ${this.location}.${names.length ? ` Aliases: ${names.join(', ')}.` : ''}${didYouMean(alias, names)}`, {
          details: { name, alias, aliases: names },
        });
      }
      const from = Number(row.version);
      const history = await this.eventsWith(tx, name, alias);
      const existing = new Set((await tx.all('SELECT version FROM model_versions WHERE name = ?', [name])).map((r) => Number(r.version)));
      const to = rollbackTarget(history, from, existing);
      if (to === undefined) {
        throw new ModelwrightError('MW_REGISTRY_NO_PREVIOUS', `Alias '${alias}' of model '${name}' has no earlier holder to roll back to (it points at version ${from}).`, {
          details: { name, alias, version: from },
        });
      }
      await this.writeAlias(tx, name, alias, to);
      await this.logEvent(tx, name, to, 'rollback', alias, from, {});
      return { from, to };
    });
  }

  async setTag(name: string, version: number, key: string, value: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.requireVersion(tx, name, version);
      await tx.run('INSERT INTO version_tags (name, version, key, value) VALUES (?, ?, ?, ?) ON CONFLICT (name, version, key) DO UPDATE SET value = excluded.value', [name, version, key, value]);
      await this.logEvent(tx, name, version, 'tag', null, null, { key, value });
    });
  }

  async deleteVersion(name: string, version: number): Promise<ModelVersion> {
    const existing = await this.getVersion(name, version);
    await this.db.transaction(async (tx) => {
      await this.requireVersion(tx, name, version);
      const held = (await tx.all('SELECT alias FROM model_aliases WHERE name = ? AND version = ? ORDER BY alias', [name, version])).map((r) => String(r.alias));
      if (held.length > 0) {
        throw new ModelwrightError('MW_REGISTRY_ALIAS_IN_USE', `Version ${version} of model '${name}' cannot be deleted: alias${held.length > 1 ? 'es' : ''} ${held.map((a) => `'${a}'`).join(', ')} point${held.length > 1 ? '' : 's'} at it.`, {
          hint: `Move the alias first, e.g. \`modelwright models alias ${name} <other-version> ${held[0]}\` or \`modelwright models rollback ${name} ${held[0]}\`.`,
          details: { name, version, aliases: held },
        });
      }
      const [row] = await tx.all('SELECT artifact_sha256 FROM model_versions WHERE name = ? AND version = ?', [name, version]);
      await tx.run('DELETE FROM version_tags WHERE name = ? AND version = ?', [name, version]);
      await tx.run('DELETE FROM model_versions WHERE name = ? AND version = ?', [name, version]);
      await this.logEvent(tx, name, version, 'delete', null, null, { artifactSha256: row?.artifact_sha256 ?? null });
    });
    return existing!;
  }

  // --- audit log ---------------------------------------------------------------------------

  private async logEvent(tx: SqlDb, name: string, version: number | null, action: ModelEventAction, alias: string | null, previous: number | null, detail: Record<string, unknown>): Promise<void> {
    await tx.run('INSERT INTO model_events (name, version, action, alias, previous_version, detail, user_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      name, version, action, alias, previous, json(detail), currentUser(), new Date().toISOString(),
    ]);
  }

  private async eventsWith(db: SqlDb, name: string, alias?: string): Promise<ModelEvent[]> {
    const rows = alias === undefined
      ? await db.all('SELECT * FROM model_events WHERE name = ? ORDER BY id', [name])
      : await db.all('SELECT * FROM model_events WHERE name = ? AND alias = ? ORDER BY id', [name, alias]);
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      version: num(r.version),
      action: String(r.action) as ModelEventAction,
      alias: r.alias === null || r.alias === undefined ? null : String(r.alias),
      previousVersion: num(r.previous_version),
      detail: parse(r.detail, {}),
      user: String(r.user_name),
      at: String(r.at),
    }));
  }

  events(name: string, alias?: string): Promise<ModelEvent[]> {
    return this.eventsWith(this.db, name, alias);
  }

  // --- experiments and runs ---------------------------------------------------------------

  async startRun(r: NewRun): Promise<Run> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      await tx.run('INSERT INTO experiments (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [r.experiment, now]);
      await tx.run(
        `INSERT INTO runs (id, experiment, name, status, start_time, end_time, params, metrics, tags, artifact_sha256, user_name)
         VALUES (?, ?, ?, 'running', ?, NULL, ?, '{}', ?, NULL, ?)`,
        [id, r.experiment, r.name ?? null, r.startTime ?? now, json(r.params), json(r.tags), currentUser()],
      );
    });
    return (await this.getRun(id))!;
  }

  async endRun(id: string, end: RunEnd): Promise<Run> {
    const changed = await this.db.run('UPDATE runs SET status = ?, end_time = ?, metrics = ?, artifact_sha256 = ? WHERE id = ?', [
      end.status, new Date().toISOString(), json(end.metrics), end.artifactSha256 ?? null, id,
    ]);
    if (changed === 0) throw new NotFoundError('MW_MODEL_NOT_FOUND', `No run with id '${id}' in the registry at ${this.location}.`);
    return (await this.getRun(id))!;
  }

  private toRun(r: Row): Run {
    return {
      id: String(r.id),
      experiment: String(r.experiment),
      name: r.name === null || r.name === undefined ? null : String(r.name),
      status: String(r.status) as RunStatus,
      startTime: String(r.start_time),
      endTime: r.end_time === null || r.end_time === undefined ? null : String(r.end_time),
      params: parse(r.params, {}),
      metrics: parse(r.metrics, {}),
      tags: parse(r.tags, {}),
      artifactSha256: r.artifact_sha256 === null || r.artifact_sha256 === undefined ? null : String(r.artifact_sha256),
      user: String(r.user_name),
    };
  }

  async getRun(id: string): Promise<Run | undefined> {
    const [row] = await this.db.all('SELECT * FROM runs WHERE id = ?', [id]);
    return row ? this.toRun(row) : undefined;
  }

  async listRuns(experiment: string): Promise<Run[]> {
    return (await this.db.all('SELECT * FROM runs WHERE experiment = ? ORDER BY start_time, id', [experiment])).map((r) => this.toRun(r));
  }
}
