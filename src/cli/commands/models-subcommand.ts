/**
 * @module cli/commands/models-subcommand
 * A `models` subcommand with the flags every command shares (--json, --verbose, --quiet), as
 * `ctx.command()` gives top-level commands.
 */
import type { Command } from 'commander';

export function subcommand(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--verbose', 'show stack traces and details on errors')
    .option('--quiet', 'print only results (no progress, notes or warnings)');
}
