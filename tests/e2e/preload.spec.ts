/** The page for the address being opened starts downloading with the main script, not after it. */
import { expect, test, type Page } from '@playwright/test';

/** Every module preload the page adds, and whether it was added before the page body existed. */
async function watchPreloads(page: Page): Promise<() => Promise<{ file: string; early: boolean }[]>> {
  await page.addInitScript(() => {
    const seen: { file: string; early: boolean }[] = [];
    (window as unknown as { preloads: typeof seen }).preloads = seen;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLLinkElement && n.rel === 'modulepreload') seen.push({ file: n.href.replace(/.*\//, ''), early: !document.getElementById('app') });
    }).observe(document, { subtree: true, childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { preloads: { file: string; early: boolean }[] }).preloads);
}

for (const { page: name, path, own, other } of [
  { page: 'the library', path: './', own: 'Home-', other: 'player-' },
  { page: 'a case page', path: './#/case/aliexpress-price-drop', own: 'player-', other: 'Home-' },
])
  test(`${name} preloads its own scripts before the page is built, and not the other page's`, async ({ page }) => {
    const preloads = await watchPreloads(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const found = await preloads();
    expect(found.filter((p) => p.file.startsWith(own))).toEqual([{ file: expect.any(String), early: true }]);
    expect(found.some((p) => p.file.startsWith(other))).toBe(false);
  });

test('only the interface language in use is downloaded, and a switch fetches the other first', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const preloads = await watchPreloads(page);
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url().replace(/.*\//, '')));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '案例库' })).toBeVisible();
  expect((await preloads()).filter((p) => /^(en|zh)-/.test(p.file))).toEqual([{ file: expect.stringMatching(/^zh-/), early: true }]);
  expect(scripts.some((f) => /^en-.*\.js$/.test(f))).toBe(false);

  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case library' })).toBeVisible();
  expect(scripts.some((f) => /^en-.*\.js$/.test(f))).toBe(true);
  await context.close();
});

test('a language that cannot be fetched leaves the page as it was and says so', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.route(/\/en-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '案例库' })).toBeVisible();
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByText('另一种界面语言加载失败。请检查网络连接后刷新页面。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '案例库' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await context.close();
});

test('a case page, played to its first feedback, downloads none of the form bindings that the library filters and the teacher’s forms use', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url().replace(/.*\//, ''));
  });
  await page.goto('./#/case/aliexpress-price-drop');
  await page.locator('section.replies button').first().click();
  await expect(page.getByRole('button', { name: /^continue$/i })).toBeVisible();
  expect(scripts.some((f) => f.startsWith('player-'))).toBe(true);
  expect(scripts.filter((f) => f.startsWith('form-bindings-'))).toEqual([]);

  // The library's filters use them: the library loads them, and a filter still narrows the list.
  await page.goto('./');
  const cards = page.getByRole('heading', { level: 2 });
  await expect(cards.first()).toBeVisible();
  expect(scripts.some((f) => f.startsWith('form-bindings-'))).toBe(true);
  const all = await cards.count();
  await page.locator('#filter-platform').selectOption({ index: 1 });
  await expect.poll(() => cards.count()).toBeLessThan(all);
});
