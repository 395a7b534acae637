/** Shared steps for the browser tests: open a case, choose replies by their text, run axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SEED = 'aliexpress-price-drop';

/** The real seller's replies in the price-drop case, by their opening words. */
export const REAL_PATH = [
  'We feel so sorry for your inconvenience',
  'Just as you said, there has been a price change',
  'We are afraid that you cannot cancel the former order',
  'Thank you very much. We will compensate for your loss',
  'No problem.Thanks a lot for your consideration',
] as const;

export async function openCase(page: Page, id = SEED): Promise<void> {
  await page.goto(`./#/case/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: /choose your reply/i })).toBeVisible();
}

/** Choose the reply that starts with `text`, then continue past its feedback. */
export async function choose(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: text }).click();
  const next = page.getByRole('button', { name: /^continue$/i });
  await expect(next).toBeFocused();
  await next.click();
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
