/** A case file from anyone: scripts and event handlers in it never run. */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './helpers.ts';

test.use({ locale: 'en-US' });

const hostile = readFileSync('tests/fixtures/hostile/hostile.md', 'utf8');

test('a case file carrying <script> and onerror runs nothing', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('./');
  await page.getByLabel(/open a case file/i).setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(hostile) });
  await expect(page.getByRole('heading', { level: 2, name: /choose your reply/i })).toBeVisible();
  await expect(page.getByText('Where is my parcel?')).toBeVisible();

  await page.getByRole('button', { name: /We are checking/ }).click();
  await page.getByRole('button', { name: /^continue$/i }).click();
  await expect(page.getByRole('article').getByTestId('verdict')).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Everything the page renders lives in <body>; <head> holds only the site's own preload script.
  const dangerous = await page.evaluate(() =>
    [...document.body.querySelectorAll('*')].filter(
      (el) => el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src || [...el.attributes].some((a) => a.name.startsWith('on') || /javascript:/i.test(a.value)),
    ).length,
  );
  expect(dangerous).toBe(0);
  await expectNoAxeViolations(page);
});

test('a case file with errors shows its diagnostics instead of a game', async ({ page }) => {
  await page.goto('./');
  const broken = hostile.replace('next: done', 'next: nowhere');
  await page.getByLabel(/open a case file/i).setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
  await expect(page.getByText(/TARGET_NOT_FOUND/)).toBeVisible();
  await expect(page.getByText(/nowhere/).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /choose your reply/i })).toHaveCount(0);
});

test('a file with the id of a shipped case never touches that case’s saved progress', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./#/case/aliexpress-price-drop');
  await page.getByRole('button', { name: 'We feel so sorry for your inconvenience' }).click();
  const key = 'dispute-desk:conversation:aliexpress-price-drop';
  const before = await page.evaluate((k) => localStorage.getItem(k), key);
  expect(before).toContain('dispute-opened.1');

  await page.goto('./');
  const seed = readFileSync('scenarios/aliexpress-price-drop.md', 'utf8');
  await page.getByLabel(/open a case file/i).setInputFiles({ name: 'copy.md', mimeType: 'text/markdown', buffer: Buffer.from(seed) });
  await page.getByRole('button', { name: 'Prices on AliExpress go up and down' }).click();
  expect(decodeURIComponent(page.url())).toContain('#/case/file:aliexpress-price-drop');
  expect(await page.evaluate(() => localStorage.getItem('dispute-desk:conversation:file:aliexpress-price-drop'))).toContain('dispute-opened.3');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(before);
});
