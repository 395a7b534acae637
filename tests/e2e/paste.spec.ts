/**
 * What a teacher pastes: an assignment link or only its code, and texts of any size. A pasted text
 * far longer than any link or code is refused (or imported) as it is pasted, with a reason that
 * names what was too long, and never fills the field. How fast is measured in the bench
 * (`npx tsx scripts/bench.ts --refusals`), not here.
 */
import { expect, test, type Page } from '@playwright/test';
import { assignCase, encodeAssignment } from '../../src/assignment/assignment.ts';
import { RESULT_CODE_PREFIX } from '../../src/assignment/result-file.ts';
import { loadCase } from '../unit/helpers.ts';
import { oversized, UNTRUSTED_ASSIGNMENT } from '../fixtures/hostile-inputs.ts';
import { SEED } from './helpers.ts';

test.use({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] });

/** Pastes as a person does: the text on the clipboard, then Ctrl+V in the focused field. */
async function paste(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+V');
}

const assignment = { ...UNTRUSTED_ASSIGNMENT, id: 'paste0000001', cases: [assignCase(loadCase('scenarios', `${SEED}.md`))] };

test('the link box takes a bare code as well as a whole link', async ({ page }) => {
  await page.goto('./#/teacher');
  const box = page.getByLabel('Assignment link or code');
  await expect(box).toHaveAttribute('type', 'text');
  await box.fill(encodeAssignment(assignment));
  await page.getByRole('button', { name: 'Add and open its results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${assignment.title}` })).toBeVisible();
});

test('a megabytes-long link or code pasted is refused as it is pasted, naming what was too long', async ({ page }) => {
  await page.goto('./#/teacher');
  const box = page.getByLabel('Assignment link or code');
  await paste(page, box, `https://school.example/#/a/${oversized('DDA1.', 1_900_000)}`);
  await expect(page.getByText('This link is far longer than any assignment link and was not read.')).toBeVisible();
  await expect(box).toHaveValue('');

  // Pasted in short, the assignment opens; there a huge pasted code is refused as a code.
  await paste(page, box, `https://school.example/#/a/${encodeAssignment(assignment)}`);
  await page.getByRole('button', { name: 'Add and open its results' }).click();
  const codes = page.getByLabel('Or paste result codes (one or many)');
  await paste(page, codes, oversized(RESULT_CODE_PREFIX, 1_900_000));
  await expect(page.getByTestId('import-report')).toContainText('the code is far too long to be a result code.');
  await expect(codes).toHaveValue('');
  // A file too large is refused as a file.
  await page.getByLabel('Choose result files').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5_100_000, 32) });
  await expect(page.getByTestId('import-report')).toContainText('huge.json: refused — the file is far too large to be a result file.');
});

test('a case file far over the size limit is refused before it is read', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel(/open a case file/i).setInputFiles({ name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(10_500_000, 97) });
  await expect(page.getByText('Could not open huge.md: the file is too large (10500 kB); a case file may be at most 10000 kB.')).toBeVisible();
});
