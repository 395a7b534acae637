/**
 * A stand-in LMS for the SCORM browser tests: a course page at http://lms.test/course that loads
 * scorm-again as the SCORM runtime (1.2 or 2004) with the learner's CMI data, shows the package in an
 * iframe, and records every commit the package sends. All of it is served by page.route, so the test
 * never depends on a second server: the package's files come from the caller (the downloaded zip, or
 * the built site on disk).
 */
import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { LAUNCH_FILE, type ScormVersion } from '../../src/assignment/scorm.ts';

export type Cmi = Record<string, any>;

/** A file of the package by its path inside the package, or undefined when there is none. */
export type PackageFiles = (path: string) => Uint8Array | string | undefined;

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  webmanifest: 'application/manifest+json',
};

/** The built site (`dist/`, which the browser tests' web server builds first) as a package's files. */
export function builtSite(extra: Record<string, string> = {}): PackageFiles {
  return (path) => {
    if (path in extra) return extra[path];
    const file = normalize(join('dist', path));
    if (!file.startsWith('dist') || !existsSync(file)) return undefined;
    return readFileSync(file);
  };
}

/** The learner as the LMS knows them, in the data model of `version`. */
export const learner = (version: ScormVersion, id: string, name: string): Cmi =>
  version === '1.2' ? { core: { student_id: id, student_name: name } } : { learner_id: id, learner_name: name };

/**
 * Opens the course page in a new page of `context`: scorm-again with `cmi` loaded, the package's
 * `launch` file in an iframe. `commits` fills with the CMI data of each commit, newest last.
 */
export async function openLms(
  context: BrowserContext,
  version: ScormVersion,
  cmi: Cmi,
  files: PackageFiles,
  launch = LAUNCH_FILE,
): Promise<{ page: Page; course: FrameLocator; commits: Cmi[] }> {
  const commits: Cmi[] = [];
  const runtime = readFileSync(`node_modules/scorm-again/dist/${version === '1.2' ? 'scorm12' : 'scorm2004'}.min.js`, 'utf8');
  const api = version === '1.2' ? 'window.API = new Scorm12API' : 'window.API_1484_11 = new Scorm2004API';
  const setup = `${api}({ lmsCommitUrl: '/commit', autocommit: false, logLevel: 5 });
    (window.API || window.API_1484_11).loadFromJSON(${JSON.stringify(cmi)});`;
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.route('http://lms.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/commit') {
      commits.push(route.request().postDataJSON().cmi);
      return route.fulfill({ json: { result: true, errorCode: 0 } });
    }
    if (path === '/runtime.js') return route.fulfill({ body: runtime, contentType: 'text/javascript' });
    if (path === '/course')
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Course</title><script src="/runtime.js"></script><script>${setup}</script>
          <iframe title="Course" src="/pkg/${launch}" style="width:100%;height:95vh;border:0"></iframe></html>`,
      });
    const name = decodeURIComponent(path.replace(/^\/pkg\//, ''));
    const file = files(name);
    if (file === undefined) return route.fulfill({ status: 404 });
    const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return route.fulfill({ body: typeof file === 'string' ? file : Buffer.from(file), contentType: type });
  });
  await page.goto('http://lms.test/course');
  return { page, course: page.frameLocator('iframe'), commits };
}
