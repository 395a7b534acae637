/**
 * How long an oversized or hostile input takes to be refused, for `npm run bench`: a 1.9 MB
 * assignment link, a result code inside 20,000 words of chat, a 1 MB compressed "bomb" code, an
 * oversized share link and result file (built in `tests/fixtures/hostile-inputs.ts`, as the tests
 * build them). First the functions the page calls (Node), then the built site in headless Chromium
 * the ways a person meets them: a link opened, a link set as the address of an open page, a link or
 * code pasted (a real paste from the clipboard), a file chosen. The goal for each: refused or
 * accepted in under 1 s.
 *
 * Times in the page are the page's own (wall clock, kept in sessionStorage across the navigation),
 * from the navigation, key press or file choice to the message shown, so the time Playwright
 * itself spends passing a megabytes-long address around is not counted. A link opened is also timed
 * on an empty static page of the same site, to tell Chromium's own handling of the address from the
 * page's.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeAssignment, encodeAssignment } from '../../src/assignment/assignment.ts';
import { importCode, importFile } from '../../src/assignment/import.ts';
import { RESULT_CODE_PREFIX } from '../../src/assignment/result-file.ts';
import { decodeCase } from '../../src/ui/studio/share-link.ts';
import { hostileInputs, oversized, UNTRUSTED_ASSIGNMENT as ASSIGNMENT } from '../../tests/fixtures/hostile-inputs.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { buildAndServe } from './site.ts';
import { mark } from './stats.ts';

const line = (what: string, ms: number) => console.log(`  ${what}: ${ms.toFixed(0)} ms ${mark(ms < 1000)} (goal < 1 s)`);
const MB = (text: string) => `${(text.length / 1e6).toFixed(1)} MB`;

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/**
 * In every page: when an action starts (a key pressed, a file chosen) and when its message first
 * shows, by the wall clock, kept in sessionStorage so a navigation keeps them. Sent as source text:
 * it runs in the page, untouched by this script's TypeScript loader.
 */
const PAGE_CLOCK = `{
  const keep = (name) => { if (!sessionStorage.getItem(name)) sessionStorage.setItem(name, String(Date.now())); };
  const seen = () => {
    if ([...document.querySelectorAll('[role=alert]')].some((e) => e.textContent.trim())) keep('shownAt');
    if (/refused|Attempts added/.test(document.querySelector('[data-testid=import-report]')?.textContent ?? '')) keep('shownAt');
    if (/Could not open/.test(document.querySelector('.open-file [role=status]')?.textContent ?? '')) keep('shownAt');
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true });
  addEventListener('keydown', () => sessionStorage.setItem('startAt', String(Date.now())), { capture: true });
  addEventListener('change', () => sessionStorage.setItem('startAt', String(Date.now())), { capture: true });
  addEventListener('load', () => { if (location.hash.length > 1000) keep('loadAt'); });
  addEventListener('hashchange', () => { if (location.hash.length > 1000) keep('loadAt'); });
}`;

/** An empty page with one script, to time Chromium's own handling of a long address. */
const EMPTY_PAGE = '<!doctype html><meta charset="utf-8"><title>empty</title><p>empty</p>\n';

/** Waits (polling the page) until the page clock has `name`, then gives its time since `startAt`. */
async function pageTime(context: BrowserContext, name: 'shownAt' | 'loadAt', timeoutMs = 180_000): Promise<number | undefined> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const page = context.pages()[0];
    if (!page) return undefined;
    const t = (await page.evaluate(`({ start: sessionStorage.getItem('startAt'), at: sessionStorage.getItem('${name}') })`).catch(() => undefined)) as
      | { start: string | null; at: string | null }
      | undefined;
    if (t?.start && t.at) return Number(t.at) - Number(t.start);
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

export async function benchRefusals(root: string, options: { browser: boolean }): Promise<void> {
  const inputs = hostileInputs(ASSIGNMENT);
  console.log('\nRefusing oversized and hostile inputs (the functions the page calls, Node)');
  const [link, tLink] = timed(() => decodeAssignment(inputs.link));
  line(`assignment link of ${(inputs.link.length / 1e6).toFixed(1)} MB → ${'problem' in link ? link.problem : 'accepted'}`, tLink);
  const [share, tShare] = timed(() => decodeCase(inputs.shareToken));
  line(`share link of ${(inputs.shareToken.length / 1e6).toFixed(1)} MB → ${share.ok ? 'accepted' : share.problem}`, tShare);
  const [chat, tChat] = timed(() => importCode('chat', inputs.chat, ASSIGNMENT, '2026-01-01T00:00:00Z'));
  line(`code inside 20,000 words of chat → ${'problem' in chat ? chat.problem.kind : 'accepted'}`, tChat);
  const [bomb, tBomb] = timed(() => importCode('bomb', inputs.bomb, ASSIGNMENT, '2026-01-01T00:00:00Z'));
  line(`bomb code of ${(inputs.bomb.length / 1e6).toFixed(1)} MB → ${'problem' in bomb ? bomb.problem.kind : 'accepted'}`, tBomb);
  const [file, tFile] = timed(() => importFile('big.json', inputs.file, ASSIGNMENT, '2026-01-01T00:00:00Z'));
  line(`result file of ${(inputs.file.length / 1e6).toFixed(1)} MB → ${'problem' in file ? file.problem.kind : 'accepted'}`, tFile);

  if (!options.browser) return;
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('  No Chromium found (set CHROMIUM_PATH): the page figures are skipped.');
    return;
  }
  const site = await buildAndServe(root);
  writeFileSync(join(site.outDir, 'empty.html'), EMPTY_PAGE);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  /** A new tab for each figure: a tab that once held a megabytes-long address stays slow. */
  const fresh = async (start: string) => {
    const context = await browser.newContext({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(PAGE_CLOCK);
    const page = await context.newPage();
    await page.goto(start);
    return { context, page };
  };
  const report = (what: string, ms: number | undefined) => (ms === undefined ? console.log(`  ${what}: not done in 180 s ✗`) : line(what, ms));
  try {
    console.log('\nIn the page (built site, headless Chromium; from the navigation, key press or file choice to the message shown)');
    // A link opened in a new tab, as a student opens it: the page starts the navigation itself.
    for (const [what, hash, path] of [
      ['link 0.26 MB opened (navigation) → refusal shown', `#/a/${inputs.link.slice(0, 260_000)}`, './'],
      ['link 1.9 MB opened (navigation) → refusal shown', `#/a/${inputs.link}`, './'],
      ['share link 1.9 MB opened (navigation) → refusal shown', `#/play?case=${inputs.shareToken}`, './'],
      ['  the same 1.9 MB address on an empty static page → its load event', `#/a/${inputs.link}`, './empty.html'],
      ['  the same 0.26 MB address on an empty static page → its load event', `#/a/${inputs.link.slice(0, 260_000)}`, './empty.html'],
    ] as const) {
      const { context, page } = await fresh(`${site.url}empty.html?start`);
      await page.evaluate(`(([path, hash]) => { sessionStorage.clear(); sessionStorage.setItem('startAt', String(Date.now())); location.href = path + hash; })(${JSON.stringify([path, hash])})`);
      report(what, await pageTime(context, path === './' ? 'shownAt' : 'loadAt'));
      await context.close();
    }
    // The address of a page already open set to the long link (a same-document navigation).
    for (const [what, start] of [
      ['link 1.9 MB set as the address of the open page (location.hash) → refusal shown', `${site.url}#/`],
      ['  the same on the empty static page → its hashchange event', `${site.url}empty.html`],
    ] as const) {
      const { context, page } = await fresh(start);
      await page.getByRole('paragraph').or(page.getByRole('heading', { level: 1 })).first().waitFor();
      await page.evaluate(`((hash) => { sessionStorage.clear(); sessionStorage.setItem('startAt', String(Date.now())); location.hash = hash; })(${JSON.stringify(`#/a/${inputs.link}`)})`);
      report(what, await pageTime(context, start.endsWith('empty.html') ? 'loadAt' : 'shownAt'));
      await context.close();
    }
    // Pasted as a person pastes: the text on the clipboard, then Ctrl+V in the field.
    const pasteInto = async (page: Page, label: string, text: string) => {
      const field = page.getByLabel(label);
      await field.waitFor();
      await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
      await field.focus();
      await page.evaluate(`sessionStorage.clear()`);
      await page.keyboard.press('Control+V');
    };
    const paste = async (what: string, start: string, label: string, text: string) => {
      const { context, page } = await fresh(start);
      await pasteInto(page, label, text);
      report(what, await pageTime(context, 'shownAt'));
      await context.close();
    };
    await paste(`link ${MB(inputs.link)} pasted in "Add from link" → refusal shown`, `${site.url}#/teacher`, 'Assignment link or code', `${site.url}#/a/${inputs.link}`);
    const results = `${site.url}#/teacher/results/${ASSIGNMENT.id}`;
    const codes = 'Or paste result codes (one or many)';
    {
      // The teacher's results page for the assignment, added once from its link.
      const { context, page } = await fresh(`${site.url}#/teacher`);
      await page.getByLabel('Assignment link or code').fill(encodeAssignment(ASSIGNMENT));
      await page.getByRole('button', { name: 'Add and open its results' }).click();
      await page.getByLabel(codes).waitFor();
      const state = await context.storageState({ indexedDB: true });
      await context.close();
      const pasteIn = async (what: string, text: string) => {
        const context = await browser.newContext({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'], storageState: state });
        await context.addInitScript(PAGE_CLOCK);
        const page = await context.newPage();
        await page.goto(results);
        await pasteInto(page, codes, text);
        report(what, await pageTime(context, 'shownAt'));
        await context.close();
      };
      await pasteIn(`code of ${MB(inputs.link)} pasted → refusal shown`, oversized(RESULT_CODE_PREFIX, inputs.link.length));
      await pasteIn(`bomb code of ${MB(inputs.bomb)} pasted → refusal shown`, inputs.bomb);
      await pasteIn('code inside 20,000 words of chat pasted → accepted, report shown', inputs.chat);
      // A file chosen: from the choice to the report.
      for (const [what, file] of [
        [`result file of ${MB(inputs.file)} opened → refusal shown`, inputs.file],
        ['result file of 4.9 MB (under the size limit, so read) opened → refusal shown', `{"format":"dispute-desk-result","attempts":[${'0,'.repeat(2_450_000)}0]}`],
      ] as const) {
        const context = await browser.newContext({ locale: 'en-US', storageState: state });
        await context.addInitScript(PAGE_CLOCK);
        const page = await context.newPage();
        await page.goto(results);
        await page.getByLabel('Choose result files').waitFor({ state: 'attached' });
        await page.evaluate(`sessionStorage.clear()`);
        await page.getByLabel('Choose result files').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
        report(what, await pageTime(context, 'shownAt'));
        await context.close();
      }
    }
    {
      // A case file far over the limit, opened in the library.
      const { context, page } = await fresh(site.url);
      const open = page.getByLabel('Open a case file');
      await open.waitFor({ state: 'attached' });
      await page.evaluate(`sessionStorage.clear()`);
      await open.setInputFiles({ name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(10_500_000, 97) });
      report('case file of 10.5 MB opened in the library → refusal shown', await pageTime(context, 'shownAt'));
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
