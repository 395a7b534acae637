/**
 * How long an oversized or hostile input takes to be refused, for `npm run bench`: a 1.9 MB
 * assignment link, a result code inside 20,000 words of chat, a 1 MB compressed "bomb" code, an
 * oversized share link and result file. First the functions the page calls (Node), then the page
 * itself in headless Chromium on the built site (from asking for the address to the message shown).
 * The goal for each: refused or accepted in under 1 s.
 */
import { chromium } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { decodeAssignment, encodeAssignment } from '../../src/assignment/assignment.ts';
import { importCode, importFile } from '../../src/assignment/import.ts';
import { RESULT_CODE_PREFIX } from '../../src/assignment/result-file.ts';
import type { Assignment } from '../../src/assignment/types.ts';
import { decodeCase } from '../../src/ui/studio/share-link.ts';
import { chatWords, deflateBomb, packedAround, sampleCode } from '../../tests/fixtures/hostile-inputs.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { buildAndServe } from './site.ts';
import { mark } from './stats.ts';

const junk = (chars: number) => randomBytes(chars).toString('base64url').slice(0, chars);
const line = (what: string, ms: number) => console.log(`  ${what}: ${ms.toFixed(0)} ms ${mark(ms < 1000)} (goal < 1 s)`);

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

const ASSIGNMENT: Assignment = {
  format: 1,
  id: 'benchrefusal',
  className: 'Bench',
  title: 'Refusals',
  created: '2026-01-01T00:00:00Z',
  settings: { feedback: 'immediate', hints: true, attempts: 0, showRealPath: true },
  cases: [{ id: 'aliexpress-price-drop', hash: 'abc123def456', version: '1' }],
};

export interface HostileInputs {
  link: string;
  shareToken: string;
  chat: string;
  bomb: string;
  file: string;
}

export function hostileInputs(): HostileInputs {
  return {
    link: `DDA1.${junk(1_900_000)}`,
    shareToken: junk(1_900_000),
    // A good code, wrapped as e-mail does, then 20,000 words of chat.
    chat: `${sampleCode(ASSIGNMENT).replace(/.{76}/g, '$&\n')}\n${chatWords(20_000)}`,
    bomb: packedAround(RESULT_CODE_PREFIX, deflateBomb(750_000)),
    file: `{"format":"dispute-desk-result","attempts":[${'0,'.repeat(2_600_000)}0]}`,
  };
}

export async function benchRefusals(root: string, options: { browser: boolean }): Promise<void> {
  const inputs = hostileInputs();
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
  console.log('  In the page (built site, headless Chromium; from asking for the address or pressing Import to the message)');
  const site = await buildAndServe(root);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    // In the page: when the message first shows, on the page's own clock (0 = navigation start).
    // Sent as source text: the code runs in the page, untouched by this script's TypeScript loader.
    await page.addInitScript(`{
      const seen = () => {
        const at = performance.now();
        if ([...document.querySelectorAll('[role=alert]')].some((e) => e.textContent.trim())) window.shownAt ??= at;
        if (/refused|attempts/.test(document.querySelector('[data-testid=import-report]')?.textContent ?? '')) window.reportedAt ??= at;
      };
      new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true });
      document.addEventListener('click', () => (window.clickedAt = performance.now()), { capture: true });
    }`);
    for (const [what, hash] of [
      ['assignment link', `#/a/${inputs.link.slice(0, 260_000)}`],
      ['assignment link', `#/a/${inputs.link}`],
      ['share link', `#/play?case=${inputs.shareToken}`],
    ] as const) {
      const size = `${(hash.length / 1e6).toFixed(2)} MB`;
      // Opened fresh, as a student opens a link (not a change of hash in a page already open).
      await page.goto('about:blank');
      try {
        await page.goto(`${site.url}${hash}`, { timeout: 120_000 });
        await page.getByRole('alert').first().waitFor();
      } catch {
        console.log(`  ${what} of ${size}: the browser did not finish loading the address in 120 s`);
        continue;
      }
      const t = (await page.evaluate(`({ shown: window.shownAt, arrived: performance.getEntriesByType('navigation')[0].responseEnd })`)) as {
        shown: number;
        arrived: number;
      };
      line(`${what} of ${size}, the page's own part (page arrived → reason shown)`, t.shown - t.arrived);
      console.log(`    (the browser's own handling of the address before the page arrived: ${t.arrived.toFixed(0)} ms)`);
    }
    // The teacher's results page for an assignment, then the chat and the bomb pasted as codes.
    await page.goto(`${site.url}#/teacher`);
    await page.getByLabel('Assignment link').fill(`${site.url}#/a/${encodeAssignment(ASSIGNMENT)}`);
    await page.getByRole('button', { name: 'Add and open its results' }).click();
    for (const [what, text] of [
      ['code inside 20,000 words of chat', inputs.chat],
      ['bomb code', inputs.bomb],
    ] as const) {
      const box = page.getByLabel('Or paste result codes (one or many)');
      await box.fill(text);
      await page.evaluate('delete window.reportedAt');
      await page.getByRole('button', { name: 'Import codes' }).click();
      await page.getByTestId('import-report').getByText(/refused|attempts/).first().waitFor();
      const t = (await page.evaluate('({ clickedAt: window.clickedAt, reportedAt: window.reportedAt })')) as { clickedAt: number; reportedAt: number };
      line(`${what}, from pressing Import to the report`, t.reportedAt - t.clickedAt);
      await box.fill('');
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
