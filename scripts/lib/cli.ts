/**
 * What `validate` and `paths` share: their arguments (files, `--json`, `--lang zh|en`,
 * `--rulebooks DIR`) with the usage line printed when they are wrong, and running as a command.
 * Each command is a function of its arguments that prints through `Io` and returns its exit code,
 * so the tests can call it without starting a process.
 */
import { existsSync, statSync } from 'node:fs';

export interface CliArgs {
  /** At least one: the arguments are refused without. */
  paths: [string, ...string[]];
  json: boolean;
  lang: 'zh' | 'en';
  rulebooks?: string;
}

/** Where a command prints: a line at a time, to stdout and stderr. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type Command = (argv: string[], io: Io) => number;

/** Runs `command` on this process's arguments and console, and exits with its code. */
export function runCommand(command: Command): void {
  process.exitCode = command(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
}

/** Reads `argv`; prints the problem and `usage` (in the chosen language) and returns nothing when something is wrong. */
export function readArgs(argv: string[], usage: { zh: string; en: string }, io: Io): CliArgs | undefined {
  const valueOf = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const langArg = valueOf('--lang');
  const lang = langArg ?? (process.env.LANG?.startsWith('zh') ? 'zh' : 'en');
  const rulebooks = valueOf('--rulebooks');
  const taken = new Set(['--lang', '--rulebooks'].map((f) => argv.indexOf(f) + 1).filter((i) => i > 0));
  const paths = argv.filter((a, i) => !a.startsWith('--') && !taken.has(i));
  const zh = lang === 'zh';
  const problem = (zhText: string, enText: string) => {
    io.err(`${zh ? zhText : enText}\n${zh ? usage.zh : usage.en}`);
    return undefined;
  };
  if (lang !== 'zh' && lang !== 'en') return problem('--lang 只能是 zh 或 en。', '--lang must be zh or en.');
  const [first, ...more] = paths;
  if (first === undefined) return problem('请给出要检查的文件或文件夹。', 'Name the files or folders to check.');
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) return problem(`找不到：${missing.join(', ')}`, `Not found: ${missing.join(', ')}`);
  if (argv.includes('--rulebooks') && (!rulebooks || !existsSync(rulebooks) || !statSync(rulebooks).isDirectory()))
    return problem(`--rulebooks 要给一个存在的文件夹：${rulebooks ?? ''}`, `--rulebooks needs a folder that exists: ${rulebooks ?? ''}`);
  return { paths: [first, ...more], json: argv.includes('--json'), lang, ...(rulebooks ? { rulebooks } : {}) };
}
