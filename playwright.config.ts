/**
 * Browser tests run against the built site (`vite build` + `vite preview`) in Chromium.
 *
 * Which Chromium: `$CHROMIUM_PATH` if set, else the system's (Debian's `chromium` package), else
 * Playwright's own download. Machines without internet access cannot download Playwright's
 * browser, so the system one comes first.
 */
import { defineConfig, devices } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execSync(`command -v ${name}`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
      if (path) return path;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const executablePath = systemChromium();
if (!executablePath && !process.env.PLAYWRIGHT_BROWSERS_PATH)
  console.warn(
    'No system Chromium found: using Playwright\'s own browser. If the tests cannot start it, run ' +
      '`npx playwright install chromium`, or install Chromium (Debian: `apt-get install chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );

// Another port (E2E_PORT) lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // On a busy two-core machine (CI, or a second suite running beside this one) a page with a full
  // axe scan or a whole case played takes up to about 30 s: each test gets twice that.
  timeout: 60_000,
  // A shared case is checked and rendered in the page before it shows: with a second suite running
  // beside this one that alone has taken 5 s, Playwright's default wait for an expectation.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
