/**
 * Build, dev server and unit/component test configuration.
 *
 * `base: './'` keeps every URL in the built site relative, so `dist/` works from any folder of any
 * static host and inside an LMS package. The cases plugin validates and compiles `scenarios/` at
 * build time; an invalid case fails the build with its diagnostics (the dev server lists it with them
 * instead). `DISPUTE_DESK_CASES` names another cases folder, for a test or a teacher's own set.
 */
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { casesPlugin } from './src/build/cases-plugin.ts';
import { cspPlugin } from './src/build/csp-plugin.ts';
import { filesPlugin } from './src/build/files-plugin.ts';
import { routePreloadPlugin } from './src/build/route-preload-plugin.ts';
import { LONGEST_HASH, TOO_LONG_HASH } from './src/ui/hash-limit.ts';
import { detectLang, LANG_STORAGE_KEY } from './src/ui/lang.ts';

const APP = [
  'node_modules/svelte/', 'node_modules/clsx/', 'node_modules/esm-env/', 'virtual:cases',
  'src/engine/conversation.ts', 'src/engine/paths.ts',
  'src/ui/App.svelte', 'src/ui/i18n.ts', 'src/ui/locale.svelte.ts', 'src/ui/router.svelte.ts',
  'src/ui/teacher/routes.ts', 'src/ui/assignment/routes.ts', 'src/ui/studio/routes.ts',
  'src/ui/notices.svelte.ts', 'src/ui/settings.ts', 'src/ui/settings.svelte.ts', 'src/ui/storage.ts',
  'src/ui/cases.ts', 'src/ui/history.ts', 'src/ui/saves.ts', 'src/ui/hash-limit.ts',
  'src/ui/components/CaseFacts.svelte', 'src/ui/components/LanguageSwitch.svelte', 'src/ui/components/Notices.svelte',
];
const PLAYER = [
  'node_modules/xstate/', 'src/engine/machine.ts',
  'src/ui/conversation.svelte.ts', 'src/ui/format.ts', 'src/ui/lookup.ts',
  'src/ui/pages/CasePage.svelte', 'src/ui/pages/CasePlay.svelte',
  ...['Chat', 'FeedbackPanel', 'Replies', 'RuleItem', 'MoodFace', 'MoodBar', 'StatusBar', 'OrderCard', 'CaseHeader', 'SaveNotice', 'Dialog'].map(
    (name) => `src/ui/components/${name}.svelte`,
  ),
];
/** Module ids are absolute paths (or `\0virtual:…`); a component's styles carry a query after the path. */
const inAny = (paths: string[]) => (id: string) => {
  const path = id.replaceAll('\\', '/').split('?')[0];
  return paths.some((p) => (p.endsWith('/') ? path.includes(p) : path.endsWith(p)));
};

export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [
    casesPlugin({ dir: process.env.DISPUTE_DESK_CASES || 'scenarios' }),
    filesPlugin(),
    cspPlugin(),
    routePreloadPlugin([
      { hash: /^(#\/?)?$/, module: '/src/ui/pages/Home.svelte' },
      { hash: /^#\/case\/[^/]+\/?$/, module: '/src/ui/pages/CasePage.svelte' },
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
      output: {
        // Two scripts hold nearly everything the learner's pages run: `app` (the frame and what the
        // library and a case page share) and `player` (the playing screen and its engine). Fewer,
        // larger scripts compress better and arrive together; the rest splits by page as usual.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'app', test: inAny(APP) },
            { name: 'player', test: inAny(PLAYER) },
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
