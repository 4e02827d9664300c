/**
 * @module cli/commands
 * The one list of commands. Each entry registers one verb on the program.
 */
import type { CliContext } from '../context.js';
import { registerProfile } from './profile.js';

export type RegisterCommand = (ctx: CliContext) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerProfile];
