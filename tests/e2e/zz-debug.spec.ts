import { test } from '@playwright/test';
test('debug', async ({ page }) => {
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack?.split('\n').slice(0, 5).join('\n')));
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
  await page.goto('./#/case/aliexpress-price-drop');
  await page.waitForTimeout(2000);
  console.log((await page.locator('main').innerText()).slice(0, 300));
});
