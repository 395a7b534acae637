/**
 * `npm run validate -- <files or folders> [--json] [--lang zh|en] [--rulebooks DIR]`
 *
 * Checks case files and rulebooks, wherever they are, and prints one line per problem:
 * `file:line:col: severity CODE message`, with a hint below it. Prints nothing when all is well;
 * exits 1 when any error was found, 2 when the arguments are wrong. With `--json`, stdout holds
 * only the JSON when run as `npm run -s validate` (`-s` keeps npm's own lines out).
 */
import { runCommand } from './lib/cli.ts';
import { validateCommand } from './lib/validate.ts';

runCommand(validateCommand);
