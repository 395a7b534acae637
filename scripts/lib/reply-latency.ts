/**
 * Click → DOM updated, in headless Chromium, for a long generated case opened through the
 * player's own open-a-file path: onward replies are clicked, each followed by its Continue.
 *
 * The time runs from just before `click()` to the mutation callback in which the clicked button has
 * left the page, so it covers the engine step, saving the attempt and Svelte's whole DOM update.
 * "With layout" adds forcing style and layout of the updated page, which the browser would
 * otherwise do before the next paint.
 */
import type { Browser, Page } from '@playwright/test';
import type { Site } from './site.ts';

export interface ReplyLatency {
  /** Milliseconds, one per click, in the order clicked. */
  reply: number[];
  replyLaidOut: number[];
  next: number[];
}

/** `replies` clicks in attempts of `perAttempt` turns, each attempt on a freshly opened case. */
export async function replyLatency(
  browser: Browser,
  site: Site,
  file: { name: string; source: string },
  replies: number,
  perAttempt = replies,
): Promise<ReplyLatency> {
  const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  const out: ReplyLatency = { reply: [], replyLaidOut: [], next: [] };
  try {
    const page = await context.newPage();
    for (let done = 0; done < replies; done += perAttempt) {
      await openFresh(page, site, file);
      // Sent as source text: the code runs in the page, untouched by this script's TypeScript loader.
      const r = (await page.evaluate(`(${IN_PAGE})(${Math.min(perAttempt, replies - done)})`)) as ReplyLatency;
      out.reply.push(...r.reply);
      out.replyLaidOut.push(...r.replyLaidOut);
      out.next.push(...r.next);
    }
    return out;
  } finally {
    await context.close();
  }
}

/** The library page with no saved attempt, then the case file opened through its file picker. */
async function openFresh(page: Page, site: Site, file: { name: string; source: string }): Promise<void> {
  await page.goto('about:blank');
  await page.goto(site.url);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: 'text/markdown', buffer: Buffer.from(file.source) });
  await page.getByRole('button', { name: /Reply onward from 0\./ }).waitFor({ timeout: 30_000 });
}

/** Runs in the page: clicks `count` onward replies and their Continue, timing each. */
const IN_PAGE = `async (count) => {
  const buttons = () => [...document.querySelectorAll('button')];
  const onward = (i) => buttons().find((b) => b.textContent.includes('Reply onward from ' + i + '.'));
  // Continue by its label, else the button the feedback put focus on.
  const continueButton = () =>
    buttons().find((b) => /^\\s*continue\\s*$/i.test(b.textContent)) ??
    (document.activeElement instanceof HTMLButtonElement ? document.activeElement : undefined);
  // Resolves, with the time, in the first mutation callback (or at once) in which ready() holds.
  // Svelte applies an update in one go, so the callback that sees the clicked button gone comes
  // after the whole update, including its effects (focus moves, scrolling).
  const when = (ready) =>
    new Promise((resolve) => {
      if (ready()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  // Untimed: waits until the page offers what the next click needs.
  const settle = async (find) => {
    for (let tries = 0; tries < 200; tries++) {
      const found = find();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('The page did not show what the benchmark clicks next');
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = { reply: [], replyLaidOut: [], next: [] };
  for (let i = 0; i < count; i++) {
    const button = await settle(() => onward(i));
    const t0 = performance.now();
    button.click();
    const t1 = await when(() => !button.isConnected);
    document.body.getBoundingClientRect();
    const t2 = performance.now();
    out.reply.push(t1 - t0);
    out.replyLaidOut.push(t2 - t0);
    if (i === count - 1) break;
    // Let the browser paint between clicks, as it would between a person's.
    await frame();
    const next = await settle(continueButton);
    const t3 = performance.now();
    next.click();
    out.next.push((await when(() => !next.isConnected)) - t3);
    await frame();
  }
  return out;
}`;
