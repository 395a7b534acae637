/** A student plays the price-drop case in the browser: the real path, a violating path, the keyboard. */
import { expect, test } from '@playwright/test';
import { choose, expectNoAxeViolations, openCase, REAL_PATH } from './helpers.ts';

test.use({ locale: 'en-US' });
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('the real seller’s path ends with the refund, both scores and a pass', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: /The price dropped the day after she ordered/ }).click();
  await expect(page.getByText('Munirah', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('USD 80.00').first()).toBeVisible();

  await page.getByRole('button', { name: REAL_PATH[0] }).click();
  await expect(page.getByText(/Satisfaction \+8, now 43/)).toBeVisible();
  await page.getByRole('button', { name: /^continue$/i }).click();
  for (const reply of REAL_PATH.slice(1)) await choose(page, reply);

  const debrief = page.getByRole('article');
  await expect(debrief.getByRole('heading', { name: 'Resolved' })).toBeFocused();
  await expect(debrief.getByTestId('verdict')).toHaveText(/Passed/);
  await expect(debrief.getByText('Refund only USD 8.00 (EUR 6.89), paid by the seller', { exact: true })).toBeVisible();
  await expect(debrief.getByText(/83\s*\/100/)).toBeVisible();
  await expect(debrief.getByText(/100\s*\/100/)).toBeVisible();
  // "Real seller" once the case names its source (front matter `source:`), "model answer" until then;
  // the component tests pin both wordings.
  await expect(debrief.getByText(/exactly the (real seller’s|model answer’s) path/i)).toBeVisible();
  await expect(debrief.getByRole('heading', { name: /case analysis/i })).toBeVisible();
});

test('paying outside AliExpress fails however pleased the buyer is, citing the rule', async ({ page }) => {
  test.slow(); // a whole case played, then an axe scan of the full debrief: about 30 s on a busy machine
  await openCase(page);
  await page.getByRole('button', { name: 'Please close the dispute first' }).click();
  const feedback = page.getByRole('region', { name: /feedback on your reply/i });
  await expect(feedback.getByText('P-OFFPLATFORM').first()).toBeVisible();
  // Whose rule it is: AliExpress's own, not a course standard.
  await expect(feedback.getByText('AliExpress rule').first()).toBeVisible();
  await page.getByRole('button', { name: /^continue$/i }).click();
  await choose(page, 'PayPal is quicker');

  const debrief = page.getByRole('article');
  await expect(debrief.getByTestId('verdict')).toHaveText(/Not passed/);
  await expect(debrief.getByText(/critical/i).first()).toBeVisible();
  const broken = debrief.getByRole('region', { name: /rules broken/i });
  await expect(broken.getByText('P-OFFPLATFORM').first()).toBeVisible();
  await expect(broken.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  // AliExpress's page gives no date of its own: the day it was read is not passed off as one.
  await expect(broken.getByText(/\(undated; consulted [A-Z][a-z]{2} \d{1,2}, \d{4}\)/).first()).toBeVisible();
  await expect(broken.getByText('AliExpress rule').first()).toBeVisible();
  // The learner's path and the real seller's, side by side.
  await expect(debrief.getByText('PayPal is quicker').first()).toBeVisible();
  await expect(debrief.getByText(/We feel so sorry for your inconvenience/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: /play again/i }).click();
  await expect(page.getByRole('button', { name: 'Please close the dispute first' })).toBeVisible();
});

test('the whole case can be played with the keyboard alone', async ({ page }) => {
  await openCase(page);
  for (const real of REAL_PATH) {
    await expect(page.getByRole('button', { name: real })).toBeVisible();
    // The number key of the real reply's place in the list chooses it.
    const texts = await page.getByRole('list').filter({ has: page.getByRole('button', { name: real }) }).getByRole('button').allTextContents();
    const place = texts.findIndex((t) => t.includes(real));
    expect(place).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(place + 1));
    await expect(page.getByRole('button', { name: /^continue$/i })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('article').getByTestId('verdict')).toHaveText(/Passed/);
});

test('a reload in the middle of the case resumes where the student was', async ({ page }) => {
  await openCase(page);
  await choose(page, REAL_PATH[0]);
  await choose(page, REAL_PATH[1]);
  await page.reload();
  await expect(page.getByRole('button', { name: REAL_PATH[2] })).toBeVisible();
  await expect(page.getByText(/53\s*\/100/).first()).toBeVisible();
});

test('a phone-width screen has no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ['./', './#/case/aliexpress-price-drop']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test.describe('axe finds no WCAG 2.1 AA violation', () => {
  // One test per page, so none runs long; each axe scan of a whole page takes seconds when the machine is busy.
  test.slow();

  test('on the home page', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('link', { name: /The price dropped/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the case page, before and after a reply', async ({ page }) => {
    await openCase(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: REAL_PATH[0] }).click();
    await expectNoAxeViolations(page); // feedback shown
  });

  test('on the end page', async ({ page }) => {
    await openCase(page);
    for (const reply of REAL_PATH) await choose(page, reply);
    await expect(page.getByRole('article').getByTestId('verdict')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
