/**
 * Damaged records are set aside one by one, never lost: the notice offers each as a download of
 * exactly what was stored, the other records still load, and the record stays until the notice is
 * dismissed.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, openCase, REAL_PATH, SEED } from './helpers.ts';

test.use({ locale: 'en-US' });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('a damaged practice history is kept for download until the notice is dismissed; the other cases load', async ({ page }) => {
  const key = 'dispute-desk:history:aliexpress-price-drop';
  const stored = '{"format":1,"attempts":[{"id":"cut short';
  await page.goto('./#/settings');
  await page.evaluate(({ k, v }) => localStorage.setItem(k, v), { k: key, v: stored });
  await page.goto('./#/');

  const notice = page.locator('.notice').filter({ hasText: 'could not be read' });
  await expect(notice).toContainText('set aside');
  await expect(notice).toContainText('kept, as it was stored, until you dismiss this message');
  // The library still lists every case.
  await expect(page.getByRole('link', { name: /Price drop|price/i }).first()).toBeVisible();
  expect(await page.locator('.cases li').count()).toBeGreaterThan(5);

  const file = await downloaded(page, () => notice.getByRole('button', { name: /^Download damaged-save-history-aliexpress-price-drop-\d{4}-\d{2}-\d{2}\.txt$/ }).click());
  expect(file.name).toMatch(/^damaged-save-history-aliexpress-price-drop-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(file.text).toBe(stored);
  await expectNoAxeViolations(page);

  // Not dismissed: after a reload it is still kept, and still offered.
  await page.reload();
  const again = page.locator('.notice').filter({ hasText: 'set aside earlier' });
  expect((await downloaded(page, () => again.getByRole('button', { name: /^Download damaged-save-history/ }).click())).text).toBe(stored);
  await again.getByRole('button', { name: 'Dismiss and delete' }).click();
  await expect(page.locator('.notice')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')))).toEqual([]);
});

test('a damaged save of a case in progress is set aside with a download; the case starts again and another case still restores (phone)', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 360, height: 800 });
  // A good save: one reply into another case.
  await openCase(page, 'aliexpress-wrong-size');
  await page.locator('.replies button.reply').first().click();
  await page.getByRole('button', { name: /^continue$/i }).click();
  const stored = '{"format":1,"caseId":"aliexpress-price-drop","replies":["cut short';
  await page.evaluate(({ k, v }) => localStorage.setItem(k, v), { k: `dispute-desk:conversation:${SEED}`, v: stored });

  // A fresh load straight onto the case (a change of hash would open it before the reload).
  await page.goto('about:blank');
  await page.goto(`./#/case/${SEED}`);
  const notice = page.locator('.notice').filter({ hasText: 'Your saved progress in “The price dropped the day after she ordered” could not be read' });
  await expect(notice).toContainText('set aside and the case starts again');
  await expect(notice).toContainText('kept, as it was stored, until you dismiss this message');
  const file = await downloaded(page, () => notice.getByRole('button', { name: /^Download damaged-save-conversation-aliexpress-price-drop-/ }).click());
  expect(file.name).toMatch(/^damaged-save-conversation-aliexpress-price-drop-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(file.text).toBe(stored);
  await page.screenshot({ path: test.info().outputPath('save-set-aside-phone.png'), fullPage: true });
  await expectNoAxeViolations(page);

  // The case plays from its first message, and its new save is the fresh attempt's.
  await expect(page.getByText('Welcome back')).toHaveCount(0);
  await expect(page.getByTestId('satisfaction').first()).toHaveText('35');
  await page.getByRole('button', { name: REAL_PATH[0] }).click();
  await expect(page.getByRole('button', { name: /^continue$/i })).toBeVisible();
  expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).replies, `dispute-desk:conversation:${SEED}`)).toHaveLength(1);

  // The other case's save still restores.
  await page.goto('./#/case/aliexpress-wrong-size');
  await expect(page.getByText('Welcome back: your progress in this case was restored.')).toBeVisible();

  // Kept until the notice is dismissed: after a reload it is offered again; then deleted.
  await page.reload();
  const again = page.locator('.notice').filter({ hasText: 'set aside earlier' });
  expect((await downloaded(page, () => again.getByRole('button', { name: /^Download damaged-save-conversation-aliexpress-price-drop-/ }).click())).text).toBe(stored);
  await again.getByRole('button', { name: 'Dismiss and delete' }).click();
  await expect(page.locator('.notices .notice')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')))).toEqual([]);
});

test('a damaged assignment record in IndexedDB is set aside with a download; the other assignment still shows (zh-CN, phone)', async ({ page }) => {
  const good = {
    id: 'good00000001',
    payload: 'DDA1.x',
    savedAt: '2026-12-01T00:00:00Z',
    assignment: { format: 1, id: 'good00000001', title: 'Week 5', className: 'Class 3', created: '2026-12-01T00:00:00Z', cases: [], settings: { feedback: 'immediate', hints: true, attempts: 0, showRealPath: true } },
  };
  const damaged = { id: 'bad000000001', payload: 42, assignment: { title: ['not', 'a', 'title'] } };
  await page.goto('./#/settings');
  await page.evaluate(([g, d]) => {
    localStorage.setItem('dispute-desk:lang', 'zh-CN');
    return new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('dispute-desk-teacher', 2);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore('assignments', { keyPath: 'id' });
        db.createObjectStore('attempts', { keyPath: 'key' }).createIndex('assignmentId', 'assignmentId');
        db.createObjectStore('classes', { keyPath: 'className' });
      };
      open.onsuccess = () => {
        const tx = open.result.transaction('assignments', 'readwrite');
        tx.objectStore('assignments').put(g);
        tx.objectStore('assignments').put(d);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
  }, [good, damaged]);
  await page.setViewportSize({ width: 360, height: 800 });
  // A fresh load (not a change of hash), so the page reads the language and the store again.
  await page.goto('./#/teacher');
  await page.reload();

  const notice = page.locator('.notice').filter({ hasText: '1 条作业记录无法读取' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('link', { name: /Week 5/ })).toBeVisible();
  const file = await downloaded(page, () => notice.getByRole('button', { name: /^下载 damaged-assignment-bad000000001-/ }).click());
  expect(file.name).toMatch(/^damaged-assignment-bad000000001-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(JSON.parse(file.text)).toEqual(damaged);
  await page.screenshot({ path: test.info().outputPath('set-aside-phone.png'), fullPage: true });
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath('set-aside-desktop.png') });

  // Still there after a reload; gone once dismissed, and the good one stays.
  await page.reload();
  await notice.getByRole('button', { name: '关闭并删除' }).click();
  // The notice goes once the record is deleted: only then is a reload sure to find it gone.
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('link', { name: /Week 5/ })).toBeVisible();
  await expect(page.locator('.notice')).toHaveCount(0);
});
