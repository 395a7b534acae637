/**
 * Build, dev server and unit/component test configuration.
 *
 * `base: './'` keeps every URL in the built site relative, so `dist/` works from any folder of any
 * static host and inside an LMS package. The cases plugin validates and compiles `scenarios/` at
 * build time; an invalid case fails the build with its diagnostics (the dev server lists it with them
 * instead). `DISPUTE_DESK_CASES` names another cases folder, for a test or a teacher's own set.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { casesPlugin } from './src/build/cases-plugin.ts';
import { cspPlugin } from './src/build/csp-plugin.ts';
import { filesPlugin } from './src/build/files-plugin.ts';
import { pageChunkName } from './src/build/page-chunks.ts';
import { routePreloadPlugin } from './src/build/route-preload-plugin.ts';
import { LONGEST_HASH, TOO_LONG_HASH } from './src/ui/hash-limit.ts';
import { detectLang, LANG_STORAGE_KEY } from './src/ui/lang.ts';

const HOME = '/src/ui/pages/Home.svelte';
/**
 * Svelte's two-way bindings of form fields. Only the library's filters and the teacher's and
 * student's forms use them, but Svelte's runtime is imported as one whole, so they would otherwise
 * ride along with every page (about 1 kB gzip on the case page). They get a script of their own,
 * and are declared free of side effects (they only define functions) so that a page which binds no
 * field does not load that script.
 */
const FORM_BINDINGS = /\/node_modules\/svelte\/src\/internal\/client\/dom\/elements\/bindings\/(input|select)\.js$/;
const CASE_PAGE = '/src/ui/pages/CasePage.svelte';
/** Module ids in the build are absolute paths. */
const here = (path: string) => fileURLToPath(new URL(`.${path}`, import.meta.url));

export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [
    casesPlugin({ dir: process.env.DISPUTE_DESK_CASES || 'scenarios' }),
    filesPlugin(),
    cspPlugin(),
    routePreloadPlugin([
      { hash: /^(#\/?)?$/, module: HOME },
      { hash: /^#\/case\/[^/]+\/?$/, module: CASE_PAGE },
    ], {
      detect: detectLang,
      storageKey: LANG_STORAGE_KEY,
      modules: { en: '/src/ui/strings/en.ts', 'zh-CN': '/src/ui/strings/zh.ts' },
    }, { longest: LONGEST_HASH, replacement: TOO_LONG_HASH }),
    svelte(),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: { moduleSideEffects: [{ test: FORM_BINDINGS, sideEffects: false }] },
      output: {
        // The learner's two pages: `app` (the frame and what the library and a case page share) and
        // `player` (what only the case page runs); see `page-chunks.ts`.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'form-bindings', test: FORM_BINDINGS, priority: 1 },
            { debugName: 'learner pages', name: pageChunkName({ main: here('/src/main.ts'), pages: [here(HOME), here(CASE_PAGE)], player: here(CASE_PAGE) }) },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});
