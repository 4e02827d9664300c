/**
 * @module cli/commands/models-change
 * The registry subcommands that change something: `alias`, `rollback`, `tag`, `delete` and
 * `gc`. Each change is one transaction in the store and one line in the audit log.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { findVersion } from '../../registry/model-ref.js';
import { checkAlias, checkModelName, checkVersionNumber, parseModelRef } from '../../registry/names.js';
import { withRegistry } from '../../registry/open-registry.js';
import type { CliContext } from '../context.js';
import { subcommand } from './models-subcommand.js';

function parseTags(pairs: readonly string[]): [string, string][] {
  return pairs.map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError('MW_USAGE', `Tag '${p}' must be KEY=VALUE (e.g. stage=production).`);
    return [p.slice(0, eq).trim(), p.slice(eq + 1)];
  });
}

export function addAliasCommands(ctx: CliContext, models: Command): void {
  subcommand(models, 'alias', 'point ALIAS (e.g. champion, challenger) of model NAME at VERSION')
    .argument('<name>', 'registered model name')
    .argument('<version>', 'version number')
    .argument('<alias>', 'alias name (not all digits)')
    .action(
      ctx.action(async (out, name: string, versionText: string, alias: string) => {
        checkModelName(name);
        checkAlias(alias);
        const version = checkVersionNumber(versionText);
        const { previous } = await withRegistry((reg) => reg.store.setAlias(name, alias, version));
        out.result({ name, alias, version, previous }, (r) =>
          `Alias '${r.alias}' of ${r.name} now points at version ${r.version}${r.previous === null ? ' (new alias)' : r.previous === r.version ? ' (unchanged)' : ` (was ${r.previous})`}.`,
        );
      }),
    );

  subcommand(models, 'rollback', 'move ALIAS of model NAME back to the version it pointed at before')
    .argument('<name>', 'registered model name')
    .argument('<alias>', 'alias to roll back')
    .action(
      ctx.action(async (out, name: string, alias: string) => {
        checkModelName(name);
        const { from, to } = await withRegistry((reg) => reg.store.rollbackAlias(name, alias));
        out.result({ name, alias, from, to }, (r) => `Alias '${r.alias}' of ${r.name} rolled back from version ${r.from} to ${r.to}.`);
      }),
    );

  subcommand(models, 'tag', 'set tags KEY=VALUE on a version (NAME means the latest)')
    .argument('<ref>', 'NAME, NAME@VERSION or NAME@ALIAS')
    .argument('<tags...>', 'one or more KEY=VALUE')
    .action(
      ctx.action(async (out, ref: string, pairs: string[]) => {
        const tags = parseTags(pairs);
        const result = await withRegistry(async (reg) => {
          const v = await findVersion(reg, ref);
          for (const [k, value] of tags) await reg.store.setTag(v.name, v.version, k, value);
          return { name: v.name, version: v.version, tags: (await reg.store.getVersion(v.name, v.version))?.tags ?? {} };
        });
        out.result(result, (r) => `Tagged ${r.name}@${r.version}: ${Object.entries(r.tags).map(([k, v]) => `${k}=${v}`).join(' ')}`);
      }),
    );

  subcommand(models, 'delete', 'delete one version (refused while an alias points at it)')
    .argument('<ref>', 'NAME@VERSION (an explicit version number)')
    .action(
      ctx.action(async (out, ref: string) => {
        const p = parseModelRef(ref);
        if (p.version === undefined) {
          throw new UsageError('MW_USAGE', `'${ref}' names no version: give NAME@VERSION so that a deletion is never a guess.`, { hint: `Run \`modelwright models list ${p.name}\` to see the versions.` });
        }
        const result = await withRegistry(async (reg) => {
          const gone = await reg.store.deleteVersion(p.name, p.version!);
          // The artifact goes too unless another version shares its content.
          const referenced = await reg.store.referencedArtifacts();
          const stillUsed = referenced.has(gone.artifactSha256);
          if (!stillUsed) await reg.artifacts.remove(gone.artifactSha256);
          // Artifacts attached by `artifact.*` tags (the monitor's reference profile) go with it too.
          for (const [key, sha] of Object.entries(gone.tags)) if (key.startsWith('artifact.') && !referenced.has(sha)) await reg.artifacts.remove(sha);
          return { name: gone.name, version: gone.version, artifactRemoved: !stillUsed };
        });
        out.result(result, (r) => `Deleted ${r.name}@${r.version}${r.artifactRemoved ? ' and its artifact' : ' (its artifact is shared with another version and stays)'}.`);
      }),
    );

  subcommand(models, 'gc', 'remove artifacts no version refers to (left by interrupted registrations)')
    .option('--min-age <seconds>', 'only remove what is at least this old (a registration in progress is younger)', '3600')
    .action(
      ctx.action(async (out, flags: { minAge: string }) => {
        const minAge = Number(flags.minAge);
        if (!Number.isFinite(minAge) || minAge < 0) throw new UsageError('MW_USAGE', `--min-age must be a number of seconds ≥ 0. Got '${flags.minAge}' instead.`);
        const { removed } = await withRegistry(async (reg) => reg.artifacts.gc(await reg.store.referencedArtifacts(), minAge * 1000));
        out.result({ removed }, (r) => (r.removed.length ? `Removed ${r.removed.length} unreferenced artifact director${r.removed.length === 1 ? 'y' : 'ies'}.` : 'Nothing to remove.'));
      }),
    );
}
