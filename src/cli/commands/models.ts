/**
 * @module cli/commands/models
 * `modelwright models <subcommand>`: the model registry from the command line (MLflow's
 * registry verbs). Subcommands live in models-*.ts:
 *
 *   list [NAME]                 models, or the versions of NAME          (models-list.ts)
 *   show REF                    one version: artifact, lineage, metrics  (models-list.ts)
 *   alias NAME VERSION ALIAS    point an alias at a version              (models-change.ts)
 *   rollback NAME ALIAS         move an alias back to its previous holder
 *   tag REF KEY=VALUE…          tag a version
 *   delete NAME@VERSION         delete a version (refused while aliased)
 *   gc                          remove artifacts no version refers to
 *   diff REF REF                params, metrics and data of two versions (models-diff.ts)
 */
import type { CliContext } from '../context.js';
import { addAliasCommands } from './models-change.js';
import { addDiffCommand } from './models-diff.js';
import { addListCommands } from './models-list.js';

export function registerModels(ctx: CliContext): void {
  // The shared flags live on each subcommand (a copy on the parent would swallow them).
  const models = ctx.program
    .command('models')
    .description('the model registry: list, show, alias, roll back, tag, delete and compare registered versions')
    .addHelpText(
      'after',
      '\nEvery subcommand takes --json, --verbose and --quiet.\nRegistry: $MODELWRIGHT_HOME/registry.db (default ./.modelwright), or PostgreSQL with MODELWRIGHT_DB=postgres://…\nReferences: NAME (latest), NAME@VERSION, NAME@ALIAS.',
    );
  addListCommands(ctx, models);
  addAliasCommands(ctx, models);
  addDiffCommand(ctx, models);
}
