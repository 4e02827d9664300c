/**
 * @module cli/main
 * The `modelwright` command line. A thin face over the library: each command lives in
 * `commands/<verb>.ts`, parses its flags, calls library functions and prints through `Output`.
 *
 * Exit status: 0 ok, 1 runtime error, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { CliContext } from './context.js';
import type { OutputStreams } from './output.js';

const USAGE_CODES: Record<string, string> = {
  'commander.unknownCommand': 'MW_USAGE_UNKNOWN_COMMAND',
  'commander.unknownOption': 'MW_USAGE_UNKNOWN_OPTION',
};

/** Build the program (exported for tests and for docs generation). */
export function buildProgram(streams: OutputStreams): { program: Command; ctx: CliContext } {
  const program = new Command('modelwright');
  program
    .description('An automated machine-learning engineer: profile data, train, evaluate and ship models.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => streams.stdout.write(s),
      // Commander's own error text is replaced by ours in main(); help goes to stdout.
      writeErr: () => undefined,
      outputError: () => undefined,
    });
  const ctx = new CliContext(program, streams);
  for (const register of COMMANDS) register(ctx);
  return { program, ctx };
}

/** Run the CLI on `argv` (without node and script); resolves to the exit status. */
export async function main(argv: readonly string[], streams: OutputStreams = process): Promise<number> {
  const { program, ctx } = buildProgram(streams);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const code = USAGE_CODES[err.code] ?? 'MW_USAGE';
      const message = err.message.replace(/^error:\s*/, '');
      const verb = argv.find((a) => !a.startsWith('-'));
      const help = verb && program.commands.some((c) => c.name() === verb) ? `modelwright ${verb} --help` : 'modelwright --help';
      streams.stderr.write(`error [${code}]: ${message}\n  fix: run \`${help}\` to see the accepted arguments.\n`);
      if (argv.includes('--json')) streams.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
      return 2;
    }
    streams.stderr.write(`error [MW_INTERNAL]: ${err instanceof Error ? err.message : String(err)}\n`);
    if (argv.includes('--verbose') && err instanceof Error) streams.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
