/**
 * `npm run validate -- <files or folders> [--json] [--lang zh|en] [--rulebooks DIR]`
 *
 * Checks case files and rulebooks, wherever they are, and prints one line per problem:
 * `file:line:col: severity CODE message`, with a hint below it. Prints nothing when all is well;
 * exits 1 when any error was found, 2 when the arguments are wrong. With `--json`, stdout holds
 * only the JSON (npm's own lines are turned off in `.npmrc`).
 */
import { formatDiagnostic, sortDiagnostics } from '../src/case/diagnostics.ts';
import { checkPaths, diagnosticsOf } from '../src/build/scenarios.ts';
import { readArgs } from './lib/cli.ts';

const { paths, json, lang, rulebooks } = readArgs(process.argv.slice(2), {
  zh: '用法：npm run validate -- <文件或文件夹> [--json] [--lang zh|en] [--rulebooks 文件夹]',
  en: 'Usage: npm run validate -- <files or folders> [--json] [--lang zh|en] [--rulebooks DIR]',
});

const checked = checkPaths(paths, process.cwd(), rulebooks);
const diagnostics = sortDiagnostics(diagnosticsOf(checked));
const errors = diagnostics.filter((d) => d.severity === 'error').length;
if (json) {
  console.log(JSON.stringify({ files: checked.map((c) => c.file), diagnostics }, null, 2));
} else if (diagnostics.length) {
  for (const d of diagnostics) console.log(formatDiagnostic(d, lang));
  const warnings = diagnostics.length - errors;
  console.log(
    lang === 'zh'
      ? `\n检查了 ${checked.length} 个文件：${errors} 个错误，${warnings} 个警告。`
      : `\n${checked.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).`,
  );
}
process.exit(errors ? 1 : 0);
