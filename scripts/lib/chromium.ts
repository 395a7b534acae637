/**
 * Which Chromium the benchmark drives, as the Playwright tests choose it: `$CHROMIUM_PATH`, else the
 * system's, else Playwright's own download.
 */
import { execSync } from 'node:child_process';

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
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

/** Quiet, offline-friendly flags for headless runs in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
