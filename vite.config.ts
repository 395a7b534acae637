/**
 * Build, dev server and unit/component test configuration.
 *
 * `base: './'` keeps every URL in the built site relative, so `dist/` works from any folder of any
 * static host and inside an LMS package. The cases plugin validates and compiles `scenarios/` at
 * build time; an invalid case fails the build with its diagnostics.
 */
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { casesPlugin } from './src/build/cases-plugin.ts';
import { filesPlugin } from './src/build/files-plugin.ts';
import { routePreloadPlugin } from './src/build/route-preload-plugin.ts';

export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [
    casesPlugin({ dir: 'scenarios' }),
    filesPlugin(),
    routePreloadPlugin([
      { hash: /^(#\/?)?$/, module: '/src/ui/pages/Home.svelte' },
      { hash: /^#\/case\/[^/]+\/?$/, module: '/src/ui/pages/CasePage.svelte' },
    ]),
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
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'common', test: /src[\\/](engine[\\/](conversation|paths)\.ts|ui[\\/](history|saves)\.ts|ui[\\/]components[\\/]CaseFacts\.svelte)/ },
            { name: 'player', test: /node_modules[\\/]xstate[\\/]|src[\\/]engine[\\/]machine\.ts|src[\\/]ui[\\/](conversation\.svelte\.ts|format\.ts|lookup\.ts|pages[\\/]Case(Page|Play)\.svelte|components[\\/](Chat|FeedbackPanel|Replies|RuleItem|MoodFace|MoodBar|StatusBar|OrderCard|CaseHeader|SaveNotice|Dialog)\.svelte)/ },
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
