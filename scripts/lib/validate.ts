/**
 * The checker command behind `npm run validate` (see `scripts/validate.ts`): checks case files and
 * rulebooks and prints one line per problem, or the JSON; returns the exit code.
 */
import { formatDiagnostic, sortDiagnostics } from '../../src/case/diagnostics.ts';
import { checkPaths, diagnosticsOf } from '../../src/build/scenarios.ts';
import { readArgs, type Command } from './cli.ts';

const USAGE = {
  zh: '用法：npm run validate -- <文件或文件夹> [--json] [--lang zh|en] [--rulebooks 文件夹]',
  en: 'Usage: npm run validate -- <files or folders> [--json] [--lang zh|en] [--rulebooks DIR]',
};

export const validateCommand: Command = (argv, io) => {
  const args = readArgs(argv, USAGE, io);
  if (!args) return 2;
  const { paths, json, lang, rulebooks } = args;
  const checked = checkPaths(paths, process.cwd(), rulebooks);
  const diagnostics = sortDiagnostics(diagnosticsOf(checked));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (json) {
    io.out(JSON.stringify({ files: checked.map((c) => c.file), diagnostics }, null, 2));
  } else if (diagnostics.length) {
    for (const d of diagnostics) io.out(formatDiagnostic(d, lang));
    const warnings = diagnostics.length - errors;
    io.out(
      lang === 'zh'
        ? `\n检查了 ${checked.length} 个文件：${errors} 个错误，${warnings} 个警告。`
        : `\n${checked.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).`,
    );
  }
  return errors ? 1 : 0;
};
