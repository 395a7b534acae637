/**
 * Blind play through the real page: every shipped case played without reading — always the first
 * reply shown, always the longest, always the last — with two of the fixed attempt seeds. Each
 * attempt must end exactly as the engine says it does, and a strategy that passes a case with both
 * seeds counts as passing it: "first shown" may pass at most 1 of the cases, "longest" at most 2,
 * "last" at most 1. (The engine's figures over all eight seeds are held to the same limits in
 * tests/unit/golden.test.ts.)
 *
 * Each attempt starts from a save holding its seed (as a reload would), with typing pauses off
 * (reduced motion) and feedback at the end, so a turn is one click. The page's figures must match
 * the engine's (src/engine/blind.ts), which `npm run paths -- scenarios` prints.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkPaths } from '../../src/build/scenarios.ts';
import type { Case } from '../../src/case/types.ts';
import { BLIND_SEEDS, playBlind as playInEngine, type Strategy } from '../../src/engine/blind.ts';
import { saveKey } from '../../src/ui/saves.ts';
import { storedSettings } from '../../src/ui/settings.ts';

const CASES = checkPaths(['scenarios'])
  .filter((x) => x.kind === 'case')
  .map((x) => x.result.value as Case)
  .filter(Boolean)
  .sort((a, b) => a.id.localeCompare(b.id));
const LIMITS: Record<Strategy, number> = { first: 1, longest: 2, last: 1 };
const SEEDS = BLIND_SEEDS.slice(0, 2);
/** Four cases per test keeps each well inside its timeout on a busy machine. */
const GROUPS = Array.from({ length: Math.ceil(CASES.length / 4) }, (_, i) => CASES.slice(i * 4, i * 4 + 4));

test.use({ reducedMotion: 'reduce' });

/**
 * Plays one attempt with `seed` and returns whether it passed. The save is put in place and the case
 * opened by moving within the site (no reload), and each turn is one click on the reply's button
 * from inside the page, which keeps the attempts quick.
 */
async function playBlind(page: Page, c: Case, strategy: Strategy, seed: number): Promise<boolean> {
  const save = JSON.stringify({ format: 1, caseId: c.id, caseVersion: c.version, replies: [], state: 'awaitingReply', settings: { feedback: 'deferred', typingMs: 0, hints: false }, seed });
  await page.evaluate(
    ([key, value]) => {
      localStorage.setItem(key, value);
      // Away and back, so the case page is made afresh and reads the save.
      location.hash = '#/blind';
    },
    [saveKey(c.id), save] as const,
  );
  await page.waitForFunction(() => !document.querySelector('.case-page'));
  await page.evaluate((id) => (location.hash = `#/case/${id}`), c.id);
  let said = -1;
  for (let turn = 0; turn < 100; turn++) {
    // The debrief, or the replies to the next message (the chat has grown by the last reply).
    await page.waitForFunction(
      (said) => document.querySelector('[data-testid="verdict"]') || (document.querySelectorAll('.thread > li').length > said && document.querySelector('.replies button.reply')),
      said,
    );
    const step = await page.evaluate((strategy) => {
      const v = document.querySelector('[data-testid="verdict"]');
      if (v) return { verdict: v.textContent ?? '', said: 0 };
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.replies button.reply')];
      const texts = buttons.map((b) => (b.querySelector('.text') as HTMLElement).innerText);
      const i = strategy === 'first' ? 0 : strategy === 'last' ? texts.length - 1 : texts.reduce((best, t, k) => (t.length > (texts[best]?.length ?? 0) ? k : best), 0);
      const said = document.querySelectorAll('.thread > li').length;
      const button = buttons[i];
      if (!button) throw new Error(`no reply ${i} to choose`);
      button.click();
      return { verdict: undefined, said };
    }, strategy);
    if (step.verdict !== undefined) return /^\W*Passed/.test(step.verdict);
    said = step.said;
  }
  throw new Error(`${c.id}: no ending after 100 turns`);
}

for (const strategy of ['first', 'longest', 'last'] as const) {
  test.describe(`always the ${strategy} reply shown`, () => {
    // One worker, in order: the last test adds up what the others found.
    test.describe.configure({ mode: 'serial' });
    const passedCases: string[] = [];

    for (const group of GROUPS)
      test(group.map((c) => c.id).join(', '), async ({ page }) => {
        test.setTimeout(90_000);
        // Feedback at the end, no typing: in place before the site reads its settings.
        await page.addInitScript((settings) => localStorage.setItem('dispute-desk:settings', settings), storedSettings({ feedback: 'deferred', typing: false }));
        await page.goto('./');
        for (const c of group) {
          let passed = 0;
          for (const seed of SEEDS) {
            const onPage = await playBlind(page, c, strategy, seed);
            // The page plays exactly as the engine does.
            expect(onPage, `${c.id}, seed ${seed}: passed with ${strategy} on the page vs in the engine`).toBe(!!playInEngine(c, strategy, seed)?.passed);
            if (onPage) passed++;
          }
          if (passed === SEEDS.length) passedCases.push(c.id);
        }
      });

    test(`passes at most ${LIMITS[strategy]} of the cases`, () => {
      expect(passedCases.length, `cases passed by always choosing the ${strategy} reply shown: ${passedCases.join(', ')}`).toBeLessThanOrEqual(LIMITS[strategy]);
    });
  });
}
