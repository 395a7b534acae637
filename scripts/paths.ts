/**
 * `npm run paths -- <file or folder> [--lang zh|en] [--json] [--rulebooks DIR]`
 *
 * For one case: walks every path through it (each node at most twice per path) and prints, for each
 * ending, how many paths reach it, the satisfaction and compliance ranges and how many pass; then
 * what to look at: unreached endings, no passing path, replies that never lead to a pass, the best
 * path; then whether the case gives its answers away (see `src/engine/leaks.ts`) and how blind
 * strategies fare (`src/engine/blind.ts`).
 * For a folder: one line per case with those last figures, and the totals.
 * Exits 1 when a case has errors or no path passes.
 */
import { runCommand } from './lib/cli.ts';
import { pathsCommand } from './lib/paths.ts';

runCommand(pathsCommand);
