/**
 * Every shipped case and rulebook checks clean: no errors and no warnings. And the library as a whole
 * cannot be passed without reading: blind strategies fail, and no surface feature marks the best reply.
 */
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/build/scenarios.ts';
import type { Case } from '../../src/case/types.ts';
import { blindFigures, passesCase, type Strategy } from '../../src/engine/blind.ts';
import { leakFigures } from '../../src/engine/leaks.ts';

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

describe('the shipped library measures judgement, not reading habits', () => {
  const cases = checkPaths(['scenarios'])
    .filter((x) => x.kind === 'case')
    .map((x) => x.result.value as Case);
  const passedBy = (strategy: Strategy) => cases.filter((c) => passesCase(blindFigures(c).find((f) => f.strategy === strategy)!)).map((c) => c.id);

  it('always pressing 1 passes at most 1 case, always the longest at most 2, always the last at most 1 (8 seeds each)', () => {
    expect(passedBy('first').length).toBeLessThanOrEqual(1);
    expect(passedBy('longest').length).toBeLessThanOrEqual(2);
    expect(passedBy('last').length).toBeLessThanOrEqual(1);
  });

  it('the best reply is the longest at no more than 40% of the decision points, and every case has a tempting trap and a hint at every point', () => {
    const figures = cases.map(leakFigures);
    const longest = figures.reduce((n, f) => n + f.bestIsLongest, 0);
    const withBest = figures.reduce((n, f) => n + f.withBest, 0);
    expect(longest / withBest).toBeLessThanOrEqual(0.4);
    for (const [i, f] of figures.entries()) {
      expect(f.traps.length, cases[i]?.id).toBeGreaterThan(0);
      expect(f.hinted, cases[i]?.id).toBe(f.points);
    }
  });
});
