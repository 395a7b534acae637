/** Test helpers: read fixture and shipped cases the way the build does, and run the command-line tools. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRulebooks } from '../../src/build/scenarios.ts';
import type { Case } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';
import type { Command } from '../../scripts/lib/cli.ts';

export function loadCase(dir: string, file: string): Case {
  const { rulebooks } = loadRulebooks(join(dir, 'rulebooks'));
  const result = checkCase(readFileSync(join(dir, file), 'utf8'), { file, rulebooks });
  if (!result.value) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message.en}`).join('\n'));
  return result.value;
}

export const fixtureCase = () => loadCase('tests/fixtures/cases', 'valid.md');

/** Runs one of the `scripts/` commands in this process: what it prints, as a process would, and its exit code. */
export function runInProcess(command: Command, argv: string[]): { status: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const status = command(argv, { out: (line) => out.push(`${line}\n`), err: (line) => err.push(`${line}\n`) });
  return { status, stdout: out.join(''), stderr: err.join('') };
}
