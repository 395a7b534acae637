/** Test helpers: read fixture and shipped cases the way the build does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRulebooks } from '../../src/build/scenarios.ts';
import type { Case } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';

export function loadCase(dir: string, file: string): Case {
  const { rulebooks } = loadRulebooks(join(dir, 'rulebooks'));
  const result = checkCase(readFileSync(join(dir, file), 'utf8'), { file, rulebooks });
  if (!result.value) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message.en}`).join('\n'));
  return result.value;
}

export const fixtureCase = () => loadCase('tests/fixtures/cases', 'valid.md');
