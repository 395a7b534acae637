/**
 * `npm run validate -- <files or folders> [--json] [--lang zh|en]`
 *
 * Checks case files and rulebooks and prints one line per problem:
 * `file:line:col: severity CODE message`, with a hint below it. Prints nothing when all is well;
 * exits 1 when any error was found, 2 when the arguments are wrong.
 */
import { existsSync } from 'node:fs';
import { formatDiagnostic, sortDiagnostics } from '../src/case/diagnostics.ts';
import { checkPaths, diagnosticsOf } from '../src/build/scenarios.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const langAt = args.indexOf('--lang');
const lang = langAt >= 0 ? args[langAt + 1] : process.env.LANG?.startsWith('zh') ? 'zh' : 'en';
const paths = args.filter((a, i) => !a.startsWith('--') && !(langAt >= 0 && i === langAt + 1));

if (lang !== 'zh' && lang !== 'en') {
  console.error('--lang must be zh or en');
  process.exit(2);
}
if (!paths.length) {
  console.error('Usage: npm run validate -- <files or folders> [--json] [--lang zh|en]');
  process.exit(2);
}
const missing = paths.filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`Not found: ${missing.join(', ')}`);
  process.exit(2);
}

const checked = checkPaths(paths);
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
