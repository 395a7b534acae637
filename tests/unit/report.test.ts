/** The path report and its command line: ranges per ending, unreached endings, replies that never pass. */
import { describe, expect, it } from 'vitest';
import { pathReport } from '../../src/engine/report.ts';
import { pathsCommand } from '../../scripts/lib/paths.ts';
import { fixtureCase, runInProcess } from './helpers.ts';
import { get } from '../fixtures/present.ts';

describe('pathReport', () => {
  const c = fixtureCase();
  const report = pathReport(c);

  it('summarises every ending reached with its ranges and passes', () => {
    expect(report.truncated).toBe(false);
    const refunded = report.endings.find((e) => e.ending === 'refunded')!;
    expect(refunded.paths).toBeGreaterThan(1);
    expect(refunded.satisfaction[1]).toBe(80);
    expect(refunded.compliance).toEqual([80, 100]); // one path breaks a major rule on the way
    expect(refunded.passed).toBeGreaterThan(0);
    const paypal = report.endings.find((e) => e.ending === 'paypal')!;
    expect(paypal).toMatchObject({ paths: 1, passed: 0, compliance: [50, 50] });
  });

  it('names replies that never lead to a pass, and the best path', () => {
    expect(report.neverPass).toContain('opening.2');
    expect(report.neverPass).not.toContain('opening.1');
    expect(report.best?.path.map((s) => s.reply)).toEqual(['opening.1', 'photo.1']);
  });

  it('lists endings that no path reaches', () => {
    const unreachable = { ...c, endings: { ...c.endings, orphan: { ...get(c.endings, 'paypal'), id: 'orphan' } } };
    expect(report.unreached).toEqual(['escalated']); // the buyer never gets angry enough from 40
    expect(pathReport(unreachable).unreached).toEqual(['escalated', 'orphan']);
  });
});

describe('npm run paths', () => {
  it('prints the table and the best path, and exits 0 for a passable case', () => {
    const { status, stdout: out } = runInProcess(pathsCommand, ['tests/fixtures/cases/valid.md', '--lang', 'en']);
    expect(status).toBe(0);
    expect(out).toMatch(/^refunded\s+resolved\s+3\s+40–80\s+80–100\s+1\/3$/m);
    expect(out).toContain("no path reaches the ending escalated");
    expect(out).toContain('Best path: satisfaction 80, compliance 100, passes, ending refunded');
    expect(out).toContain('opening.1 → photo.1');
  });

  it('exits 1 and prints diagnostics for a broken case', () => {
    const { status, stdout: out } = runInProcess(pathsCommand, ['tests/fixtures/diagnostics/NO_PASSING_PATH.md']);
    expect(status).toBe(1);
    expect(out).toContain('NO_PASSING_PATH');
  });
});
