/**
 * Grading a class from the dashboard: sealed codes (a forged and a relabelled code refused), a third
 * attempt of two and an unfinished case shown as such, the class list with a student who never
 * handed in, the CSV files read as a spreadsheet reads them, backup and restore in another browser,
 * links with chat punctuation, a damaged route, and a new version of the link for one student.
 * The students' hand-ins are made here the way the student page makes them.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { assignCase, assignmentLink, decodeAssignment, encodeAssignment } from '../../src/assignment/assignment.ts';
import { encodeResultCode, makeAttemptRecord, makeInProgressRecord, makeResultFile } from '../../src/assignment/result-file.ts';
import type { Assignment, ResultFile, Student } from '../../src/assignment/types.ts';
import { choose, replay, resultOf, startAttempt } from '../../src/engine/conversation.ts';
import { loadCase } from '../unit/helpers.ts';
import { expectNoAxeViolations, REAL_PATH, SEED } from './helpers.ts';
import { get, nth } from '../fixtures/present.ts';

test.use({ locale: 'en-US' });

const c = loadCase('scenarios', `${SEED}.md`);
const FAIL_PATH = ['Please close the dispute first', 'PayPal is quicker'];

const assignment = (id: string): Assignment => ({
  format: 1,
  id,
  className: '跨境电商 3班',
  title: 'Week 5',
  created: '2026-12-01T00:00:00Z',
  settings: { feedback: 'immediate', hints: true, attempts: 2, showRealPath: true },
  cases: [assignCase(c)],
});

/** Reply ids for replies given by their opening words. */
function ids(texts: readonly string[]): string[] {
  let a = startAttempt(c);
  return texts.map((text) => {
    const reply = get(c.nodes, a.at).replies.find((r) => r.text.replace(/<[^>]*>/g, '').includes(text))!;
    a = choose(c, a, reply.id)!.attempt;
    return reply.id;
  });
}

/** A finished attempt as the student page records it: a minute a reply. */
function attempt(a: Assignment, student: Student, texts: readonly string[], number: number, start: string) {
  const replies = ids(texts);
  const result = resultOf(c, replay(c, replies)!);
  const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const steps = result.path.map((s, i) => ({ node: s.node, reply: s.reply, at: at(i + 1) }));
  return makeAttemptRecord({ assignment: a, student, case: c, number, startedAt: start, finishedAt: at(replies.length + 1), steps, result });
}

const code = (file: ResultFile) => encodeResultCode(file);

/** The teacher adds the assignment from its link, as on another computer, and lands on its results. */
async function openResults(page: Page, a: Assignment) {
  await page.goto('./#/teacher');
  await page.getByLabel('Assignment link').fill(assignmentLink('https://school.example/desk/', a));
  await page.getByRole('button', { name: 'Add and open its results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${a.title}` })).toBeVisible();
}

async function paste(page: Page, codes: string[]) {
  await page.getByLabel('Or paste result codes (one or many)').fill(codes.join('\n\n'));
  await page.getByRole('button', { name: 'Import codes' }).click();
}

test('a forged and a relabelled code are refused; a third attempt of two and an unfinished case are shown as such', async ({ page }) => {
  const a = assignment('grade0000001');
  const zhang = { name: '张三', number: '2023001' };
  const li = { name: '李四', number: '2023002' };
  const wang = { name: '王五', number: '2023003' };
  const own = makeResultFile(a, zhang, [attempt(a, zhang, FAIL_PATH, 1, '2026-12-02T01:00:00Z'), attempt(a, zhang, REAL_PATH, 2, '2026-12-02T02:00:00Z')], '2026-12-02T03:00:00Z');
  // The same student in a fresh browser: its count starts at 1 again.
  const fresh = makeResultFile(a, zhang, [attempt(a, zhang, REAL_PATH, 1, '2026-12-03T01:00:00Z')], '2026-12-03T02:00:00Z');
  const failing = makeResultFile(a, li, [attempt(a, li, FAIL_PATH, 1, '2026-12-02T01:00:00Z')], '2026-12-02T02:00:00Z');
  // Li rewrites his failing transcript to the best path, and another copy of Zhang's code to his number.
  const forged = code({ ...failing, attempts: [{ ...attempt(a, li, REAL_PATH, 1, '2026-12-02T01:00:00Z'), id: nth(failing.attempts, 0).id }] });
  const relabelled = code({ ...own, student: li });
  const unfinished = makeResultFile(a, wang, [], '2026-12-02T02:00:00Z', [
    makeInProgressRecord(a, wang, c.id, { number: 1, startedAt: '2026-12-02T01:00:00Z', steps: [{ node: 'dispute-opened', reply: nth(ids(REAL_PATH), 0), at: '2026-12-02T01:01:00Z' }] }),
  ]);

  await openResults(page, a);
  await paste(page, [code(own), forged, relabelled, code(fresh), code(unfinished)]);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Attempts added: 4. Already here: 0.');
  await expect(report.getByRole('listitem').nth(1)).toContainText('refused — it was changed after it was made — the transcript, a score, the name or the number');
  await expect(report.getByRole('listitem').nth(2)).toContainText('refused — it was changed after it was made');
  const rows = page.getByTestId('results-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // Zhang: three attempts of two; the third is shown, not counted.
  await expect(rows.nth(0)).toContainText(/张三\s*2023001\s*83\s*100\s*✓ Passed\s*3/);
  await expect(rows.nth(0)).toContainText('Beyond the attempt limit');
  await expect(rows.nth(1)).toContainText(/王五\s*2023003\s*—\s*—\s*—\s*0/);
  await expect(rows.nth(1)).toContainText('In progress');
  await page.getByRole('link', { name: '张三' }).click();
  await expect(page.getByTestId(`attempt-${SEED}-1`).last()).toContainText('Beyond the attempt limit: more attempts at this case than the assignment allows; shown, not counted.');
});

/** The results page with a class list of four (one named like a formula) and two hand-ins. */
async function classWithList(page: Page, id: string) {
  const a = assignment(id);
  const zhang = { name: '张小三', number: '02023001' };
  const stranger = { name: 'Guest', number: '77' };
  await openResults(page, a);
  await page.getByLabel('Student numbers and names, one student a line').fill('学号\t姓名\n02023001\t张三\n02023002\t李四\n02023003\t=HYPERLINK("http://x","王五")\n12345678901234567890\tZhao; Liu');
  await page.getByRole('button', { name: 'Save the class list' }).click();
  await expect(page.getByTestId('roster-status')).toContainText('Class list of 跨境电商 3班: 4 students.');
  await paste(page, [code(makeResultFile(a, zhang, [attempt(a, zhang, REAL_PATH, 1, '2026-12-02T01:00:00Z')], '2026-12-02T02:00:00Z')), code(makeResultFile(a, stranger, [attempt(a, stranger, FAIL_PATH, 1, '2026-12-02T01:00:00Z')], '2026-12-02T02:00:00Z'))]);
  await expect(page.getByTestId('results-table').locator('tbody tr')).toHaveCount(5);
}

test('the class list frames the table: every student, “not handed in”, a name that differs, pass rate over the class', async ({ page }) => {
  test.slow(); // an axe scan of a full dashboard takes several seconds on a busy machine
  await classWithList(page, 'grade0000002');
  const rows = page.getByTestId('results-table').locator('tbody tr');
  await expect(rows.nth(0)).toContainText(/Guest.*Not on the class list/);
  await expect(rows.nth(1)).toContainText('张三');
  await expect(rows.nth(1)).toContainText('Handed in as 张小三');
  await expect(rows.nth(2)).toContainText(/李四\s*Not handed in/);
  await expect(page.getByTestId('pass-rate')).toHaveText('1 of 5 students passed every case (20%).');
  await expect(page.getByTestId('not-handed-in')).toHaveText('Not handed in: 3.');
  await expectNoAxeViolations(page);
});

test('the CSV files read as a spreadsheet reads them: numbers stay text, no cell runs as a formula', async ({ page }) => {
  await classWithList(page, 'grade0000006');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export one row per student (CSV)' }).click();
  const bytes = readFileSync((await (await download).path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.split('\r\n')[0]).toBe('Class,Assignment,Name,Student no.,Name on the class list,Handed in,Cases passed,Passed every case,Score (mean of satisfaction and compliance),Notes');
  const cells = spreadsheet(text);
  expect(cells.map((r) => r[3])).toEqual(['Student no.', '77', '02023001', '02023002', '02023003', '12345678901234567890']);
  expect(cells.slice(1).map((r) => r[5])).toEqual(['yes', 'yes', 'no', 'no', 'no']);
  expect(cells[4]?.[4]).toBe(`'=HYPERLINK("http://x","王五")`);
  expect(cells[5]?.[4]).toBe('Zhao; Liu');
  // Nothing a spreadsheet would run, whichever separator it splits on.
  for (const cell of cells.flat()) for (const part of cell.split(/[;\t]/)) expect(part.trimStart()).not.toMatch(/^[=+\-@]/);
  // The per-case rows are the second file.
  const second = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export one row per case (CSV)' }).click();
  const perCase = spreadsheet(readFileSync((await (await second).path())!).toString('utf8').slice(1));
  expect(perCase.map((r) => r[3])).toEqual(['Student no.', '77', '02023001']);
});

/**
 * Cells as Excel or WPS shows them: RFC 4180 fields; `="…"` is the text inside; a leading
 * apostrophe keeps the rest as text (shown here with it, as the cell's content).
 */
function spreadsheet(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').filter(Boolean)) {
    const row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) row.push(cell), (cell = '');
      else cell += ch;
    }
    row.push(cell);
    rows.push(row.map((v) => /^="(.*)"$/.exec(v)?.[1] ?? v));
  }
  return rows;
}

test('a backup of everything restores in another browser; the browser is asked to keep the data', async ({ browser }) => {
  test.slow(); // two browsers, one after the other
  const a = assignment('grade0000003');
  const zhang = { name: '张三', number: '2023001' };
  const first = await browser.newContext({ locale: 'en-US' });
  const page = await first.newPage();
  await openResults(page, a);
  await page.getByLabel('Student numbers and names, one student a line').fill('2023001\t张三\n2023002\t李四');
  await page.getByRole('button', { name: 'Save the class list' }).click();
  await paste(page, [code(makeResultFile(a, zhang, [attempt(a, zhang, REAL_PATH, 1, '2026-12-02T01:00:00Z')], '2026-12-02T02:00:00Z'))]);
  await expect(page.getByTestId('import-report')).toContainText('Attempts added: 1.');
  await expect(page.getByTestId('persist')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup file' }).click();
  const backup = readFileSync((await (await download).path())!);
  await first.close();

  const second = await browser.newContext({ locale: 'en-US' });
  const other = await second.newPage();
  await other.goto('./#/teacher');
  await expect(other.getByText('No assignments yet.')).toBeVisible();
  await other.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(other.getByTestId('backup-status')).toHaveText(/Restored: assignments 1, class lists 1, attempts added 1 \(already here 0\)\./);
  await other.getByRole('link', { name: /Week 5/ }).click();
  const rows = other.getByTestId('results-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/张三\s*2023001\s*83\s*100/);
  await expect(rows.nth(1)).toContainText(/李四\s*Not handed in/);
  await second.close();
});

test('links: short enough for a QR code that scans, chat punctuation ignored, a damaged route explained', async ({ page }) => {
  const a = { ...assignment('grade0000004'), cases: ['aliexpress-price-drop', 'aliexpress-wrong-size', 'aliexpress-damaged-item'].map((id) => assignCase(loadCase('scenarios', `${id}.md`))) };
  await openResults(page, a);
  await page.getByText('Link, QR code and settings').click();
  const link = await page.getByLabel('Link for students').first().inputValue();
  await expect(page.getByRole('img', { name: /QR code of the link/ }).first()).toBeVisible();
  await expect(page.getByText('the QR code is dense')).toHaveCount(0);
  const version = Number(await page.locator('svg.qr').first().getAttribute('data-version'));
  console.log(`three cases: link ${link.length} characters, QR version ${version}`);
  expect(link.length).toBeLessThan(600);

  for (const tail of ['。', '）', '，', '  ']) {
    await page.goto(`./#/a/${encodeAssignment(a)}${tail}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Who is handing in?' })).toBeVisible();
  }
  await page.goto('./#/a-typo/xyz');
  await expect(page.getByRole('heading', { level: 1, name: 'This link looks damaged.' })).toBeVisible();
  await expect(page.getByText('Ask whoever sent it (your teacher, for an assignment) to send the link or the QR code again')).toBeVisible();
});

test('a new version for one student: both versions kept, each result says which it came from', async ({ page }) => {
  const a = assignment('grade0000005');
  const zhang = { name: '张三', number: '2023001' };
  await openResults(page, a);
  await page.getByText('Link, QR code and settings').click();
  await page.getByLabel('Attempts allowed per case', { exact: true }).last().selectOption('3');
  await page.getByLabel('Only for the student number (optional)').fill('2023001');
  await page.getByLabel('Their name').fill('张三');
  await page.getByRole('button', { name: 'Make the new link' }).click();
  await expect(page.getByText('Version 2 is ready: share its link.')).toBeVisible();
  await expect(page.getByTestId('versions')).toContainText('Version 2: for 张三 (2023001) only');
  const v2link = await page.getByLabel('Link for students').last().inputValue();
  const v2 = decodeAssignment(v2link.split('#/a/')[1] ?? 'no assignment in the link');
  if (!('assignment' in v2)) throw new Error('the new link does not open');
  expect(v2.assignment).toMatchObject({ series: a.id, revision: 2, settings: { attempts: 3 }, for: { number: '2023001' } });
  const v = v2.assignment;
  await paste(page, [
    code(makeResultFile(a, zhang, [attempt(a, zhang, FAIL_PATH, 1, '2026-12-02T01:00:00Z'), attempt(a, zhang, FAIL_PATH, 2, '2026-12-02T02:00:00Z')], '2026-12-02T03:00:00Z')),
    code(makeResultFile(v, zhang, [attempt(v, zhang, REAL_PATH, 3, '2026-12-04T01:00:00Z')], '2026-12-04T02:00:00Z')),
  ]);
  const row = page.getByTestId('results-table').locator('tbody tr').first();
  await expect(row).toContainText(/张三\s*2023001\s*83\s*100\s*✓ Passed\s*3/);
  await expect(row).toContainText('version 2');
  await expect(row).not.toContainText('Beyond the attempt limit');
});
