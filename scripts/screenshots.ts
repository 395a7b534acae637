/**
 * `npm run screenshots` — the README's pictures: the price-drop case mid-conversation on a phone
 * and on a desktop. Builds the site, serves it on 127.0.0.1:4174 and drives Chromium.
 */
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const PORT = 4174;
const out = 'static/screenshots';
mkdirSync(out, { recursive: true });
execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
// Its own process group, so stopping it also stops the server that `npx` starts.
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 1500));

const executablePath = process.env.CHROMIUM_PATH ?? (execSync('command -v chromium || true').toString().trim() || undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  for (const [name, viewport] of [
    ['case-phone', { width: 390, height: 844 }],
    ['case-desktop', { width: 1280, height: 860 }],
  ] as const) {
    const page = await browser.newPage({ viewport, locale: 'en-US', reducedMotion: 'reduce', deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${PORT}/#/case/aliexpress-price-drop`);
    await page.getByRole('button', { name: 'We feel so sorry for the inconvenience' }).click();
    await page.getByRole('button', { name: /^continue$/i }).click();
    await page.getByRole('button', { name: 'Just as you said' }).click();
    await page.getByRole('button', { name: /^continue$/i }).click();
    await page.getByRole('button', { name: /We are afraid that you cannot cancel/ }).waitFor();
    await page.mouse.move(0, 0); // no hover highlight in the picture
    // On a phone the order card comes first; show the conversation the student is in.
    if (viewport.width < 600)
      await page.evaluate(() => {
        const replies = document.querySelector('#replies-title')!.getBoundingClientRect();
        window.scrollTo(0, window.scrollY + replies.top - 420);
      });
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/${name}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
