/**
 * CLI entry: parse argv, run the command, map failures to exit codes.
 * Exit 0 success, 1 failure (one-line reason on stderr), 2 usage error.
 */
import { CommanderError } from 'commander';
import { describeError, isAppError } from '../errors.ts';
import { buildProgram } from './program.ts';

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // A command may report a non-fatal "not OK" outcome by setting process.exitCode (e.g. feeds check).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    const code = isAppError(error) ? error.code : 'internal_error';
    process.stderr.write(`tickerwire: ${describeError(error)}\n`);
    if (!isAppError(error) && process.env.TICKERWIRE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return code === 'usage' ? 2 : 1;
  }
}
