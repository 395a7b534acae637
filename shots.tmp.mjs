import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4205/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [linkArg, codes] = [process.argv[2], process.argv.slice(3)];
for (const [name, viewport, lang] of [['desktop', { width: 1280, height: 900 }, 'zh-CN'], ['phone', { width: 360, height: 780 }, 'en-US']]) {
  const ctx = await browser.newContext({ viewport, locale: lang, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await page.goto(base + '#/teacher');
  await page.locator('input[id^="paste"], textarea, input').filter({ hasNot: page.locator('[type=file]') }).first();
  await page.getByLabel(lang === 'zh-CN' ? '作业链接' : 'Assignment link').fill(linkArg);
  await page.getByRole('button', { name: lang === 'zh-CN' ? /添加/ : 'Add and open its results' }).click();
  await page.waitForSelector('h1');
  await page.getByRole('textbox').filter({ hasText: '' }).nth(1);
  const roster = page.locator('textarea[id^="roster-text"]');
  await roster.fill('学号\t姓名\n02023001\t张三\n02023002\t李四\n02023003\t王五\n02023004\t赵六');
  await roster.locator('xpath=ancestor::form').getByRole('button').first().click();
  await page.locator('textarea[id^="codes"]').fill(codes.join('\n'));
  await page.locator('textarea[id^="codes"]').locator('xpath=ancestor::form').getByRole('button').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/grading/dashboard-${name}.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
