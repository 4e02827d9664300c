import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from './run-cli.js';

describe('modelwright CLI shell', () => {
  it('prints help and exits 0', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: modelwright');
  });

  it('every command has --help that exits 0', async () => {
    const { program } = buildProgram({ stdout: { write: () => true }, stderr: { write: () => true } });
    expect(program.commands.length).toBeGreaterThan(0);
    for (const cmd of program.commands) {
      const r = await runCli(cmd.name(), '--help');
      expect(r.code, cmd.name()).toBe(0);
      expect(r.stdout, cmd.name()).toContain(`Usage: modelwright ${cmd.name()}`);
      expect(r.stdout, cmd.name()).toContain('--json');
    }
  });

  it('an unknown command is a usage error (exit 2) with a suggestion', async () => {
    const r = await runCli('profil', 'x.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[MW_USAGE_UNKNOWN_COMMAND\]/);
    expect(r.stderr).toMatch(/profile/);
  });

  it('an unknown option is a usage error (exit 2), no stack trace', async () => {
    const r = await runCli('profile', 'x.csv', '--no-such-flag');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MW_USAGE_UNKNOWN_OPTION/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--json puts a machine-readable error on stdout', async () => {
    const r = await runCli('profile', 'definitely-missing.csv', '--json');
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('MW_DATA_FILE_NOT_FOUND');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--verbose adds the stack', async () => {
    const r = await runCli('profile', 'definitely-missing.csv', '--verbose');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
