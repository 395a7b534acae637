/**
 * The arguments `validate` and `paths` share: files, `--json`, `--lang zh|en` and
 * `--rulebooks DIR`, and the usage line printed when they are wrong.
 */
import { existsSync, statSync } from 'node:fs';

export interface CliArgs {
  /** At least one. */
  paths: [string, ...string[]];
  json: boolean;
  lang: 'zh' | 'en';
  rulebooks?: string;
}

/** Reads `argv`; prints `usage` (in the chosen language) and exits 2 when something is wrong. */
export function readArgs(argv: string[], usage: { zh: string; en: string }): CliArgs {
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
  const fail = (zhText: string, enText: string): never => {
    console.error(`${zh ? zhText : enText}\n${zh ? usage.zh : usage.en}`);
    process.exit(2);
  };
  if (lang !== 'zh' && lang !== 'en') return fail('--lang 只能是 zh 或 en。', '--lang must be zh or en.');
  const [first, ...more] = paths;
  if (first === undefined) return fail('请给出要检查的文件或文件夹。', 'Name the files or folders to check.');
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) fail(`找不到：${missing.join(', ')}`, `Not found: ${missing.join(', ')}`);
  if (argv.includes('--rulebooks') && (!rulebooks || !existsSync(rulebooks) || !statSync(rulebooks).isDirectory()))
    fail(`--rulebooks 要给一个存在的文件夹：${rulebooks ?? ''}`, `--rulebooks needs a folder that exists: ${rulebooks ?? ''}`);
  return { paths: [first, ...more], json: argv.includes('--json'), lang, ...(rulebooks ? { rulebooks } : {}) };
}
