/**
 * The page's Content-Security-Policy, and author HTML from a share link: remote addresses are never
 * loaded, the app's look cannot be imitated, outside links are defused.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodeCase } from '../../src/ui/studio/share-link.ts';
import { ALLOWED_ATTR, ALLOWED_TAGS } from '../../src/case/sanitize.ts';
import { EDITOR_STYLE_NONCE } from '../../src/ui/studio/editor-setup.ts';
import { AUTHOR_HTML, TRACKER } from '../fixtures/author-html.ts';
import { sampleCode } from '../fixtures/hostile-inputs.ts';
import { decodeAssignment, encodeAssignment } from '../../src/assignment/assignment.ts';

test.use({ locale: 'en-US' });

const seed = readFileSync('scenarios/aliexpress-price-drop.md', 'utf8');

/** The seed case with every hostile sample as a paragraph of the English briefing. */
function hostileShareLink(): string {
  const md = seed.replace('# Briefing en\n', `# Briefing en\n\n${AUTHOR_HTML.join('\n\n')}\n`);
  const encoded = encodeCase(md);
  if (!encoded.ok) throw new Error(encoded.problem);
  return `./#/play?case=${encoded.token}`;
}

async function policyOf(page: Page): Promise<Map<string, string[]>> {
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(content).toBeTruthy();
  return new Map(content!.split(';').map((d) => d.trim().split(/\s+/)).flatMap(([name, ...sources]) => (name ? [[name, sources] as const] : [])));
}

test('the site runs under a policy: scripts and styles from the site, images from the site or data:, nothing framed', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const policy = await policyOf(page);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  // The studio's editor writes its styles with a nonce (see `editor-setup.ts`).
  expect(policy.get('style-src')).toEqual(["'self'", `'nonce-${EDITOR_STYLE_NONCE}'`]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-src')).toEqual(["'none'"]);
  // No inline script is left in the page: the route preload is a file of the site.
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('script[src*="route-preload"]').count()).toBe(1);
  // The site's own pages raise no violation: the library, a case, the studio's editor.
  await page.goto('./#/case/aliexpress-price-drop');
  await expect(page.getByRole('heading', { level: 2, name: /choose your reply/i })).toBeVisible();
  await page.goto('./#/studio');
  await expect(page.getByRole('textbox').first()).toBeVisible();
  await expect(page.locator('.cm-editor')).toHaveCSS('display', 'flex');
  expect(violations).toEqual([]);
});

test('a shared case cannot load a remote image, imitate the app or hide where a link goes', async ({ page }) => {
  const remote: string[] = [];
  await page.route(/tracker\.example|evil\.example/, (route) => {
    remote.push(route.request().url());
    return route.abort();
  });
  const blocked: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => blocked.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI}`),
    ),
  );
  // The buyer's typing pause is not what this test is about.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(hostileShareLink());
  await expect(page.getByRole('heading', { level: 2, name: /choose your reply/i })).toBeVisible();
  const briefing = page.getByText('Pay to exe.fdp or this');
  await expect(briefing).toBeVisible();

  // Author HTML (everything beside the briefing's first paragraph) holds only allowed elements and attributes.
  const found = await briefing.evaluate((p) =>
    [...p.parentElement!.querySelectorAll('*')].map((el) => [el.tagName.toLowerCase(), ...[...el.attributes].map((a) => a.name)]),
  );
  expect(found.length).toBeGreaterThan(5);
  for (const [tag, ...attributes] of found) {
    expect(ALLOWED_TAGS).toContain(tag);
    for (const a of attributes) expect([...ALLOWED_ATTR, 'target', 'rel']).toContain(a);
  }
  expect(await page.getByRole('link', { name: /Open your certificate/ }).getAttribute('class')).toBeNull();
  const link = page.getByRole('link', { name: 'Open your certificate (https://evil.example/certificate)' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const invoice = page.getByRole('link', { name: /invoice/ });
  expect(await invoice.getAttribute('ping')).toBeNull();
  expect(await invoice.getAttribute('download')).toBeNull();
  expect(await page.locator('main svg image, main svg use, main math, main area, main input[type=image]').count()).toBe(0);
  expect(await page.locator('main [style*="fixed"]').count()).toBe(0);
  expect(await page.locator('main img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')).filter((s) => s && /tracker/.test(s)))).toEqual([]);
  expect(ALLOWED_TAGS).not.toContain('svg');

  // Were the sanitiser ever to let one through, the policy blocks it.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://tracker.example/injected.png';
    img.alt = '';
    document.body.append(img);
  });
  await expect.poll(() => blocked).toContainEqual(expect.stringMatching(/^img-src https:\/\/tracker\.example\/injected\.png/));
  expect(remote.filter((u) => TRACKER.test(u))).toEqual([]);
});

test('students numbered __proto__, constructor, toString and hasOwnProperty import, and each one’s page opens', async ({ page }) => {
  test.slow(); // creates an assignment, imports four codes and opens four pages
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./#/teacher/new');
  await page.getByLabel('Class', { exact: true }).fill('Keys');
  await page.getByLabel('Assignment name').fill('Untrusted keys');
  await page.getByRole('checkbox', { name: /The price dropped the day after she ordered/ }).check();
  await page.getByRole('button', { name: 'Create the assignment' }).click();
  const link = await page.getByLabel('Link for students').inputValue();
  const decoded = decodeAssignment(link.slice(link.indexOf('#/a/') + 4));
  if (!('assignment' in decoded)) throw new Error(decoded.problem);
  const numbers = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  // Node and reply ids from the file are outside strings too.
  const codes = numbers.map((n) => sampleCode(decoded.assignment, n, { node: n, reply: 'valueOf' }));
  await page.getByRole('link', { name: 'Go to the results' }).click();
  await page.getByLabel('Or paste result codes (one or many)').fill(codes.join('\n\n'));
  await page.getByRole('button', { name: 'Import codes' }).click();
  await expect(page.getByTestId('import-report')).toContainText('Attempts added: 4');
  for (const n of numbers) {
    await page.getByRole('link', { name: `Ann ${n}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Ann ${n} (${n})` })).toBeVisible();
    await page.getByRole('link', { name: 'All results' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Untrusted keys');
  expect(errors).toEqual([]);
});

test('a shared case nested too deep to render is refused by the checker with its line, not a broken page', async ({ page }) => {
  const deep = seed.replace('# Briefing en\n', `# Briefing en\n\n${'> '.repeat(3000)}Why?\n`);
  const encoded = encodeCase(deep);
  if (!encoded.ok) throw new Error(encoded.problem);
  await page.goto(`./#/play?case=${encoded.token}`);
  await expect(page.getByRole('heading', { level: 1, name: /cannot be played|has problems|problem/i })).toBeVisible();
  await expect(page.getByText(/NESTING_TOO_DEEP/).first()).toBeVisible();
});

test('adding an assignment whose id is already here shows what differs and asks first', async ({ page }) => {
  await page.goto('./#/teacher/new');
  await page.getByLabel('Class', { exact: true }).fill('Mine');
  await page.getByLabel('Assignment name').fill('Original');
  await page.getByRole('checkbox', { name: /The price dropped the day after she ordered/ }).check();
  await page.getByRole('button', { name: 'Create the assignment' }).click();
  const link = await page.getByLabel('Link for students').inputValue();
  const decoded = decodeAssignment(link.slice(link.indexOf('#/a/') + 4));
  if (!('assignment' in decoded)) throw new Error(decoded.problem);
  const changed = encodeAssignment({ ...decoded.assignment, title: 'Changed', pass: { minSatisfaction: 10, minCompliance: 10, criticalFails: false } });
  await page.goto('./#/teacher');
  await page.getByLabel('Assignment link').fill(`${link.slice(0, link.indexOf('#/a/'))}#/a/${changed}`);
  await page.getByRole('button', { name: 'Add and open its results' }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('Name: Original → Changed');
  await expect(ask).toContainText('To pass (satisfaction / compliance)');
  await ask.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByRole('link', { name: /Original/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Changed/ })).toHaveCount(0);
});

test('one damaged saved attempt is set aside with a notice and the student’s other work still loads', async ({ page }) => {
  await page.goto('./#/teacher/new');
  await page.getByLabel('Class', { exact: true }).fill('C');
  await page.getByLabel('Assignment name').fill('Saved work');
  await page.getByRole('checkbox', { name: /The price dropped the day after she ordered/ }).check();
  await page.getByRole('button', { name: 'Create the assignment' }).click();
  const link = await page.getByLabel('Link for students').inputValue();
  const decoded = decodeAssignment(link.slice(link.indexOf('#/a/') + 4));
  if (!('assignment' in decoded)) throw new Error(decoded.problem);
  const a = decoded.assignment;
  await page.goto(link);
  await page.getByLabel('Name').fill('Ann');
  await page.getByLabel('Student number').fill('7');
  await page.getByRole('button', { name: 'Start the assignment' }).click();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  // A damaged attempt beside the student's saved work, as a broken write might leave it.
  await page.evaluate((key) => {
    const p = JSON.parse(localStorage.getItem(key)!);
    p.attempts = [{ caseId: 'x', steps: 5 }];
    localStorage.setItem(key, JSON.stringify(p));
  }, `dispute-desk:assignment:${a.id}`);
  await page.reload();
  await expect(page.getByText('1 saved attempt(s) on this assignment could not be read')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  // Offered for download, as it was stored.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download damaged-save-assignment-/ }).click()]);
  expect(JSON.parse(readFileSync((await file.path())!, 'utf8'))).toEqual([{ caseId: 'x', steps: 5 }]);
  // Still in storage, as it was: kept for the teacher, never counted.
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), `dispute-desk:assignment:${a.id}`);
  expect([...stored.attempts, ...(stored.damaged ?? [])]).toContainEqual({ caseId: 'x', steps: 5 });
  // Until the student dismisses the notice: then it is deleted, and not spoken of again.
  await page.getByRole('button', { name: 'Dismiss and delete' }).click();
  await expect(page.getByText('could not be read')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByText('could not be read')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), `dispute-desk:assignment:${a.id}`)).not.toContain('"steps":5');
});
