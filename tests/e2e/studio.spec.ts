/** A teacher writes, checks, tests, draws and shares a case in the studio; students open the link. */
import { expect, test, type Page } from '@playwright/test';
import { zlibSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { generateCase } from '../../scripts/lib/generate.ts';
import { encodeCase } from '../../src/ui/studio/share-link.ts';
// The studio's template is this file (imported as text by the page).
const TEMPLATE = readFileSync(new URL('../../scenarios/_template.md', import.meta.url), 'utf8');
import { expectNoAxeViolations } from './helpers.ts';

test.use({ locale: 'en-US' });
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const lines = TEMPLATE.split('\n');
const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
const editor = (page: Page) => page.locator('.cm-content');
const cursor = (page: Page) => page.getByTestId('cursor');
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });

/** CodeMirror draws only the lines on screen: scroll the editor until the one wanted is drawn. */
async function lineWith(page: Page, text: string) {
  const line = page.locator('.cm-line', { hasText: text }).first();
  for (let i = 0; i < 60 && !(await line.count()); i++) await page.locator('.cm-scroller').evaluate((el) => el.scrollBy(0, 250));
  return line;
}

async function openStudio(page: Page): Promise<void> {
  await page.goto('./#/studio');
  await expect(editor(page)).toBeVisible();
  await expect(problems(page).getByText('No problems: the case can be played.')).toBeVisible();
}

function link(source: string): string {
  const e = encodeCase(source);
  if (!e.ok) throw new Error(e.problem);
  return `./#/play?case=${e.token}`;
}

test('a mistake is listed with its line and fix, jumps to the line, and goes away when fixed', async ({ page }) => {
  await openStudio(page);
  const line = lineOf('   - next: solved');
  await (await lineWith(page, '- next: solved')).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('d');

  const item = problems(page).getByRole('button', { name: /TARGET_NOT_FOUND/ });
  await expect(item).toContainText(`Line ${line}:12`);
  await expect(item).toContainText('There is no node or ending called `solvd`.');
  await expect(item).toContainText('Fix: Did you mean `solved`?');
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);

  await page.keyboard.press('Control+Home');
  await expect(cursor(page)).toHaveText('Line 1, column 1');
  await item.click();
  await expect(cursor(page)).toHaveText(`Line ${line}, column 12`);
  await expect(editor(page)).toBeFocused();

  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ed');
  await expect(problems(page).getByText('No problems: the case can be played.')).toBeVisible();
  await expect(problems(page).getByRole('listitem')).toHaveCount(0);

  // The draft survives a reload.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kept after a reload.');
  await expect(problems(page).getByText('No problems: the case can be played.')).toBeVisible();
  await page.reload();
  await expect(await lineWith(page, 'Kept after a reload.')).toBeVisible();
  await expect(page.getByText('Your draft from last time is back.')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .md' }).click();
  expect((await download).suggestedFilename()).toBe('my-case.md');
  expect(readFileSync(await (await download).path(), 'utf8')).toContain('Kept after a reload.');
});

test('“test from here” starts at the chosen node with the chosen satisfaction and flags', async ({ page }) => {
  await openStudio(page);
  const panel = page.getByRole('tabpanel', { name: 'Test' });
  await panel.getByLabel('Start at').selectOption('waiting');
  await panel.getByLabel('Satisfaction').fill('80');
  await expect(panel.locator('output')).toHaveText('80');
  await panel.getByLabel('apologised').check();
  await panel.getByRole('button', { name: 'Test from here' }).click();

  const run = panel.getByTestId('test-run');
  await expect(run.getByText('And what if it never arrives?')).toBeVisible();
  await expect(run.getByTestId('satisfaction')).toHaveText('80');
  // `if: apologised` is offered, `if: not apologised` is not.
  await expect(run.getByRole('button', { name: /If it hasn't arrived by March 30/ }).first()).toBeVisible();
  await expect(run.getByRole('button', { name: /I'm sorry again/ })).toHaveCount(0);
  await run.getByRole('button', { name: /If it hasn't arrived by March 30/ }).first().click();
  await run.getByRole('button', { name: /^continue$/i }).click();
  await expect(run.getByText('Ending: solved')).toBeVisible();
  await expect(run.getByText('Satisfaction 95, compliance 100')).toBeVisible();
});

test('the diagram shows every node and ending, and a box takes the editor to its line', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Diagram' }).click();
  const diagram = page.getByRole('group', { name: /Diagram of the case: 3 nodes, 3 endings/ });
  await expect(diagram.getByRole('button')).toHaveCount(6);
  await diagram.getByRole('button', { name: /^Ending escalated/ }).click();
  await expect(cursor(page)).toHaveText(`Line ${lineOf('## escalated')}, column 1`);

  // A 100-node case opened from a file: drawn in full, readable, and just as clickable.
  const big = generateCase(100).replace('rulebook: bench', 'rulebook: aliexpress').replaceAll('P-X', 'P-RESPECT');
  await page.getByLabel('Open a .md file').setInputFiles({ name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.from(big) });
  await expect(page.getByText('Opened big.md.')).toBeVisible();
  const bigDiagram = page.getByRole('group', { name: /100 nodes, 1 endings/ });
  await expect(bigDiagram.getByRole('button')).toHaveCount(101);
  const box = bigDiagram.getByRole('button', { name: /^Node n57,/ });
  await box.scrollIntoViewIfNeeded();
  const fontPx = await box.locator('text').first().evaluate((el) => (el as SVGTextElement).getBoundingClientRect().height);
  expect(fontPx).toBeGreaterThanOrEqual(12);
  await box.click();
  await expect(cursor(page)).toHaveText(`Line ${big.split('\n').indexOf('## n57') + 1}, column 1`);

  // A wide case fitted to the panel becomes an overview whose ids can still be read.
  await page.getByLabel('Open a .md file').setInputFiles('scenarios/aliexpress-price-drop.md');
  await page.getByRole('button', { name: 'Fit to width' }).click();
  await expect(page.getByText('Overview of the whole case: ids only.')).toBeVisible();
  const seed = page.getByRole('group', { name: /Diagram of the case/ });
  const idPx = await seed.getByRole('button', { name: /^Node price-check,/ }).locator('text').first().evaluate((el) => (el as SVGTextElement).getBoundingClientRect().height);
  expect(idPx).toBeGreaterThanOrEqual(8);
  const svg = await seed.boundingBox();
  expect(svg!.width).toBeLessThanOrEqual((await page.locator('.scroller').boundingBox())!.width);
});

test('a share link opens the case in the player, with its progress kept apart', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Share' }).click();
  const url = await page.getByLabel('Link to the case').inputValue();
  expect(url).toMatch(/#\/play\?case=[A-Za-z0-9_-]+$/);

  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'The parcel is late' })).toBeVisible();
  await expect(page.getByText(/A case shared by link/)).toBeVisible();
  await page.getByRole('button', { name: /I'm sorry for the wait, Rafael/ }).click();
  await expect(page.getByRole('button', { name: /^continue$/i })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain('dispute-desk:conversation:shared:my-case');
  expect(keys).not.toContain('dispute-desk:conversation:my-case');
});

test('a damaged, oversized or invalid link explains itself instead of playing', async ({ page }) => {
  const good = link(TEMPLATE);
  await page.goto(good.slice(0, -30));
  await expect(page.getByRole('heading', { level: 1, name: 'This link cannot be opened' })).toBeVisible();
  await expect(page.getByText(/The link is damaged/)).toBeVisible();

  await page.goto(`./#/play?case=${'A'.repeat(140_000)}`);
  await expect(page.getByText(/The link is too long: a shared case may be at most 100 kB/)).toBeVisible();

  const bomb = Buffer.from(zlibSync(new Uint8Array(3_000_000), { level: 9 })).toString('base64url');
  await page.goto(`./#/play?case=${bomb}`);
  await expect(page.getByText(/The case in this link is too large: at most 1000 kB/)).toBeVisible();

  await page.goto(link(TEMPLATE.replace('   - next: solved', '   - next: solvd')));
  await expect(page.getByRole('heading', { level: 1, name: 'This shared case has problems' })).toBeVisible();
  await expect(page.getByText('TARGET_NOT_FOUND')).toBeVisible();
  await expect(page.getByRole('heading', { name: /choose your reply/i })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('starting from the template asks before replacing a draft, and loads scenarios/_template.md', async ({ page }) => {
  await openStudio(page);
  const draft = TEMPLATE.replace('id: my-case', 'id: my-own-draft');
  await page.getByLabel('Open a .md file').setInputFiles({ name: 'draft.md', mimeType: 'text/markdown', buffer: Buffer.from(draft) });
  await expect(page.getByText('Opened draft.md.')).toBeVisible();
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('Replace what is in the editor with the template?');
  await expect(await lineWith(page, 'id: my-own-draft')).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await expect(page.getByText('The template is in the editor.')).toBeVisible();
  expect(await page.locator('.cm-content').evaluate((el) => (el as HTMLElement & { cmView?: unknown }).textContent)).toContain('id: my-case');
});

test('a hostile case runs nothing, in the studio’s test or from a link', async ({ page }) => {
  const hostile = readFileSync('tests/fixtures/hostile/hostile.md', 'utf8');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openStudio(page);
  await page.getByLabel('Open a .md file').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(hostile) });
  await page.getByRole('button', { name: 'Test from the start' }).click();
  await expect(page.getByTestId('test-run').getByText('Where is my parcel?')).toBeVisible();
  await page.goto(link(hostile));
  await expect(page.getByText('Where is my parcel?')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

for (const locale of ['en-US', 'zh-CN']) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('the studio passes axe (WCAG 2.1 AA): editor, problems, test and diagram', async ({ page }) => {
      test.slow(); // four axe scans of the whole studio: over 30 s on a busy machine
      await page.goto('./#/studio');
      await expect(editor(page)).toBeVisible();
      // A mistake, so the problem list and the editor's lint marks are checked too.
      await (await lineWith(page, 'id: my-case')).click();
      await page.keyboard.press('End');
      await page.keyboard.type('!');
      await expect(page.locator('.problems li')).toHaveCount(1);
      await page.locator('#studio-panel-test form button[type="button"]').click();
      await expect(page.locator('[data-testid="test-run"] .replies')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('tab').nth(1).click();
      await expect(page.locator('svg[role="group"]')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
