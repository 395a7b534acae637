/**
 * The finished player as a student uses it: nothing lost on reload or language switch, the keyboard
 * alone, deferred feedback, the debrief, damaged saved data, a phone, and axe on every page in both
 * languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, REAL_PATH, SEED } from './helpers.ts';

test.use({ locale: 'en-US' });
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const replyHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /choose your reply|选择你的回复/i });
const continueButton = (page: Page) => page.getByRole('button', { name: /^(continue|继续)$/i });

async function open(page: Page, id = SEED) {
  await page.goto(`./#/case/${id}`);
  await expect(replyHeading(page)).toBeVisible();
}

/** Choose a reply by its opening words and, if feedback is shown, continue past it. */
async function reply(page: Page, text: string) {
  await page.getByRole('button', { name: text }).click();
  await expect(replyHeading(page).or(continueButton(page)).or(page.getByTestId('verdict'))).toBeVisible();
  if (await continueButton(page).isVisible()) await continueButton(page).click();
}

async function noHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

test('a reload mid-case resumes exactly where the student was, and starting over asks first', async ({ page }) => {
  await open(page);
  await reply(page, REAL_PATH[0]);
  await page.getByRole('button', { name: REAL_PATH[1] }).click();
  // Reload while the feedback on the second reply is on screen.
  await page.reload();
  await expect(page.getByText('Welcome back: your progress in this case was restored.')).toBeVisible();
  const feedback = page.getByRole('region', { name: /feedback on your reply/i });
  await expect(feedback.getByText('Satisfaction +10, now 53')).toBeVisible();
  await expect(page.getByTestId('satisfaction')).toHaveText('53');
  const chat = page.getByRole('region', { name: /conversation/i });
  await expect(chat.getByText(/We feel so sorry for your inconvenience/)).toBeVisible();
  await expect(chat.getByText(/Just as you said, there has been a price change/)).toBeVisible();
  await continueButton(page).click();
  await expect(page.getByRole('button', { name: REAL_PATH[2] })).toBeVisible();

  // Start over is explicit: cancelling keeps everything.
  await page.getByRole('button', { name: 'Start over' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Start this case over?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('satisfaction')).toHaveText('53');
  await page.getByRole('button', { name: 'Start over' }).first().click();
  await dialog.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('button', { name: REAL_PATH[0] })).toBeVisible();
  await expect(page.getByTestId('satisfaction')).toHaveText('35');
  await page.reload();
  await expect(page.getByRole('button', { name: REAL_PATH[0] })).toBeVisible();
});

test('switching language mid-case keeps the progress, and the choice is remembered', async ({ page }) => {
  await open(page);
  await reply(page, REAL_PATH[0]);
  await reply(page, REAL_PATH[1]);
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '选择你的回复' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('刚下单就降价：买家要求取消重下');
  await expect(page).toHaveTitle('刚下单就降价：买家要求取消重下 · Dispute Desk');
  await expect(page.getByTestId('satisfaction')).toHaveText('53');
  // The dialogue stays English: it is the skill being trained.
  await expect(page.getByRole('button', { name: REAL_PATH[2] })).toBeVisible();
  await page.getByRole('button', { name: REAL_PATH[2] }).click();
  await expect(page.getByRole('region', { name: '对你的回复的点评' })).toBeVisible();
  await expect(page.getByText(/满意度 [+−±]\d+，现在为 \d+/)).toBeVisible();
  await expect(page.getByText(/^真实卖家的做法：如实说明订单已发货/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: '对你的回复的点评' })).toBeVisible();
  await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('region', { name: /feedback on your reply/i })).toBeVisible();
  await expect(page.getByTestId('satisfaction')).toHaveText(/^\d+$/);
});

test('each page names itself in the window title, in the language in use', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Case library · Dispute Desk');
  await open(page);
  await expect(page).toHaveTitle(`${await page.getByRole('heading', { level: 1 }).textContent()} · Dispute Desk`);
  await page.goto('./#/settings');
  await expect(page).toHaveTitle(/^Settings · Dispute Desk$/);
  await page.goto('./#/teacher');
  await expect(page).toHaveTitle('Assignments · Dispute Desk');
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
  await expect(page).toHaveTitle('作业 · Dispute Desk');
});

test('the whole game is playable with Tab and Enter alone, from the library to a second try', async ({ page }) => {
  await page.goto('./');
  const focusedText = () =>
    page.evaluate(() => (document.activeElement === document.body ? '' : (document.activeElement?.textContent?.trim() ?? '')));
  // Tab to the case's card link and open it.
  for (let i = 0; i < 40 && !/The price dropped the day after she ordered/.test(await focusedText()); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(replyHeading(page)).toBeVisible();
  // Tab to the first reply.
  for (let i = 0; i < 40 && !(await focusedText()).includes(REAL_PATH[0]); i++) await page.keyboard.press('Tab');
  for (const text of REAL_PATH) {
    // Tab on through the replies to the real seller's one.
    for (let i = 0; i < 10 && !(await focusedText()).includes(text); i++) await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toContainText(text);
    await page.keyboard.press('Enter');
    await expect(continueButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
  }
  const debrief = page.getByRole('article');
  await expect(debrief.getByRole('heading', { level: 2, name: 'Resolved' })).toBeFocused();
  await expect(debrief.getByTestId('verdict')).toHaveText(/Passed/);
  for (let i = 0; i < 200 && (await focusedText()) !== 'Play again'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // A second try starts with focus on the first of the first turn's replies.
  const replies = await page.getByRole('list').filter({ has: page.getByRole('button', { name: REAL_PATH[0] }) }).getByRole('button').allTextContents();
  expect(replies.map((t) => t.trim())).toContain(await focusedText());
  expect(await focusedText()).toBe(replies[0]?.trim());
});

test('deferred feedback shows nothing until the debrief, then all of it', async ({ page }) => {
  await page.goto('./#/settings');
  await page.getByLabel(/at the end, in the debrief/i).check();
  await page.getByLabel(/show hints before i choose/i).check();
  await open(page);
  await expect(page.getByText('Feedback on your replies comes in the debrief.')).toBeVisible();
  await page.getByRole('button', { name: 'Please close the dispute first' }).click();
  await expect(page.getByRole('button', { name: 'PayPal is quicker' })).toBeVisible();
  await expect(page.getByRole('region', { name: /feedback on your reply/i })).toHaveCount(0);
  await expect(continueButton(page)).toHaveCount(0);
  await expect(page.getByText('P-OFFPLATFORM')).toHaveCount(0);
  await expect(page.getByTestId('compliance-badge')).toHaveText(/shown in the debrief/);
  // No score moves during play: the buyer's words carry the mood.
  await expect(page.getByTestId('satisfaction')).toHaveCount(0);
  await expect(page.getByTestId('mood-withheld')).toBeVisible();
  await page.getByRole('button', { name: 'PayPal is quicker' }).click();

  const debrief = page.getByRole('article');
  await expect(debrief.getByTestId('verdict')).toHaveText(/Not passed/);
  await expect(debrief.getByText('Played with feedback at the end, with hints')).toBeVisible();
  const turns = debrief.getByRole('region', { name: 'Turn-by-turn feedback' });
  await expect(turns.getByText('You chose feedback at the end: here it is, turn by turn.')).toBeVisible();
  await expect(turns.getByText(/^Breaks P-OFFPLATFORM \(critical\): money paid outside AliExpress/)).toBeVisible();
  await expect(turns.getByText('Satisfaction +3, now 38')).toBeVisible();
});

test('the debrief shows every rule broken with its source, and the student’s path beside the real and best ones', async ({ page }) => {
  await open(page);
  await reply(page, REAL_PATH[0]);
  await reply(page, 'I have checked your order. The price of these shoes has not changed');
  await reply(page, 'Maybe you are looking at a different product');
  const debrief = page.getByRole('article');
  await expect(debrief.getByTestId('verdict')).toHaveText(/Not passed/);

  const broken = debrief.getByRole('region', { name: 'Rules broken' });
  await expect(broken.getByText('P-TRUTHFUL', { exact: true })).toBeVisible();
  await expect(broken.getByText('Turn 2, Turn 3, compliance −40')).toBeVisible();
  await expect(broken.getByText(/^major$/)).toBeVisible();
  await expect(broken.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  await expect(broken.getByText(/\(undated; consulted [A-Z][a-z]{2} \d{1,2}, \d{4}\)/)).toBeVisible();

  // The seed case follows a real record: "Real seller" once it names its source (front matter
  // `source:`), "Model answer" until then; the component tests pin both wordings.
  const paths = debrief.getByRole('region', { name: /^Your path beside (the real seller’s|the model answer) and the best$/ });
  for (const name of ['Your path', /Real seller|Model answer/, 'Best path']) await expect(paths.getByText(name).first()).toBeVisible();
  await expect(paths.getByText(/^The (real seller’s path|model answer) is also the best path\.$/)).toBeVisible();
  // Each row shows the buyer's message it answers.
  await expect(paths.locator('li.turn blockquote.buyer').first()).toBeVisible();
  await expect(paths.getByText(/Maybe you are looking at a different product/)).toBeVisible();
  await expect(paths.getByText(/Just as you said, there has been a price change/)).toBeVisible();
  await expect(paths.getByText(/No problem\.Thanks a lot for your consideration/)).toBeVisible();
  // Turn 1 was the real seller's reply: shown once, for all three paths.
  await expect(paths.getByText(/^We feel so sorry for your inconvenience/)).toHaveCount(1);

  await expect(debrief.getByText(/Satisfaction went from 35 to \d+ in 3 turns/)).toBeVisible();
  await debrief.getByRole('button', { name: 'Review the conversation' }).click();
  await expect(page.getByRole('heading', { name: 'Full conversation' })).toBeFocused();
  await expect(page.getByText(/That's not true. I'm looking at the product page right now/)).toBeVisible();
  await page.getByRole('button', { name: 'Back to the debrief' }).first().click();
  await expect(debrief.getByRole('heading', { level: 2, name: /escalated/i })).toBeFocused();

  // The attempt is in the history, and the library shows the best result.
  await expect(debrief.getByRole('region', { name: 'Your attempts' }).getByText('this attempt')).toBeVisible();
  await page.goto('./');
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: /The price dropped/ }) });
  await expect(card.getByText('Best: Not passed, satisfaction 13, compliance 60')).toBeVisible();
  await expect(card.getByText('1 attempt', { exact: true })).toBeVisible();
});

test('corrupted or outdated saved data is set aside or started again with a message, never a broken page', async ({ page }) => {
  await page.goto('./');
  // Once the library has read the (empty) history: read after the damage, it would repair it before the reload.
  await expect(page.getByRole('link', { name: /The price dropped/ })).toBeVisible();
  await page.evaluate((id) => {
    localStorage.setItem(`dispute-desk:conversation:${id}`, '{"format":1,"replies":[');
    localStorage.setItem(`dispute-desk:history:${id}`, '{"format":1,"attempts":"many"}');
    localStorage.setItem('dispute-desk:settings', '%%%');
  }, SEED);
  await page.reload();
  await expect(page.getByText('Your settings could not be read, so the defaults are back.')).toBeVisible();
  await expect(page.getByText(/Your attempt history for “The price dropped the day after she ordered” could not be read/)).toBeVisible();
  await page.getByRole('link', { name: /The price dropped/ }).click();
  await expect(page.getByText(/could not be read, so it was set aside and the case starts again/)).toBeVisible();
  await expect(page.getByRole('button', { name: REAL_PATH[0] })).toBeVisible();
  await reply(page, REAL_PATH[0]);

  // A save made for another version of the case: start again, saying why.
  await page.evaluate((id) => {
    const key = `dispute-desk:conversation:${id}`;
    localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), caseVersion: 'old' }));
  }, SEED);
  await page.reload();
  await expect(page.getByText('This case has changed since you last played it, so it starts again.')).toBeVisible();
  await expect(page.getByTestId('satisfaction')).toHaveText('35');
});

test('the library filters by platform and dispute type', async ({ page }) => {
  await page.goto('./');
  const cards = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  // Counted once the library has drawn its cards (the page loads it on demand).
  const status = page.getByText(/^Showing \d+ of \d+ cases$/);
  const total = Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  await expect(status).toHaveText(`Showing ${total} of ${total} cases`);
  await expect(cards).toHaveCount(total);
  await page.getByRole('combobox', { name: 'Platform', exact: true }).selectOption('AliExpress');
  await expect(cards.locator('.platform').filter({ hasNotText: 'AliExpress' })).toHaveCount(0);
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(1);
  expect(shown).toBeLessThan(total);
  await expect(status).toHaveText(`Showing ${shown} of ${total} cases`);
  await page.getByRole('combobox', { name: 'Dispute type', exact: true }).selectOption({ label: 'Price drop' });
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('link', { name: 'The price dropped the day after she ordered' })).toBeVisible();
});

test('the buyer types before each message, briefly and skippably, and never with reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // A paused fake clock holds the indicator on screen until the test moves time on (an installed
  // clock still runs by itself, so a busy machine could let the indicator expire on its own).
  await page.clock.install({ time: new Date('2026-01-05T09:00:00') });
  await page.clock.pauseAt(new Date('2026-01-05T09:00:01'));
  await page.goto(`./#/case/${SEED}`);
  await expect(page.getByText('Munirah is typing…')).toBeVisible();
  await expect(replyHeading(page)).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(replyHeading(page)).toBeVisible();
  await expect(page.getByText('Munirah is typing…')).toHaveCount(0);
  // Unskipped, it goes by itself in under a second.
  await page.getByRole('button', { name: REAL_PATH[0] }).click();
  await continueButton(page).click();
  await expect(page.getByText(/is typing…/)).toHaveCount(0); // narration: nobody types
  await page.getByRole('button', { name: REAL_PATH[1] }).click();
  await continueButton(page).click();
  await expect(page.getByText('Munirah is typing…')).toBeVisible();
  await page.clock.runFor(1000);
  await expect(page.getByRole('button', { name: REAL_PATH[2] })).toBeVisible();

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(replyHeading(page)).toBeVisible();
  await expect(page.getByText('Munirah is typing…')).toHaveCount(0);
});

test('on a 360 px phone: no horizontal scroll, touch targets of 44 px, the chat within reach', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const targets = async (what: string) => {
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main select, main summary, main label:has(input), header a, header button, .case-card')]
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ el: el.textContent?.trim().slice(0, 30), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
        .map(({ el, box }) => `${el} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small, what).toEqual([]);
  };
  await page.goto('./');
  await expect(page.getByRole('link', { name: /The price dropped/ })).toBeVisible();
  await noHorizontalScroll(page, 'library');
  await targets('library');
  await page.goto('./#/settings');
  await noHorizontalScroll(page, 'settings');
  await targets('settings');
  await open(page);
  // The order card is folded to one line, so the first message and its replies come soon.
  await expect(page.getByRole('button', { name: 'Show details' })).toBeVisible();
  await expect(page.getByText('Order no.')).toBeHidden();
  // The replies are shuffled, so the first one shown stands for all of them.
  await expect(page.getByRole('button', { name: REAL_PATH[0] })).toBeVisible();
  const top = await page.locator('.replies button.reply').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(1600);
  await page.getByRole('button', { name: 'Show details' }).click();
  await expect(page.getByText('Order no.')).toBeVisible();
  await noHorizontalScroll(page, 'case');
  await targets('case');
  await page.getByRole('button', { name: 'Please close the dispute first' }).click();
  await noHorizontalScroll(page, 'feedback');
  await continueButton(page).click();
  await reply(page, 'PayPal is quicker');
  await expect(page.getByTestId('verdict')).toBeVisible();
  await noHorizontalScroll(page, 'debrief');
  await targets('debrief');
});

for (const lang of ['en', 'zh-CN'] as const)
  test.describe(`axe finds no WCAG 2.1 AA violation in ${lang}`, () => {
    // One test per page, so none runs long; each axe scan of a whole page takes seconds when the machine is busy.
    test.slow();
    test.beforeEach(async ({ page }) => {
      await page.goto('./');
      await page.evaluate((l) => localStorage.setItem('dispute-desk:lang', l), lang);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });

    test('on the settings page', async ({ page }) => {
      await page.goto('./#/settings');
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoAxeViolations(page);
    });

    test('on the library', async ({ page }) => {
      await expect(page.getByRole('link', { name: /The price dropped|刚下单就降价/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('mid-conversation, with feedback, and with the start-over dialog', async ({ page }) => {
      await open(page);
      await reply(page, REAL_PATH[0]);
      await expect(page.getByRole('button', { name: REAL_PATH[1] })).toBeVisible();
      await expectNoAxeViolations(page); // mid-conversation
      await page.getByRole('button', { name: REAL_PATH[1] }).click();
      await expect(continueButton(page)).toBeVisible();
      await expectNoAxeViolations(page); // feedback
      await page.getByRole('button', { name: /start over|重新开始/i }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoAxeViolations(page); // confirm dialog
    });

    test('on the debrief and the conversation reviewed', async ({ page }) => {
      await open(page);
      for (const text of REAL_PATH) await reply(page, text);
      await expect(page.getByTestId('verdict')).toBeVisible();
      await expectNoAxeViolations(page); // debrief
      await page.getByRole('button', { name: /review the conversation|回看对话/i }).click();
      await expect(page.getByRole('button', { name: /back to the debrief|返回复盘/i }).first()).toBeVisible();
      await expectNoAxeViolations(page); // the conversation reviewed
    });
  });
