/**
 * The dev server with a broken case among good ones (`npm start` while an author works): the app
 * stays up, the library lists the good cases and a card for the broken file with its diagnostics,
 * and once the file is fixed and saved the case can be played without restarting anything.
 *
 * The server runs on its own copy of a cases folder (DISPUTE_DESK_CASES), so nothing in
 * `scenarios/` is touched, and it is closed and the folder removed even when the test fails.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { expectNoAxeViolations } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The dev server takes whatever port is free, so two suites can run side by side.
let port = 0;
const VALID = readFileSync(join(ROOT, 'tests/fixtures/cases/valid.md'), 'utf8');
const GOOD_B = VALID.replace('id: valid-case', 'id: second-case').replace('{zh: 测试案例, en: Test case}', '{zh: 第二个案例, en: Second case}');
const FIXED = VALID.replace('id: valid-case', 'id: third-case').replace('{zh: 测试案例, en: Test case}', '{zh: 第三个案例, en: Third case}');
// One typo in a target: the file cannot be played until it is fixed.
const BROKEN = FIXED.replace('   - next: photo\n', '   - next: phto\n');

let server: ViteDevServer | undefined;
let dir = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'dispute-desk-dev-'));
  mkdirSync(join(dir, 'rulebooks'));
  copyFileSync(join(ROOT, 'tests/fixtures/cases/rulebooks/test.md'), join(dir, 'rulebooks', 'test.md'));
  writeFileSync(join(dir, 'valid.md'), VALID);
  writeFileSync(join(dir, 'second.md'), GOOD_B);
  writeFileSync(join(dir, 'draft.md'), BROKEN);
  process.env.DISPUTE_DESK_CASES = dir;
  server = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', server: { port: 0, strictPort: false } });
  await server.listen();
  const address = server.httpServer?.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

test.afterAll(async () => {
  await server?.close();
  delete process.env.DISPUTE_DESK_CASES;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a broken case is shown with its problems, and plays once it is fixed, without a restart', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`http://127.0.0.1:${port}/#/`);
  await expect(page.getByRole('link', { name: 'Test case' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'Second case' })).toBeVisible();

  const card = page.locator('[data-status="problems"]');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('draft.md');
  await card.getByText(/show the 1 error/i).click();
  await expect(card).toContainText('draft.md:35:12');
  await expect(card).toContainText('There is no node or ending called `phto`.');
  await expect(card).toContainText('Did you mean `photo`?');
  await expectNoAxeViolations(page);

  // The author fixes the typo and saves: the page reloads with the case in the card's place.
  writeFileSync(join(dir, 'draft.md'), FIXED);
  await expect(page.getByRole('link', { name: 'Third case' })).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveCount(0);

  await page.getByRole('link', { name: 'Third case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /choose your reply/i })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /Could you send a photo/ }).click();
  await expect(page.getByRole('button', { name: /^continue$/i })).toBeVisible();
});
