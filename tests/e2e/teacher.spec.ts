/**
 * A teacher assigns a case, two students play it from the link and hand in, and the teacher reads the
 * class's results: recomputed scores, refused bad files, charts' numbers, the CSV. Then the same
 * assignment as a SCORM package, reporting to scorm-again as the LMS.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { choose, expectNoAxeViolations, REAL_PATH } from './helpers.ts';
import { learner, openLms } from './lms.ts';
import { get } from '../fixtures/present.ts';

test.use({ locale: 'en-US' });

const CLASS = '跨境电商 2班';
const TITLE = 'Week 3: price drop';

async function createAssignment(page: Page, options: { due?: string } = {}): Promise<string> {
  await page.goto('./#/teacher');
  await page.getByRole('link', { name: 'New assignment' }).click();
  await page.getByLabel('Class', { exact: true }).fill(CLASS);
  await page.getByLabel('Assignment name').fill(TITLE);
  await page.getByRole('checkbox', { name: /The price dropped the day after she ordered/ }).check();
  await page.getByLabel('Attempts allowed per case').selectOption('2');
  await page.getByRole('radio', { name: 'The same rule for every case' }).check();
  await page.getByLabel('Minimum satisfaction').fill('65');
  if (options.due) await page.getByLabel('Due date (optional)').fill(options.due);
  await page.getByRole('button', { name: 'Create the assignment' }).click();
  await expect(page.getByRole('heading', { name: `Assignment ready: ${TITLE}` })).toBeFocused();
  await expect(page.getByRole('img', { name: /QR code of the link/ })).toBeVisible();
  const link = await page.getByLabel('Link for students').inputValue();
  await expect(page.getByTestId('link-length')).toHaveText(`The link is ${link.length} characters long.`);
  return link;
}

/** A student in a browser of their own: opens the link, says who they are, plays, and hands in. */
async function studentHandsIn(browser: Browser, link: string, who: { name: string; number: string; lang?: string }, replies: string[], at?: number) {
  const context = await browser.newContext({ locale: who.lang ?? 'en-US', reducedMotion: 'reduce' });
  const page = await context.newPage();
  if (at) await page.clock.setFixedTime(at);
  await page.goto(link);
  const zh = who.lang === 'zh-CN';
  await page.getByLabel(zh ? '姓名' : 'Name').fill(who.name);
  await page.getByLabel(zh ? '学号' : 'Student number').fill(who.number);
  await page.getByRole('button', { name: zh ? '开始作业' : 'Start the assignment' }).click();
  await expect(page.getByText(zh ? '满意度不低于 65，合规分不低于 80，且没有违反严重规则' : 'satisfaction at least 65 and compliance at least 80, with no critical rule broken')).toBeVisible();
  await page.getByRole('button', { name: zh ? '开始' : 'Start', exact: true }).click();
  const continueName = zh ? '继续' : 'Continue';
  for (const reply of replies) {
    await page.getByRole('button', { name: reply }).click();
    await page.getByRole('button', { name: continueName, exact: true }).click();
  }
  await expect(page.getByTestId('verdict')).toBeVisible();
  // The assignment's pass mark (65), not the case's own (60), is the one shown in the debrief.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: zh ? '下载成绩文件' : 'Download the result file' }).click();
  const file = await download;
  await page.getByRole('button', { name: zh ? '复制成绩码' : 'Copy the result code' }).click();
  const code = await page.getByTestId('result-code').inputValue();
  await expectNoAxeViolations(page);
  const text = readFileSync((await file.path())!, 'utf8');
  // A reload keeps the finished attempt.
  await page.getByRole('link', { name: zh ? '返回作业' : 'Back to the assignment' }).first().click();
  await page.reload();
  await expect(page.getByTestId('case-aliexpress-price-drop')).toContainText(zh ? '1 次作答' : 'attempts: 1');
  await context.close();
  return { name: file.suggestedFilename(), text, code };
}

test.describe('a class’s results', () => {
  // One class, built once: two students hand in, then each test reads another part of the results
  // page. In order, on one page, so each test stays short.
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  let zhang: Awaited<ReturnType<typeof studentHandsIn>>;
  let li: Awaited<ReturnType<typeof studentHandsIn>>;

  test.beforeAll(async ({ browser }, info) => {
    // Two students play a whole case each in browsers of their own.
    info.setTimeout(150_000);
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const due = new Date(Date.now() + 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const dueInput = `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T${pad(due.getHours())}:${pad(due.getMinutes())}`;
    const link = await createAssignment(page, { due: dueInput });
    zhang = await studentHandsIn(browser, link, { name: '张三', number: '2023001' }, [...REAL_PATH]);
    // The second student plays in Chinese, the paths that break the critical rule, two days late.
    li = await studentHandsIn(browser, link, { name: '李四', number: '2023002', lang: 'zh-CN' }, ['Please close the dispute first', 'PayPal is quicker'], due.getTime() + 2 * 86_400_000);
    await page.getByRole('link', { name: 'Go to the results' }).click();
  });
  test.afterAll(async () => page?.context().close());

  test('files are named for the class and student; an edited, a cut-short and a foreign file are refused', async () => {
    expect(zhang.name).toBe(`${CLASS}_张三_2023001_Week 3 price drop.json`);
    expect(zhang.code).toMatch(/^DDR3\./);
    // Li edits a copy of his file by hand to claim full marks; another file is cut short; another is not a result at all.
    const edited = li.text.replace('"compliance": 0', '"compliance": 100').replace('"passed": false', '"passed": true');
    expect(edited).not.toBe(li.text);
    await page.locator('input[type=file][accept^=".json"]').setInputFiles([
      { name: zhang.name, mimeType: 'application/json', buffer: Buffer.from(zhang.text) },
      { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) },
      { name: li.name, mimeType: 'application/json', buffer: Buffer.from(li.text) },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(zhang.text.slice(0, 300)) },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
    ]);
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('Attempts added: 2. Already here: 0.');
    await expect(report).toContainText('broken.json: refused — the file is damaged or cut short');
    await expect(report).toContainText('notes.json: refused — this is not a Dispute Desk result.');
    await expect(report).toContainText('edited.json: refused — it was changed after it was made');
  });

  test('the same attempts as codes are counted once, and a mistyped code is refused', async () => {
    const typo = li.code.slice(0, 20) + (li.code[20] === 'A' ? 'B' : 'A') + li.code.slice(21);
    await page.getByLabel('Or paste result codes (one or many)').fill(`${zhang.code}\n${typo}`);
    await page.getByRole('button', { name: 'Import codes' }).click();
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('Attempts added: 0. Already here: 1.');
    await expect(report).toContainText('refused — the code is incomplete or mistyped');
  });

  test('the table shows the recomputed scores, who was late, and sorts', async () => {
    const table = page.getByTestId('results-table');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(/张三\s*2023001\s*83\s*100\s*✓ Passed\s*1/);
    // The transcript earns 0 and fails, which is what is shown.
    await expect(rows.nth(1)).toContainText(/李四\s*2023002\s*43\s*0\s*✗ Not passed\s*1/);
    await expect(rows.nth(1)).toContainText('Late');
    await expect(rows.nth(0)).not.toContainText('Late');
    // Sorting by compliance, descending.
    await table.getByRole('button', { name: 'Compliance' }).click();
    await table.getByRole('button', { name: 'Compliance' }).click();
    await expect(table.getByRole('columnheader', { name: /Compliance/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.nth(0)).toContainText('张三');
  });

  test('the charts’ numbers: pass rate, satisfaction, what the class chose, rules broken', async () => {
    await expect(page.getByTestId('pass-rate')).toHaveText('1 of 2 students passed every case (50%).');
    const sat = page.getByTestId('hist-satisfaction-aliexpress-price-drop');
    await sat.getByText('Show the numbers').click();
    await expect(sat.getByRole('row', { name: '40–49 1' })).toBeVisible();
    await expect(sat.getByRole('row', { name: '80–89 1' })).toBeVisible();
    const first = page.getByTestId('decision-dispute-opened');
    await expect(first.locator('[data-reply="dispute-opened.1"]')).toHaveAttribute('data-count', '1');
    await expect(first.locator('[data-reply="dispute-opened.4"]')).toHaveAttribute('data-count', '1');
    await expect(first.locator('[data-reply="dispute-opened.4"]')).toContainText('to discuss');
    await expect(first.locator('[data-reply="dispute-opened.2"]')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('violations-aliexpress-price-drop').locator('li').first()).toContainText('P-OFFPLATFORM (critical) — students: 1');
    await expectNoAxeViolations(page);
  });

  test('the CSV: BOM, Chinese names, numbers kept as text, recomputed scores', async () => {
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export one row per case (CSV)' }).click();
    const csv = readFileSync((await (await csvDownload).path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Class,Assignment,Name,Student no.,Case id,Case,Attempts,Satisfaction,Compliance,Passed,Minutes,Finished,Late,Notes');
    expect(lines[1]).toMatch(/^跨境电商 2班,Week 3: price drop,张三,"=""2023001""",aliexpress-price-drop,The price dropped the day after she ordered,1,83,100,yes,[\d.]+,\d{4}-\d{2}-\d{2} \d{2}:\d{2},no,(Very quick)?$/);
    expect(lines[2]).toMatch(/,李四,"=""2023002""",.*,1,43,0,no,.*,yes,(Very quick)?$/);
  });

  test('a student’s transcript shows both scores and the replies in the order the student saw them, after a reload too', async () => {
    await page.getByRole('link', { name: '李四' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '李四 (2023002)' })).toBeVisible();
    await expect(page.getByTestId('recomputed')).toContainText('satisfaction 43, compliance 0');
    await expect(page.getByTestId('claimed')).toContainText('satisfaction 43, compliance 0');
    await expect(page.getByText('PayPal is quicker').first()).toBeVisible();
    // Each turn lists the replies in the order the student saw them (from the attempt's seed), the chosen one marked.
    const shown = page.getByTestId('shown-1');
    await expect(shown).toContainText(/Chose reply \d of \d as shown to the student/);
    await shown.locator('summary').click();
    await expect(shown.locator('li.chosen')).toContainText('Please close the dispute first');
    await expectNoAxeViolations(page);
    // Everything survives a reload (IndexedDB).
    await page.reload();
    await expect(page.getByTestId('recomputed')).toContainText('compliance 0');
  });
});

for (const version of ['1.2', '2004'] as const)
  test(`the SCORM ${version} package reports score, status, time and every reply to the LMS`, async ({ page }) => {
    test.slow(); // makes an assignment, builds the package and plays the case through the LMS: over 30 s on a busy machine
    const link = await createAssignment(page);
    expect(link).toContain('#/a/DDA2.');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download SCORM ${version}` }).click();
    const zip = unzipSync(readFileSync((await (await download).path())!));
    const manifest = strFromU8(get(zip, 'imsmanifest.xml'));
    expect(manifest).toContain(version === '1.2' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
    expect(zip['index.html']).toBeDefined();
    for (const [, href = ''] of manifest.matchAll(/<file href="([^"]+)"/g)) expect(zip[href], href).toBeDefined();

    // An LMS page: scorm-again as the runtime, the package in an iframe, the commits it sends captured.
    const lms = await openLms(page.context(), version, learner(version, 'S-001', 'Zhang, San'), (path) => zip[path]);
    const { course, commits } = lms;
    // The learner comes from the LMS: no form to fill.
    await expect(course.getByText('San Zhang (S-001)')).toBeVisible();
    await course.getByRole('button', { name: 'Start', exact: true }).click();
    for (const reply of REAL_PATH) {
      await course.getByRole('button', { name: reply }).click();
      await course.getByRole('button', { name: 'Continue', exact: true }).click();
    }
    await expect(course.getByTestId('verdict')).toHaveText(/Passed/);
    await expect.poll(() => commits.length).toBeGreaterThan(0);
    const cmi = commits.at(-1)!;
    const replies = ['dispute-opened.1', 'price-check.1', 'unfair.1', 'understands.1', 'confirm-8.1'];
    const score = String(Math.round((83 + 100) / 2));
    if (version === '1.2') {
      expect(cmi.core.score).toMatchObject({ raw: score, min: '0', max: '100' });
      expect(cmi.core.lesson_status).toBe('passed');
      expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
      const interactions = Object.values(cmi.interactions) as Record<string, string>[];
      expect(interactions[0]).toMatchObject({ id: 'aliexpress-price-drop.dispute-opened', type: 'choice', result: 'correct' });
      expect(interactions.map((i) => i.student_response)).toEqual(replies);
    } else {
      expect(cmi.score).toMatchObject({ raw: score, scaled: String(Number(score) / 100) });
      expect(cmi.completion_status).toBe('completed');
      expect(cmi.success_status).toBe('passed');
      expect(cmi.session_time).toMatch(/^PT/);
      const interactions = Object.values(cmi.interactions) as Record<string, string>[];
      expect(interactions[0]).toMatchObject({ id: 'aliexpress-price-drop.dispute-opened', type: 'choice', result: 'correct' });
      expect(interactions.map((i) => i.learner_response)).toEqual(replies);
    }
  });

/** One test per page, so no test runs long: the teacher's pages and the student's, in both languages. */
for (const lang of ['en-US', 'zh-CN'] as const)
  test.describe(`axe finds no WCAG 2.1 AA violation (${lang})`, () => {
    const zh = lang === 'zh-CN';
    test.use({ locale: lang });
    // Each axe scan of a whole page takes seconds when the machine is busy.
    test.slow();

    /** A minimal assignment made through the form; returns the link for students. */
    async function quickAssignment(page: Page): Promise<string> {
      await page.goto('./#/teacher/new');
      await page.getByLabel(zh ? '班级' : 'Class', { exact: true }).fill('A');
      await page.getByLabel(zh ? '作业名称' : 'Assignment name').fill('B');
      await page.getByRole('checkbox').first().check();
      await page.getByRole('button', { name: zh ? '创建作业' : 'Create the assignment' }).click();
      return page.locator('textarea').first().inputValue();
    }

    test('the list of assignments', async ({ page }) => {
      await page.goto('./#/teacher');
      await expect(page.getByRole('heading', { level: 1, name: zh ? '作业' : 'Assignments' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('a new assignment with a mistake in its form', async ({ page }) => {
      await page.goto('./#/teacher/new');
      await page.getByRole('button', { name: zh ? '创建作业' : 'Create the assignment' }).click();
      await expect(page.getByRole('alert').filter({ hasText: zh ? '请至少选择一个案例' : 'Choose at least one case' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('an assignment just made, and its results', async ({ page }) => {
      await quickAssignment(page);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: zh ? '查看成绩' : 'Go to the results' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('B');
      await expectNoAxeViolations(page);
    });

    test('the student’s pages: who is handing in, and the overview', async ({ page }) => {
      const link = await quickAssignment(page);
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 2, name: zh ? '请填写你的信息' : 'Who is handing in?' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel(zh ? '姓名' : 'Name').fill('Ann');
      await page.getByLabel(zh ? '学号' : 'Student number').fill('1');
      await page.getByRole('button', { name: zh ? '开始作业' : 'Start the assignment' }).click();
      await expect(page.getByRole('button', { name: zh ? '开始' : 'Start', exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('a damaged assignment link', async ({ page }) => {
      const link = await quickAssignment(page);
      await page.goto(link.replace(/.{6}$/, 'xxxxxx'));
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });

test('an own case travels in the link; a long link is reported and warned about; pages fit a phone', async ({ page }) => {
  const own = readFileSync('scenarios/aliexpress-price-drop.md', 'utf8').replace('id: aliexpress-price-drop', 'id: my-price-drop').replace('en: The price dropped the day after she ordered', 'en: My own price-drop case');
  await page.goto('./#/teacher/new');
  await page.getByLabel('Class', { exact: true }).fill(CLASS);
  await page.getByLabel('Assignment name').fill('Own case');
  await page.locator('input[type=file][accept^=".md"]').setInputFiles({ name: 'my-case.md', mimeType: 'text/markdown', buffer: Buffer.from(own) });
  await expect(page.getByText('My own price-drop case · my-case.md')).toBeVisible();
  await page.getByRole('button', { name: 'Create the assignment' }).click();
  const link = await page.getByLabel('Link for students').inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(page.getByTestId('link-warning')).toContainText(`This link is ${link.length} characters long, more than 2000`);
  await expect(page.getByText('The link is too long for a QR code.')).toBeVisible();

  await page.setViewportSize({ width: 360, height: 780 });
  for (const url of ['./#/teacher', './#/teacher/new', link]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
  await page.getByLabel('Name').fill('Ann');
  await page.getByLabel('Student number').fill('7');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'My own price-drop case' })).toBeVisible();
});

// Sending a 10.5 MB file into the page takes seconds on a busy machine: one language per test.
for (const [lang, message] of [
  ['en', 'huge-case.md cannot be assigned: the file is too large (10500 kB); a case file may be at most 10000 kB.'],
  ['zh-CN', 'huge-case.md 无法布置：文件太大（10500 kB），案例文件最大 10000 kB。'],
] as const)
  test(`an own case file over the size limit is refused before it is read, naming the file and the limit (${lang})`, async ({ page }) => {
    // Every read of a file's contents is noted, so reading the whole file before refusing it shows.
    await page.addInitScript((lang) => {
      localStorage.setItem('dispute-desk:lang', lang);
      const read: number[] = ((window as unknown as { __read: number[] }).__read = []);
      const text = Blob.prototype.text;
      Blob.prototype.text = function (this: Blob) {
        read.push(this.size);
        return text.call(this);
      };
    }, lang);
    await page.goto('./#/teacher/new');
    await page.locator('input[type=file][accept^=".md"]').setInputFiles({ name: 'huge-case.md', mimeType: 'text/markdown', buffer: Buffer.alloc(10_500_000, 97) });
    await expect(page.getByRole('status').filter({ hasText: 'huge-case.md' })).toHaveText(message);
    expect(await page.evaluate(() => (window as unknown as { __read: number[] }).__read)).toEqual([]);
    await expect(page.locator('.own-list')).toHaveCount(0);
  });
