/** Every shipped case and rulebook checks clean: no errors and no warnings. */
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/build/scenarios.ts';

describe('scenarios/', () => {
  const checked = checkPaths(['scenarios']);
  it('holds at least one case and one rulebook', () => {
    expect(checked.filter((c) => c.kind === 'case').length).toBeGreaterThan(0);
    expect(checked.filter((c) => c.kind === 'rulebook').length).toBeGreaterThan(0);
  });
  for (const c of checked)
    it(`${c.file} has no diagnostics`, () => {
      expect(c.result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message.en}`)).toEqual([]);
      expect(c.result.value).toBeDefined();
    });
});
